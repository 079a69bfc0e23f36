//! The JavaScript API over the shared request/answer API.
//!
//! Every function is a one-line call into the Rust API that the CLI and the playground
//! also use, with values crossing the boundary through serde-wasm-bindgen, so a
//! JavaScript caller gets the same answers as `idpool` on the command line.
//!
//! Until `identity_pool::api::answer` exists (branch `sim`), this binds what the engine
//! offers today; `answer(request)` replaces these functions when it lands.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The version of the engine behind this binding (the workspace version).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Turns a Rust answer into a plain JavaScript object (maps become objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|error| JsError::new(&error.to_string()))
}

/// Looks up `key` in a request context built from `entries` (`[[key, value], ...]`),
/// the case-insensitive way IAM compares context key names. Returns the value or
/// `undefined`. A small, real engine call that proves the wasm build links the engine.
#[wasm_bindgen(js_name = contextLookup)]
pub fn context_lookup(entries: JsValue, key: &str) -> Result<JsValue, JsError> {
    let entries: Vec<(String, iam_policy::ContextValue)> = serde_wasm_bindgen::from_value(entries)
        .map_err(|error| JsError::new(&error.to_string()))?;
    let mut context = iam_policy::Context::new();
    for (name, value) in entries {
        context.insert(name, value);
    }
    match context.get(key) {
        Some(value) => to_js(value),
        None => Ok(JsValue::UNDEFINED),
    }
}
