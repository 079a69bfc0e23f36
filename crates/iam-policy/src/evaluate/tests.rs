use super::*;
use crate::{
    parse_policy, Context, ContextValue, Decision, PolicyKind, PolicySource, RequestPrincipal,
};

fn compile(text: &str, kind: PolicyKind) -> CompiledPolicy {
    let parsed = parse_policy(text, kind);
    let policy = parsed
        .policy
        .unwrap_or_else(|| panic!("{:?}", parsed.diagnostics));
    CompiledPolicy::compile(
        &policy,
        PolicySource {
            name: "p".into(),
            kind,
        },
    )
}

fn request(action: &str, resource: &str) -> Request {
    Request {
        action: action.into(),
        resource: resource.into(),
        principal: None,
        account_id: None,
        context: Context::new(),
    }
}

fn allow(action: &str, resource: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{action}","Resource":"{resource}"}}]}}"#
    )
}

fn deny(action: &str, resource: &str) -> String {
    allow(action, resource).replace("Allow", "Deny")
}

fn both(set: &PolicySet<'_>, req: &Request) -> Decision {
    let fast = decide(set, req);
    assert_eq!(
        fast,
        evaluate(set, req).decision,
        "decide and evaluate disagree"
    );
    fast
}

#[test]
fn identity_allow_and_implicit_deny() {
    let p = compile(&allow("s3:Get*", "arn:aws:s3:::b/*"), PolicyKind::Identity);
    let set = PolicySet {
        identity: vec![&p],
        ..Default::default()
    };
    assert_eq!(
        both(&set, &request("S3:GetObject", "arn:aws:s3:::b/k")),
        Decision::Allowed
    );
    assert_eq!(
        both(&set, &request("s3:PutObject", "arn:aws:s3:::b/k")),
        Decision::ImplicitDeny
    );
    assert_eq!(
        both(&set, &request("s3:GetObject", "arn:aws:s3:::B/k")),
        Decision::ImplicitDeny
    );
}

#[test]
fn explicit_deny_wins_in_any_layer() {
    let a = compile(&allow("*", "*"), PolicyKind::Identity);
    let d = compile(&deny("s3:*", "*"), PolicyKind::Session);
    let set = PolicySet {
        identity: vec![&a],
        session: vec![&a, &d],
        ..Default::default()
    };
    let e = evaluate(&set, &request("s3:GetObject", "arn:aws:s3:::b"));
    assert_eq!(e.decision, Decision::ExplicitDeny);
    assert_eq!(e.explanation.deciding_layer, Some(Layer::Session));
    assert_eq!(e.explanation.deciding_statements.len(), 1);
}

#[test]
fn boundary_and_session_intersect() {
    let a = compile(&allow("*", "*"), PolicyKind::Identity);
    let s3 = compile(&allow("s3:*", "*"), PolicyKind::PermissionsBoundary);
    let set = PolicySet {
        identity: vec![&a],
        permissions_boundaries: vec![&s3],
        ..Default::default()
    };
    assert_eq!(both(&set, &request("s3:GetObject", "x")), Decision::Allowed);
    assert_eq!(
        both(&set, &request("ec2:RunInstances", "x")),
        Decision::ImplicitDeny
    );
    let set = PolicySet {
        identity: vec![&a],
        session: vec![&s3],
        ..Default::default()
    };
    let e = evaluate(&set, &request("ec2:RunInstances", "x"));
    assert_eq!(e.explanation.deciding_layer, Some(Layer::Session));
}

const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/Auth/CognitoIdentityCredentials";

fn resource_policy(principal: &str) -> CompiledPolicy {
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"s3:GetObject","Resource":"*"}}]}}"#
    );
    compile(&text, PolicyKind::Resource)
}

#[test]
fn resource_policy_session_arn_vs_role_arn() {
    let only_sqs = compile(&allow("sqs:*", "*"), PolicyKind::Session);
    let mut req = request("s3:GetObject", "arn:aws:s3:::b/k");
    req.principal = Some(RequestPrincipal::Aws(SESSION.into()));
    req.account_id = Some("111122223333".into());
    // Granted to the session ARN: the session policy does not limit it.
    let by_session = resource_policy(SESSION);
    let set = PolicySet {
        resource: Some(&by_session),
        session: vec![&only_sqs],
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::Allowed);
    // Granted to the role ARN: it joins the identity permissions, which the session policy limits.
    let by_role = resource_policy("arn:aws:iam::111122223333:role/Auth");
    let set = PolicySet {
        resource: Some(&by_role),
        session: vec![&only_sqs],
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::ImplicitDeny);
    let set = PolicySet {
        resource: Some(&by_role),
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::Allowed);
    // Granted to the account: identity policies must allow.
    let by_account = resource_policy("111122223333");
    let set = PolicySet {
        resource: Some(&by_account),
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::ImplicitDeny);
    // Across accounts both sides must allow.
    req.account_id = Some("999999999999".into());
    let set = PolicySet {
        resource: Some(&by_session),
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::ImplicitDeny);
}

#[test]
fn trust_policy_as_resource_policy() {
    let trust = compile(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity",
        "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:pool"},"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"unauthenticated"}}}]}"#,
        PolicyKind::Trust,
    );
    let mut req = request("sts:AssumeRoleWithWebIdentity", "arn:aws:iam::1:role/Guest");
    req.principal = Some(RequestPrincipal::Federated(
        "cognito-identity.amazonaws.com".into(),
    ));
    req.context.insert(
        "cognito-identity.amazonaws.com:aud",
        ContextValue::Single("us-east-1:pool".into()),
    );
    let set = PolicySet {
        resource: Some(&trust),
        ..Default::default()
    };
    let e = evaluate(&set, &req);
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert_eq!(
        e.explanation.missing_context_keys,
        ["cognito-identity.amazonaws.com:amr"]
    );
    req.context.insert(
        "cognito-identity.amazonaws.com:amr",
        ContextValue::Multi(vec!["unauthenticated".into()]),
    );
    assert_eq!(both(&set, &req), Decision::Allowed);
}

#[test]
fn unresolved_resource_variable_matches_nothing_and_is_explained() {
    let p = compile(
        &allow(
            "s3:*",
            "arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*",
        ),
        PolicyKind::Identity,
    );
    let set = PolicySet {
        identity: vec![&p],
        ..Default::default()
    };
    let e = evaluate(&set, &request("s3:GetObject", "arn:aws:s3:::b/x/y"));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert!(e.explanation.statements[0].resource.note.is_some());
    assert_eq!(
        e.explanation.missing_context_keys,
        ["cognito-identity.amazonaws.com:sub"]
    );
}

#[test]
fn no_substitution_without_version() {
    let text = r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#;
    let p = compile(text, PolicyKind::Identity);
    let set = PolicySet {
        identity: vec![&p],
        ..Default::default()
    };
    let mut req = request("s3:GetObject", "arn:aws:s3:::b/${aws:username}");
    req.context
        .insert("aws:username", ContextValue::Single("bob".into()));
    assert_eq!(both(&set, &req), Decision::Allowed);
    req.resource = "arn:aws:s3:::b/bob".into();
    assert_eq!(both(&set, &req), Decision::ImplicitDeny);
}

#[test]
fn scps_must_allow() {
    let a = compile(&allow("*", "*"), PolicyKind::Identity);
    let scp = compile(&allow("s3:*", "*"), PolicyKind::ServiceControl);
    let set = PolicySet {
        identity: vec![&a],
        service_control: vec![OrgLevel {
            id: None,
            policies: vec![&scp],
        }],
        ..Default::default()
    };
    assert_eq!(both(&set, &request("ec2:X", "*")), Decision::ImplicitDeny);
    assert_eq!(both(&set, &request("s3:X", "*")), Decision::Allowed);
}

#[test]
fn every_scp_level_must_allow_and_the_explanation_names_the_level() {
    let a = compile(&allow("*", "*"), PolicyKind::Identity);
    let full = compile(&allow("*", "*"), PolicyKind::ServiceControl);
    let ec2 = compile(&allow("ec2:*", "*"), PolicyKind::ServiceControl);
    let level = |id: &str, p| OrgLevel {
        id: Some(id.into()),
        policies: vec![p],
    };
    let set = PolicySet {
        identity: vec![&a],
        service_control: vec![
            level("r-root", &full),
            level("ou-1", &ec2),
            level("111122223333", &full),
        ],
        ..Default::default()
    };
    let mut req = request("s3:GetObject", "*");
    req.principal = Some(RequestPrincipal::Aws(
        "arn:aws:iam::111122223333:user/bob".into(),
    ));
    assert_eq!(both(&set, &req), Decision::ImplicitDeny);
    let e = evaluate(&set, &req).explanation;
    assert_eq!(e.deciding_layer, Some(Layer::ServiceControl));
    assert_eq!(e.deciding_level.as_deref(), Some("ou-1"));
    assert!(e.summary.contains("at level `ou-1`"), "{}", e.summary);
    // The management account's principals are outside SCPs.
    let set = PolicySet {
        management_account: Some("111122223333".into()),
        ..set
    };
    assert_eq!(both(&set, &req), Decision::Allowed);
}

#[test]
fn not_action_and_not_resource() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::secret/*"}]}"#;
    let p = compile(text, PolicyKind::Identity);
    let set = PolicySet {
        identity: vec![&p],
        ..Default::default()
    };
    assert_eq!(
        both(&set, &request("s3:GetObject", "arn:aws:s3:::public/x")),
        Decision::Allowed
    );
    assert_eq!(
        both(&set, &request("IAM:CreateUser", "arn:aws:s3:::public/x")),
        Decision::ImplicitDeny
    );
    assert_eq!(
        both(&set, &request("s3:GetObject", "arn:aws:s3:::secret/x")),
        Decision::ImplicitDeny
    );
}

#[test]
fn deny_not_principal_hits_principals_with_a_boundary() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
        {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::111122223333:assumed-role/Auth/CognitoIdentityCredentials",
        "arn:aws:iam::111122223333:role/Auth","111122223333"]},"Action":"s3:*","Resource":"*"}]}"#;
    let rp = compile(text, PolicyKind::Resource);
    let boundary = compile(&allow("*", "*"), PolicyKind::PermissionsBoundary);
    let mut req = request("s3:GetObject", "arn:aws:s3:::b/k");
    req.principal = Some(RequestPrincipal::Aws(SESSION.into()));
    let set = PolicySet {
        resource: Some(&rp),
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::Allowed);
    let set = PolicySet {
        resource: Some(&rp),
        permissions_boundaries: vec![&boundary],
        ..Default::default()
    };
    assert_eq!(both(&set, &req), Decision::ExplicitDeny);
}

#[test]
fn not_principal_needs_every_identity_of_the_caller_listed() {
    let deny = |listed: &str| {
        compile(
            &format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}},
            {{"Effect":"Deny","NotPrincipal":{{"AWS":[{listed}]}},"Action":"s3:*","Resource":"*"}}]}}"#
            ),
            PolicyKind::Resource,
        )
    };
    let ask = |who: &str, rp: &CompiledPolicy| {
        let mut req = request("s3:GetObject", "arn:aws:s3:::b/k");
        req.principal = Some(RequestPrincipal::Aws(who.into()));
        both(
            &PolicySet {
                resource: Some(rp),
                ..Default::default()
            },
            &req,
        )
    };
    let bob = "arn:aws:iam::111122223333:user/Bob";
    let alice = "arn:aws:iam::111122223333:user/Alice";
    let with_root =
        deny(r#""arn:aws:iam::111122223333:user/Bob","arn:aws:iam::111122223333:root""#);
    assert_eq!(ask(bob, &with_root), Decision::Allowed);
    assert_eq!(ask(alice, &with_root), Decision::ExplicitDeny);
    // Without the account root, even Bob is denied: the account entity is not listed.
    let bob_only = deny(r#""arn:aws:iam::111122223333:user/Bob""#);
    assert_eq!(ask(bob, &bob_only), Decision::ExplicitDeny);
    let session_chain = deny(&format!(
        r#""{SESSION}","arn:aws:iam::111122223333:role/Auth","111122223333""#
    ));
    assert_eq!(ask(SESSION, &session_chain), Decision::Allowed);
    let other = "arn:aws:sts::111122223333:assumed-role/Auth/other";
    assert_eq!(ask(other, &session_chain), Decision::ExplicitDeny);
}

#[test]
fn cross_account_allow_lists_both_granting_statements() {
    let id = compile(&allow("s3:GetObject", "*"), PolicyKind::Identity);
    let rp = resource_policy(SESSION);
    let mut req = request("s3:GetObject", "arn:aws:s3:::b/k");
    req.principal = Some(RequestPrincipal::Aws(SESSION.into()));
    req.account_id = Some("999999999999".into());
    let set = PolicySet {
        identity: vec![&id],
        resource: Some(&rp),
        ..Default::default()
    };
    let e = evaluate(&set, &req);
    assert_eq!(e.decision, Decision::Allowed);
    let kinds: Vec<_> = e
        .explanation
        .deciding_statements
        .iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(kinds, [PolicyKind::Resource, PolicyKind::Identity]);
}

#[test]
fn each_statement_says_why_in_plain_words() {
    let text = r#"{"Version":"2012-10-17","Statement":[
        {"Sid":"A","Effect":"Allow","Action":"s3:PutObject","Resource":"*"},
        {"Sid":"R","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"},
        {"Sid":"C","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"bob"}}},
        {"Sid":"V","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"k":"x"}}}]}"#;
    let p = compile(text, PolicyKind::Identity);
    let mut req = request("s3:GetObject", "arn:aws:s3:::b/k");
    req.context.insert("k", ContextValue::Single("y".into()));
    let e = evaluate(
        &PolicySet {
            identity: vec![&p],
            ..Default::default()
        },
        &req,
    );
    let reasons: Vec<_> = e
        .explanation
        .statements
        .iter()
        .map(|s| s.reason.as_str())
        .collect();
    assert_eq!(
        reasons[0],
        "the action `s3:GetObject` is not covered by `Action` (`s3:PutObject`)"
    );
    assert_eq!(
        reasons[1],
        "the resource `arn:aws:s3:::b/k` is not covered by `Resource` (`arn:aws:s3:::other/*`)"
    );
    assert_eq!(
        reasons[2],
        "the request has no `aws:username`, so `StringEquals` is false"
    );
    assert_eq!(
        reasons[3],
        "`StringEquals` on `k` is false: the request has `y`, the policy `x`"
    );
}

#[test]
fn an_unresolved_resource_variable_is_reported_as_unevaluated() {
    let p = compile(
        &allow("s3:GetObject", "arn:aws:s3:::b/${aws:username}/*"),
        PolicyKind::Identity,
    );
    let set = PolicySet {
        identity: vec![&p],
        ..Default::default()
    };
    let req = request("s3:GetObject", "arn:aws:s3:::b/alice/k");
    let explained = evaluate(&set, &req);
    assert_eq!(explained.decision, Decision::ImplicitDeny);
    let explanation = explained.explanation;
    assert_eq!(explanation.missing_context_keys, vec!["aws:username"]);
    assert_eq!(
        explanation.unevaluated.len(),
        1,
        "{:?}",
        explanation.unevaluated
    );
    assert!(explanation.unevaluated[0]
        .reason
        .contains("`${aws:username}` in a `Resource` entry"));
}
