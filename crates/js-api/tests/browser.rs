//! Engine tests run inside headless Chromium (`cargo xtask test wasm`), through the
//! same wasm build and JS boundary a page uses.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn context_keys_compare_case_insensitively_in_the_browser() {
    let mut context = iam_policy::Context::new();
    context.insert(
        "cognito-identity.amazonaws.com:amr",
        iam_policy::ContextValue::Multi(vec!["unauthenticated".to_owned()]),
    );
    assert_eq!(
        context.get("Cognito-Identity.amazonaws.com:AMR"),
        Some(&iam_policy::ContextValue::Multi(vec![
            "unauthenticated".to_owned()
        ]))
    );
    assert_eq!(context.get("cognito-identity.amazonaws.com:aud"), None);
}

#[wasm_bindgen_test]
fn the_js_binding_round_trips_context_values() {
    let entries = serde_wasm_bindgen::to_value(&vec![("aws:SourceIp", "203.0.113.7")]).unwrap();
    let found = idpool_js::context_lookup(entries.clone(), "AWS:SOURCEIP").unwrap();
    assert_eq!(found.as_string().as_deref(), Some("203.0.113.7"));
    let missing = idpool_js::context_lookup(entries, "aws:username").unwrap();
    assert_eq!(missing, JsValue::UNDEFINED);
    assert!(!idpool_js::engine_version().is_empty());
}
