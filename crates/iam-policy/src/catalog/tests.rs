//! The catalog checks against the committed catalog (the corpus file
//! `tests/iam/catalog-checks.json` covers them end to end).

use super::*;
use crate::{parse_policy, CompiledPolicy, Context, PolicyKind, PolicySet, PolicySource, Request};

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

fn codes(statement: &str) -> Vec<(String, String)> {
    let text = format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#);
    let parsed = parse_policy(&text, PolicyKind::Identity);
    let policy = parsed.policy.unwrap();
    check_policy(&policy, catalog())
        .into_iter()
        .map(|d| {
            let span = d.span.unwrap();
            (d.code, text[span.start..span.end].to_owned())
        })
        .collect()
}

#[test]
fn unknown_actions_and_prefixes() {
    assert_eq!(
        codes(
            r#"{"Effect":"Allow","Action":["s3:GetObjekt","s4:GetObject","s3:Gett*","s3:GetObject"],"Resource":"*"}"#
        ),
        vec![
            (
                "iam::catalog::unknown_action".into(),
                "\"s3:GetObjekt\"".into()
            ),
            (
                "iam::catalog::unknown_service".into(),
                "\"s4:GetObject\"".into()
            ),
            ("iam::catalog::unknown_action".into(), "\"s3:Gett*\"".into()),
        ]
    );
}

#[test]
fn unsupported_and_unknown_condition_keys() {
    let found = codes(
        r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringLike":{"s3:prefix":"a/*","s3:ExistingObjectTags/color":"a","aws:SourceIp":"1.2.3.4"}}}"#,
    );
    assert_eq!(
        found,
        vec![
            (
                "iam::catalog::unsupported_condition_key".into(),
                "\"s3:prefix\"".into()
            ),
            (
                "iam::catalog::unknown_condition_key".into(),
                "\"s3:ExistingObjectTags/color\"".into()
            ),
        ]
    );
    // ListBucket supports s3:prefix: only GetObject is named.
    let mixed = codes(
        r#"{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"StringLike":{"s3:prefix":"a/*"}}}"#,
    );
    assert_eq!(mixed.len(), 1);
    assert_eq!(mixed[0].0, "iam::catalog::unsupported_condition_key");
}

#[test]
fn resources_that_fit_no_resource_type() {
    let found = codes(
        r#"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::mybucket/*"}"#,
    );
    assert_eq!(
        found,
        vec![(
            "iam::catalog::resource_type_mismatch".into(),
            "\"arn:aws:s3:::mybucket/*\"".into()
        )]
    );
    let action = codes(
        r#"{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"arn:aws:s3:::mybucket/*"}"#,
    );
    assert_eq!(
        action,
        vec![(
            "iam::catalog::resource_type_mismatch".into(),
            "\"s3:ListBucket\"".into()
        )]
    );
    assert!(codes(r#"{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}"#).is_empty());
    assert!(
        codes(r#"{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}"#).is_empty()
    );
    assert!(codes(
        r#"{"Effect":"Allow","NotAction":"s3:ListBucket","Resource":"arn:aws:s3:::b/*"}"#
    )
    .is_empty());
}

#[test]
fn expansion_lists_and_counts() {
    let e = expand("s3:Get*", catalog());
    assert!(e.count > 20);
    assert!(e.actions.iter().all(|a| a.starts_with("s3:Get")));
    assert_eq!(expand("*", catalog()).count, catalog().action_count());
}

#[test]
fn context_keys_for_a_request() {
    let text = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":"a/*","aws:SourceIp":"10.0.0.0/8","s3:x-amz-acl":"private"}}},
        {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":"x"}}}]}"#;
    let (policy, _) = CompiledPolicy::from_text(
        text,
        PolicySource {
            name: "p".into(),
            kind: PolicyKind::Identity,
        },
    );
    let policy = policy.unwrap();
    let mut set = PolicySet::default();
    set.identity.push(&policy);
    let mut context = Context::new();
    context.insert(
        "aws:SourceIp",
        crate::ContextValue::Single("10.1.1.1".into()),
    );
    let request = Request {
        action: "s3:ListBucket".into(),
        resource: "arn:aws:s3:::b".into(),
        principal: None,
        account_id: None,
        context,
    };
    let keys = context_keys(&set, &request, catalog());
    let names: Vec<&str> = keys.referenced.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(names, ["s3:prefix", "aws:SourceIp", "s3:x-amz-acl"]);
    assert_eq!(keys.referenced[2].supported, Some(false));
    assert!(keys.referenced[1].present);
    assert_eq!(keys.missing, ["s3:prefix"]);
}

/// With the catalog, the reason of a statement decided by a wildcard action entry says how
/// many actions the entry covers, in the engine's one sentence.
#[test]
fn explanations_name_what_a_wildcard_entry_covers() {
    let text = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["s3:Get*"],"Resource":"*"},
        {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let policy = parse_policy(text, PolicyKind::Identity).policy.unwrap();
    let source = PolicySource {
        name: "p".into(),
        kind: PolicyKind::Identity,
    };
    let compiled = CompiledPolicy::compile(&policy, source);
    let set = PolicySet {
        identity: vec![&compiled],
        ..Default::default()
    };
    let request = Request {
        action: "s3:GetObject".into(),
        resource: "arn:aws:s3:::b/k".into(),
        principal: None,
        account_id: None,
        context: Context::new(),
    };
    let mut explanation = crate::evaluate(&set, &request).explanation;
    let before: Vec<String> = explanation
        .statements
        .iter()
        .map(|s| s.reason.clone())
        .collect();
    name_coverage([&mut explanation], catalog());
    let count = catalog().count_matches("s3:Get*");
    assert!(count > 40, "s3:Get* covers {count} actions");
    assert_eq!(
        explanation.statements[0].reason,
        format!("the statement applies: `s3:Get*` ({count} actions, all Read) matches `s3:GetObject`, `*` matches `arn:aws:s3:::b/k`")
    );
    assert_eq!(
        before[0],
        "the statement applies: `s3:Get*` matches `s3:GetObject`, `*` matches `arn:aws:s3:::b/k`",
        "without the catalog, the same words without the count"
    );
    // An entry without a wildcard is left as it was.
    assert_eq!(explanation.statements[1].reason, before[1]);
}
