//! Loading a lazily loaded wasm module the build wrote next to `index.html`: the API module
//! ([`crate::api_module`]) and the workshop panel ([`crate::workshop_module`]).
//!
//! The build names each module's wasm-bindgen glue in a `<meta name="…">` of `index.html`
//! (`cargo xtask post-build`, under a content-hashed file name). The glue is loaded once,
//! by a dynamic `import()` resolved against `document.baseURI`, so a page published under a
//! sub-path finds it there, and started with the wasm next to it. The page's
//! Content-Security-Policy allows both as same-origin script and wasm. A failed load is
//! forgotten, so the next use tries again.

use wasm_bindgen::prelude::*;

// The JS side is in `page.js`, with the API module's and the workshop module's: one file
// instead of one `inline_js` snippet per Rust file, since each snippet is a file the page
// fetches before its loader runs, and over HTTP/1.1's six connections the snippets waited
// behind the wasm and the style sheets (docs/app.md, "What is left of the 250 ms").
#[wasm_bindgen(module = "/src/page.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idpool_lazy_load(meta: &str) -> Result<JsValue, JsValue>;
}

/// The started module the `<meta name="{meta}">` names (its glue's exports), loading it on
/// the first call; the error says in one line why it could not be loaded.
pub async fn load(meta: &str) -> Result<JsValue, String> {
    idpool_lazy_load(meta).await.map_err(|e| reason(&e))
}

/// A thrown value in one line.
pub fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
