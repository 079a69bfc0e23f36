use super::*;

#[test]
fn format_policy_keeps_key_order() {
    let out = answer_json(r#"{"apiVersion":1,"op":"formatPolicy","text":"{\"b\":1,\"a\":[2]}"}"#);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["op"], "formatPolicy");
    assert_eq!(
        v["text"],
        "{\n    \"b\": 1,\n    \"a\": [\n        2\n    ]\n}\n"
    );
}

#[test]
fn parse_policy_reports_located_diagnostics() {
    let out = answer_json(
        r#"{"apiVersion":1,"op":"parsePolicy","kind":"Identity","text":"{\n\"Statement\": 3}"}"#,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["op"], "parsePolicy");
    assert_eq!(v["valid"], false);
    assert!(v["diagnostics"][0]["start"]["line"].as_u64().is_some());
}

#[test]
fn wrong_version_and_bad_requests_get_error_answers() {
    let v: serde_json::Value = serde_json::from_str(&answer_json(
        r#"{"apiVersion":9,"op":"formatPolicy","text":"{}"}"#,
    ))
    .unwrap();
    assert_eq!(v["op"], "error");
    let v: serde_json::Value = serde_json::from_str(&answer_json("not json")).unwrap();
    assert_eq!(v["op"], "error");
    let v: serde_json::Value =
        serde_json::from_str(&answer_json(r#"{"apiVersion":1,"op":"fly"}"#)).unwrap();
    assert_eq!(v["op"], "error");
}

#[test]
fn simulate_accepts_text_and_documents() {
    let doc = serde_json::json!({
        "identityPool": {"IdentityPoolId": "us-east-1:1", "AllowUnauthenticatedIdentities": false},
        "signIn": {"identity": "unauthenticated"}
    });
    let by_doc = answer(&ApiRequest {
        api_version: 1,
        call: ApiCall::Simulate {
            scenario: ScenarioInput::Document(doc.clone()),
            explain: Explain::All,
        },
    });
    let by_text = answer(&ApiRequest {
        api_version: 1,
        call: ApiCall::Simulate {
            scenario: ScenarioInput::Text(doc.to_string()),
            explain: Explain::All,
        },
    });
    for a in [by_doc, by_text] {
        let ApiAnswerBody::Simulate { report } = a.body else {
            panic!("simulate answer expected")
        };
        assert_eq!(report.outcome, "NotAuthorizedException");
    }
}

#[test]
fn check_answers_carry_the_verdict() {
    let text = r#"{"identityPool": {"IdentityPoolId": "us-east-1:1"}, "expect": {"error": "NotAuthorizedException"}}"#;
    let a = answer(&ApiRequest {
        api_version: 1,
        call: ApiCall::Check {
            scenario: ScenarioInput::Text(text.to_owned()),
        },
    });
    let ApiAnswerBody::Check { result, .. } = a.body else {
        panic!("check answer expected")
    };
    assert!(result.passed, "{:?}", result.mismatches);
}
