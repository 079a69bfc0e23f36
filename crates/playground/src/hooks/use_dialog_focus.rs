//! Focus for a modal dialog: it takes focus when it opens, keeps Tab inside it, and gives
//! focus back to what had it (the button that opened it) when it closes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// What can take focus inside a dialog, in document order.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]):not([type=\"hidden\"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

/// Put the returned callback on the dialog's `onkeydown`, and `root` on its outer element.
/// On mount the first focusable element inside gets focus; Tab on the last one goes back
/// to the first (Shift+Tab the other way); on unmount focus returns where it was.
#[hook]
pub fn use_dialog_focus(root: NodeRef) -> Callback<KeyboardEvent> {
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let before = active_element();
            if let Some(first) = focusables(&root).into_iter().next() {
                let _ = first.focus();
            }
            move || {
                if let Some(element) = before {
                    let _ = element.focus();
                }
            }
        });
    }
    Callback::from(move |event: KeyboardEvent| {
        if event.key() != "Tab" {
            return;
        }
        let all = focusables(&root);
        let (Some(first), Some(last)) = (all.first(), all.last()) else {
            return;
        };
        let active = active_element();
        let at = |e: &HtmlElement| active.as_ref().is_some_and(|a| a.is_same_node(Some(e)));
        let target = if event.shift_key() && at(first) {
            Some(last)
        } else if !event.shift_key() && at(last) {
            Some(first)
        } else {
            None
        };
        if let Some(target) = target {
            event.prevent_default();
            let _ = target.focus();
        }
    })
}

fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}

fn focusables(root: &NodeRef) -> Vec<HtmlElement> {
    let Some(root) = root.cast::<Element>() else {
        return Vec::new();
    };
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect()
}
