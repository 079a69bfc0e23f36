//! Page-wide keyboard shortcuts, listed in the help overlay.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Ctrl/Cmd+Enter: evaluate now.
    EvaluateNow,
    /// Ctrl/Cmd+Shift+S: copy the share link.
    Share,
    /// Ctrl/Cmd+Shift+E: export the scenario file.
    Export,
    /// `?` outside a text field: toggle the help overlay.
    Help,
    /// Escape: close the overlay.
    Close,
}

/// The shortcuts as (keys, what they do), for the help overlay.
pub const TABLE: &[(&str, &str)] = &[
    ("Ctrl/⌘ + Enter", "Evaluate now"),
    ("Alt + Shift + F (in a policy)", "Format the policy"),
    (
        "Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z or Ctrl + Y",
        "Undo, redo in a policy",
    ),
    ("Tab / Shift + Tab (in a policy)", "Indent / outdent"),
    ("Esc, then Tab (in a policy)", "Leave the policy editor"),
    (
        "Ctrl + M (in a policy)",
        "Tab moves focus instead of indenting (press again to undo)",
    ),
    ("Ctrl/⌘ + Shift + S", "Copy the share link"),
    ("Ctrl/⌘ + Shift + E", "Export the scenario file"),
    ("?", "Show or hide this help"),
    ("Esc", "Close dialogs"),
];

/// Which shortcut a key event is, if any.
pub fn classify(key: &str, ctrl_or_meta: bool, shift: bool, in_field: bool) -> Option<Shortcut> {
    match (key, ctrl_or_meta, shift) {
        ("Enter", true, _) => Some(Shortcut::EvaluateNow),
        ("S" | "s", true, true) => Some(Shortcut::Share),
        ("E" | "e", true, true) => Some(Shortcut::Export),
        ("?", false, _) if !in_field => Some(Shortcut::Help),
        ("Escape", _, _) => Some(Shortcut::Close),
        _ => None,
    }
}

/// Calls `on_shortcut` for every shortcut pressed anywhere on the page.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    let latest = use_mut_ref(|| on_shortcut.clone());
    *latest.borrow_mut() = on_shortcut;
    use_effect_with((), move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let shortcut = classify(
                    &event.key(),
                    event.ctrl_key() || event.meta_key(),
                    event.shift_key(),
                    crate::dom::typing_in_field(),
                );
                if let Some(shortcut) = shortcut {
                    if shortcut != Shortcut::Close {
                        event.prevent_default();
                    }
                    latest.borrow().emit(shortcut);
                }
            },
        );
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::{classify, Shortcut};

    #[test]
    fn ctrl_enter_evaluates_even_in_a_field() {
        assert_eq!(
            classify("Enter", true, false, true),
            Some(Shortcut::EvaluateNow)
        );
        assert_eq!(classify("Enter", false, false, true), None);
    }

    #[test]
    fn question_mark_is_text_inside_a_field() {
        assert_eq!(classify("?", false, true, false), Some(Shortcut::Help));
        assert_eq!(classify("?", false, true, true), None);
    }

    #[test]
    fn share_and_export_need_shift() {
        assert_eq!(classify("S", true, true, true), Some(Shortcut::Share));
        assert_eq!(classify("s", true, false, false), None);
        assert_eq!(classify("E", true, true, false), Some(Shortcut::Export));
    }
}
