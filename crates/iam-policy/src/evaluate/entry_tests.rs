//! The explanation names the entry of `Action`/`NotAction`/`Resource` that decided each
//! comparison, with its place in the policy text, and the reason says it in words; the
//! decision is the same as `decide`'s.

use super::*;
use crate::{parse_policy, Context, Decision, ElementMatch, PolicyKind, PolicySource};

const TEXT: &str = r#"{"Version":"2012-10-17","Statement":[
  {"Sid":"Get","Effect":"Allow","Action":["s3:PutObject","s3:Get*"],"Resource":["arn:aws:s3:::other/*","arn:aws:s3:::b/*"]},
  {"Sid":"NotIam","Effect":"Deny","NotAction":["iam:*","s3:Get*"],"Resource":"*"},
  {"Sid":"NotOther","Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b/*"}]}"#;

fn explain(action: &str, resource: &str) -> Explanation {
    let parsed = parse_policy(TEXT, PolicyKind::Identity);
    let policy = parsed
        .policy
        .unwrap_or_else(|| panic!("{:?}", parsed.diagnostics));
    let source = PolicySource {
        name: "p".into(),
        kind: PolicyKind::Identity,
    };
    let p = CompiledPolicy::compile(&policy, source);
    let set = PolicySet {
        identity: vec![&p],
        ..Default::default()
    };
    let req = Request {
        action: action.into(),
        resource: resource.into(),
        principal: None,
        account_id: None,
        context: Context::new(),
    };
    let evaluation = evaluate(&set, &req);
    assert_eq!(evaluation.decision, decide(&set, &req), "decide disagrees");
    evaluation.explanation
}

/// The entry's index, value and the policy text at its span.
fn entry(e: &ElementMatch) -> Option<(usize, &str, &str)> {
    e.entry.as_ref().map(|m| {
        let text = TEXT.get(m.span.start..m.span.end).unwrap_or("?");
        let value = e.values.get(m.index).map_or("?", String::as_str);
        (m.index, value, text)
    })
}

#[test]
fn the_matching_entries_are_named_with_their_place() {
    let e = explain("s3:GetObject", "arn:aws:s3:::b/k");
    assert_eq!(e.decision, Decision::Allowed);
    let get = &e.statements[0];
    assert_eq!(entry(&get.action), Some((1, "s3:Get*", "\"s3:Get*\"")));
    assert_eq!(
        entry(&get.resource),
        Some((1, "arn:aws:s3:::b/*", "\"arn:aws:s3:::b/*\""))
    );
    assert_eq!(
        get.reason,
        "the statement applies: `s3:Get*` matches `s3:GetObject`, `arn:aws:s3:::b/*` matches `arn:aws:s3:::b/k`"
    );
    // The NotAction entry that excludes the action is the one named.
    let not_iam = &e.statements[1];
    assert_eq!(entry(&not_iam.action), Some((1, "s3:Get*", "\"s3:Get*\"")));
    assert_eq!(
        not_iam.reason,
        "the action `s3:GetObject` is excluded by `NotAction` entry `s3:Get*`"
    );
    // A NotResource entry that excludes the resource, likewise.
    let not_other = &e.statements[2];
    assert_eq!(entry(&not_other.action), Some((0, "s3:*", "\"s3:*\"")));
    assert_eq!(
        not_other.reason,
        "the resource `arn:aws:s3:::b/k` is excluded by `NotResource` entry `arn:aws:s3:::b/*`"
    );
}

#[test]
fn elements_that_let_the_statement_apply_without_an_entry_say_so() {
    let e = explain("s3:PutObject", "arn:aws:s3:::c/k");
    assert_eq!(e.decision, Decision::ExplicitDeny);
    // `NotAction` lets it apply because no entry covers the action: no entry to name.
    let not_iam = &e.statements[1];
    assert_eq!(entry(&not_iam.action), None);
    assert_eq!(
        not_iam.reason,
        "the statement applies: `*` matches `arn:aws:s3:::c/k`"
    );
    let not_other = &e.statements[2];
    assert_eq!(entry(&not_other.resource), None);
    assert_eq!(
        not_other.reason,
        "the statement applies: `s3:*` matches `s3:PutObject`"
    );
    // An Action list that covers nothing names no entry and lists what it has.
    let denied = explain("sqs:SendMessage", "arn:aws:s3:::b/k");
    let get = &denied.statements[0];
    assert_eq!(entry(&get.action), None);
    assert_eq!(
        get.reason,
        "the action `sqs:SendMessage` is not covered by `Action` (`s3:PutObject`, `s3:Get*`)"
    );
}

#[test]
fn a_covers_function_adds_words_to_wildcard_action_entries_only() {
    let e = explain("s3:GetObject", "arn:aws:s3:::b/k");
    let covers = |pattern: &str| Some(format!("covers of {pattern}"));
    assert_eq!(
        e.statements[0].describe_with(covers),
        "the statement applies: `s3:Get*` (covers of s3:Get*) matches `s3:GetObject`, `arn:aws:s3:::b/*` matches `arn:aws:s3:::b/k`"
    );
    assert_eq!(
        e.statements[1].describe_with(covers),
        "the action `s3:GetObject` is excluded by `NotAction` entry `s3:Get*` (covers of s3:Get*)"
    );
    // Without words, the reason the engine gave.
    assert_eq!(
        e.statements[0].describe_with(|_| None),
        e.statements[0].reason
    );
}
