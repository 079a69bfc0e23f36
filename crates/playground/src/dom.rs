//! Small browser helpers the components share. Each one fails quietly: a missing element
//! or an unsupported API must never break the page.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Marks `<body data-ready="true">` (the e2e suite waits for it).
pub fn set_ready() {
    if let Some(body) = gloo::utils::document().body() {
        let _ = body.set_attribute("data-ready", "true");
    }
}

/// Focuses the policy editor `policy_id` (`ROLE:POLICY`) with the caret at the start of
/// statement `index` as the engine reads the editor's text (at the top when there is none).
pub fn jump_to(policy_id: &str, index: Option<usize>) {
    let selector = format!(
        "textarea[data-testid=\"policy-editor\"][data-policy-id=\"{}\"]",
        policy_id.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let text = gloo::utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|area| area.value())
        .unwrap_or_default();
    let start = index.and_then(|i| identity_pool::edit::statement_start(&text, i));
    let (line, column) = start.map_or((1, 1), |p| (p.line, p.utf16_column));
    crate::editor::jump_to(policy_id, line, column);
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str) {
    let parts = js_sys_array(text);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(anchor) = document.create_element("a") {
        if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)).into()
}

/// Milliseconds since navigation (0 when unavailable).
pub fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Whether keyboard focus is in a text field (single-key shortcuts must not fire there).
pub fn typing_in_field() -> bool {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The indices (`data-index`) of the request cards at least partly inside the window, in
/// page order. Cards are laid out top to bottom, so the walk stops at the first card below
/// the window.
pub fn visible_requests() -> Vec<usize> {
    let Ok(cards) = gloo::utils::document().query_selector_all("[data-testid=\"request-result\"]")
    else {
        return Vec::new();
    };
    let height = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let mut found = Vec::new();
    for i in 0..cards.length() {
        let Some(card) = cards
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let rect = card.get_bounding_client_rect();
        if rect.top() > height {
            break;
        }
        if rect.bottom() >= 0.0 && rect.height() > 0.0 {
            if let Some(index) = card
                .get_attribute("data-index")
                .and_then(|v| v.parse::<usize>().ok())
            {
                found.push(index);
            }
        }
    }
    found
}
