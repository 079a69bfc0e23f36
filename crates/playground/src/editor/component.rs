//! The `PolicyEditor` component: wires browser events to the pure editing functions.
//!
//! The text is edited in a real `<textarea>` (so selection, IME, screen readers and mobile
//! keyboards work as users expect) laid exactly over a `<pre>` that shows the same text
//! highlighted and underlined. The textarea's own text is transparent; only its caret and
//! selection show. Both sit in one scrolling box and are sized by the `<pre>`, so they
//! never drift apart while scrolling.

use std::sync::Arc;

use identity_pool::api::{Diagnostic, Severity};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::edit::INDENT;
use super::edit::{close_bracket, dedent, indent, newline};
use super::history::{EditKind, History};
use super::text::map_caret;
use super::text::{byte_to_utf16, utf16_at_line_column, Snapshot};
use super::view::{
    gutter_lines, highlighted, line_views, severity_class, severity_name, Window, WINDOW_FROM_LINES,
};
use identity_pool::api::format_json;

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
/// Keys: Tab / Shift+Tab indent and dedent (Escape then Tab leaves the editor),
/// Enter keeps the indentation, `}` or `]` on a blank line lines up with its opener, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Alt+Shift+F format.
#[component]
pub fn PolicyEditor(props: &PolicyEditorProps) -> Html {
    let textarea = use_node_ref();
    let root = use_node_ref();
    let history = use_mut_ref(|| History::new(Snapshot::with_caret(props.value.as_str(), 0)));
    let format_error = use_state(|| None::<Diagnostic>);
    // After Escape, the next Tab moves focus on instead of indenting (keyboard users
    // must be able to leave the editor).
    let tab_released = use_mut_ref(|| false);
    // Ctrl+M: Tab moves focus instead of indenting (as code editors on the web do), until
    // pressed again.
    let tab_moves_focus = use_state(|| false);
    let refresh = use_force_update();
    // Soft wrap, by choice: long condition lines fold at the editor's width instead of
    // scrolling sideways (line numbers then sit on each line's first row).
    let wrap = use_state(|| false);
    // Yew reuses a component in place when a list shifts (a role or policy removed above
    // this one): a new policy id means a new document, whose undo must not bring back
    // another policy's text.
    let owner = use_mut_ref(|| props.policy_id.clone());
    if *owner.borrow() != props.policy_id {
        *owner.borrow_mut() = props.policy_id.clone();
        *history.borrow_mut() = History::new(Snapshot::with_caret(props.value.as_str(), 0));
        if format_error.is_some() {
            format_error.set(None);
        }
    }
    history.borrow_mut().sync(&props.value);

    let lines = use_memo(
        (props.value.clone(), props.diagnostics.clone()),
        |(value, diagnostics)| line_views(value, diagnostics),
    );
    // The first line in view, in steps of [`TOP_STEP`] lines (a long text renders only
    // the lines around it; scrolling within a step re-renders nothing).
    let top = use_state_eq(|| 0usize);
    let window = if *wrap {
        // Folded lines have no fixed height: every line is rendered.
        Window::all(lines.len())
    } else {
        Window::around(*top, lines.len())
    };
    let onscroll = {
        let top = top.clone();
        let long = lines.len() > WINDOW_FROM_LINES;
        Callback::from(move |event: Event| {
            if !long {
                return;
            }
            if let Some(element) = event.target_dyn_into::<web_sys::Element>() {
                top.set(first_line_in_view(element.scroll_top()));
            }
        })
    };

    // Shows a snapshot, records it and tells the parent.
    let commit = {
        let textarea = textarea.clone();
        let history = history.clone();
        let on_change = props.on_change.clone();
        let format_error = format_error.clone();
        Callback::from(move |(snapshot, kind): (Snapshot, EditKind)| {
            show(&textarea, &snapshot);
            let text = snapshot.text.clone();
            history
                .borrow_mut()
                .record(snapshot, kind, js_sys::Date::now());
            if format_error.is_some() {
                format_error.set(None);
            }
            on_change.emit(text);
        })
    };

    let step = {
        let textarea = textarea.clone();
        let history = history.clone();
        let on_change = props.on_change.clone();
        let refresh = refresh.clone();
        Callback::from(move |forward: bool| {
            let snapshot = {
                let mut history = history.borrow_mut();
                let next = if forward {
                    history.redo()
                } else {
                    history.undo()
                };
                next.cloned()
            };
            if let Some(snapshot) = snapshot {
                show(&textarea, &snapshot);
                on_change.emit(snapshot.text);
                refresh.force_update();
            }
        })
    };

    let format = {
        let textarea = textarea.clone();
        let commit = commit.clone();
        let format_error = format_error.clone();
        Callback::from(move |()| {
            let Some(current) = read(&textarea) else {
                return;
            };
            match format_json(&current.text, INDENT) {
                Ok(formatted) if formatted == current.text => {}
                Ok(formatted) => {
                    let (caret, _) = current.byte_selection();
                    let caret = map_caret(&current.text, &formatted, caret);
                    let caret = byte_to_utf16(&formatted, caret);
                    commit.emit((Snapshot::with_caret(formatted, caret), EditKind::Other));
                }
                Err(error) => format_error.set(Some(error)),
            }
        })
    };

    let oninput = {
        let textarea = textarea.clone();
        let history = history.clone();
        let on_change = props.on_change.clone();
        let format_error = format_error.clone();
        Callback::from(move |event: InputEvent| {
            // A format error describes the text as it was; any edit makes it stale.
            if format_error.is_some() {
                format_error.set(None);
            }
            let Some(snapshot) = read(&textarea) else {
                return;
            };
            let kind = EditKind::from_input_type(&event.input_type());
            let text = snapshot.text.clone();
            history
                .borrow_mut()
                .record(snapshot, kind, js_sys::Date::now());
            on_change.emit(text);
        })
    };

    let onkeydown = {
        let textarea = textarea.clone();
        let tab_moves_focus = tab_moves_focus.clone();
        let commit = commit.clone();
        let step = step.clone();
        let format = format.clone();
        let readonly = props.readonly;
        Callback::from(move |event: KeyboardEvent| {
            if readonly {
                return;
            }
            let key = event.key();
            let command = event.ctrl_key() || event.meta_key();
            let (shift, alt) = (event.shift_key(), event.alt_key());
            if key != "Tab" && key != "Shift" {
                *tab_released.borrow_mut() = key == "Escape";
            }
            let edit: Option<fn(&Snapshot) -> Snapshot> = match key.as_str() {
                "Tab" if !command && !alt => {
                    if std::mem::take(&mut *tab_released.borrow_mut()) || *tab_moves_focus {
                        return;
                    }
                    Some(if shift { dedent } else { indent })
                }
                "Enter" if !command && !alt && !shift && !event.is_composing() => Some(newline),
                "z" | "Z" if command && !alt => {
                    event.prevent_default();
                    step.emit(shift);
                    None
                }
                "y" | "Y" if command && !alt && !shift => {
                    event.prevent_default();
                    step.emit(true);
                    None
                }
                "m" | "M" if event.ctrl_key() && !alt && !shift => {
                    event.prevent_default();
                    tab_moves_focus.set(!*tab_moves_focus);
                    None
                }
                "f" | "F" if alt && shift && !command => {
                    event.prevent_default();
                    format.emit(());
                    None
                }
                _ => None,
            };
            if let (Some(edit), Some(current)) = (edit, read(&textarea)) {
                event.prevent_default();
                commit.emit((edit(&current), EditKind::Other));
                return;
            }
            if command || alt {
                return;
            }
            let mut chars = key.chars();
            if let (Some(bracket), None) = (chars.next(), chars.next()) {
                let closed = read(&textarea).and_then(|current| close_bracket(&current, bracket));
                if let Some(closed) = closed {
                    event.prevent_default();
                    commit.emit((closed, EditKind::Typing));
                }
            }
        })
    };

    // The box scrolls with the caret: after End on a long line, Home (or Ctrl+End) brings
    // the start of the lines back into view instead of leaving the caret off-screen.
    let onkeyup = {
        let textarea = textarea.clone();
        Callback::from(move |_: KeyboardEvent| {
            if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
                follow_caret(&element);
            }
        })
    };

    let jump = {
        let textarea = textarea.clone();
        Callback::from(move |(line, utf16_column): (usize, usize)| {
            if let Some(element) = textarea.cast::<HtmlTextAreaElement>() {
                place_caret(&element, line, utf16_column, 0);
            }
        })
    };

    // The textarea lies over the underlines, so it takes their hover text while the pointer
    // is over one (the `<pre>` below never receives the pointer).
    let onmousemove = {
        let root = root.clone();
        let textarea = textarea.clone();
        Callback::from(move |event: MouseEvent| {
            let (Some(root), Some(area)) = (
                root.cast::<web_sys::Element>(),
                textarea.cast::<HtmlTextAreaElement>(),
            ) else {
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
    };

    let (can_undo, can_redo) = {
        let history = history.borrow();
        (history.can_undo(), history.can_redo())
    };
    let has_errors = props
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    let list_id = format!("pe-diagnostics-{}", dom_id(&props.policy_id));
    let error_id = format!("pe-format-error-{}", dom_id(&props.policy_id));
    // Screen readers announce the problems list and a format error with the textarea.
    let has_list = !props.diagnostics.is_empty();
    let described_by: Vec<&str> = [
        has_list.then_some(list_id.as_str()),
        format_error.is_some().then_some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));

    html! {
        <div class="policy-editor" ref={root}>
            <div class="pe-toolbar">
                <span class="pe-label">{ props.label.clone() }</span>
                if !props.readonly {
                <button type="button" class="pe-button" disabled={!can_undo}
                    title="Undo (Ctrl+Z)" onclick={step.reform(|_| false)}>{ "Undo" }</button>
                <button type="button" class="pe-button" disabled={!can_redo}
                    title="Redo (Ctrl+Shift+Z)" onclick={step.reform(|_| true)}>{ "Redo" }</button>
                <button type="button" class="pe-button" data-testid="format-policy"
                    title="Format (Alt+Shift+F)" onclick={format.reform(|_| ())}>{ "Format" }</button>
                <button type="button" class="pe-button" data-testid="wrap-lines" aria-pressed={wrap.to_string()}
                    title="Fold long lines at the editor's width"
                    onclick={{ let wrap = wrap.clone(); Callback::from(move |_: MouseEvent| wrap.set(!*wrap)) }}>{ "Wrap lines" }</button>
                }
            </div>
            if !props.readonly {
                <p class="pe-keys-hint" data-testid="editor-keys-hint">
                    { if *tab_moves_focus {
                        "Tab moves to the next control · Ctrl+M: Tab indents again"
                    } else {
                        "Tab indents · Esc then Tab leaves the editor · Ctrl+M: Tab moves focus"
                    } }
                </p>
            }
            if let Some(error) = &*format_error {
                <p class="pe-format-error" id={error_id} role="alert">
                    { format_notice(error) }
                </p>
            }
            <div class={classes!("pe-scroll", wrap.then_some("pe-wrap"))} {onscroll}>
                if !*wrap {
                    <div class="pe-gutter" aria-hidden="true">
                        { gutter_lines(&lines, window) }
                    </div>
                }
                <div class="pe-code">
                    <pre class="pe-highlight" aria-hidden="true">
                        { highlighted(&lines, window) }
                    </pre>
                    <textarea
                        ref={textarea}
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
                        wrap={if *wrap { "soft" } else { "off" }}
                        readonly={props.readonly}
                        value={props.value.clone()}
                        {oninput}
                        {onkeydown}
                        {onkeyup}
                        {onmousemove}
                    />
                </div>
            </div>
            if has_list {
                <ul class="pe-diagnostics" id={list_id} aria-label="Problems">
                    { for props.diagnostics.iter().map(|d| diagnostic_item(d, &jump)) }
                </ul>
            }
        </div>
    }
}

/// Moves focus and the caret of the editor for `policy_id` to a 1-based line and UTF-16
/// column, e.g. for "jump to statement" links in explanations. Returns whether the editor
/// was found on the page.
pub fn jump_to(policy_id: &str, line: usize, utf16_column: usize) -> bool {
    select(policy_id, line, utf16_column, 0)
}

/// Like [`jump_to`], and selects the `utf16_len` code units from there, so the place stays
/// marked (the selection shows over the highlighted text), e.g. the trust condition a
/// failed sign-in names.
pub fn select(policy_id: &str, line: usize, utf16_column: usize, utf16_len: usize) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(found) = document.query_selector_all("textarea[data-testid=\"policy-editor\"]") else {
        return false;
    };
    for i in 0..found.length() {
        let Some(element) = found
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            continue;
        };
        if element.get_attribute("data-policy-id").as_deref() == Some(policy_id) {
            place_caret(&element, line, utf16_column, utf16_len);
            return true;
        }
    }
    false
}

/// Scrolls the editor's box so the caret is visible: horizontally by its column (the font
/// is monospace; a column-0 caret shows the line starts), vertically by its line.
fn follow_caret(element: &HtmlTextAreaElement) {
    let Some(scroll) = element.closest(".pe-scroll").ok().flatten() else {
        return;
    };
    let Ok(Some(caret)) = element.selection_end() else {
        return;
    };
    let text = element.value();
    let (line, column) = super::text::caret_line_column(&text, caret as usize);
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(style)) = window.get_computed_style(element) else {
        return;
    };
    let px = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (line_height, pad_left, pad_top) =
        (px("line-height"), px("padding-left"), px("padding-top"));
    // Monospace fonts are about 0.6em wide; the margin absorbs the difference.
    let char_width = px("font-size") * 0.6;
    let gutter = scroll
        .query_selector(".pe-gutter")
        .ok()
        .flatten()
        .map_or(0.0, |g| f64::from(g.client_width()));
    let view_width = f64::from(scroll.client_width()) - gutter;
    let x = pad_left + column as f64 * char_width;
    let left = f64::from(scroll.scroll_left());
    let margin = 2.0 * char_width;
    if column == 0 || x < left + margin {
        scroll.set_scroll_left(if column == 0 {
            0
        } else {
            (x - margin).max(0.0) as i32
        });
    } else if x > left + view_width - margin {
        scroll.set_scroll_left((x - view_width + margin) as i32);
    }
    let y = pad_top + line as f64 * line_height;
    let top = f64::from(scroll.scroll_top());
    let view_height = f64::from(scroll.client_height());
    if y < top {
        scroll.set_scroll_top(y as i32);
    } else if y + line_height > top + view_height {
        scroll.set_scroll_top((y + line_height - view_height) as i32);
    }
}

/// The textarea's text and selection.
fn read(textarea: &NodeRef) -> Option<Snapshot> {
    let element = textarea.cast::<HtmlTextAreaElement>()?;
    let start = element.selection_start().ok().flatten().unwrap_or(0);
    let end = element.selection_end().ok().flatten().unwrap_or(start);
    Some(Snapshot {
        text: element.value(),
        start: start as usize,
        end: end as usize,
    })
}

/// Puts a snapshot into the textarea now, without waiting for the parent to re-render,
/// so the caret lands right after a Tab or an undo.
fn show(textarea: &NodeRef, snapshot: &Snapshot) {
    let Some(element) = textarea.cast::<HtmlTextAreaElement>() else {
        return;
    };
    if element.value() != snapshot.text {
        element.set_value(&snapshot.text);
    }
    let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    let (start, end) = (
        snapshot.start.min(snapshot.end),
        snapshot.start.max(snapshot.end),
    );
    let _ = element.set_selection_range(clamp(start), clamp(end));
}

/// The hover text of the underline under the point, if any. Underlines are few, so
/// checking each one's box is cheap and exact (no guessing character widths).
fn hovered_title(root: &web_sys::Element, x: f64, y: f64) -> Option<String> {
    let marks = root.query_selector_all(".pe-highlight .pe-diag").ok()?;
    (0..marks.length())
        .filter_map(|i| marks.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|mark| {
            let r = mark.get_bounding_client_rect();
            x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom()
        })
        .and_then(|mark| mark.get_attribute("title"))
}

/// Focuses the editor with the caret at a 1-based line and UTF-16 column, and scrolls that
/// line into view (inside the editor's box and on the page).
fn place_caret(element: &HtmlTextAreaElement, line: usize, utf16_column: usize, utf16_len: usize) {
    let offset = utf16_at_line_column(&element.value(), line, utf16_column);
    let end = u32::try_from(offset.saturating_add(utf16_len)).unwrap_or(u32::MAX);
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    // Focus without the browser's own scrolling, which would show the textarea's top.
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = element.focus_with_options(&focus);
    let _ = element.set_selection_range(offset, end);
    // The line's number in the gutter, or with soft wrap (no gutter) the line itself.
    let index = u32::try_from(line.saturating_sub(1)).unwrap_or(0);
    let Some(editor) = element.closest(".policy-editor").ok().flatten() else {
        return;
    };
    let row = match editor.query_selector(".pe-gutter").ok().flatten() {
        Some(gutter) => gutter
            .query_selector(&format!("[data-line=\"{line}\"]"))
            .ok()
            .flatten(),
        None => editor
            .query_selector_all(".pe-highlight .pe-line")
            .ok()
            .and_then(|rows| rows.item(index))
            .and_then(|row| row.dyn_into::<web_sys::Element>().ok()),
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    match row {
        Some(row) => {
            // Centred, not `nearest`: a line brought just to the window's edge can stay cut
            // by a fraction of a pixel, and the lines around the cause are worth seeing too.
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            row.scroll_into_view_with_scroll_into_view_options(&options);
        }
        None => {
            // A line of a long text outside the rendered lines: the box scrolls it to its
            // middle by the fixed line height (its scroll renders the lines around it),
            // and the page brings the box into view.
            let Some(scroll) = editor.query_selector(".pe-scroll").ok().flatten() else {
                return;
            };
            let y = PAD_TOP + f64::from(index) * LINE_HEIGHT;
            let middle = (f64::from(scroll.client_height()) - LINE_HEIGHT) / 2.0;
            scroll.set_scroll_top((y - middle).max(0.0) as i32);
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            scroll.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// The editor's fixed line height and top padding, in CSS pixels (editor.css:
/// `--pe-line-height`, `.pe-highlight` padding).
const LINE_HEIGHT: f64 = 20.0;
const PAD_TOP: f64 = 8.0;

/// Scrolling re-renders a long text's lines once per this many lines.
const TOP_STEP: usize = 20;

/// The first line in view of a box scrolled by `scroll_top` pixels, rounded down to a
/// multiple of [`TOP_STEP`].
fn first_line_in_view(scroll_top: i32) -> usize {
    let line = ((f64::from(scroll_top) - PAD_TOP).max(0.0) / LINE_HEIGHT) as usize;
    line - line % TOP_STEP
}

fn diagnostic_item(d: &Diagnostic, jump: &Callback<(usize, usize)>) -> Html {
    let severity = severity_name(d.severity);
    let class = classes!("pe-diagnostic", severity_class(d.severity));
    let body = html! {
        <>
            <span class="pe-diagnostic-severity">{ severity }</span>
            { d.start.map(|p| html! {
                <span class="pe-diagnostic-position">{ format!("{}:{}", p.line, p.column) }</span>
            }) }
            <span class="pe-diagnostic-message">{ d.message.clone() }</span>
            { d.help.clone().map(|help| html! { <span class="pe-diagnostic-help">{ help }</span> }) }
        </>
    };
    let item = match d.start {
        Some(p) => {
            let onclick = jump.reform(move |_| (p.line, p.utf16_column));
            html! {
                <button type="button" {class} data-testid="diagnostic" data-code={d.code.clone()}
                    data-line={p.line.to_string()} data-column={p.column.to_string()}
                    title="Go to this spot" {onclick}>{ body }</button>
            }
        }
        None => html! {
            <div {class} data-testid="diagnostic" data-code={d.code.clone()}>{ body }</div>
        },
    };
    html! { <li>{ item }</li> }
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
