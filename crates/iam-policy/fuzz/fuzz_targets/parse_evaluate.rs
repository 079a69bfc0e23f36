//! Fuzz target: arbitrary bytes as a policy of every kind, and as an evaluation-case file.
//!
//! Per input, the JSON is parsed once and read as each kind; the fixed parts (the allow-all
//! baseline, the requests) are built once per process, and the guardrail checks (which place
//! the document in the guardrail layers whatever kind it was read as) run for the first kind
//! that reads it and for the guardrail kinds themselves, not for all eight.
//!
//! Besides "never panics", it checks properties on every input that parses:
//! - the fast decision path (`decide`) and the explained path (`evaluate`) agree;
//! - a guardrail (an SCP or RCP level, or a VPC endpoint policy) never grants: placed in a
//!   set that otherwise allows nothing, the request is never allowed, and added to a set, it
//!   never turns a refusal into an Allow.

#![no_main]

use std::sync::OnceLock;

use iam_policy::api::evaluate_cases_json;
use iam_policy::{
    decide, evaluate, json, parse_policy, CompiledPolicy, Context, ContextValue, Decision,
    OrgLevel, Policy, PolicyKind, PolicySet, PolicySource, Request, RequestPrincipal,
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
    let aws = |arn: &str| Some(RequestPrincipal::Aws(arn.into()));
    let cognito = Some(RequestPrincipal::Federated(
        "cognito-identity.amazonaws.com".into(),
    ));
    let guest = "arn:aws:sts::123456789012:assumed-role/Guest/CognitoIdentityCredentials";
    let mine = Some("123456789012");
    vec![
        request(
            "s3:GetObject",
            "arn:aws:s3:::mybucket/alice/a.txt",
            aws("arn:aws:iam::123456789012:user/alice"),
            mine,
            context.clone(),
        ),
        request(
            "sts:AssumeRoleWithWebIdentity",
            "arn:aws:iam::123456789012:role/Guest",
            cognito,
            None,
            context,
        ),
        request(
            "s3:GetObject",
            "arn:aws:s3:::mybucket/public/a.jpg",
            Some(RequestPrincipal::Anonymous),
            mine,
            Context::new(),
        ),
        request(
            "kms:Decrypt",
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd",
            aws(guest),
            mine,
            Context::new(),
        ),
        request(
            "iam:CreateUser",
            "*",
            aws("arn:aws:sts::111122223333:assumed-role/R/s"),
            mine,
            Context::new(),
        ),
    ]
}

fn request(
    action: &str,
    resource: &str,
    principal: Option<RequestPrincipal>,
    account_id: Option<&str>,
    context: Context,
) -> Request {
    Request {
        action: action.into(),
        resource: resource.into(),
        principal,
        account_id: account_id.map(str::to_string),
        context,
    }
}

/// The allow-all identity policy every set starts from, the requests, and each request's
/// decision under the allow-all policy alone: built once.
struct Fixed {
    base: CompiledPolicy,
    requests: Vec<Request>,
    unlimited: Vec<Decision>,
}

fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| {
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
        let unlimited = {
            let set = PolicySet {
                identity: vec![&base],
                ..PolicySet::default()
            };
            requests.iter().map(|req| decide(&set, req)).collect()
        };
        Fixed {
            base,
            requests,
            unlimited,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Fixed {
        base,
        requests,
        unlimited,
    } = fixed();
    // One JSON parse, read as each kind (what `parse_policy` does for each, minus the parse).
    let node = json::parse(&text).ok();
    let mut guarded = false;
    for kind in KINDS {
        let Some(node) = &node else {
            break;
        };
        let mut parsed = Policy::from_json(node, kind);
        iam_policy::locate_all(&mut parsed.diagnostics, &text);
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
        set.identity.push(base);
        let level = || OrgLevel {
            id: Some("fuzzed".into()),
            policies: vec![&compiled],
        };
        match kind {
            PolicyKind::Identity => set.identity.push(&compiled),
            PolicyKind::Resource | PolicyKind::Trust => set.resource = Some(&compiled),
            PolicyKind::Session => set.session.push(&compiled),
            PolicyKind::PermissionsBoundary => set.permissions_boundaries.push(&compiled),
            PolicyKind::ServiceControl => set.service_control.push(level()),
            PolicyKind::ResourceControl => set.resource_control.push(level()),
            PolicyKind::VpcEndpoint => set.endpoint.push(&compiled),
        }
        for req in requests {
            let explained = evaluate(&set, req);
            assert_eq!(
                explained.decision,
                decide(&set, req),
                "decide and evaluate disagree"
            );
        }
        // The same document as each guardrail: never a grant. For the first kind that reads
        // it and for the guardrail kinds (the compiled form differs little between kinds).
        let guardrail_kind = matches!(
            kind,
            PolicyKind::ServiceControl | PolicyKind::ResourceControl | PolicyKind::VpcEndpoint
        );
        if std::mem::replace(&mut guarded, true) && !guardrail_kind {
            continue;
        }
        for guard in [
            PolicyKind::ServiceControl,
            PolicyKind::ResourceControl,
            PolicyKind::VpcEndpoint,
        ] {
            let mut alone = PolicySet::default();
            match guard {
                PolicyKind::ServiceControl => alone.service_control.push(level()),
                PolicyKind::ResourceControl => alone.resource_control.push(level()),
                _ => alone.endpoint.push(&compiled),
            }
            let mut limited = PolicySet::default();
            limited.identity.push(base);
            limited.service_control = alone.service_control.clone();
            limited.resource_control = alone.resource_control.clone();
            limited.endpoint = alone.endpoint.clone();
            // The allow-all set's decisions do not depend on the input (`unlimited`, once
            // per process), and the limited set is decided once per request.
            for (req, unlimited) in requests.iter().zip(unlimited) {
                // GetCallerIdentity needs no permission; none of these requests is that call.
                assert_ne!(
                    decide(&alone, req),
                    Decision::Allowed,
                    "a guardrail granted"
                );
                let limited_decision = decide(&limited, req);
                if *unlimited != Decision::Allowed {
                    assert_ne!(limited_decision, Decision::Allowed, "a guardrail widened");
                }
                assert_eq!(evaluate(&limited, req).decision, limited_decision);
            }
        }
    }
    // The same bytes as an evaluation-case file: every case gets an answer.
    let _ = evaluate_cases_json(&text, true);
});
