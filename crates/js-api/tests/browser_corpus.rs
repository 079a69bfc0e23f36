//! The IAM conformance corpus, decided inside headless Chromium: every case's decision must
//! equal its `expected`, both through the engine compiled to wasm and through the JS binding
//! (each case crossing the boundary as a JavaScript object, as a page would send it).
#![cfg(target_arch = "wasm32")]
// Test code: a panic is a failed test. Clippy's test allowances do not see
// `#[wasm_bindgen_test]` functions, so say it here.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

#[path = "common/iam_corpus.rs"]
mod iam_corpus;

use identity_pool::api::{self, ApiAnswerBody, ApiCall, EvalAnswer};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const DECISIONS: &[&str] = &["Allowed", "ExplicitDeny", "ImplicitDeny", "Error"];

/// The decision a case expects. A case whose `expected` is not a decision tests the
/// engine's own check of that field, which answers `Error` (as the native corpus runner reads it).
fn expected_decision(case: &Value) -> &str {
    match case["expected"].as_str() {
        Some(expected) if DECISIONS.contains(&expected) => expected,
        Some(_) => "Error",
        None => "?",
    }
}

/// A JavaScript object cannot hold a repeated key, so a case about duplicate keys reaches the
/// binding already de-duplicated: only the text route can test it.
fn representable_in_js(answer: &EvalAnswer) -> bool {
    !answer
        .diagnostics
        .iter()
        .any(|d| d.code == "iam::parse::duplicate_key")
}

/// The decision of a JS answer; an `error` answer (the case does not fit the typed request)
/// is the binding's way of saying `Error`.
fn js_decision(answer: &Value) -> &str {
    match answer["op"].as_str() {
        Some("error") => "Error",
        _ => answer["answer"]["decision"].as_str().unwrap_or("?"),
    }
}

#[wasm_bindgen_test]
fn every_corpus_decision_holds_in_the_browser() {
    let mut cases = 0;
    let mut mismatches = Vec::new();
    for (file, text) in iam_corpus::IAM_CORPUS {
        let parsed: Vec<Value> = serde_json::from_str(text).unwrap();
        let answers = match api::call(ApiCall::EvaluateCases {
            text: (*text).to_owned(),
            explain: false,
        }) {
            ApiAnswerBody::EvaluateCases { answers } => answers,
            other => panic!("{file}: unexpected answer {other:?}"),
        };
        assert_eq!(answers.len(), parsed.len(), "{file}: one answer per case");
        for (case, answer) in parsed.iter().zip(&answers) {
            cases += 1;
            let name = case["name"].as_str().unwrap_or("?");
            let expected = expected_decision(case);
            if answer.decision.as_str() != expected {
                mismatches.push(format!(
                    "{file} :: {name}: the wasm engine says {}, expected {expected}",
                    answer.decision
                ));
            }
            if !representable_in_js(answer) {
                continue;
            }
            let js_case = case
                .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                .unwrap();
            let through_js: Value =
                serde_wasm_bindgen::from_value(idpool_js::evaluate(js_case, false).unwrap())
                    .unwrap();
            let decision = js_decision(&through_js);
            if decision != answer.decision.as_str() {
                mismatches.push(format!(
                    "{file} :: {name}: the JS binding says {decision}, the engine {}",
                    answer.decision
                ));
            }
        }
    }
    assert!(cases >= 300, "the corpus holds {cases} cases");
    assert!(
        mismatches.is_empty(),
        "{} mismatch(es) of {cases} cases:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
