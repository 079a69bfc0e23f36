//! The share link's encoder, which the page asks for inside Share's click
//! (`playground::share_module`).

use playground::share_module::{fragment_for, Around};
use wasm_bindgen::prelude::*;

/// The share link's fragment for `scenario_json`, in `workshop` at `exercise` when given;
/// throws the one-line reason it cannot be made.
#[wasm_bindgen]
pub fn share_fragment(
    scenario_json: &str,
    workshop: Option<String>,
    exercise: Option<String>,
) -> Result<String, JsValue> {
    fragment_for(scenario_json, Around { workshop, exercise }).map_err(|e| JsValue::from_str(&e))
}
