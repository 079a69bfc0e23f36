//! The policy editor's action hover: which `Action`/`NotAction` entry the pointer is over or
//! the caret is on, and what it covers over the AWS action catalog. The first time an entry
//! is pointed at, the catalog and the API module load (never on the first load of the page).
//! Only the last answer is kept: asking the loaded module again takes a millisecond, and
//! the page carries no cache for it.
//!
//! The state is one cell and a re-render, not `use_state` and an effect: each state type
//! and effect instantiates Yew's hook machinery again in the first load's wasm, and the
//! hover's whole state changes only in its own handlers.

use std::cell::RefCell;
use std::rc::Rc;

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
    /// The pointer left the textarea, or the focus did: nothing is shown (the focus stays
    /// in the editor's box while the pointer is elsewhere, so CSS `:focus-within` cannot
    /// tell).
    pub on_leave: Callback<()>,
    /// The entry shown (the last one pointed at or reached with the caret), with what it
    /// covers.
    pub shown: Option<(ActionEntry, Expansion)>,
}

/// The entry shown and the last answer: (the pattern asked for, its text once answered).
#[derive(Default)]
struct HoverState {
    target: Option<ActionEntry>,
    answer: Option<(String, Expansion)>,
}

/// Shows `entry` (or nothing), asking for what it covers when that is not known yet. The
/// cell is never borrowed while Yew may render.
fn show(
    state: &Rc<RefCell<HoverState>>,
    refresh: &UseForceUpdateHandle,
    entry: Option<ActionEntry>,
) {
    let ask = {
        let mut now = state.borrow_mut();
        if now.target == entry {
            return;
        }
        let pattern = entry.as_ref().map(|e| e.pattern.clone());
        now.target = entry;
        let known = |p: &String| now.answer.as_ref().is_some_and(|(asked, _)| asked == p);
        let ask = pattern.filter(|p| !known(p));
        if let Some(p) = &ask {
            now.answer = Some((p.clone(), None));
        }
        ask
    };
    refresh.force_update();
    let Some(pattern) = ask else {
        return;
    };
    let (state, refresh) = (state.clone(), refresh.clone());
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
        let fresh = {
            let mut now = state.borrow_mut();
            // A later entry asked since: this answer is stale.
            let fresh = now
                .answer
                .as_ref()
                .is_some_and(|(asked, _)| *asked == pattern);
            if fresh {
                now.answer = Some((pattern, Some(text)));
            }
            fresh
        };
        if fresh {
            refresh.force_update();
        }
    });
}

/// The hover for the editor whose textarea is `textarea`.
#[hook]
pub fn use_action_hover(textarea: NodeRef) -> ActionHover {
    let state = use_mut_ref(HoverState::default);
    let refresh = use_force_update();
    let on_pointer = {
        let (state, refresh, textarea) = (state.clone(), refresh.clone(), textarea.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let Some(root) = area.closest(".policy-editor").ok().flatten() else {
                return;
            };
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            show(&state, &refresh, entry_at_point(&root, &area.value(), x, y));
        })
    };
    let on_caret = {
        let (state, refresh) = (state.clone(), refresh.clone());
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
            show(&state, &refresh, entry);
        })
    };
    let shown = {
        let now = state.borrow();
        now.target.as_ref().map(|entry| {
            let expansion = match &now.answer {
                Some((asked, text)) if *asked == entry.pattern => text.clone(),
                _ => None,
            };
            (entry.clone(), expansion)
        })
    };
    let on_leave = {
        let state = state.clone();
        Callback::from(move |()| show(&state, &refresh, None))
    };
    ActionHover {
        on_pointer,
        on_caret,
        on_leave,
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
