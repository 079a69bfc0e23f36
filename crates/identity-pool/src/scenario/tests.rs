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

#[test]
fn more_than_25_rules_is_an_error() {
    let rule = r#"{"Claim": "a", "MatchType": "Equals", "Value": "b", "RoleARN": "arn:aws:iam::123456789012:role/Guest"}"#;
    let rules = vec![rule; 26].join(",");
    let mappings = format!(
        r#"{{"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf:4abc": {{"Type": "Rules", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {{"Rules": [{rules}]}}}}}}"#
    );
    assert!(codes(&doc(&mappings, TRUST, "{}"))
        .iter()
        .any(|c| c.ends_with("too_many_rules")));
}

#[test]
fn role_arns_must_be_defined() {
    let rule = r#"{"Claim": "a", "MatchType": "Equals", "Value": "b", "RoleARN": "arn:aws:iam::123456789012:role/Nope"}"#;
    let mappings = format!(
        r#"{{"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf:4abc": {{"Type": "Rules", "AmbiguousRoleResolution": "Deny", "RulesConfiguration": {{"Rules": [{rule}]}}}}}}"#
    );
    assert!(codes(&doc(&mappings, TRUST, "{}"))
        .iter()
        .any(|c| c.ends_with("unknown_role")));
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
