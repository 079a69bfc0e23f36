//! A panel that lives in a wasm module of its own, a Yew app of its own that renders into an
//! element the page leaves to it: workshop mode's panel (crate `workshop-panel`, see
//! [`crate::workshop_module`]), and the parts of the page below the first decision, which
//! the second module (crate `review-panel`) draws: the Permissions panel
//! ([`crate::review_module`]), the pool column ([`crate::pool_module`]) and the dialogs
//! ([`crate::overlay_module`]). None of them is in the page's first download
//! (docs/bundle.md has the sizes).
//!
//! Both sides of every such bridge speak JSON text: the page starts the panel with a start
//! message and tells it what changed ([`Mounted::update`]); the panel asks the page through
//! one JS function that takes a message and returns the page's answer. This file is the
//! page's half of that plumbing, and [`step_past_subtree_ids`] the panel's.

use wasm_bindgen::prelude::*;
use yew::{function_component, html, Html};

// The JS side is in `page.js` (why one file: `lazy_module.rs`).
#[wasm_bindgen(module = "/src/page.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn idpool_panel_mount(
        module: &JsValue,
        export: &str,
        host: &web_sys::Element,
        start: &str,
        on_event: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch)]
    fn idpool_panel_update(panel: &JsValue, input: &str) -> Result<(), JsValue>;
}

/// A mounted panel, as the page holds it.
pub struct Mounted {
    panel: JsValue,
    /// Called by the panel with each of its messages, returning the page's answer; kept
    /// alive with the panel.
    _on_event: Closure<dyn FnMut(String) -> String>,
}

/// Where a panel comes from: the `<meta name="…">` naming its module, and the module's
/// export that mounts it (`mount`; a module may hold several panels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PanelExport {
    /// The `<meta>` naming the module's glue (written by `cargo xtask post-build`).
    pub meta: &'static str,
    /// The module's export that mounts the panel.
    pub export: &'static str,
}

/// Loads the module `from` names (once) and mounts its panel into `host` with `start`
/// (JSON text); `on_event` answers the panel's messages (boxed, so the page carries one copy
/// of this function for all its panels, not one per caller). `what` names the panel in the
/// one-line error (`the workshop panel`).
pub async fn mount(
    from: PanelExport,
    what: &str,
    host: &web_sys::Element,
    start: &str,
    on_event: Box<dyn FnMut(String) -> String>,
) -> Result<Mounted, String> {
    let module = crate::lazy_module::load(from.meta).await.map_err(|e| {
        format!("{what} could not be loaded ({e}); check the connection and try again")
    })?;
    let on_event = Closure::wrap(on_event);
    let panel = idpool_panel_mount(
        &module,
        from.export,
        host,
        start,
        on_event.as_ref().unchecked_ref(),
    )
    .map_err(|e| format!("{what} failed to start: {}", crate::lazy_module::reason(&e)))?;
    Ok(Mounted {
        panel,
        _on_event: on_event,
    })
}

impl Mounted {
    /// Tells the panel what changed (JSON text).
    pub fn update(&self, input: &str) {
        let _ = idpool_panel_update(&self.panel, input);
    }
}

/// Reads a panel's start message (JSON text), for the panel module's `mount`: the error
/// says which message could not be read and where, in one line.
pub fn read_start<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, JsValue> {
    serde_json::from_str(json).map_err(|e| {
        JsValue::from_str(&format!(
            "the panel's start is not readable (line {}, column {})",
            e.line(),
            e.column()
        ))
    })
}

/// Applies a panel's update message (`T` as JSON text) to `current`, for the panel module's
/// `update`: true when it changed it (an unreadable message changes nothing), so the panel
/// renders again only then.
pub fn apply_update<T: serde::de::DeserializeOwned + PartialEq>(
    current: &mut T,
    json: &str,
) -> bool {
    match serde_json::from_str::<T>(json) {
        Ok(input) if input != *current => {
            *current = input;
            true
        }
        _ => false,
    }
}

/// The panel's way to ask the page: each message is sent as JSON text through `on_event`
/// (the JS function the page handed `mount`), and the page's answer comes back as text
/// (empty when there is none, or when the call failed).
pub fn asker<E: serde::Serialize + 'static>(
    on_event: js_sys::Function,
) -> yew::Callback<E, String> {
    asker_writing(on_event, |event: &E| {
        serde_json::to_string(event).unwrap_or_default()
    })
}

/// [`asker`] for messages written by `write` rather than by serde.
pub fn asker_writing<E: 'static>(
    on_event: js_sys::Function,
    write: fn(&E) -> String,
) -> yew::Callback<E, String> {
    yew::Callback::from(move |event: E| {
        on_event
            .call1(&JsValue::NULL, &JsValue::from_str(&write(&event)))
            .ok()
            .and_then(|answer| answer.as_string())
            .unwrap_or_default()
    })
}

/// How many event subtree ids the page's copy of Yew may use (it has one root and no portal
/// today).
const PAGE_SUBTREES: u32 = 15;

/// How many each panel module may use (one root per panel it holds, no portal; two today):
/// the panels on one page must not share numbers either.
const PANEL_SUBTREES: u32 = 8;

/// Renders nothing: mounted on a detached element only to use up a subtree id.
#[function_component]
fn Spacer() -> Html {
    html! {}
}

thread_local! {
    /// Whether this copy of Yew (this module) has already stepped past the ids below its slot.
    static STEPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Renders a panel module's root component `C` into `host`, in the module's `slot` (see
/// [`step_past_subtree_ids`]; the ids are stepped past once per module, so a module's later
/// panels number on from its first).
pub fn render<C: yew::BaseComponent>(
    host: web_sys::Element,
    props: C::Properties,
    slot: u32,
) -> yew::AppHandle<C> {
    if !STEPPED.replace(true) {
        step_past_subtree_ids(slot);
    }
    yew::Renderer::<C>::with_root_and_props(host, props).render()
}

/// Called by a panel module before it renders its root. Each copy of Yew numbers its event
/// subtrees from 1 and brands the elements it listens on with that number; the page's copy,
/// listening on `<body>`, takes an event whose target is branded with its own number as its
/// own and looks the target's listener up in its own registry (where the panel's listener
/// ids name the page's unrelated listeners). So a panel's root must not share a number with
/// the page's, nor with another panel's on the same page: the numbers below the panel's
/// `slot` (0 for the workshop panel, 1 for the Permissions panel) are used up here.
pub fn step_past_subtree_ids(slot: u32) {
    for _ in 0..PAGE_SUBTREES + slot * PANEL_SUBTREES {
        if let Ok(detached) = gloo::utils::document().create_element("div") {
            yew::Renderer::<Spacer>::with_root(detached)
                .render()
                .destroy();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_applies_only_when_it_is_readable_and_changes_something() {
        let mut shown = vec![1u32];
        assert!(apply_update(&mut shown, "[1,2]"));
        assert_eq!(shown, vec![1, 2]);
        assert!(!apply_update(&mut shown, "[1,2]"), "the same again");
        assert!(!apply_update(&mut shown, "{\"not\":\"a list\"}"));
        assert!(!apply_update(&mut shown, "not json"));
        assert_eq!(shown, vec![1, 2]);
    }
}
