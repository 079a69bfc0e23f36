//! The second, lazily loaded wasm module: the JavaScript API (crate `idpool-js`, the same
//! `identity_pool::api` the CLI answers with), fetched on first use of what the first
//! decision does not need (import of infrastructure code, export as code, the Permissions
//! panel). The first load then ships only the simulation and the page.
//!
//! The build writes the module next to `index.html` under a content-hashed name and names it
//! in `<meta name="idpool-api">` (`cargo xtask post-build`). It is loaded once, by a dynamic
//! `import()` of its wasm-bindgen glue resolved against the page's URL, so a page published
//! under a sub-path finds it there; the page's Content-Security-Policy allows it as a
//! same-origin script and wasm. A failed load is forgotten, so the next use tries again.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let loading = null;
export function idpool_api_load() {
  if (!loading) {
    const meta = document.querySelector('meta[name="idpool-api"]');
    const name = meta && meta.getAttribute('content');
    if (!name) {
      return Promise.reject(new Error('this build of the page names no API module'));
    }
    const js = new URL(name, document.baseURI);
    const wasm = new URL(name.replace(/\.js$/, '_bg.wasm'), document.baseURI);
    loading = import(js.href).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function idpool_api_answer(module, request) {
  return module.answerJson(request);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idpool_api_load() -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch)]
    fn idpool_api_answer(module: &JsValue, request: &str) -> Result<String, JsValue>;
}

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
    let module = idpool_api_load().await.map_err(|e| {
        format!(
            "the module for import, export and permissions could not be loaded ({}); check the connection and try again",
            reason(&e)
        )
    })?;
    if load_ms().is_none() {
        LOAD_MS.with(|ms| ms.set(Some(crate::dom::now() - began)));
    }
    idpool_api_answer(&module, request)
        .map_err(|e| format!("the API module failed: {}", reason(&e)))
}

/// A thrown value in one line.
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
