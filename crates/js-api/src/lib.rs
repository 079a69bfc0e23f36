//! The JavaScript API over the shared request/answer API, [`identity_pool::api`].
//!
//! Every function is a one-line call into [`identity_pool::api::answer`], the API the
//! CLI and the playground also use, with values crossing the boundary through
//! serde-wasm-bindgen, so a JavaScript caller gets the same answers as `idpool` on the
//! command line. Answers are plain objects (`{apiVersion, op, ...}`); a request that
//! cannot be read gets an `{op: "error", message}` answer rather than an exception.

use identity_pool::api::{
    self, ApiAnswer, ApiAnswerBody, ApiCall, ApiRequest, Explain, ScenarioInput, API_VERSION,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Answers one API request given as an object:
/// `{apiVersion: 1, op: "simulate" | "check" | "evaluate" | "parsePolicy" | "formatPolicy", ...}`.
#[wasm_bindgen]
pub fn answer(request: JsValue) -> Result<JsValue, JsError> {
    match serde_wasm_bindgen::from_value::<ApiRequest>(request) {
        Ok(request) => to_js(&api::answer(&request)),
        Err(error) => to_js(&unreadable(&error.to_string())),
    }
}

/// Answers one API request given as JSON text, with JSON text.
#[wasm_bindgen(js_name = answerJson)]
pub fn answer_json(request: &str) -> String {
    api::answer_json(request)
}

/// Simulates a scenario (its file text, or the document as an object).
#[wasm_bindgen]
pub fn simulate(scenario: JsValue) -> Result<JsValue, JsError> {
    call(scenario_input(scenario).map(|scenario| ApiCall::Simulate {
        scenario,
        explain: Explain::All,
    }))
}

/// Simulates a scenario and checks its `expect`s.
#[wasm_bindgen]
pub fn check(scenario: JsValue) -> Result<JsValue, JsError> {
    call(scenario_input(scenario).map(|scenario| ApiCall::Check { scenario }))
}

/// Evaluates one raw IAM evaluation case (formats.md section 1).
#[wasm_bindgen]
pub fn evaluate(case: JsValue, explain: bool) -> Result<JsValue, JsError> {
    call(from_js(case).map(|case| ApiCall::Evaluate { case, explain }))
}

/// Parses and validates a policy document; `kind` is e.g. `"Identity"` or `"Trust"`.
#[wasm_bindgen(js_name = parsePolicy)]
pub fn parse_policy(text: String, kind: JsValue) -> Result<JsValue, JsError> {
    call(from_js(kind).map(|kind| ApiCall::ParsePolicy {
        text,
        kind,
        catalog: false,
    }))
}

/// Pretty-prints a policy document, keeping its key order.
#[wasm_bindgen(js_name = formatPolicy)]
pub fn format_policy(text: String) -> Result<JsValue, JsError> {
    call(Ok(ApiCall::FormatPolicy { text }))
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

/// A scenario given as text stays text (positions then refer to it); an object is a document.
fn scenario_input(scenario: JsValue) -> Result<ScenarioInput, String> {
    match scenario.as_string() {
        Some(text) => Ok(ScenarioInput::Text(text)),
        None => from_js(scenario).map(ScenarioInput::Document),
    }
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
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
