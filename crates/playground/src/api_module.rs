//! The second, lazily loaded wasm module: the JavaScript API (crate `idpool-js`, the same
//! `identity_pool::api` the CLI answers with), fetched on first use of what the first
//! decision does not need (import of infrastructure code, export as code, the Permissions
//! panel). The first load then ships only the simulation and the page.
//!
//! The build writes the module next to `index.html` under a content-hashed name and names it
//! in `<meta name="idpool-api">` (`cargo xtask post-build`); [`crate::lazy_module`] loads it
//! once, relative to the page, and forgets a failed load so the next use tries again.
//!
//! The slow questions (the every-identity comparison, the coach) go to the same module in a
//! module Worker, so they never hold a keystroke: `<glue>-worker.js`, written next to the
//! glue by the same step ([`answer_off_thread`]). Where the worker cannot start or fails,
//! they are answered here, on the page's thread, as before.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

// The JS side is in `page.js` (why one file: `lazy_module.rs`).
#[wasm_bindgen(module = "/src/page.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn idpool_api_answer(module: &JsValue, request: &str) -> Result<String, JsValue>;
    fn idpool_api_worker(request: &str) -> js_sys::Promise;
}

/// The `<meta>` naming the module's glue (written by `cargo xtask post-build`).
const META: &str = "idpool-api";

thread_local! {
    /// How long the first successful load took (ms), once it is known.
    static LOAD_MS: Cell<Option<f64>> = const { Cell::new(None) };
    /// Whether the worker gave the last answer asked of it.
    static OFF_THREAD: Cell<bool> = const { Cell::new(false) };
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

/// Posts `request` to the module's worker (started on the first call) now: its answer, or
/// `None` when there is no worker (it could not start, or it failed: then never again).
/// Answers come in the order asked.
pub fn post_to_worker(request: &str) -> impl std::future::Future<Output = Option<String>> {
    let answer = wasm_bindgen_futures::JsFuture::from(idpool_api_worker(request));
    async move {
        let answer = answer.await.ok()?.as_string();
        OFF_THREAD.with(|off| off.set(answer.is_some()));
        answer
    }
}

/// Whether the worker gave the last answer asked of it (the comparisons run off the page's
/// thread, so they cannot hold a keystroke).
pub fn off_thread() -> bool {
    OFF_THREAD.with(Cell::get)
}

/// The answer to `request` from the module's worker, off the page's thread; from the module
/// on this thread when the worker cannot answer.
pub async fn answer_off_thread(request: &str) -> Result<String, String> {
    match post_to_worker(request).await {
        Some(answer) => Ok(answer),
        None => answer_json(request).await,
    }
}
