use super::*;
use iam_policy::Severity;

fn codes(text: &str) -> Vec<String> {
    load_scenario(text)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

const BASE: &str = r#"{
  "identityPool": {
    "IdentityPoolId": "us-east-1:12345678-abcd-abcd-abcd-123456790ab",
    "AllowUnauthenticatedIdentities": true,
    "CognitoIdentityProviders": [{"ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf", "ClientId": "4abc"}]
  },
  "identityPoolRoles": {
    "Roles": {"unauthenticated": "arn:aws:iam::123456789012:role/Guest"},
    "RoleMappings": MAPPINGS
  },
  "roles": [{"RoleName": "Guest", "Arn": "arn:aws:iam::123456789012:role/Guest",
             "AssumeRolePolicyDocument": TRUST, "Policies": []}],
  "signIn": SIGNIN
}"#;

fn doc(mappings: &str, trust: &str, sign_in: &str) -> String {
    BASE.replace("MAPPINGS", mappings)
        .replace("TRUST", trust)
        .replace("SIGNIN", sign_in)
}

const TRUST: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "x"}}}]}"#;

#[test]
fn a_clean_scenario_has_no_diagnostics() {
    let loaded = load_scenario(&doc("{}", TRUST, r#"{"identity": "unauthenticated"}"#));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.scenario.unwrap().roles.len(), 1);
}

#[test]
fn invalid_json_is_located() {
    let loaded = load_scenario("{\n  \"identityPool\": {,\n}");
    assert!(loaded.scenario.is_none());
    let d = &loaded.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.start.map(|p| p.line), Some(2));
}

#[test]
fn wrong_types_name_the_field_with_its_position() {
    let text = doc(
        "{}",
        TRUST,
        r#"{"identity": "unauthenticated", "claims": ["x"]}"#,
    );
    let loaded = load_scenario(&text);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "cognito::scenario::wrong_type")
        .unwrap();
    assert!(d.message.contains("`signIn.claims`"), "{}", d.message);
    assert_eq!(d.start.map(|p| p.line), Some(13));
    assert!(loaded.scenario.is_some(), "the rest is still simulated");
}

#[test]
fn unknown_fields_are_warnings_with_a_suggestion() {
    let text = doc("{}", TRUST, r#"{"Identity": "unauthenticated"}"#);
    let loaded = load_scenario(&text);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "cognito::scenario::unknown_field")
        .unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.help.as_deref().unwrap_or("").contains("`identity`"));
}

#[test]
fn a_mapping_for_an_unconfigured_provider_gets_the_aws_message() {
    let mappings = r#"{"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf:4abc": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"#;
    let loaded = load_scenario(&doc(mappings, TRUST, "{}"));
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code.ends_with("invalid_role_mapping_provider"))
        .unwrap();
    assert_eq!(
        d.message,
        "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf:4abc is not a valid RoleMapping ProviderName or is not a configured provider."
    );
    assert!(!loaded.scenario.unwrap().pool_roles.mappings[0].valid);
}

#[test]
fn an_empty_mapping_key_is_named_in_words() {
    let mappings = r#"{"": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"#;
    let loaded = load_scenario(&doc(mappings, TRUST, "{}"));
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code.ends_with("invalid_role_mapping_provider"))
        .unwrap();
    assert!(!d.message.starts_with(' '), "{:?}", d.message);
    assert_eq!(
        d.message,
        "a role-mapping key is empty; it must be the name of a configured provider"
    );
}

#[test]
fn user_pool_mappings_need_the_client_id() {
    let ok = r#"{"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf:4abc": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"#;
    assert!(!codes(&doc(ok, TRUST, "{}"))
        .iter()
        .any(|c| c.ends_with("invalid_role_mapping_provider")));
    let bare = r#"{"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}"#;
    assert!(codes(&doc(bare, TRUST, "{}"))
        .iter()
        .any(|c| c.ends_with("invalid_role_mapping_provider")));
}

/// A Rules mapping for the user pool with `count` copies of a rule naming `role`.
fn rules_mapping(role: &str, count: usize) -> String {
    let rule = format!(
        r#"{{"Claim": "a", "MatchType": "Equals", "Value": "b", "RoleARN": "arn:aws:iam::123456789012:role/{role}"}}"#
    );
    let rules = vec![rule; count].join(",");
    format!(
        r#"{{"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf:4abc": {{"Type": "Rules", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {{"Rules": [{rules}]}}}}}}"#
    )
}

fn reports(mappings: &str, code: &str) -> bool {
    codes(&doc(mappings, TRUST, "{}"))
        .iter()
        .any(|c| c.ends_with(code))
}

#[test]
fn more_than_25_rules_is_an_error() {
    assert!(reports(&rules_mapping("Guest", 26), "too_many_rules"));
    assert!(!reports(&rules_mapping("Guest", 25), "too_many_rules"));
}

#[test]
fn role_arns_must_be_defined() {
    assert!(reports(&rules_mapping("Nope", 1), "unknown_role"));
    assert!(!reports(&rules_mapping("Guest", 1), "unknown_role"));
}

#[test]
fn policies_given_as_json_strings_are_read_and_located() {
    let as_string = serde_json::to_string(TRUST).unwrap();
    let loaded = load_scenario(&doc("{}", &as_string, "{}"));
    let scenario = loaded.scenario.unwrap();
    assert!(scenario.roles[0].trust.as_ref().unwrap().policy.is_some());
    let broken = serde_json::to_string(r#"{"Version": "2012-10-17", "Statement": 3}"#).unwrap();
    let loaded = load_scenario(&doc("{}", &broken, "{}"));
    assert!(loaded
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.start.is_some()));
}

#[test]
fn inputs_over_the_size_limit_are_refused_without_a_crash() {
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(MAX_SCENARIO_BYTES));
    let loaded = load_scenario(&big);
    assert!(loaded.scenario.is_none());
    assert!(loaded.has_errors());
}

#[test]
fn nothing_panics_on_odd_shapes() {
    for text in [
        "",
        "[]",
        "null",
        "{\"identityPool\": []}",
        "{\"roles\": {}}",
        "{\"signIn\": {\"basic\": 1}}",
        "{\"requests\": [1, {\"action\": 2}]}",
    ] {
        let loaded = load_scenario(text);
        assert!(!loaded.diagnostics.is_empty(), "{text}");
    }
}

#[test]
fn cognito_trust_without_condition_or_aud_is_warned() {
    let bare = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}"#;
    assert!(codes(&doc("{}", bare, "{}"))
        .iter()
        .any(|c| c.ends_with("cognito_trust_without_condition")));
    let no_aud = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "unauthenticated"}}}]}"#;
    assert!(codes(&doc("{}", no_aud, "{}"))
        .iter()
        .any(|c| c.ends_with("cognito_trust_without_aud")));
    assert!(!codes(&doc("{}", TRUST, "{}"))
        .iter()
        .any(|c| c.contains("cognito_trust")));
}

proptest::proptest! {
    /// Any text, and any cut of a valid scenario, loads without a panic, and everything
    /// reported carries a position.
    #[test]
    fn loading_never_panics(text in "\\PC{0,200}", cut in 0usize..2000) {
        let loaded = load_scenario(&text);
        proptest::prop_assert!(loaded.diagnostics.iter().all(|d| d.start.is_some()));
        let valid = doc("{}", TRUST, r#"{"identity": "unauthenticated"}"#);
        let cut = valid.char_indices().map(|(i, _)| i).find(|i| *i >= cut % valid.len()).unwrap_or(0);
        let loaded = load_scenario(&valid[..cut]);
        proptest::prop_assert!(loaded.has_errors());
        if let Some(s) = &loaded.scenario {
            let report = crate::simulate(s);
            proptest::prop_assert!(!report.outcome.is_empty());
        }
    }
}

#[test]
fn role_names_and_foreign_identity_ids_are_flagged() {
    let text = doc("{}", TRUST, r#"{"identityId": "eu-west-1:abc"}"#)
        .replace("\"arn:aws:iam::123456789012:role/Guest\"}", "\"Guest\"}");
    let loaded = load_scenario(&text);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code.ends_with("role_name_not_arn"))
        .unwrap();
    assert!(d.message.contains("Access to Role 'Guest' is forbidden."));
    assert!(loaded
        .diagnostics
        .iter()
        .any(|d| d.code.ends_with("identity_id_region")));
}

#[test]
fn policy_findings_name_their_document() {
    let broken = r#"{"Version": "2012-10-17", "Statement": 3}"#;
    let loaded = load_scenario(&doc("{}", broken, "{}"));
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code.starts_with("iam::"))
        .unwrap();
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("`roles[0].AssumeRolePolicyDocument`"),
        "{:?}",
        d.help
    );
}
