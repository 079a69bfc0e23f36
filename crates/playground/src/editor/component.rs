//! The `PolicyEditor` component: composes the editor's parts and wires browser events to
//! the pure editing functions.
//!
//! The text is edited in a real `<textarea>` (so selection, IME, screen readers and mobile
//! keyboards work as users expect) laid exactly over a `<pre>` that shows the same text
//! highlighted and underlined (`super::code_box`). The textarea's own text is transparent;
//! only its caret and selection show. A document longer than
//! [`super::large::LARGE_FROM_LINES`] opens read-only in the windowed view instead, with a
//! notice (`super::large_notice`).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use identity_pool::api::{Diagnostic, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::caret::{follow_caret, hovered_title, place_caret, select};
use super::code_box::{use_window, CodeBox};
use super::diagnostic_list::diagnostic_list;
use super::editing::{use_editing, Editing};
use super::large::{LargeAction, LargeState, Presentation, Size};
use super::large_notice::LargeNotice;
use super::toolbar::{keys_hint, Toolbar};
use super::view::Laid;
use crate::components::action_hover::action_hover_card;
use crate::hooks::use_action_hover::{use_action_hover, ActionHover};

/// Properties of [`PolicyEditor`] (see docs/contracts.md).
#[derive(Properties, PartialEq)]
pub struct PolicyEditorProps {
    /// `ROLE:POLICY` (`trust` for the trust policy, `boundary` for the permissions boundary);
    /// becomes the textarea's `data-policy-id`.
    pub policy_id: AttrValue,
    /// The policy text. The parent must store what `on_change` gives it right away (debounce
    /// the evaluation, not this value), or the editor would be reset to an old text.
    pub value: AttrValue,
    /// Called with the whole new text after every edit, including Tab, Format and undo.
    pub on_change: Callback<String>,
    /// Diagnostics for this text, located (start/end set) against `value`.
    #[prop_or_default]
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// The accessible name, also shown above the editor (e.g. `Guest: trust policy`).
    pub label: AttrValue,
    /// Shown, selectable and scrollable, but not editable (a read-only embed).
    #[prop_or_default]
    pub readonly: bool,
}

/// A JSON policy editor with line numbers, highlighting, underlined diagnostics and a
/// clickable list of them, Format, undo/redo, and Tab/Enter indentation.
///
/// Keys (`super::keys`): Tab / Shift+Tab indent and dedent (Escape then Tab leaves the
/// editor), Enter keeps the indentation, `}` or `]` on a blank line lines up with its
/// opener, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Alt+Shift+F format.
#[component]
pub fn PolicyEditor(props: &PolicyEditorProps) -> Html {
    let textarea = use_node_ref();
    let editing = use_editing(
        &props.policy_id,
        &props.value,
        &props.on_change,
        textarea.clone(),
    );
    // What the `Action` entry under the pointer or the caret covers (`hooks::use_action_hover`).
    let hover = use_action_hover(textarea.clone());
    let lines = use_memo(
        (props.value.clone(), props.diagnostics.clone()),
        |(value, diagnostics)| Laid::new(value, diagnostics),
    );
    let size = Size::of(&props.value);
    let large = use_large(&props.policy_id, size);
    let presentation = large.borrow().presentation(size);
    let focus_pending = use_focus_request(textarea.clone());
    // Soft wrap, by choice: long condition lines fold at the editor's width instead of
    // scrolling sideways (line numbers then sit on each line's first row).
    let wrap = use_state(bool::default);
    // Whether a long problem list is shown whole.
    let unfolded = use_state(bool::default);
    let view = presentation == Presentation::View;
    let wrapped = *wrap && !view;
    let (window, onscroll) = use_window(lines.len(), wrapped);
    let (can_undo, can_redo) = {
        let history = editing.history.borrow();
        (history.can_undo(), history.can_redo())
    };
    let ids = Ids::new(&props.policy_id);
    let toolbar = Toolbar {
        label: props.label.clone(),
        editable: !props.readonly,
        formattable: !view,
        can_undo,
        can_redo,
        wrap: wrapped,
        on_step: step_callback(&editing),
        on_format: format_callback(&editing),
        on_wrap: Callback::from(move |()| wrap.set(!*wrap)),
    };
    let code = CodeBox {
        lines: &lines,
        window,
        onscroll,
        wrap: wrapped,
        view,
        policy_id: &props.policy_id,
        label: &props.label,
    };
    let input = if view {
        Html::default()
    } else {
        text_input(props, &editing, &ids, &hover, wrapped)
    };
    html! {
        <div class="policy-editor">
            { toolbar.view() }
            if view {
                { large_notice(props, size, &editing, &large, &focus_pending).view() }
            } else if !props.readonly {
                { keys_hint(editing.keys.borrow().tab_moves_focus) }
            }
            if let Some(error) = &*editing.format_error {
                <p class="pe-format-error" id={ids.format_error.clone()} role="alert">
                    { format_notice(error) }
                </p>
            }
            { code.view(input) }
            if let Some((entry, expansion)) = &hover.shown {
                { action_hover_card(&ids.hover, entry, expansion) }
            }
            { diagnostic_list(&props.diagnostics, &ids.list,
                &jump_callback(textarea, props.policy_id.clone()), &unfolded) }
        </div>
    }
}

/// The HTML ids of an editor's problem list, format error and action card.
struct Ids {
    list: AttrValue,
    format_error: AttrValue,
    hover: AttrValue,
}

impl Ids {
    fn new(policy_id: &str) -> Self {
        let id = dom_id(policy_id);
        Ids {
            list: format!("pe-diagnostics-{id}").into(),
            format_error: format!("pe-format-error-{id}").into(),
            hover: format!("pe-action-hover-{id}").into(),
        }
    }
}

/// Whether a long document is shown read-only, as chosen in this editor (see
/// `super::large`): the choice lapses for another document or a short text. Applied while
/// rendering, so the first render of a new size already shows it the right way.
#[hook]
fn use_large(policy_id: &AttrValue, size: Size) -> Rc<RefCell<LargeState>> {
    let owner = use_mut_ref(|| policy_id.clone());
    let state = use_mut_ref(LargeState::default);
    if *owner.borrow() != *policy_id {
        *owner.borrow_mut() = policy_id.clone();
        let next = state.borrow().after(LargeAction::NewDocument);
        *state.borrow_mut() = next;
    }
    let next = state.borrow().after(LargeAction::Resized(size));
    *state.borrow_mut() = next;
    state
}

/// A flag that, once set, focuses the textarea after the next render (it does not exist
/// yet when "Edit anyway" or "Clear to paste" is clicked in the view).
#[hook]
fn use_focus_request(textarea: NodeRef) -> Rc<RefCell<bool>> {
    let pending = use_mut_ref(|| false);
    {
        let pending = pending.clone();
        use_effect(move || {
            if std::mem::take(&mut *pending.borrow_mut()) {
                if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    pending
}

/// The notice over a long document's view, its buttons wired to the editor.
fn large_notice(
    props: &PolicyEditorProps,
    size: Size,
    editing: &Rc<Editing>,
    large: &Rc<RefCell<LargeState>>,
    focus_pending: &Rc<RefCell<bool>>,
) -> LargeNotice {
    let on_edit_anyway = {
        let (large, editing, focus_pending) =
            (large.clone(), editing.clone(), focus_pending.clone());
        Callback::from(move |()| {
            *focus_pending.borrow_mut() = true;
            let next = large.borrow().after(LargeAction::EditAnyway);
            *large.borrow_mut() = next;
            editing.refresh.force_update();
        })
    };
    let on_download = {
        let text = props.value.clone();
        Callback::from(move |()| crate::dom::download("policy.json", &text))
    };
    LargeNotice {
        size,
        editable: !props.readonly,
        on_edit_anyway,
        on_download,
        on_replace: replace_callback(editing, focus_pending),
    }
}

/// Replaces the whole text (Clear to paste) and focuses the textarea that then appears.
fn replace_callback(editing: &Rc<Editing>, focus_pending: &Rc<RefCell<bool>>) -> Callback<String> {
    let (editing, focus_pending) = (editing.clone(), focus_pending.clone());
    Callback::from(move |text: String| {
        *focus_pending.borrow_mut() = true;
        editing.replace(text);
    })
}

/// The textarea, with its events; the highlighted copy lies under it.
fn text_input(
    props: &PolicyEditorProps,
    editing: &Rc<Editing>,
    ids: &Ids,
    hover: &ActionHover,
    wrap: bool,
) -> Html {
    let has_errors = props
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    // Screen readers announce the action card, the problems list and a format error with
    // the textarea.
    let described_by: Vec<&str> = [
        hover.shown.is_some().then_some(ids.hover.as_str()),
        (!props.diagnostics.is_empty()).then_some(ids.list.as_str()),
        editing
            .format_error
            .is_some()
            .then_some(ids.format_error.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    let oninput = {
        let editing = editing.clone();
        Callback::from(move |event: InputEvent| editing.input(&event))
    };
    let onkeydown = {
        let (editing, readonly) = (editing.clone(), props.readonly);
        Callback::from(move |event: KeyboardEvent| {
            if !readonly {
                editing.key(&event);
            }
        })
    };
    html! {
        <textarea
            ref={editing.textarea.clone()}
            class="pe-input"
            data-testid="policy-editor"
            data-policy-id={props.policy_id.clone()}
            aria-label={props.label.clone()}
            aria-invalid={if has_errors { "true" } else { "false" }}
            aria-describedby={described_by}
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            autocorrect="off"
            wrap={if wrap { "soft" } else { "off" }}
            readonly={props.readonly}
            value={editing.text()}
            {oninput}
            {onkeydown}
            onkeyup={follow_caret_callback(&editing.textarea, &hover.on_caret)}
            onmousemove={hover_callback(&editing.textarea, &hover.on_pointer)}
            onmouseleave={hover.on_leave.reform(|_: MouseEvent| ())}
            onblur={hover.on_leave.reform(|_: FocusEvent| ())}
        />
    }
}

fn step_callback(editing: &Rc<Editing>) -> Callback<bool> {
    let editing = editing.clone();
    Callback::from(move |forward| editing.step(forward))
}

fn format_callback(editing: &Rc<Editing>) -> Callback<()> {
    let editing = editing.clone();
    Callback::from(move |()| editing.format())
}

/// The box scrolls with the caret: after End on a long line, Home (or Ctrl+End) brings
/// the start of the lines back into view instead of leaving the caret off-screen.
/// The caret's entry gets the action card.
fn follow_caret_callback(textarea: &NodeRef, on_caret: &Callback<()>) -> Callback<KeyboardEvent> {
    let (textarea, on_caret) = (textarea.clone(), on_caret.clone());
    Callback::from(move |_: KeyboardEvent| {
        if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
            follow_caret(&element);
        }
        on_caret.emit(());
    })
}

/// The textarea lies over the underlines, so it takes their hover text while the pointer
/// is over one (the `<pre>` below never receives the pointer); the entry under the pointer
/// gets the action card.
fn hover_callback(textarea: &NodeRef, on_pointer: &Callback<MouseEvent>) -> Callback<MouseEvent> {
    let (textarea, on_pointer) = (textarea.clone(), on_pointer.clone());
    Callback::from(move |event: MouseEvent| {
        on_pointer.emit(event.clone());
        let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
            return;
        };
        let Some(root) = area.closest(".policy-editor").ok().flatten() else {
            return;
        };
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        let title = hovered_title(&root, x, y);
        if title != area.get_attribute("title") {
            let _ = match title {
                Some(title) => area.set_attribute("title", &title),
                None => area.remove_attribute("title"),
            };
        }
    })
}

/// A diagnostic's "go to this spot": the caret at a 1-based line and UTF-16 column, or in
/// a long document's view, that line scrolled into view.
fn jump_callback(textarea: NodeRef, policy_id: AttrValue) -> Callback<(usize, usize)> {
    Callback::from(move |(line, utf16_column): (usize, usize)| {
        match textarea.cast::<HtmlTextAreaElement>() {
            Some(element) => place_caret(&element, line, utf16_column, 0),
            None => {
                select(&policy_id, line, utf16_column, 0);
            }
        }
    })
}

/// A policy id turned into something safe inside an HTML id.
fn dom_id(policy_id: &str) -> String {
    policy_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// A format error as the person reads it: where, what, and what to do.
fn format_notice(error: &Diagnostic) -> String {
    let at = error
        .start
        .map(|p| format!("line {}, column {}: ", p.line, p.column))
        .unwrap_or_default();
    let help = error
        .help
        .as_deref()
        .map(|h| format!(" ({h})"))
        .unwrap_or_default();
    format!("{at}cannot format: {}{help}", error.message)
}
