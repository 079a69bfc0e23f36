//! The second, lazily loaded wasm module: the JavaScript API (crate `idpool-js`, the same
//! `identity_pool::api` the CLI answers with), fetched on first use of what the first
//! decision does not need (import of infrastructure code, export as code, the Permissions
//! panel). The first load then ships only the simulation and the page.
//!
//! The build writes the module next to `index.html` under a content-hashed name and names it
//! in `<meta name="idpool-api">` (`cargo xtask post-build`); [`crate::lazy_module`] loads it
//! once, relative to the page, and forgets a failed load so the next use tries again.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function idpool_api_answer(module, request) {
  return module.answerJson(request);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn idpool_api_answer(module: &JsValue, request: &str) -> Result<String, JsValue>;
}

/// The `<meta>` naming the module's glue (written by `cargo xtask post-build`).
const META: &str = "idpool-api";

thread_local! {
    /// How long the first successful load took (ms), once it is known.
    static LOAD_MS: Cell<Option<f64>> = const { Cell::new(None) };
}

/// How long fetching and starting the module took the first time (ms), once it has loaded.
pub fn load_ms() -> Option<f64> {
    LOAD_MS.with(Cell::get)
}

/// Whether the module has loaded.
pub fn loaded() -> bool {
    load_ms().is_some()
}

/// The module's answer to one request (JSON text of `identity_pool::api::ApiRequest`), as
/// JSON text; loads the module first when it is not loaded yet. The error says, in one line,
/// why the module could not be loaded.
pub async fn answer_json(request: &str) -> Result<String, String> {
    let began = crate::dom::now();
    let module = crate::lazy_module::load(META).await.map_err(|e| {
        format!(
            "the module for import, export and permissions could not be loaded ({e}); check the connection and try again"
        )
    })?;
    if load_ms().is_none() {
        LOAD_MS.with(|ms| ms.set(Some(crate::dom::now() - began)));
    }
    idpool_api_answer(&module, request)
        .map_err(|e| format!("the API module failed: {}", crate::lazy_module::reason(&e)))
}
