//! Where a trust refusal points: the error's span is the failing condition's key (or the
//! statement, when its principal or action is what failed), and each statement of the
//! trust breakdown links to the part its reason names. Front ends mark these places in the
//! trust policy editor, so they are pinned here against the scenario text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

use identity_pool::explain::trust::cause_span;
use identity_pool::report::Report;
use identity_pool::simulate_text;
use serde_json::{json, Value};

const POOL: &str = "us-east-1:12345678-abcd-abcd-abcd-123456790ab";
const OTHER_POOL: &str = "us-east-1:99999999-0000-0000-0000-000000000000";

fn statement(aud: &str, action: &str) -> Value {
    json!({
        "Effect": "Allow",
        "Principal": {"Federated": "cognito-identity.amazonaws.com"},
        "Action": action,
        "Condition": {
            "StringEquals": {"cognito-identity.amazonaws.com:aud": aud},
            "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "unauthenticated"}
        }
    })
}

fn scenario(statements: Vec<Value>) -> String {
    let doc = json!({
        "name": "trust places",
        "identityPool": {"IdentityPoolId": POOL, "AllowUnauthenticatedIdentities": true},
        "identityPoolRoles": {"Roles": {"unauthenticated": "arn:aws:iam::123456789012:role/Guest"}},
        "roles": [{
            "RoleName": "Guest",
            "Arn": "arn:aws:iam::123456789012:role/Guest",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": statements},
            "Policies": []
        }],
        "signIn": {"identity": "unauthenticated", "flow": "enhanced"},
        "requests": []
    });
    serde_json::to_string_pretty(&doc).unwrap()
}

fn run(text: &str) -> Report {
    let report = simulate_text(text);
    assert!(
        report.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        report.diagnostics
    );
    report
}

fn text_at(source: &str, span: iam_policy::Span) -> &str {
    &source[span.start..span.end]
}

#[test]
fn a_failing_condition_is_marked_by_its_key() {
    let text = scenario(vec![statement(OTHER_POOL, "sts:AssumeRoleWithWebIdentity")]);
    let report = run(&text);
    let error = report.error.as_ref().expect("the sign-in fails");
    assert_eq!(error.code, "InvalidIdentityPoolConfigurationException");
    let span = error.span.expect("the error says where its cause is");
    assert_eq!(
        text_at(&text, span),
        "\"cognito-identity.amazonaws.com:aud\""
    );
    // The position is the span's start, as before.
    let position = error.position.unwrap();
    let line = text.lines().nth(position.line - 1).unwrap();
    assert!(
        line.contains("cognito-identity.amazonaws.com:aud"),
        "{line}"
    );
}

#[test]
fn a_wrong_principal_marks_the_statement() {
    let mut st = statement(POOL, "sts:AssumeRoleWithWebIdentity");
    st["Principal"] = json!({"Service": "cognito-identity.amazonaws.com"});
    let text = scenario(vec![st]);
    let report = run(&text);
    let span = report.error.as_ref().unwrap().span.unwrap();
    let marked = text_at(&text, span);
    assert!(marked.starts_with('{') && marked.ends_with('}'), "{marked}");
    assert!(marked.contains("\"Service\""), "{marked}");
}

#[test]
fn each_statement_of_the_breakdown_points_at_what_its_reason_names() {
    let text = scenario(vec![
        statement(OTHER_POOL, "sts:AssumeRoleWithWebIdentity"),
        statement(POOL, "sts:AssumeRole"),
    ]);
    let report = run(&text);
    let trust = &report.trust[0];
    let statements = &trust.explanation.statements;
    assert_eq!(statements.len(), 2);
    // The first fails on its `aud` condition: its reason names that key, and so does the mark.
    assert!(statements[0]
        .reason
        .contains("cognito-identity.amazonaws.com:aud"));
    assert_eq!(
        text_at(&text, cause_span(&statements[0])),
        "\"cognito-identity.amazonaws.com:aud\""
    );
    // The second fails on its action (its conditions would hold, but were not what
    // stopped it): the whole statement is marked.
    assert!(statements[1].reason.contains("sts:AssumeRole"));
    let second = text_at(&text, cause_span(&statements[1]));
    assert!(
        second.starts_with('{') && second.contains("\"sts:AssumeRole\""),
        "{second}"
    );
}

#[test]
fn a_statement_that_applies_is_marked_whole() {
    let text = scenario(vec![statement(POOL, "sts:AssumeRoleWithWebIdentity")]);
    let report = run(&text);
    assert_eq!(report.outcome, "issued");
    let s = &report.trust[0].explanation.statements[0];
    assert!(s.matched);
    assert_eq!(cause_span(s), s.statement.span);
}
