//! The browser side of embedding: posting [`WidgetMessage`]s to the host page, reading the
//! host's [`HostMessage`]s, the colour scheme, and watching the widget's height. The
//! message shapes live in `share_link::message`; nothing here decides what a message means.

use gloo::events::EventListener;
use share_link::{HostMessage, Theme, WidgetMessage};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The host page's window, when the page is framed (`None` at top level).
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `message` to the host page (nothing when the page is not framed). The target
/// origin is `*`: the widget does not know its host, and a message holds nothing the host's
/// own link did not (see `share_link::message`).
pub fn post(id: &str, message: &WidgetMessage) {
    let Some(parent) = parent() else {
        return;
    };
    if let Ok(value) = js_sys::JSON::parse(&message.to_json(id)) {
        let _ = parent.post_message(&value, "*");
    }
}

/// Calls `on_message` with every message of a documented shape the parent window posts;
/// messages from any other window, and any other shape, are ignored. Keep the listener.
pub fn listen(on_message: impl Fn(HostMessage) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let parent = parent()?;
    Some(EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = event
            .source()
            .is_some_and(|source| js_sys::Object::is(&source, &parent));
        if !from_parent {
            return;
        }
        let text = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string());
        if let Some(message) = text.as_deref().and_then(HostMessage::parse_text) {
            on_message(message);
        }
    }))
}

/// Forces a colour scheme on the page (`None`: follow the browser's preference).
pub fn apply_theme(theme: Option<Theme>) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = match theme {
        Some(Theme::Light) => root.set_attribute("data-theme", "light"),
        Some(Theme::Dark) => root.set_attribute("data-theme", "dark"),
        None => root.remove_attribute("data-theme"),
    };
}

/// The content height of `element` in whole CSS pixels.
pub fn height_of(element: &web_sys::Element) -> u32 {
    let height = element.get_bounding_client_rect().height().ceil();
    if height.is_finite() && height > 0.0 {
        // A page is never 4 billion pixels tall; clamp instead of wrapping.
        height.min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// Watches `element`'s size and calls `on_resize` after each change. Dropping the returned
/// observer stops it.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl SizeWatch {
    /// Starts watching, or `None` where the browser has no `ResizeObserver`.
    pub fn new(element: &web_sys::Element, on_resize: impl Fn() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| on_resize());
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(SizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
