use super::*;

/// A guest sign-in into a pool without guest access, with the given `expect` object.
fn scenario(expect: &str) -> String {
    format!(
        r#"{{"name": "t", "identityPool": {{"IdentityPoolId": "us-east-1:1", "AllowUnauthenticatedIdentities": false}},
           "requests": [{{"action": "s3:GetObject", "resource": "*", "expect": "Allowed"}}],
           "expect": {expect}}}"#
    )
}

fn fields(text: &str) -> Vec<String> {
    check_text(text)
        .0
        .mismatches
        .into_iter()
        .map(|m| m.field)
        .collect()
}

#[test]
fn holding_expectations_pass() {
    let text = scenario(
        r#"{"error": "NotAuthorizedException", "message": "Unauthenticated access is not supported for this identity pool.", "step": "GetId"}"#,
    );
    let (result, report) = check_text(&text);
    assert_eq!(result.checked, 4);
    assert_eq!(fields(&text), ["requests[0].expect (s3:GetObject *)"]);
    assert!(report.is_some());
}

#[test]
fn each_wrong_expectation_is_named_with_its_position() {
    let text = scenario(
        r#"{"error": "InvalidParameterException", "message": "x", "step": "GetOpenIdToken"}"#,
    );
    let result = check_text(&text).0;
    let named: Vec<&str> = result.mismatches.iter().map(|m| m.field.as_str()).collect();
    assert_eq!(
        named,
        [
            "expect.error",
            "expect.message",
            "expect.step",
            "requests[0].expect (s3:GetObject *)"
        ]
    );
    assert!(result.mismatches.iter().all(|m| m.position.is_some()));
    assert!(!result.passed);
}

#[test]
fn unknown_expect_fields_and_unexpected_errors_fail() {
    assert_eq!(fields(&scenario(r#"{"eror": "X"}"#))[0], "expect");
    let text = scenario(r#"{"error": "NotAuthorizedException"}"#).replace("false}", "\"no\"}");
    assert!(fields(&text).contains(&"diagnostics".to_owned()));
    let listed = scenario(r#"{"diagnostics": ["wrong_type"]}"#).replace("false}", "\"no\"}");
    assert!(!fields(&listed).contains(&"diagnostics".to_owned()));
    assert!(fields(&scenario(r#"{"diagnostics": ["unknown_role"]}"#))
        .contains(&"expect.diagnostics".to_owned()));
}

#[test]
fn files_with_several_scenarios_are_checked_one_by_one() {
    let one = scenario(r#"{"error": "NotAuthorizedException"}"#);
    let two = scenario(r#"{"credentials": "issued"}"#);
    let results = check_file(&format!("[{one}, {two}]"));
    assert_eq!(results.len(), 2);
    assert_eq!(results[1].mismatches[0].field, "expect.credentials");
    let line = results[1].mismatches[0]
        .position
        .map(|p| p.line)
        .unwrap_or(0);
    assert!(
        line > 4,
        "positions refer to the whole file, got line {line}"
    );
}
