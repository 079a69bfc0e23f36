//! Engine and simulation tests run inside headless Chromium (`cargo xtask test wasm`),
//! through the same wasm build and JS boundary a page uses.
#![cfg(target_arch = "wasm32")]
// Test code: a panic is a failed test. Clippy's test allowances do not see
// `#[wasm_bindgen_test]` functions, so say it here.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The page's default example: a guest in the enhanced flow reads one S3 object.
const GUEST_EXAMPLE: &str = include_str!("../../../web/examples/guest-reads-public-picture.json");

fn js(value: &Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

fn rust(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).unwrap()
}

/// The seed's example 1 as a raw evaluation case, with and without the granted action.
fn picture_case(action: &str) -> Value {
    json!({
        "name": "read one picture",
        "identityPolicies": [{
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": ["s3:GetObject"],
                "Resource": ["arn:aws:s3:::mybucket/assets/my_picture.jpg"]
            }]
        }],
        "request": { "action": action, "resource": "arn:aws:s3:::mybucket/assets/my_picture.jpg" }
    })
}

#[wasm_bindgen_test]
fn the_engine_allows_only_the_granted_action_in_the_browser() {
    let allowed = rust(idpool_js::evaluate(js(&picture_case("s3:GetObject")), true).unwrap());
    assert_eq!(allowed["op"], "evaluate", "{allowed}");
    assert_eq!(allowed["answer"]["decision"], "Allowed", "{allowed}");
    let denied = rust(idpool_js::evaluate(js(&picture_case("s3:PutObject")), false).unwrap());
    assert_eq!(denied["answer"]["decision"], "ImplicitDeny", "{denied}");
}

#[wasm_bindgen_test]
fn the_default_example_is_allowed_through_the_generic_answer() {
    let request = json!({ "apiVersion": 1, "op": "simulate", "scenario": GUEST_EXAMPLE });
    let answer = rust(idpool_js::answer(js(&request)).unwrap());
    assert_eq!(answer["op"], "simulate", "{answer}");
    assert_eq!(
        answer["report"]["requests"][0]["decision"], "Allowed",
        "{answer}"
    );

    // The same request as an object document, and as JSON text, agree.
    let document: Value = serde_json::from_str(GUEST_EXAMPLE).unwrap();
    let by_object = rust(idpool_js::simulate(js(&document)).unwrap());
    assert_eq!(
        by_object["report"]["requests"][0]["decision"], "Allowed",
        "{by_object}"
    );
    let text: Value = serde_json::from_str(&idpool_js::answer_json(JsValue::from_str(
        &request.to_string(),
    )))
    .unwrap();
    assert_eq!(
        text["report"]["requests"][0]["decision"], "Allowed",
        "{text}"
    );
}

#[wasm_bindgen_test]
fn policy_diagnostics_carry_positions_in_the_browser() {
    let answer = rust(
        idpool_js::parse_policy(
            JsValue::from_str("{\n  \"Version\": \"2012-10-17\",\n}"),
            JsValue::from_str("Identity"),
        )
        .unwrap(),
    );
    assert_eq!(answer["op"], "parsePolicy", "{answer}");
    assert_eq!(answer["valid"], false, "{answer}");
    let first = &answer["diagnostics"][0];
    assert!(first["start"]["line"].as_u64().unwrap() >= 1, "{answer}");
}

#[wasm_bindgen_test]
fn unreadable_requests_get_an_error_answer_not_an_exception() {
    let answer = rust(idpool_js::answer(js(&json!({ "apiVersion": 1, "op": "fly" }))).unwrap());
    assert_eq!(answer["op"], "error", "{answer}");
    let old = rust(
        idpool_js::answer(js(
            &json!({ "apiVersion": 99, "op": "formatPolicy", "text": "{}" }),
        ))
        .unwrap(),
    );
    assert_eq!(old["op"], "error", "{old}");
    assert!(!idpool_js::engine_version().is_empty());
    assert_eq!(idpool_js::api_version(), 1);
}
