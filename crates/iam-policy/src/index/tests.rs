//! The index only narrows: a policy decides every request the same with and without it.

use proptest::prelude::*;

use crate::{
    decide_with_layer, parse_policy, CompiledPolicy, Context, ContextValue, PolicyKind, PolicySet,
    PolicySource, Request, RequestPrincipal,
};

/// Action entries: plain, wildcards in either part, other case, a non-ASCII letter that
/// folds onto an ASCII one (KELVIN SIGN), no colon.
const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "S3:getobject",
    "s3:Get*",
    "s3:*",
    "s3*:Get*",
    "*",
    "dynamodb:GetItem",
    "DynamoDB:*",
    "\u{212A}ms:Decrypt",
    "kms:*",
    "?3:PutObject",
    "s3",
];

/// Resource entries: heads of different lengths, wildcards, variables, non-ARNs.
const RESOURCES: &[&str] = &[
    "arn:aws:s3:::b/p0/*",
    "arn:aws:s3:::b/p1/*",
    "arn:aws:s3:::b/p1/x",
    "arn:aws:s3:::b/*",
    "arn:aws:s3:::b",
    "arn:aws:s3:::B/p0/*",
    "arn:*:s3:::b/p0/*",
    "arn:aws:s3:::b/${aws:username}/*",
    "${aws:username}",
    "*",
    "arn:aws:kms:us-east-1:1:key/k",
    "arn:aws:dynamodb:*:1:table/T",
    "plain",
];

const REQUEST_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "S3:GETOBJECT",
    "s3:PutObject",
    "s3express:GetObject",
    "dynamodb:GetItem",
    "kms:Decrypt",
    "\u{212A}MS:Decrypt",
    "s3",
    "",
];

const REQUEST_RESOURCES: &[&str] = &[
    "arn:aws:s3:::b/p0/a",
    "arn:aws:s3:::b/p1/x",
    "arn:aws:s3:::b/bob/k",
    "arn:aws:s3:::b",
    "arn:aws:s3:::B/p0/a",
    "arn:aws:kms:us-east-1:1:key/k",
    "arn:aws:dynamodb:us-east-1:1:table/T",
    "bob",
    "plain",
    "*",
    "",
    "arn:aws:s3:::b/p\u{e9}/x",
];

fn entry(kind: &str, items: &[usize], vocab: &[&str]) -> String {
    let values: Vec<String> = items
        .iter()
        .filter_map(|&i| vocab.get(i))
        .map(|v| format!("\"{v}\""))
        .collect();
    format!("\"{kind}\":[{}]", values.join(","))
}

/// One statement: effect, Action or NotAction entries, Resource or NotResource entries.
type Spec = (bool, bool, Vec<usize>, bool, Vec<usize>);

fn policy_text(statements: &[Spec]) -> String {
    let written: Vec<String> = statements
        .iter()
        .map(|(allow, not_action, actions, not_resource, resources)| {
            let effect = if *allow { "Allow" } else { "Deny" };
            let action = if *not_action { "NotAction" } else { "Action" };
            let resource = if *not_resource {
                "NotResource"
            } else {
                "Resource"
            };
            format!(
                "{{\"Effect\":\"{effect}\",{},{}}}",
                entry(action, actions, ACTIONS),
                entry(resource, resources, RESOURCES)
            )
        })
        .collect();
    format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{}]}}",
        written.join(",")
    )
}

fn compiled(text: &str, kind: PolicyKind) -> Option<CompiledPolicy> {
    let policy = parse_policy(text, kind).policy?;
    Some(CompiledPolicy::compile(
        &policy,
        PolicySource {
            name: "p".into(),
            kind,
        },
    ))
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::bool::weighted(0.8),
        prop::bool::weighted(0.1),
        prop::collection::vec(0..ACTIONS.len(), 1..3),
        prop::bool::weighted(0.1),
        prop::collection::vec(0..RESOURCES.len(), 1..3),
    )
}

proptest! {
    #[test]
    fn indexed_decisions_equal_scanned(
        statements in prop::collection::vec(spec(), 16..40),
        requests in prop::collection::vec(
            (0..REQUEST_ACTIONS.len(), 0..REQUEST_RESOURCES.len(), any::<bool>()), 1..12),
    ) {
        let text = policy_text(&statements);
        let Some(indexed) = compiled(&text, PolicyKind::Identity) else {
            return Ok(());
        };
        prop_assert!(indexed.index.is_some());
        let mut scanned = indexed.clone();
        scanned.index = None;
        for (a, r, named) in requests {
            let mut context = Context::new();
            if named {
                context.insert("aws:username", ContextValue::Single("bob".into()));
            }
            let req = Request {
                action: REQUEST_ACTIONS.get(a).copied().unwrap_or_default().into(),
                resource: REQUEST_RESOURCES.get(r).copied().unwrap_or_default().into(),
                principal: Some(RequestPrincipal::Aws("arn:aws:iam::1:role/R".into())),
                account_id: Some("1".into()),
                context,
            };
            let with = PolicySet { identity: vec![&indexed], ..PolicySet::default() };
            let without = PolicySet { identity: vec![&scanned], ..PolicySet::default() };
            prop_assert_eq!(
                decide_with_layer(&with, &req),
                decide_with_layer(&without, &req),
                "{} on {}", req.action, req.resource
            );
        }
    }
}

proptest! {
    #[test]
    fn a_policy_narrowed_to_a_service_decides_its_actions_alike(
        statements in prop::collection::vec(spec(), 1..15),
        prefix in prop::sample::select(vec!["s3", "S3", "dynamodb", "kms", "s3express"]),
        requests in prop::collection::vec(
            (0..REQUEST_ACTIONS.len(), 0..REQUEST_RESOURCES.len(), any::<bool>()), 1..12),
    ) {
        let text = policy_text(&statements);
        let Some(whole) = compiled(&text, PolicyKind::Identity) else {
            return Ok(());
        };
        let narrowed = whole.for_service(prefix);
        let narrowed = narrowed.as_ref().unwrap_or(&whole);
        for (a, r, named) in requests {
            let action = REQUEST_ACTIONS.get(a).copied().unwrap_or_default();
            // Only the service's own actions, in any case.
            let Some((service, name)) = action.split_once(':') else { continue };
            if !service.eq_ignore_ascii_case(prefix) {
                continue;
            }
            let mut context = Context::new();
            if named {
                context.insert("aws:username", ContextValue::Single("bob".into()));
            }
            for action in [action.to_string(), format!("{}:{name}", prefix)] {
                let req = Request {
                    action,
                    resource: REQUEST_RESOURCES.get(r).copied().unwrap_or_default().into(),
                    principal: Some(RequestPrincipal::Aws("arn:aws:iam::1:role/R".into())),
                    account_id: Some("1".into()),
                    context: context.clone(),
                };
                let with = PolicySet { identity: vec![narrowed], ..PolicySet::default() };
                let without = PolicySet { identity: vec![&whole], ..PolicySet::default() };
                prop_assert_eq!(
                    decide_with_layer(&with, &req),
                    decide_with_layer(&without, &req),
                    "{} on {}", req.action, req.resource
                );
            }
        }
    }
}

#[test]
fn a_narrowed_policy_keeps_the_service_and_any_service_statements() {
    // s3:GetObject, dynamodb:GetItem, `*`, NotAction.
    let text = policy_text(&[
        (true, false, vec![0], false, vec![0]),
        (true, false, vec![6], false, vec![0]),
        (true, false, vec![5], false, vec![0]),
        (false, true, vec![6], false, vec![0]),
    ]);
    let Some(policy) = compiled(&text, PolicyKind::Identity) else {
        panic!("the policy reads");
    };
    let narrowed = policy.for_service("S3").expect("a statement is left out");
    let kept: Vec<usize> = narrowed.statements.iter().map(|st| st.index).collect();
    assert_eq!(kept, [0, 2, 3]);
    assert!(policy.for_service("ünï").is_none());
}

#[test]
fn small_policies_are_scanned() {
    let text = policy_text(&[(true, false, vec![0], false, vec![0])]);
    let policy = compiled(&text, PolicyKind::Identity);
    assert!(policy.is_some_and(|p| p.index.is_none()));
}

#[test]
fn a_request_meets_only_its_service_and_prefix() {
    let statements: Vec<Spec> = (0..20)
        .map(|i| (true, false, vec![i % 2 * 6], false, vec![i % 2]))
        .collect();
    let Some(policy) = compiled(&policy_text(&statements), PolicyKind::Identity) else {
        panic!("the policy reads");
    };
    let Some(index) = policy.index.as_deref() else {
        panic!("20 statements are indexed");
    };
    let mut met = Vec::new();
    assert!(index.candidates("s3:GetObject", "arn:aws:s3:::b/p0/a", |i| met.push(i)));
    assert_eq!(met, (0..20).step_by(2).collect::<Vec<_>>());
    met.clear();
    assert!(index.candidates("dynamodb:GetItem", "arn:aws:s3:::b/p1/x", |i| met.push(i)));
    assert_eq!(met, (1..20).step_by(2).collect::<Vec<_>>());
    met.clear();
    assert!(!index.candidates("\u{212A}ms:Decrypt", "x", |i| met.push(i)));
    assert!(met.is_empty());
}
