//! Fuzz target: arbitrary bytes as a policy of every kind, and as an evaluation-case file.
//!
//! Besides "never panics", it checks one differential property on every input that parses:
//! the fast decision path (`decide`) and the explained path (`evaluate`) agree.

#![no_main]

use iam_policy::api::evaluate_cases_json;
use iam_policy::{
    decide, evaluate, parse_policy, CompiledPolicy, Context, ContextValue, PolicyKind, PolicySet,
    PolicySource, Request, RequestPrincipal,
};
use libfuzzer_sys::fuzz_target;

const KINDS: [PolicyKind; 8] = PolicyKind::ALL;

/// A few requests that touch the common keys, principals and ARN shapes.
fn requests() -> Vec<Request> {
    let mut context = Context::new();
    context.insert("aws:username", ContextValue::Single("alice".into()));
    context.insert("aws:SourceIp", ContextValue::Single("203.0.113.9".into()));
    context.insert(
        "aws:CurrentTime",
        ContextValue::Single("2026-11-27T02:00:00Z".into()),
    );
    context.insert("s3:max-keys", ContextValue::Single("10".into()));
    context.insert("aws:SecureTransport", ContextValue::Single("true".into()));
    context.insert(
        "cognito-identity.amazonaws.com:sub",
        ContextValue::Single("us-east-1:1234".into()),
    );
    context.insert(
        "cognito-identity.amazonaws.com:amr",
        ContextValue::Multi(vec!["authenticated".into(), "graph.facebook.com".into()]),
    );
    vec![
        Request {
            action: "s3:GetObject".into(),
            resource: "arn:aws:s3:::mybucket/alice/a.txt".into(),
            principal: Some(RequestPrincipal::Aws(
                "arn:aws:iam::123456789012:user/alice".into(),
            )),
            account_id: Some("123456789012".into()),
            context: context.clone(),
        },
        Request {
            action: "sts:AssumeRoleWithWebIdentity".into(),
            resource: "arn:aws:iam::123456789012:role/Guest".into(),
            principal: Some(RequestPrincipal::Federated(
                "cognito-identity.amazonaws.com".into(),
            )),
            account_id: None,
            context,
        },
        Request {
            action: "iam:CreateUser".into(),
            resource: "*".into(),
            principal: Some(RequestPrincipal::Aws(
                "arn:aws:sts::111122223333:assumed-role/R/s".into(),
            )),
            account_id: Some("123456789012".into()),
            context: Context::new(),
        },
    ]
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let allow_all = parse_policy(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        PolicyKind::Identity,
    );
    let base = CompiledPolicy::compile(
        allow_all
            .policy
            .as_ref()
            .expect("the baseline policy parses"),
        PolicySource {
            name: "base".into(),
            kind: PolicyKind::Identity,
        },
    );
    let requests = requests();
    for kind in KINDS {
        let parsed = parse_policy(&text, kind);
        let Some(policy) = parsed.policy else {
            continue;
        };
        let compiled = CompiledPolicy::compile(
            &policy,
            PolicySource {
                name: "fuzzed".into(),
                kind,
            },
        );
        let mut set = PolicySet::default();
        set.identity.push(&base);
        match kind {
            PolicyKind::Identity => set.identity.push(&compiled),
            PolicyKind::Resource | PolicyKind::Trust => set.resource = Some(&compiled),
            PolicyKind::Session => set.session.push(&compiled),
            PolicyKind::PermissionsBoundary => set.permissions_boundaries.push(&compiled),
            PolicyKind::ServiceControl => set.service_control.push(&compiled),
        }
        for req in &requests {
            let explained = evaluate(&set, req);
            assert_eq!(
                explained.decision,
                decide(&set, req),
                "decide and evaluate disagree"
            );
        }
    }
    // The same bytes as an evaluation-case file: every case gets an answer.
    let _ = evaluate_cases_json(&text, true);
});
