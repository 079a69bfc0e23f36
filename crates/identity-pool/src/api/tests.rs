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
        },
    });
    let by_text = answer(&ApiRequest {
        api_version: 1,
        call: ApiCall::Simulate {
            scenario: ScenarioInput::Text(doc.to_string()),
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

#[test]
fn a_document_is_measured_as_given_not_as_pretty_printed() {
    // About 20 KB as compact JSON; pretty-printed 60 levels deep it is over 1 MB.
    let mut padding = serde_json::json!(vec![1; 10_000]);
    for _ in 0..60 {
        padding = serde_json::json!([padding]);
    }
    let doc = serde_json::json!({
        "identityPool": {"IdentityPoolId": "us-east-1:1", "AllowUnauthenticatedIdentities": true},
        "signIn": {"identity": "unauthenticated"},
        "padding": padding,
    });
    let input = ScenarioInput::Document(doc.clone());
    assert!(serde_json::to_string(&doc).unwrap().len() < 25_000);
    assert!(serde_json::to_string_pretty(&doc).unwrap().len() > MAX_SCENARIO_BYTES);
    let report = simulate_text(&input.text());
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"iam::parse::too_large"), "{codes:?}");
    // A small document keeps the pretty form, so positions have lines.
    let small = ScenarioInput::Document(serde_json::json!({"name": "x"}));
    assert_eq!(small.text(), "{\n  \"name\": \"x\"\n}");
}

#[test]
fn an_oversized_document_is_refused_with_its_own_size() {
    let doc = serde_json::json!({ "name": "x".repeat(MAX_SCENARIO_BYTES) });
    let report = simulate_text(&ScenarioInput::Document(doc.clone()).text());
    let too_large = report
        .diagnostics
        .iter()
        .find(|d| d.code == "iam::parse::too_large")
        .expect("a too_large diagnostic");
    let size = serde_json::to_string(&doc).unwrap().len().to_string();
    assert!(too_large.message.contains(&size), "{}", too_large.message);
}
