//! The policy editor in headless Chromium: what the pure tests cannot see (events, focus,
//! caret, the DOM the e2e suite relies on, and the overlay's alignment with the real CSS).
//!
//! Run: `cargo test -p playground --target wasm32-unknown-unknown --test editor_browser`.
#![cfg(target_arch = "wasm32")]
// Test code: a panic here is a failed test. clippy.toml allows this inside `#[test]`
// functions only, and `#[wasm_bindgen_test]` helpers are not recognised as such.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

use std::cell::RefCell;
use std::sync::Arc;

use identity_pool::api::{Diagnostic, Position, Severity};
use playground::editor::PolicyEditor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const POLICY: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";

thread_local! {
    /// Every text the editor reported through `on_change`, in order.
    static CHANGES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    initial: AttrValue,
    #[prop_or_default]
    diagnostics: Arc<Vec<Diagnostic>>,
}

/// The text the harness's "load another example" button puts in the editor.
const OTHER_EXAMPLE: &str = "{\"Version\": \"2012-10-17\", \"Statement\": [{}]}";

/// Plays the shell: keeps the text in state and stores each change at once.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let value = use_state(|| props.initial.clone());
    let on_change = {
        let value = value.clone();
        Callback::from(move |text: String| {
            CHANGES.with(|c| c.borrow_mut().push(text.clone()));
            value.set(AttrValue::from(text));
        })
    };
    let policy_id = use_state(|| AttrValue::from("Guest:ReadPicture"));
    let load_other = {
        let value = value.clone();
        Callback::from(move |_| value.set(AttrValue::from(OTHER_EXAMPLE)))
    };
    // What the shell does when a policy above is removed: the same editor, another policy.
    let switch_policy = {
        let value = value.clone();
        let policy_id = policy_id.clone();
        Callback::from(move |_| {
            policy_id.set(AttrValue::from("Guest:Other"));
            value.set(AttrValue::from(OTHER_EXAMPLE));
        })
    };
    html! {
        <>
            <button id="load-other" onclick={load_other}>{ "load another example" }</button>
            <button id="switch-policy" onclick={switch_policy}>{ "show another policy" }</button>
            <PolicyEditor policy_id={(*policy_id).clone()} label="Guest: access policy ReadPicture"
                value={(*value).clone()} {on_change} diagnostics={props.diagnostics.clone()} />
        </>
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh editor (with the real stylesheet) and waits for it to render.
async fn mount(initial: &str, diagnostics: Vec<Diagnostic>) -> Element {
    CHANGES.with(|c| c.borrow_mut().clear());
    let document = document();
    let body = document.body().unwrap();
    // Leave the rest of the page alone: the test runner reports through it.
    if let Some(old) = document.get_element_by_id("editor-under-test") {
        old.remove();
    }
    if document.get_element_by_id("editor-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("editor-css");
        style.set_text_content(Some(include_str!("../web/styles/editor.css")));
        body.append_child(&style).unwrap();
    }
    let root = document.create_element("div").unwrap();
    root.set_id("editor-under-test");
    root.set_attribute("style", "width: 600px").unwrap();
    body.append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            initial: AttrValue::from(initial.to_owned()),
            diagnostics: Arc::new(diagnostics),
        },
    )
    .render();
    settle().await;
    root
}

async fn settle() {
    yew::scheduler::flush().await;
}

fn textarea(root: &Element) -> HtmlTextAreaElement {
    root.query_selector("textarea[data-testid=\"policy-editor\"]")
        .unwrap()
        .expect("the editor textarea")
        .unchecked_into()
}

async fn click(root: &Element, selector: &str) {
    let element: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .expect("the element to click")
        .unchecked_into();
    element.click();
    settle().await;
}

fn last_change() -> Option<String> {
    CHANGES.with(|c| c.borrow().last().cloned())
}

async fn key(target: &HtmlTextAreaElement, key: &str, ctrl: bool, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
}

/// Types like a user: the browser would change the value, then fire `input`.
async fn type_text(target: &HtmlTextAreaElement, text: &str) {
    for c in text.chars() {
        let caret = target.selection_end().unwrap().unwrap();
        let value = target.value();
        let at = value
            .char_indices()
            .nth(
                value
                    .encode_utf16()
                    .take(caret as usize)
                    .collect::<Vec<_>>()
                    .len(),
            )
            .map_or(value.len(), |(i, _)| i);
        let mut next = value.clone();
        next.insert(at, c);
        target.set_value(&next);
        let caret = caret + c.len_utf16() as u32;
        target.set_selection_range(caret, caret).unwrap();
        let init = web_sys::InputEventInit::new();
        init.set_input_type("insertText");
        init.set_bubbles(true);
        let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
        target.dispatch_event(&event).unwrap();
    }
    settle().await;
}

fn at(line: usize, column: usize, utf16_column: usize) -> Position {
    Position {
        line,
        column,
        utf16_column,
    }
}

fn diagnostic(start: Position, end: Position, message: &str) -> Diagnostic {
    Diagnostic {
        code: "iam::validate::unknown_effect".to_owned(),
        severity: Severity::Error,
        message: message.to_owned(),
        help: Some("use `Allow` or `Deny`".to_owned()),
        span: None,
        start: Some(start),
        end: Some(end),
    }
}

#[wasm_bindgen_test]
async fn renders_the_test_hooks_and_highlighting() {
    let root = mount(POLICY, vec![]).await;
    let area = textarea(&root);
    assert_eq!(area.value(), POLICY);
    assert_eq!(
        area.get_attribute("data-policy-id").as_deref(),
        Some("Guest:ReadPicture")
    );
    assert_eq!(
        area.get_attribute("aria-label").as_deref(),
        Some("Guest: access policy ReadPicture")
    );
    assert_eq!(area.get_attribute("aria-describedby"), None);
    assert!(root.query_selector(".pe-diagnostics").unwrap().is_none());
    let keys = root.query_selector_all(".pe-highlight .tok-key").unwrap();
    assert_eq!(keys.length(), 2);
    assert_eq!(
        keys.item(0).unwrap().text_content().as_deref(),
        Some("\"Version\"")
    );
    let gutter = root.query_selector_all(".pe-gutter-line").unwrap();
    assert_eq!(gutter.length(), 4);
    let pre = root.query_selector(".pe-highlight").unwrap().unwrap();
    assert_eq!(pre.text_content().unwrap().trim_end(), POLICY);
}

#[wasm_bindgen_test]
async fn user_text_is_never_html() {
    let hostile = "{\"Sid\": \"<img src=x onerror=alert(1)><b>bold</b>\"}";
    let root = mount(hostile, vec![]).await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector(".pe-highlight b").unwrap().is_none());
    let pre = root.query_selector(".pe-highlight").unwrap().unwrap();
    assert!(pre.text_content().unwrap().contains("<img src=x"));
}

#[wasm_bindgen_test]
async fn diagnostics_are_underlined_listed_and_jump_to_the_spot() {
    // Line 3 starts with non-ASCII text, so characters, bytes and UTF-16 units all differ.
    let text = "{\n  \"Sid\": \"é😀\",\n  \"Effect\": \"Alow\"\n}";
    let d = diagnostic(at(3, 13, 13), at(3, 19, 19), "`Alow` is not a valid effect");
    let root = mount(text, vec![d]).await;

    let underlined = root.query_selector(".pe-diag").unwrap().unwrap();
    assert_eq!(underlined.text_content().as_deref(), Some("\"Alow\""));
    let title = underlined.get_attribute("title").unwrap();
    assert!(title.contains("`Alow` is not a valid effect"), "{title}");
    assert!(root
        .query_selector(".pe-gutter-line:nth-child(3).pe-error")
        .unwrap()
        .is_some());

    // Hovering the underline (really the textarea above it) shows the message.
    let area = textarea(&root);
    let list_id = area.get_attribute("aria-describedby").unwrap();
    let list = document().get_element_by_id(&list_id).unwrap();
    assert!(list.text_content().unwrap().contains("not a valid effect"));
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    let r = underlined.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_client_x((r.left() + r.width() / 2.0) as i32);
    init.set_client_y((r.top() + r.height() / 2.0) as i32);
    init.set_bubbles(true);
    let hover = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousemove", &init).unwrap();
    area.dispatch_event(&hover).unwrap();
    let hover_title = area.get_attribute("title").unwrap_or_default();
    assert!(
        hover_title.contains("`Alow` is not a valid effect"),
        "{hover_title}"
    );
    init.set_client_y((r.top() - 25.0) as i32);
    let away = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousemove", &init).unwrap();
    area.dispatch_event(&away).unwrap();
    assert_eq!(area.get_attribute("title"), None);

    let item: HtmlElement = root
        .query_selector("[data-testid=\"diagnostic\"][data-line=\"3\"][data-column=\"13\"]")
        .unwrap()
        .expect("a diagnostic list item with its position")
        .unchecked_into();
    assert!(item.text_content().unwrap().contains("not a valid effect"));
    item.click();
    settle().await;
    let area = textarea(&root);
    let active = document().active_element().unwrap();
    assert_eq!(active, area.clone().unchecked_into::<Element>());
    let expected = text
        .split('\n')
        .take(2)
        .map(|l| l.encode_utf16().count() + 1)
        .sum::<usize>()
        + 12;
    assert_eq!(area.selection_start().unwrap(), Some(expected as u32));
    let value = area.value();
    let caret_byte = value
        .char_indices()
        .scan(0usize, |units, (i, c)| {
            let here = *units;
            *units += c.len_utf16();
            Some((i, here))
        })
        .find(|(_, units)| *units == expected)
        .unwrap()
        .0;
    assert!(value[caret_byte..].starts_with("\"Alow\""));
}

#[wasm_bindgen_test]
async fn tab_enter_and_undo_work_like_an_editor() {
    let root = mount("{}", vec![]).await;
    let area = textarea(&root);
    area.focus().unwrap();
    area.set_selection_range(1, 1).unwrap();

    key(&area, "Enter", false, false).await;
    assert_eq!(area.value(), "{\n  \n}");
    assert_eq!(last_change().as_deref(), Some("{\n  \n}"));
    assert_eq!(area.selection_start().unwrap(), Some(4));

    type_text(&area, "\"a\"").await;
    assert_eq!(area.value(), "{\n  \"a\"\n}");
    key(&area, "Tab", false, false).await;
    assert_eq!(area.value(), "{\n  \"a\"  \n}");
    key(&area, "Tab", false, true).await;
    assert_eq!(area.value(), "{\n\"a\"  \n}");

    // Undo: Shift+Tab, Tab, the typing run, Enter; then redo it all.
    for expected in ["{\n  \"a\"  \n}", "{\n  \"a\"\n}", "{\n  \n}", "{}"] {
        key(&area, "z", true, false).await;
        assert_eq!(area.value(), expected);
        assert_eq!(last_change().as_deref(), Some(expected));
    }
    key(&area, "z", true, true).await;
    assert_eq!(area.value(), "{\n  \n}");
    key(&area, "y", true, false).await;
    assert_eq!(area.value(), "{\n  \"a\"\n}");
}

#[wasm_bindgen_test]
async fn a_closing_bracket_lines_up_with_its_opener() {
    let root = mount("[\n  1,\n  ", vec![]).await;
    let area = textarea(&root);
    area.set_selection_range(9, 9).unwrap();
    key(&area, "]", false, false).await;
    assert_eq!(area.value(), "[\n  1,\n]");
    assert_eq!(last_change().as_deref(), Some("[\n  1,\n]"));
}

#[wasm_bindgen_test]
async fn escape_then_tab_leaves_the_editor_alone() {
    let root = mount("{}", vec![]).await;
    let area = textarea(&root);
    area.set_selection_range(1, 1).unwrap();
    key(&area, "Escape", false, false).await;
    key(&area, "Tab", false, false).await;
    assert_eq!(area.value(), "{}");
    key(&area, "Tab", false, false).await;
    assert_eq!(area.value(), "{  }");
}

#[wasm_bindgen_test]
async fn format_pretty_prints_and_is_undoable() {
    let compact = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    let root = mount(compact, vec![]).await;
    let area = textarea(&root);
    click(&root, "[data-testid=\"format-policy\"]").await;
    assert_eq!(area.value(), POLICY);
    assert_eq!(last_change().as_deref(), Some(POLICY));
    key(&area, "z", true, false).await;
    assert_eq!(area.value(), compact);
}

#[wasm_bindgen_test]
async fn format_of_invalid_json_explains_and_changes_nothing() {
    let broken = "{\n  \"Effect\": Allow\n}";
    let root = mount(broken, vec![]).await;
    click(&root, "[data-testid=\"format-policy\"]").await;
    assert_eq!(textarea(&root).value(), broken);
    let alert = root.query_selector("[role=\"alert\"]").unwrap().unwrap();
    let message = alert.text_content().unwrap();
    assert!(message.contains("line 2, column 13"), "{message}");
    assert!(message.contains("`Allow`"), "{message}");
    assert!(CHANGES.with(|c| c.borrow().is_empty()));
}

#[wasm_bindgen_test]
async fn the_overlay_stays_aligned_with_its_text() {
    let long_line = format!("{{\"Resource\": \"{}\"}}", "x".repeat(300));
    let text = format!("{long_line}\n{}", "[\n]\n".repeat(40));
    let root = mount(&text, vec![]).await;
    let area = textarea(&root);
    let pre = root.query_selector(".pe-highlight").unwrap().unwrap();
    let (a, p) = (
        area.get_bounding_client_rect(),
        pre.get_bounding_client_rect(),
    );
    assert_eq!(
        (a.x(), a.y(), a.width(), a.height()),
        (p.x(), p.y(), p.width(), p.height())
    );
    // The textarea needs no scrolling of its own: the box around both scrolls instead.
    assert!(area.scroll_height() <= area.client_height() + 1);
    assert!(area.scroll_width() <= area.client_width() + 1);
    // Line numbers line up with lines.
    let gutter_last = root
        .query_selector(".pe-gutter-line:last-child")
        .unwrap()
        .unwrap();
    let line_last = root
        .query_selector(".pe-line:last-of-type")
        .unwrap()
        .unwrap();
    let (g, l) = (
        gutter_last.get_bounding_client_rect(),
        line_last.get_bounding_client_rect(),
    );
    // An inline span's box is its font's height, centred in the line: compare centres.
    let (g_mid, l_mid) = (g.y() + g.height() / 2.0, l.y() + l.height() / 2.0);
    assert!((g_mid - l_mid).abs() < 1.5, "{g_mid} vs {l_mid}");
}

#[wasm_bindgen_test]
async fn a_new_value_from_outside_replaces_the_text_and_is_one_undo_step() {
    let root = mount("{}", vec![]).await;
    let area = textarea(&root);
    area.set_selection_range(1, 1).unwrap();
    type_text(&area, "\"a\"").await;
    let button: HtmlElement = document()
        .get_element_by_id("load-other")
        .unwrap()
        .unchecked_into();
    button.click();
    settle().await;
    assert_eq!(area.value(), OTHER_EXAMPLE);
    key(&area, "z", true, false).await;
    assert_eq!(area.value(), "{\"a\"}");
    key(&area, "z", true, false).await;
    assert_eq!(area.value(), "{}");
}

#[wasm_bindgen_test]
async fn another_policy_in_the_same_editor_starts_a_fresh_history() {
    let root = mount("{}", vec![]).await;
    let area = textarea(&root);
    area.set_selection_range(1, 1).unwrap();
    type_text(&area, "\"a\"").await;
    click(&document().document_element().unwrap(), "#switch-policy").await;
    assert_eq!(
        area.get_attribute("data-policy-id").as_deref(),
        Some("Guest:Other")
    );
    assert_eq!(area.value(), OTHER_EXAMPLE);
    key(&area, "z", true, false).await;
    assert_eq!(
        area.value(),
        OTHER_EXAMPLE,
        "undo must not bring back the other policy"
    );
}

#[wasm_bindgen_test]
async fn jump_to_finds_the_editor_by_policy_id() {
    let root = mount(POLICY, vec![]).await;
    let area = textarea(&root);
    assert!(playground::editor::jump_to("Guest:ReadPicture", 3, 3));
    assert_eq!(
        area.selection_start().unwrap(),
        Some((POLICY.find("\"Statement").unwrap()) as u32)
    );
    assert!(!playground::editor::jump_to("Nobody:Nothing", 1, 1));
}

#[wasm_bindgen_test]
async fn jumping_to_a_far_line_scrolls_it_into_view() {
    let text = format!("[\n{}  0\n]", "  0,\n".repeat(200));
    let root = mount(&text, vec![]).await;
    assert!(playground::editor::jump_to("Guest:ReadPicture", 150, 3));
    let scroller = root.query_selector(".pe-scroll").unwrap().unwrap();
    assert!(scroller.scroll_top() > 0);
    let row = root
        .query_selector(".pe-gutter-line:nth-child(150)")
        .unwrap()
        .unwrap();
    let (visible, row) = (
        scroller.get_bounding_client_rect(),
        row.get_bounding_client_rect(),
    );
    assert!(row.top() >= visible.top() && row.bottom() <= visible.bottom());
    let area = textarea(&root);
    let expected = text.lines().take(149).map(|l| l.len() + 1).sum::<usize>() + 2;
    assert_eq!(area.selection_start().unwrap(), Some(expected as u32));
}

/// Not a timed assertion: prints how long a keystroke takes to re-highlight a policy of
/// 10,000 characters with diagnostics (debug build; the release build is faster).
#[wasm_bindgen_test]
async fn keystroke_cost_on_a_large_policy_is_printed() {
    let statement = "    {\"Sid\": \"S\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"arn:aws:s3:::b/*\"}";
    let mut text = String::from("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    while text.len() < 10_000 {
        text.push_str(statement);
        text.push_str(",\n");
    }
    text.push_str(statement);
    text.push_str("\n  ]\n}");
    let lines = text.lines().count();
    let diagnostics = (5..lines)
        .step_by(10)
        .map(|l| diagnostic(at(l, 30, 30), at(l, 37, 37), "a warning"))
        .collect();
    let root = mount(&text, diagnostics).await;
    let area = textarea(&root);
    area.set_selection_range(40, 40).unwrap();
    let performance = web_sys::window().unwrap().performance().unwrap();
    let pre = root.query_selector(".pe-highlight").unwrap().unwrap();
    let mut samples = Vec::new();
    for _ in 0..20 {
        let start = performance.now();
        let caret = area.selection_end().unwrap().unwrap();
        let mut value = area.value();
        value.insert(caret as usize, 'x');
        area.set_value(&value);
        area.set_selection_range(caret + 1, caret + 1).unwrap();
        let init = web_sys::InputEventInit::new();
        init.set_input_type("insertText");
        let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
        area.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
        // Reading a size forces style and layout now, so they are part of the sample.
        let _ = pre.get_bounding_client_rect();
        samples.push(performance.now() - start);
    }
    samples.sort_by(f64::total_cmp);
    assert!(pre.text_content().unwrap().contains("xxxxxxxxxxxxxxxxxxxx"));
    console_log!(
        "policy of {} chars, {} lines: keystroke to re-render median {:.1} ms, max {:.1} ms ({} build)",
        text.len(),
        lines,
        samples[samples.len() / 2],
        samples[samples.len() - 1],
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
}
