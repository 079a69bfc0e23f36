//! The scrolling box: line numbers, the highlighted copy of the text (only the lines around
//! the view of a long text, `super::view::Window`), and over it the textarea. Without a
//! textarea it is the read-only view of a long document (`super::large`): the box itself
//! takes focus, so the keyboard scrolls it.

use yew::prelude::*;

use super::caret::first_line_in_view;
use super::view::{gutter_lines, highlighted, Laid, Window, VIEW_LINE_CHARS, WINDOW_FROM_LINES};

/// The lines to render for a text of `count` lines, and the box's scroll handler that moves
/// them: the first line in view, in steps of `TOP_STEP` lines (scrolling within a step
/// re-renders nothing). With soft wrap every line is rendered (folded lines have no fixed
/// height).
#[hook]
pub(super) fn use_window(count: usize, wrap: bool) -> (Window, Callback<Event>) {
    let top = use_state_eq(|| 0usize);
    let window = if wrap {
        Window::all(count)
    } else {
        Window::around(*top, count)
    };
    let long = count > WINDOW_FROM_LINES;
    let onscroll = Callback::from(move |event: Event| {
        if let (true, Some(element)) = (long, event.target_dyn_into::<web_sys::Element>()) {
            top.set(first_line_in_view(element.scroll_top()));
        }
    });
    (window, onscroll)
}

/// What the box shows.
pub(super) struct CodeBox<'a> {
    pub lines: &'a Laid,
    pub window: Window,
    pub onscroll: Callback<Event>,
    /// Soft wrap (no gutter; lines fold).
    pub wrap: bool,
    /// The read-only view of a long document, named `label (read-only)`, with the test
    /// hooks `data-testid="policy-view"` and `data-policy-id`.
    pub view: bool,
    pub policy_id: &'a AttrValue,
    pub label: &'a AttrValue,
}

impl CodeBox<'_> {
    /// Gutter, highlighted copy and `input` (the textarea, or nothing in the view) in one
    /// scrolling box, so they scroll together.
    pub fn view(&self, input: Html) -> Html {
        let view = self.view;
        let class = classes!(
            "pe-scroll",
            self.wrap.then_some("pe-wrap"),
            view.then_some("pe-view")
        );
        html! {
            <div {class} onscroll={self.onscroll.clone()}
                tabindex={view.then_some("0")} role={view.then_some("region")}
                aria-label={view.then(|| format!("{} (read-only)", self.label))}
                data-testid={view.then_some("policy-view")}
                data-policy-id={view.then(|| self.policy_id.clone())}>
                if !self.wrap {
                    <div class="pe-gutter" aria-hidden="true">
                        { gutter_lines(self.lines, self.window) }
                    </div>
                }
                <div class="pe-code">
                    // The textarea is what assistive technology reads; the view has none.
                    <pre class="pe-highlight" aria-hidden={(!view).then_some("true")}>
                        { highlighted(self.lines, self.window, view.then_some(VIEW_LINE_CHARS)) }
                    </pre>
                    { input }
                </div>
            </div>
        }
    }
}
