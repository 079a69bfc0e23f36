//! End-to-end flows through `simulate_text`: each AWS error, the scope-down, principal tags
//! and the targeted explanations, on one base scenario varied per test.

// Helpers outside `#[test]` functions are test code too: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

use identity_pool::report::{Cause, Report};
use identity_pool::simulate_text;
use serde_json::{json, Value};

const POOL: &str = "us-east-1:12345678-abcd-abcd-abcd-123456790ab";
const UP: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf";

fn trust(amr: &str) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": "cognito-identity.amazonaws.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {"cognito-identity.amazonaws.com:aud": POOL},
                "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": amr}
            }
        }]
    })
}

fn allow(actions: &[&str], resource: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": resource}]})
}

fn role(name: &str, trust: Value, policy: Value) -> Value {
    json!({
        "RoleName": name,
        "Arn": format!("arn:aws:iam::123456789012:role/{name}"),
        "AssumeRolePolicyDocument": trust,
        "Policies": [{"PolicyName": "Access", "PolicyDocument": policy}]
    })
}

fn base() -> Value {
    json!({
        "name": "base",
        "identityPool": {
            "IdentityPoolId": POOL,
            "AllowUnauthenticatedIdentities": true,
            "AllowClassicFlow": true,
            "CognitoIdentityProviders": [{"ProviderName": UP, "ClientId": "4abc"}],
            "SupportedLoginProviders": {"graph.facebook.com": "7346241598935555"}
        },
        "identityPoolRoles": {"Roles": {
            "authenticated": "arn:aws:iam::123456789012:role/Auth",
            "unauthenticated": "arn:aws:iam::123456789012:role/Guest"
        }},
        "roles": [
            role("Guest", trust("unauthenticated"), allow(&["s3:GetObject", "ec2:DescribeInstances"], "*")),
            role("Auth", trust("authenticated"), allow(&["s3:*"], "arn:aws:s3:::mybucket/${cognito-identity.amazonaws.com:sub}/*")),
            role("Admin", trust("authenticated"), allow(&["*"], "*"))
        ],
        "signIn": {"identity": "unauthenticated", "flow": "enhanced"},
        "requests": [
            {"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/a.jpg"},
            {"action": "ec2:DescribeInstances", "resource": "*"}
        ]
    })
}

fn signed_in(mut s: Value) -> Value {
    s["signIn"] = json!({
        "identity": "authenticated", "provider": UP, "flow": "enhanced",
        "identityId": "us-east-1:aaaaaaaa-0000-0000-0000-000000000001",
        "claims": {"sub": "0f1e2d3c-user", "aud": "4abc", "custom:dept": "admin"}
    });
    s
}

fn run(s: &Value) -> Report {
    let report = simulate_text(&serde_json::to_string_pretty(s).unwrap());
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    report
}

fn error(report: &Report) -> (&str, &str, &str) {
    let e = report.error.as_ref().expect("an error");
    (e.code.as_str(), e.message.as_str(), e.explanation.as_str())
}

fn decisions(report: &Report) -> Vec<String> {
    report
        .requests
        .iter()
        .map(|r| r.decision.to_string())
        .collect()
}

#[test]
fn guest_enhanced_gets_scope_down() {
    let r = run(&base());
    assert_eq!(r.outcome, "issued");
    assert_eq!(decisions(&r), ["Allowed", "ImplicitDeny"]);
    let denied = &r.requests[1];
    assert_eq!(denied.cognito.as_ref().unwrap().cause, Cause::ScopeDown);
    assert!(denied
        .aws_message
        .as_deref()
        .unwrap_or("")
        .contains("because no session policy allows the ec2:DescribeInstances action"));
    let session = r.session.as_ref().unwrap();
    assert_eq!(
        session.assumed_role_arn,
        "arn:aws:sts::123456789012:assumed-role/Guest/CognitoIdentityCredentials"
    );
    assert_eq!(session.session_policies.len(), 2);
    assert!(r.scope_down.applied);
}

#[test]
fn guest_basic_flow_has_no_scope_down() {
    let mut s = base();
    s["signIn"]["flow"] = json!("basic");
    s["signIn"]["basic"] =
        json!({"RoleArn": "arn:aws:iam::123456789012:role/Guest", "RoleSessionName": "app"});
    let r = run(&s);
    assert_eq!(decisions(&r), ["Allowed", "Allowed"]);
    assert_eq!(r.session.as_ref().unwrap().session_name, "app");
    let steps: Vec<&str> = r.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        steps,
        [
            "GetId",
            "GetOpenIdToken",
            "AssumeRoleWithWebIdentity",
            "TrustPolicy"
        ]
    );
}

#[test]
fn guest_access_disabled() {
    let mut s = base();
    s["identityPool"]["AllowUnauthenticatedIdentities"] = json!(false);
    let r = run(&s);
    assert_eq!(error(&r).0, "NotAuthorizedException");
    assert_eq!(
        error(&r).1,
        "Unauthenticated access is not supported for this identity pool."
    );
    assert_eq!(r.error.as_ref().unwrap().operation, "GetId");
    let text = serde_json::to_string_pretty(&s).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("AllowUnauthenticatedIdentities"))
        .map(|i| i + 1);
    assert_eq!(
        r.error.as_ref().unwrap().position.map(|p| p.line),
        line,
        "points at the setting"
    );
    assert_eq!(decisions(&r), ["Error", "Error"]);
}

#[test]
fn assume_role_instead_of_web_identity() {
    let mut s = base();
    s["roles"][0]["AssumeRolePolicyDocument"]["Statement"][0]["Action"] = json!("sts:AssumeRole");
    let r = run(&s);
    let (code, message, why) = error(&r);
    assert_eq!(code, "InvalidIdentityPoolConfigurationException");
    assert_eq!(
        message,
        "Invalid identity pool configuration. Check assigned IAM roles for this pool."
    );
    assert!(why.contains("sts:AssumeRoleWithWebIdentity"), "{why}");
    let e = r.error.as_ref().unwrap();
    assert_eq!(
        (e.policy.as_deref(), e.operation.as_str()),
        (Some("Guest/trust"), "GetCredentialsForIdentity")
    );
    assert!(e.position.is_some());
}

#[test]
fn key_typo_is_called_out() {
    let mut s = base();
    s["roles"][0]["AssumeRolePolicyDocument"]["Statement"][0]["Condition"]
        ["ForAnyValue:StringLike"] = json!({"cognito-identity.amazon.com:amr": "unauthenticated"});
    let r = run(&s);
    assert!(
        error(&r).2.contains("`cognito-identity.amazonaws.com:amr`"),
        "{}",
        error(&r).2
    );
}

#[test]
fn wrong_pool_id_in_aud() {
    let mut s = base();
    s["roles"][0]["AssumeRolePolicyDocument"]["Statement"][0]["Condition"]["StringEquals"] = json!({"cognito-identity.amazonaws.com:aud": "us-east-1:99999999-0000-0000-0000-000000000000"});
    let r = run(&s);
    assert!(error(&r).2.contains(POOL), "{}", error(&r).2);
}

#[test]
fn amr_on_the_wrong_role() {
    let mut s = base();
    s["roles"][0]["AssumeRolePolicyDocument"] = trust("authenticated");
    let r = run(&s);
    assert!(error(&r).2.contains("swapped"), "{}", error(&r).2);
}

#[test]
fn service_principal_instead_of_federated() {
    let mut s = base();
    s["roles"][0]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] =
        json!({"Service": "cognito-identity.amazonaws.com"});
    let r = run(&s);
    assert_eq!(error(&r).0, "InvalidIdentityPoolConfigurationException");
    assert!(error(&r).2.contains("Federated"), "{}", error(&r).2);
}

#[test]
fn basic_flow_trust_failure_is_sts_access_denied() {
    let mut s = base();
    s["signIn"]["flow"] = json!("basic");
    s["signIn"]["basic"] = json!({"RoleArn": "arn:aws:iam::123456789012:role/Auth"});
    let r = run(&s);
    assert_eq!(error(&r).0, "AccessDenied");
    assert_eq!(
        error(&r).1,
        "Not authorized to perform sts:AssumeRoleWithWebIdentity"
    );
    assert_eq!(
        r.error.as_ref().unwrap().operation,
        "AssumeRoleWithWebIdentity"
    );
}

#[test]
fn basic_flow_disabled_or_with_mappings() {
    let mut s = base();
    s["signIn"]["flow"] = json!("basic");
    s["identityPool"]["AllowClassicFlow"] = json!(false);
    let r = run(&s);
    assert_eq!(error(&r).0, "InvalidParameterException");
    assert_eq!(
        error(&r).1,
        "Basic (classic) flow is not enabled, please use enhanced flow."
    );
    s["identityPool"]["AllowClassicFlow"] = json!(true);
    s["identityPoolRoles"]["RoleMappings"] = json!({format!("{UP}:4abc"): {"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole"}});
    let r = run(&s);
    assert_eq!(
        error(&r).1,
        "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow."
    );
}

#[test]
fn basic_flow_parameter_limits() {
    let mut s = base();
    s["signIn"]["flow"] = json!("basic");
    s["signIn"]["basic"] =
        json!({"RoleArn": "arn:aws:iam::123456789012:role/Guest", "DurationSeconds": 7200});
    let r = run(&s);
    assert_eq!(
        error(&r).1,
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
    );
    s["signIn"]["basic"]["DurationSeconds"] = json!(600);
    assert_eq!(error(&run(&s)).0, "ValidationError");
    let actions: Vec<String> = (0..200)
        .map(|i| format!("s3:GetObjectVersion{i}"))
        .collect();
    s["signIn"]["basic"] = json!({"RoleArn": "arn:aws:iam::123456789012:role/Guest",
        "Policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}});
    let r = run(&s);
    assert_eq!(error(&r).0, "ValidationError");
    assert!(error(&r).1.contains("2048"));
}

#[test]
fn basic_flow_session_policy_narrows_the_role() {
    let mut s = base();
    s["signIn"]["flow"] = json!("basic");
    s["signIn"]["basic"] = json!({"RoleArn": "arn:aws:iam::123456789012:role/Guest", "Policy": allow(&["s3:GetObject"], "*")});
    let r = run(&s);
    assert_eq!(decisions(&r), ["Allowed", "ImplicitDeny"]);
    assert_eq!(
        r.requests[1].cognito.as_ref().unwrap().cause,
        Cause::SessionPolicy
    );
}

#[test]
fn signed_in_user_and_identity_id_vs_sub() {
    let mut s = signed_in(base());
    s["requests"] = json!([
        {"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/us-east-1:aaaaaaaa-0000-0000-0000-000000000001/a.jpg"},
        {"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/0f1e2d3c-user/a.jpg"}
    ]);
    let r = run(&s);
    assert_eq!(r.outcome, "issued");
    assert_eq!(
        r.token.as_ref().unwrap().amr,
        [
            "authenticated",
            UP,
            &format!("{UP}:CognitoSignIn:0f1e2d3c-user")
        ]
    );
    assert_eq!(decisions(&r), ["Allowed", "ImplicitDeny"]);
    assert_eq!(
        r.requests[1].cognito.as_ref().unwrap().cause,
        Cause::IdentityIdVsSub
    );
    assert!(!r.scope_down.applied);
}

#[test]
fn rules_pick_the_role_and_deny_when_ambiguous() {
    let mut s = signed_in(base());
    s["identityPoolRoles"]["RoleMappings"] = json!({format!("{UP}:4abc"): {
        "Type": "Rules", "AmbiguousRoleResolution": "Deny",
        "RulesConfiguration": {"Rules": [{"Claim": "custom:dept", "MatchType": "Equals", "Value": "admin", "RoleARN": "arn:aws:iam::123456789012:role/Admin"}]}
    }});
    let r = run(&s);
    assert_eq!(
        r.session.as_ref().unwrap().role_arn,
        "arn:aws:iam::123456789012:role/Admin"
    );
    s["signIn"]["claims"]["custom:dept"] = json!("sales");
    let r = run(&s);
    assert_eq!(error(&r).0, "NotAuthorizedException");
    assert!(error(&r)
        .1
        .starts_with("The ambiguous role mapping rules for: "));
}

#[test]
fn principal_tags_need_tag_session_and_resolve_in_policies() {
    let mut s = signed_in(base());
    s["principalTagAttributeMaps"] = json!([{"IdentityProviderName": UP, "UseDefaults": true}]);
    let r = run(&s);
    assert_eq!(error(&r).0, "InvalidIdentityPoolConfigurationException");
    assert!(error(&r).2.contains("sts:TagSession"), "{}", error(&r).2);
    s["roles"][1]["AssumeRolePolicyDocument"]["Statement"][0]["Action"] =
        json!(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]);
    s["roles"][1]["Policies"][0]["PolicyDocument"] = allow(
        &["s3:GetObject"],
        "arn:aws:s3:::mybucket/${aws:PrincipalTag/username}/*",
    );
    s["requests"] = json!([{"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/0f1e2d3c-user/a.jpg"}]);
    let r = run(&s);
    assert_eq!(r.outcome, "issued");
    let tags = &r.session.as_ref().unwrap().principal_tags;
    assert_eq!(
        tags.get("username").map(String::as_str),
        Some("0f1e2d3c-user")
    );
    assert_eq!(tags.get("client").map(String::as_str), Some("4abc"));
    assert_eq!(decisions(&r), ["Allowed"]);
}

#[test]
fn provider_token_checks() {
    let mut s = signed_in(base());
    s["signIn"]["claims"]["aud"] = json!("wrong-client");
    assert_eq!(
        error(&run(&s)).1,
        "Token is not from a supported provider of this identity pool."
    );
    let mut s = signed_in(base());
    s["signIn"]["claims"]["iss"] =
        json!("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other");
    assert_eq!(
        error(&run(&s)).1,
        "Invalid login token. Issuer doesn't match providerName"
    );
    let mut s = signed_in(base());
    s["signIn"]["provider"] = json!("accounts.google.com");
    assert_eq!(error(&run(&s)).0, "NotAuthorizedException");
}

#[test]
fn facebook_amr_and_provider_restricted_trust() {
    let mut s = base();
    s["signIn"] = json!({"identity": "authenticated", "provider": "graph.facebook.com", "claims": {"sub": "10157", "aud": "7346241598935555"}});
    s["roles"][1]["AssumeRolePolicyDocument"]["Statement"][0]["Condition"]
        ["ForAnyValue:StringLike"] =
        json!({"cognito-identity.amazonaws.com:amr": "accounts.google.com"});
    let r = run(&s);
    assert_eq!(error(&r).0, "InvalidIdentityPoolConfigurationException");
    assert!(
        error(&r).2.contains("graph.facebook.com"),
        "{}",
        error(&r).2
    );
}

#[test]
fn saml_assertion_roles_and_custom_role_arn() {
    let saml = "arn:aws:iam::123456789012:saml-provider/Corp";
    let mut s = base();
    s["identityPool"]["SamlProviderARNs"] = json!([saml]);
    s["signIn"] = json!({"identity": "authenticated", "provider": saml, "claims": {
        "https://aws.amazon.com/SAML/Attributes/Role": [
            format!("arn:aws:iam::123456789012:role/Admin,{saml}"),
            format!("{saml},arn:aws:iam::123456789012:role/Auth")
        ]
    }});
    s["signIn"]["customRoleArn"] = json!("arn:aws:iam::123456789012:role/Admin");
    let r = run(&s);
    assert_eq!(
        r.session.as_ref().unwrap().role_arn,
        "arn:aws:iam::123456789012:role/Admin"
    );
    assert_eq!(r.token.as_ref().unwrap().amr, ["authenticated", saml]);
    s["signIn"]["customRoleArn"] = json!("arn:aws:iam::123456789012:role/Guest");
    assert_eq!(error(&run(&s)).0, "NotAuthorizedException");
}

#[test]
fn a_role_missing_from_the_scenario_fails_at_its_mention() {
    let mut s = base();
    s["identityPoolRoles"]["Roles"]["unauthenticated"] =
        json!("arn:aws:iam::123456789012:role/Gone");
    let report = simulate_text(&serde_json::to_string_pretty(&s).unwrap());
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code.ends_with("unknown_role")));
    let e = report.error.as_ref().unwrap();
    assert_eq!(e.code, "InvalidIdentityPoolConfigurationException");
    assert!(e.position.is_some());
}

#[test]
fn for_all_values_on_amr_is_explained() {
    let mut s = signed_in(base());
    let statement = &mut s["roles"][1]["AssumeRolePolicyDocument"]["Statement"][0]["Condition"];
    statement["ForAllValues:StringLike"] = statement["ForAnyValue:StringLike"].take();
    statement
        .as_object_mut()
        .unwrap()
        .remove("ForAnyValue:StringLike");
    let r = run(&s);
    assert_eq!(error(&r).0, "InvalidIdentityPoolConfigurationException");
    assert!(error(&r).2.contains("ForAllValues"), "{}", error(&r).2);
    assert!(r
        .error
        .as_ref()
        .unwrap()
        .fix
        .contains("ForAnyValue:StringLike"));
}

#[test]
fn the_aws_call_that_answered_with_the_error_is_marked_failed() {
    let mut s = base();
    s["roles"][0]["AssumeRolePolicyDocument"]["Statement"][0]["Action"] = json!("sts:AssumeRole");
    let r = run(&s);
    let status = |name: &str| {
        r.steps
            .iter()
            .find(|st| st.name == name)
            .map(|st| format!("{:?}", st.status))
    };
    assert_eq!(
        status("GetCredentialsForIdentity").as_deref(),
        Some("Failed")
    );
    assert_eq!(status("TrustPolicy").as_deref(), Some("Failed"));
    assert_eq!(status("GetId").as_deref(), Some("Ok"));
}

#[test]
fn uncertain_scope_down_decisions_carry_the_other_versions_outcomes() {
    let mut s = base();
    s["roles"][0] = role(
        "Guest",
        trust("unauthenticated"),
        allow(&["mobiletargeting:PutEvents", "s3:GetObject"], "*"),
    );
    s["requests"] = json!([
        {"action": "mobiletargeting:PutEvents", "resource": "*"},
        {"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/a.jpg"}
    ]);
    let r = run(&s);
    assert_eq!(r.scope_down.version.id, "guide-2023");
    assert_eq!(r.scope_down.versions.len(), 3);
    assert_eq!(decisions(&r), ["ImplicitDeny", "Allowed"]);
    let pinpoint = &r.requests[0];
    let others: Vec<(&str, &str)> = pinpoint
        .readings
        .iter()
        .map(|g| (g.assumption.as_str(), g.outcome.as_str()))
        .collect();
    assert_eq!(others.len(), 2, "{others:?}");
    assert!(others.iter().all(|(_, outcome)| *outcome == "Allowed"));
    assert!(pinpoint
        .cognito
        .as_ref()
        .unwrap()
        .summary
        .contains("Uncertain: under scope-down version `guide-2022`"));
    assert!(r.requests[1].readings.is_empty(), "S3 is on every list");

    s["scopeDownVersion"] = json!("managed-policy-2024");
    let r = run(&s);
    assert_eq!(decisions(&r), ["Allowed", "Allowed"]);
    let session = r.session.as_ref().unwrap();
    assert!(session.session_policies.iter().any(|p| p
        .arn
        .as_deref()
        .is_some_and(|a| a.ends_with("AmazonCognitoUnAuthedIdentitiesSessionPolicy"))));
    // The 2023 reading denies it: that is the reading shown next to this run's Allowed.
    assert_eq!(r.requests[0].readings.len(), 1);
    assert_eq!(r.requests[0].readings[0].outcome, "ImplicitDeny");
}

#[test]
fn an_absent_allow_classic_flow_is_refused_as_assumed_with_the_other_outcome() {
    let mut s = signed_in(base());
    s["identityPool"]
        .as_object_mut()
        .unwrap()
        .remove("AllowClassicFlow");
    s["signIn"]["flow"] = json!("basic");
    let r = run(&s);
    let e = r.error.as_ref().unwrap();
    assert_eq!(e.code, "InvalidParameterException");
    assert_eq!(e.confidence, identity_pool::Confidence::Assumed);
    assert!(
        e.explanation.contains("if it means enabled"),
        "{}",
        e.explanation
    );
    assert_eq!(r.readings.len(), 1);
    assert_eq!(r.readings[0].outcome, "issued");
    assert!(r
        .notes
        .iter()
        .all(|n| n.topic.id() != "classic-flow-default"));
    // With the field written, nothing is uncertain.
    s["identityPool"]["AllowClassicFlow"] = json!(false);
    let r = run(&s);
    assert_eq!(
        r.error.as_ref().unwrap().confidence,
        identity_pool::Confidence::Observed
    );
    assert!(r.readings.is_empty());
}

#[test]
fn the_ambiguous_deny_is_observed_for_social_providers_and_assumed_for_user_pools() {
    let mapping = |key: &str| {
        json!({key: {"Type": "Rules", "AmbiguousRoleResolution": "Deny",
            "RulesConfiguration": {"Rules": [{"Claim": "custom:dept", "MatchType": "Equals",
                "Value": "nobody", "RoleARN": "arn:aws:iam::123456789012:role/Admin"}]}}})
    };
    let mut s = signed_in(base());
    s["identityPoolRoles"]["RoleMappings"] = mapping(&format!("{UP}:4abc"));
    let r = run(&s);
    assert_eq!(
        r.error.as_ref().unwrap().confidence,
        identity_pool::Confidence::Assumed
    );
    s["identityPoolRoles"]["RoleMappings"] = mapping("graph.facebook.com");
    s["signIn"] = json!({"identity": "authenticated", "provider": "graph.facebook.com",
        "claims": {"sub": "10157", "aud": "7346241598935555"}});
    let r = run(&s);
    let e = r.error.as_ref().unwrap();
    assert_eq!(
        e.message,
        "The ambiguous role mapping rules for: graph.facebook.com denied this request."
    );
    assert_eq!(e.confidence, identity_pool::Confidence::Observed);
    let note = r
        .notes
        .iter()
        .find(|n| n.topic.id() == "ambiguous-deny")
        .unwrap();
    assert_eq!(note.confidence, identity_pool::Confidence::Observed);
}

#[test]
fn every_blocking_layer_is_named_not_only_the_first() {
    // A guest asks for Pinpoint: the role has no Allow for it, and the enhanced flow's
    // scope-down (guide-2023 reading) would deny it too. Adding the Allow alone would not be
    // enough, so both are named at once.
    let mut s = base();
    s["roles"][0] = role(
        "Guest",
        trust("unauthenticated"),
        allow(&["s3:GetObject"], "*"),
    );
    s["requests"] = json!([{"action": "mobiletargeting:PutEvents", "resource": "*"}]);
    let r = run(&s);
    assert_eq!(decisions(&r), ["ImplicitDeny"]);
    let q = &r.requests[0];
    assert_eq!(q.cognito.as_ref().unwrap().cause, Cause::AccessPolicy);
    let also: Vec<Cause> = q.also_blocking.iter().map(|b| b.cause).collect();
    assert_eq!(also, [Cause::ScopeDown]);
    assert!(
        q.also_blocking[0].summary.contains("scope-down"),
        "{}",
        q.also_blocking[0].summary
    );
    let e = q.explanation.as_ref().unwrap();
    let layers: Vec<_> = e.blocking.iter().map(|b| b.layer).collect();
    assert_eq!(
        layers,
        [
            Some(iam_policy::Layer::Identity),
            Some(iam_policy::Layer::Session)
        ]
    );
    assert!(e
        .summary
        .contains("; also blocking it: no statement in the session policies"));

    // With the Allow added, the scope-down is the one layer left, and nothing is "also".
    s["roles"][0] = role(
        "Guest",
        trust("unauthenticated"),
        allow(&["mobiletargeting:PutEvents"], "*"),
    );
    let r = run(&s);
    assert_eq!(
        r.requests[0].cognito.as_ref().unwrap().cause,
        Cause::ScopeDown
    );
    assert!(r.requests[0].also_blocking.is_empty());
}

#[test]
fn steps_are_named_after_the_aws_operation_they_happen_in() {
    let labels = |r: &Report| -> Vec<(String, String, String)> {
        r.steps
            .iter()
            .map(|s| (s.name.clone(), s.operation.clone(), s.label.clone()))
            .collect()
    };
    let mut s = base();
    // The guest role's trust policy is for signed-in identities: the check fails.
    s["roles"][0] = role(
        "Guest",
        trust("authenticated"),
        allow(&["s3:GetObject"], "*"),
    );
    let r = run(&s);
    let steps = labels(&r);
    let trust = steps.iter().find(|(n, _, _)| n == "TrustPolicy").unwrap();
    assert_eq!(trust.1, "GetCredentialsForIdentity");
    assert!(
        trust.2.starts_with("GetCredentialsForIdentity: "),
        "{}",
        trust.2
    );
    assert!(
        steps
            .iter()
            .all(|(_, _, label)| !label.starts_with("TrustPolicy")),
        "{steps:?}"
    );
    s["signIn"]["flow"] = json!("basic");
    s["signIn"]["basic"] = json!({"RoleArn": "arn:aws:iam::123456789012:role/Guest"});
    let r = run(&s);
    let steps = labels(&r);
    let trust = steps.iter().find(|(n, _, _)| n == "TrustPolicy").unwrap();
    assert_eq!(trust.1, "AssumeRoleWithWebIdentity");
    assert!(
        trust.2.starts_with("AssumeRoleWithWebIdentity: "),
        "{}",
        trust.2
    );
    let get_id = steps.iter().find(|(n, _, _)| n == "GetId").unwrap();
    assert_eq!((get_id.1.as_str(), get_id.2.as_str()), ("GetId", "GetId"));
}

#[test]
fn an_empty_provider_is_called_missing_not_quoted_empty() {
    let mut s = signed_in(base());
    s["signIn"]["provider"] = json!("");
    let r = simulate_text(&serde_json::to_string_pretty(&s).unwrap());
    let e = r.error.as_ref().expect("an error");
    assert!(
        e.explanation.contains("no provider is chosen"),
        "{}",
        e.explanation
    );
    for text in [&e.explanation, &e.fix] {
        assert!(!text.contains("``") && !text.contains("for ,"), "{text}");
    }
    assert!(
        e.fix.contains(UP),
        "the fix offers the configured providers: {}",
        e.fix
    );
}
