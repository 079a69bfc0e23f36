//! The policy editor's action hover: which `Action`/`NotAction` entry the pointer is over or
//! the caret is on, and what it covers over the AWS action catalog. The first time an entry
//! is pointed at, the catalog and the API module load (never on the first load of the page).
//! Only the last answer is kept: asking the loaded module again takes a millisecond, and
//! the page carries no cache for it.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::backend::review::expand_action;
use crate::editor::action_at::{action_at, action_entries, ActionEntry};
use crate::editor::text::utf16_to_byte;
use crate::hooks::use_catalog::{catalog_loaded, ensure_catalog};

/// What the hover shows for its entry: the API's text, or why there is none (`None` while
/// the catalog or the answer is on its way).
pub type Expansion = Option<Result<String, String>>;

/// The hover's handlers, for the editor's textarea, and what to show.
pub struct ActionHover {
    /// `mousemove` over the textarea: the entry under the pointer.
    pub on_pointer: Callback<MouseEvent>,
    /// `keyup`: the entry the caret is on.
    pub on_caret: Callback<()>,
    /// The entry shown (the last one pointed at or reached with the caret), with what it
    /// covers.
    pub shown: Option<(ActionEntry, Expansion)>,
}

/// The hover for the editor whose textarea is `textarea` (inside `root`).
#[hook]
pub fn use_action_hover(textarea: NodeRef, root: NodeRef) -> ActionHover {
    let target = use_state_eq(|| None::<ActionEntry>);
    // The last pattern asked for and its answer.
    let answer = use_state(|| None::<(String, Result<String, String>)>);
    {
        // An entry shown asks for the catalog (again, after a failed load), then for what
        // the entry covers.
        let answer = answer.clone();
        let pattern = target.as_ref().map(|e| e.pattern.clone());
        use_effect_with(pattern, move |pattern| {
            let Some(pattern) = pattern.clone() else {
                return;
            };
            if answer.as_ref().is_none_or(|(asked, _)| *asked != pattern) {
                yew::platform::spawn_local(async move {
                    let loaded = if catalog_loaded() {
                        Ok(())
                    } else {
                        ensure_catalog()
                            .await
                            .map(drop)
                            .map_err(|e| format!("The AWS action catalog could not be loaded: {e}"))
                    };
                    let text = match loaded {
                        Ok(()) => expand_action(&pattern).await,
                        Err(e) => Err(e),
                    };
                    answer.set(Some((pattern, text)));
                });
            }
        });
    }

    let on_pointer = {
        let (target, textarea) = (target.clone(), textarea.clone());
        Callback::from(move |event: MouseEvent| {
            let (Some(root), Some(area)) = (
                root.cast::<web_sys::Element>(),
                textarea.cast::<HtmlTextAreaElement>(),
            ) else {
                return;
            };
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            target.set(entry_at_point(&root, &area.value(), x, y));
        })
    };
    let on_caret = {
        let target = target.clone();
        Callback::from(move |()| {
            let Some(element) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = element.value();
            let utf16 = element.selection_start().ok().flatten().unwrap_or(0);
            let at = utf16_to_byte(&text, usize::try_from(utf16).unwrap_or(0));
            // On an entry, or just after its closing quote.
            let entry = action_at(&text, at)
                .or_else(|| at.checked_sub(1).and_then(|b| action_at(&text, b)));
            target.set(entry);
        })
    };
    let shown = target.as_ref().map(|entry| {
        let expansion = match &*answer {
            Some((asked, text)) if *asked == entry.pattern => Some(text.clone()),
            _ => None,
        };
        (entry.clone(), expansion)
    });
    ActionHover {
        on_pointer,
        on_caret,
        shown,
    }
}

/// The entry whose highlighted string is under the point. The highlighted copy lies under
/// the textarea, so the strings' own boxes say exactly where each is (no guessing of
/// character widths, soft wrap included); only the strings that are entries are measured.
fn entry_at_point(root: &web_sys::Element, text: &str, x: f64, y: f64) -> Option<ActionEntry> {
    let entries = action_entries(text);
    if entries.is_empty() {
        return None;
    }
    let spans = root.query_selector_all(".pe-highlight .tok-string").ok()?;
    (0..spans.length())
        .filter_map(|i| spans.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find_map(|span| {
            let literal = span.text_content()?;
            let entry = entries
                .iter()
                .find(|e| text.get(e.start..e.end) == Some(literal.as_str()))?;
            let r = span.get_bounding_client_rect();
            (x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
                .then(|| entry.clone())
        })
}
