use super::*;
use crate::Verdict;

const CASES: &str = r#"[
 {"name": "ok", "identityPolicies": [{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}],
  "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"n": 1, "amr": ["a", "b"]}}, "expected": "Allowed"},
 {"name": "broken", "identityPolicies": [{"Statement":[{"Effect":"Alow","Action":"*"}]}], "request": {"action": "s3:GetObject"}},
 {"request": {"action": "s3:GetObject"}, "expected": "Allowed", "colour": "blue"}
]"#;

#[test]
fn evaluates_each_case_independently() {
    let answers = evaluate_cases_json(CASES, true);
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[0].decision, Verdict::Allowed);
    assert_eq!(answers[0].matches_expected, Some(true));
    assert!(answers[0].explanation.is_some());
    assert_eq!(answers[1].decision, Verdict::Error);
    let d = answers[1]
        .diagnostics
        .iter()
        .find(|d| d.code == "iam::parse::invalid_effect")
        .unwrap();
    assert_eq!(d.start.unwrap().line, 4);
    assert_eq!(answers[2].name, "#2");
    assert_eq!(answers[2].decision, Verdict::ImplicitDeny);
    assert!(answers[2].is_mismatch());
    assert_eq!(answers[2].diagnostics[0].code, "iam::case::unknown_field");
}

#[test]
fn malformed_json_is_one_error_answer() {
    let answers = evaluate_cases_json("[{", false);
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].decision, Verdict::Error);
    assert!(answers[0].diagnostics[0].start.is_some());
}

#[test]
fn serde_cases_give_the_same_answer() {
    let cases: Vec<EvalCase> = serde_json::from_str(CASES).unwrap();
    let answer = evaluate_case(&cases[0], false);
    assert_eq!(answer.decision, Verdict::Allowed);
    let json = serde_json::to_string(&answer).unwrap();
    assert!(json.contains("\"decision\":\"Allowed\""));
}

#[test]
fn policies_may_be_json_strings_with_their_own_positions() {
    let text = r#"{"identityPolicies": ["{\"Version\": \"2012-10-17\",\n \"Statement\": [,]}"], "request": {"action": "s3:GetObject"},
        "note": "n", "rule": "r", "expectedStatement": "S", "expectedDiagnostics": []}"#;
    let answer = &evaluate_cases_json(text, false)[0];
    assert_eq!(answer.decision, Verdict::Error);
    assert_eq!(answer.diagnostics.len(), 1, "{:?}", answer.diagnostics);
    let d = &answer.diagnostics[0];
    assert_eq!(d.code, "iam::parse::json");
    assert_eq!((d.start.unwrap().line, d.start.unwrap().column), (2, 16));
}

#[test]
fn deciding_statements_carry_their_sid() {
    let text = r#"{"identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}],
        "request": {"action": "s3:GetObject", "principal": {"Federated": "cognito-identity.amazonaws.com"}}}"#;
    let answer = &evaluate_cases_json(text, true)[0];
    let e = answer.explanation.as_ref().unwrap();
    assert_eq!(e.deciding_statements[0].sid.as_deref(), Some("Read"));
}

#[test]
fn trust_policies_are_evaluated_as_the_role_resource_policy() {
    let text = r#"{"trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "p"}}}]},
        "request": {"action": "sts:AssumeRoleWithWebIdentity", "resource": "arn:aws:iam::1:role/R", "principal": {"Federated": "cognito-identity.amazonaws.com"},
        "context": {"cognito-identity.amazonaws.com:aud": "p"}}}"#;
    let answer = &evaluate_cases_json(text, false)[0];
    assert_eq!(
        answer.decision,
        Verdict::Allowed,
        "{:?}",
        answer.diagnostics
    );
    assert!(answer.diagnostics.is_empty());
    let both = text.replacen(
        "{\"trustPolicy\"",
        "{\"resourcePolicy\": {}, \"trustPolicy\"",
        1,
    );
    assert!(evaluate_cases_json(&both, false)[0]
        .diagnostics
        .iter()
        .any(|d| d.code == "iam::case::conflicting_fields"));
}

#[test]
fn embedded_policies_get_size_and_character_warnings() {
    let sid = "a".repeat(2100);
    let text = format!(
        r#"{{"sessionPolicies": [{{"Version": "2012-10-17", "Statement": [{{"Sid": "{sid}", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}}]}}],
        "identityPolicies": [{{"Version": "2012-10-17", "Statement": [{{"Sid": "é😀", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}}]}}],
        "request": {{"action": "s3:GetObject"}}}}"#
    );
    let answer = &evaluate_cases_json(&text, false)[0];
    let codes: Vec<_> = answer.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"iam::validate::policy_size"), "{codes:?}");
    assert!(
        codes.contains(&"iam::validate::invalid_character"),
        "{codes:?}"
    );
}
