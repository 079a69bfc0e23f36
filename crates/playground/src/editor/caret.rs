//! The editor's caret, selection and scrolling in the page: the browser side of the pure
//! positions in [`super::text`]. Each function fails quietly when an element is missing.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::NodeRef;

use super::text::{utf16_at_line_column, Snapshot};

/// Moves focus and the caret of the editor for `policy_id` to a 1-based line and UTF-16
/// column, e.g. for "jump to statement" links in explanations. Returns whether the editor
/// was found on the page.
pub fn jump_to(policy_id: &str, line: usize, utf16_column: usize) -> bool {
    select(policy_id, line, utf16_column, 0)
}

/// Like [`jump_to`], and selects the `utf16_len` code units from there, so the place stays
/// marked (the selection shows over the highlighted text), e.g. the trust condition a
/// failed sign-in names. A long document shown read-only (`super::large`) has no caret:
/// its view takes focus and scrolls to the line.
pub fn select(policy_id: &str, line: usize, utf16_column: usize, utf16_len: usize) -> bool {
    if let Some(element) =
        find(EDITOR_SELECTOR, policy_id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    {
        place_caret(&element, line, utf16_column, utf16_len);
        return true;
    }
    let Some(view) = find(VIEW_SELECTOR, policy_id) else {
        return false;
    };
    if let Ok(view) = view.clone().dyn_into::<web_sys::HtmlElement>() {
        focus_without_scrolling(&view);
    }
    scroll_to_line(&view, line);
    true
}

/// The editors' textareas, and the read-only views of long documents.
const EDITOR_SELECTOR: &str = "textarea[data-testid=\"policy-editor\"]";
const VIEW_SELECTOR: &str = "[data-testid=\"policy-view\"]";

/// The element of `selector` whose `data-policy-id` is `policy_id` (compared as a
/// string, so no id needs escaping into a selector).
fn find(selector: &str, policy_id: &str) -> Option<web_sys::Element> {
    let found = gloo::utils::document().query_selector_all(selector).ok()?;
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute("data-policy-id").as_deref() == Some(policy_id))
}

/// Focus without the browser's own scrolling, which would show the element's top.
fn focus_without_scrolling(element: &web_sys::HtmlElement) {
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = element.focus_with_options(&focus);
}

/// Scrolls the editor's box so the caret is visible: horizontally by its column (the font
/// is monospace; a column-0 caret shows the line starts), vertically by its line.
pub(super) fn follow_caret(element: &HtmlTextAreaElement) {
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
pub(super) fn read(textarea: &NodeRef) -> Option<Snapshot> {
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
pub(super) fn show(textarea: &NodeRef, snapshot: &Snapshot) {
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
pub(super) fn hovered_title(root: &web_sys::Element, x: f64, y: f64) -> Option<String> {
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
pub(super) fn place_caret(
    element: &HtmlTextAreaElement,
    line: usize,
    utf16_column: usize,
    utf16_len: usize,
) {
    let offset = utf16_at_line_column(&element.value(), line, utf16_column);
    let end = u32::try_from(offset.saturating_add(utf16_len)).unwrap_or(u32::MAX);
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    focus_without_scrolling(element);
    let _ = element.set_selection_range(offset, end);
    scroll_to_line(element, line);
}

/// Scrolls 1-based `line` of the editor holding `inside` into view, in the editor's box
/// and on the page.
fn scroll_to_line(inside: &web_sys::Element, line: usize) {
    // The line's number in the gutter, or with soft wrap (no gutter) the line itself.
    let index = u32::try_from(line.saturating_sub(1)).unwrap_or(0);
    let Some(editor) = inside.closest(".policy-editor").ok().flatten() else {
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
pub(super) const TOP_STEP: usize = 20;

/// The first line in view of a box scrolled by `scroll_top` pixels, rounded down to a
/// multiple of [`TOP_STEP`].
pub(super) fn first_line_in_view(scroll_top: i32) -> usize {
    let line = ((f64::from(scroll_top) - PAD_TOP).max(0.0) / LINE_HEIGHT) as usize;
    line - line % TOP_STEP
}

#[cfg(test)]
mod tests {
    use super::first_line_in_view;

    #[test]
    fn the_first_line_in_view_moves_in_steps() {
        assert_eq!(first_line_in_view(0), 0);
        assert_eq!(first_line_in_view(8 + 19 * 20), 0);
        assert_eq!(first_line_in_view(8 + 20 * 20), 20);
        assert_eq!(first_line_in_view(8 + 15_013 * 20), 15_000);
    }
}
