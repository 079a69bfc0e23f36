//! The JavaScript API over the shared request/answer API, [`identity_pool::api`].
//!
//! Every function is a one-line call into [`identity_pool::api::answer`], the API the
//! CLI and the playground also use, with values crossing the boundary through
//! serde-wasm-bindgen, so a JavaScript caller gets the same answers as `idpool` on the
//! command line. Answers are plain objects (`{apiVersion, op, ...}`); a request that
//! cannot be read gets an `{op: "error", message}` answer rather than an exception.

pub mod convert;
pub mod graph;
#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(feature = "schema")]
pub mod typescript;

use identity_pool::api::{
    self, ApiAnswer, ApiAnswerBody, ApiCall, ApiRequest, Explain, ScenarioInput, API_VERSION,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

// The package's declarations of the requests and answers, generated from the Rust types
// (`idpool-api.d.ts`, written by `cargo xtask js`), typed into every function below.
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
import type { ApiAnswer, ApiRequest, EvalCase, PolicyKind } from "./idpool-api";
export type * from "./idpool-api";
"#;

/// Answers one API request given as an object:
/// `{apiVersion: 1, op: "simulate" | "check" | "evaluate" | "parsePolicy" | "formatPolicy", ...}`.
#[wasm_bindgen(unchecked_return_type = "ApiAnswer")]
pub fn answer(
    #[wasm_bindgen(unchecked_param_type = "ApiRequest")] request: JsValue,
) -> Result<JsValue, JsError> {
    if request.is_string() {
        return to_js(&unreadable(
            "`answer` takes the request as an object; pass JSON text to `answerJson` instead",
        ));
    }
    match from_js::<ApiRequest>(&request) {
        Ok(request) => to_js(&api::answer(&request)),
        Err(error) => to_js(&unreadable(&error)),
    }
}

/// Answers one API request given as JSON text, with JSON text.
#[wasm_bindgen(js_name = answerJson)]
pub fn answer_json(#[wasm_bindgen(unchecked_param_type = "string")] request: JsValue) -> String {
    match request.as_string() {
        Some(text) => api::answer_json(&text),
        None => serde_json::to_string(&unreadable(&format!(
            "`answerJson` takes the request as JSON text (a string), not {}; pass an object to `answer` instead",
            type_name(&request)
        )))
        .unwrap_or_default(),
    }
}

/// Simulates a scenario (its file text, or the document as an object).
#[wasm_bindgen(unchecked_return_type = "ApiAnswer")]
pub fn simulate(
    #[wasm_bindgen(unchecked_param_type = "string | Record<string, unknown>")] scenario: JsValue,
) -> Result<JsValue, JsError> {
    call(scenario_input(&scenario).map(|scenario| ApiCall::Simulate {
        scenario,
        explain: Explain::All,
    }))
}

/// Simulates a scenario and checks its `expect`s.
#[wasm_bindgen(unchecked_return_type = "ApiAnswer")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "string | Record<string, unknown>")] scenario: JsValue,
) -> Result<JsValue, JsError> {
    call(scenario_input(&scenario).map(|scenario| ApiCall::Check { scenario }))
}

/// Evaluates one raw IAM evaluation case (formats.md section 1).
#[wasm_bindgen(unchecked_return_type = "ApiAnswer")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "EvalCase")] case: JsValue,
    explain: bool,
) -> Result<JsValue, JsError> {
    call(from_js(&case).map(|case| ApiCall::Evaluate { case, explain }))
}

/// Parses and validates a policy document; `kind` is e.g. `"Identity"` or `"Trust"`.
#[wasm_bindgen(js_name = parsePolicy, unchecked_return_type = "ApiAnswer")]
pub fn parse_policy(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PolicyKind")] kind: JsValue,
) -> Result<JsValue, JsError> {
    call(text_arg("parsePolicy", &text).and_then(|text| {
        from_js(&kind).map(|kind| ApiCall::ParsePolicy {
            text,
            kind,
            catalog: false,
        })
    }))
}

/// Pretty-prints a policy document, keeping its key order.
#[wasm_bindgen(js_name = formatPolicy, unchecked_return_type = "ApiAnswer")]
pub fn format_policy(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    call(text_arg("formatPolicy", &text).map(|text| ApiCall::FormatPolicy { text }))
}

/// The version of the engine behind this binding.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    api::ENGINE_VERSION.to_owned()
}

/// The API version this build speaks.
#[wasm_bindgen(js_name = apiVersion)]
pub fn api_version() -> u32 {
    API_VERSION
}

fn call(call: Result<ApiCall, String>) -> Result<JsValue, JsError> {
    match call {
        Ok(call) => to_js(&ApiAnswer {
            api_version: API_VERSION,
            body: api::call(call),
        }),
        Err(message) => to_js(&unreadable(&message)),
    }
}

/// A policy's text: only a string will do, and the message says how to get one.
fn text_arg(function: &str, text: &JsValue) -> Result<String, String> {
    text.as_string().ok_or_else(|| {
        format!(
            "`{function}` takes the policy's text (a string), not {}; for a policy object pass `JSON.stringify(policy)`",
            type_name(text)
        )
    })
}

/// A scenario given as text stays text (positions then refer to it); an object is a document.
fn scenario_input(scenario: &JsValue) -> Result<ScenarioInput, String> {
    match scenario.as_string() {
        Some(text) => Ok(ScenarioInput::Text(text)),
        None => to_value(scenario).map(ScenarioInput::Document),
    }
}

/// The caller's value as JSON: bounded in depth and size, cycles refused (see [`convert`]).
#[cfg(target_arch = "wasm32")]
fn to_value(value: &JsValue) -> Result<serde_json::Value, String> {
    convert::to_json(&mut js::JsSource::new(), value)
}

/// Native builds (the crate's unit tests) have no JavaScript values to read.
#[cfg(not(target_arch = "wasm32"))]
fn to_value(_: &JsValue) -> Result<serde_json::Value, String> {
    Err("JavaScript values can only be read in a wasm build".to_owned())
}

fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    serde_json::from_value(to_value(value)?).map_err(|error| error.to_string())
}

/// `a number`, `an object`... for messages about the wrong kind of argument.
fn type_name(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "`undefined`"
    } else if value.is_null() {
        "`null`"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.is_string() {
        "a string"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else {
        "a value of another type"
    }
}

fn unreadable(reason: &str) -> ApiAnswer {
    ApiAnswer {
        api_version: API_VERSION,
        body: ApiAnswerBody::Error {
            message: format!("the request is not a valid API request: {reason}"),
        },
    }
}

/// Turns a Rust answer into a plain JavaScript object (maps become objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|error| JsError::new(&error.to_string()))
}
