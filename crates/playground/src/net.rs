//! Fetching a file of the same site (a workshop or the AWS action catalog next to the
//! page), as text. The page's
//! Content-Security-Policy (`connect-src 'self'`) allows nothing else.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `url` (relative to the page), or a one-line reason it could not be read.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("`{url}` could not be fetched (offline, or blocked)"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("`{url}` gave no response"))?;
    if !response.ok() {
        return Err(format!(
            "`{url}` answered HTTP {}: the file is not on this site",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| format!("`{url}` has no text"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("`{url}` could not be read as text"))
}
