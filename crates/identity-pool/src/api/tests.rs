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

#[test]
fn load_catalog_then_effective_and_catalog_checks() {
    let loaded = answer_json(
        &serde_json::json!({"apiVersion": 1, "op": "loadCatalog", "text": aws_catalog::EMBEDDED_TEXT})
            .to_string(),
    );
    let v: serde_json::Value = serde_json::from_str(&loaded).unwrap();
    assert_eq!(v["op"], "loadCatalog", "{v}");
    assert!(v["actions"].as_u64().unwrap() > 20_000);
    let scenario = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/examples/guest-reads-public-picture.json"
    ))
    .unwrap();
    let out = answer_json(
        &serde_json::json!({"apiVersion": 1, "op": "effective", "scenario": scenario, "services": ["s3"], "flow": "basic"})
            .to_string(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["op"], "effective", "{v}");
    assert_eq!(v["effective"]["flow"], "basic");
    assert_eq!(v["effective"]["totals"]["allowed"], 1);
    assert!(v.get("text").is_none(), "no format, no text");
    // The explorer asks for the rows of the services it shows only; the counts stay whole.
    let lean = answer_json(
        &serde_json::json!({"apiVersion": 1, "op": "effective", "scenario": scenario, "services": ["s3"], "flow": "basic", "rowsFor": []})
            .to_string(),
    );
    let lean: serde_json::Value = serde_json::from_str(&lean).unwrap();
    assert_eq!(lean["effective"]["totals"], v["effective"]["totals"]);
    assert_eq!(
        lean["effective"]["services"][0]["rows"],
        serde_json::json!([])
    );
    assert!(!v["effective"]["services"][0]["rows"]
        .as_array()
        .unwrap()
        .is_empty());
    // The table as the CLI prints it, for the page's export buttons.
    for (format, marker) in [("csv", "service,action,"), ("markdown", "| action |")] {
        let out = answer_json(
            &serde_json::json!({"apiVersion": 1, "op": "effective", "scenario": scenario, "services": ["s3"], "format": format})
                .to_string(),
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let text = v["text"].as_str().unwrap_or_default();
        let report: crate::effective::EffectiveReport = crate::effective::effective(
            &crate::load_scenario(&scenario).scenario.unwrap(),
            crate::catalog_source::get().unwrap(),
            &crate::effective::EffectiveOptions {
                services: vec!["s3".to_owned()],
                ..Default::default()
            },
        );
        let want = if format == "csv" {
            crate::effective::to_csv(&report)
        } else {
            crate::effective::to_markdown(&report)
        };
        assert_eq!(text, want, "{format}");
        assert!(text.contains(marker), "{format}: {text}");
    }
    // A hover's question: what `s3:Get*` covers, by access level, with a short list.
    let out = answer_json(r#"{"apiVersion":1,"op":"expandAction","pattern":"s3:Get*","limit":5}"#);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["op"], "expandAction", "{v}");
    let e = &v["expansion"];
    assert!(e["count"].as_u64().unwrap() > 50, "{e}");
    assert_eq!(e["services"], 1);
    assert_eq!(
        e["levels"][0]["level"], "Read",
        "every s3:Get* action reads: {e}"
    );
    assert_eq!(e["levels"][0]["actions"].as_array().unwrap().len(), 5);
    assert_eq!(e["more"].as_u64(), e["count"].as_u64().map(|n| n - 5));
    assert!(
        v["text"].as_str().unwrap().starts_with("`s3:Get*` covers "),
        "{v}"
    );
    let parsed = answer_json(
        r#"{"apiVersion":1,"op":"parsePolicy","kind":"Identity","catalog":true,"text":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObjekt\",\"Resource\":\"*\"}]}"}"#,
    );
    assert!(parsed.contains("iam::catalog::unknown_action"), "{parsed}");
}

#[test]
fn a_baseline_kept_in_advance_then_compared() {
    let ask = |request: serde_json::Value| -> serde_json::Value {
        serde_json::from_str(&answer_json(&request.to_string())).unwrap()
    };
    ask(
        serde_json::json!({"apiVersion": 1, "op": "loadCatalog", "text": aws_catalog::EMBEDDED_TEXT}),
    );
    let old = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/examples/rules-first-match-wins.json"
    ))
    .unwrap();
    let kept = ask(serde_json::json!({"apiVersion": 1, "op": "keepBaseline", "baseline": old}));
    assert_eq!(kept["op"], "keepBaseline", "{kept}");
    let described = crate::diff::identities(&crate::load_scenario(&old).scenario.unwrap()).len();
    assert_eq!(kept["identities"], described, "{kept}");
    // The comparison after it answers as a fresh one.
    let new = old.replacen("s3:GetObject", "s3:PutObject", 1);
    let diff = ask(serde_json::json!({"apiVersion": 1, "op": "diff", "old": old, "new": new}));
    let fresh = crate::diff::diff(
        &crate::load_scenario(&old).scenario.unwrap(),
        &crate::load_scenario(&new).scenario.unwrap(),
        crate::catalog_source::get().unwrap(),
    );
    assert_eq!(diff["diff"], serde_json::to_value(&fresh).unwrap());
    // A baseline that cannot be read keeps nothing and says why.
    let broken = ask(serde_json::json!({"apiVersion": 1, "op": "keepBaseline", "baseline": "{"}));
    assert_eq!(broken["identities"], 0, "{broken}");
    assert!(
        !broken["diagnostics"].as_array().unwrap().is_empty(),
        "{broken}"
    );
}

#[test]
fn a_document_is_measured_as_given_not_as_printed() {
    // A 73 KB object nested 60 deep was pretty-printed to over 1 MiB before the size check,
    // and refused as `too_large`.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/examples/guest-reads-public-picture.json"
    ))
    .unwrap();
    let mut scenario: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut deep = serde_json::json!((0..5_000).collect::<Vec<_>>());
    for _ in 0..58 {
        deep = serde_json::json!([deep, (0..200).collect::<Vec<_>>()]);
    }
    scenario["description"] = serde_json::json!({ "deep": deep });
    let input = ScenarioInput::Document(scenario);
    let read = input.text();
    assert!(read.len() < 100_000, "{}", read.len());
    let ApiAnswerBody::Simulate { report } = call(ApiCall::Simulate {
        scenario: input,
        explain: Explain::All,
    }) else {
        panic!("a simulate answer");
    };
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == "iam::parse::too_large"),
        "{:?}",
        report.diagnostics
    );
}
