//! The scrolling box: line numbers, the highlighted copy of the text (only the lines around
//! the view of a long text, `super::view::Window`), and over it the textarea the component
//! passes as children. Without children it is the read-only view of a long document
//! (`super::large`): the box itself takes focus, so the keyboard scrolls it.

use std::rc::Rc;

use yew::prelude::*;

use super::caret::first_line_in_view;
use super::view::{
    gutter_lines, highlighted, LineView, Window, VIEW_LINE_CHARS, WINDOW_FROM_LINES,
};

/// Properties of [`CodeBox`].
#[derive(Properties)]
pub(super) struct CodeBoxProps {
    /// The text's lines, laid out.
    pub lines: Rc<Vec<LineView>>,
    /// Soft wrap: every line is rendered (folded lines have no fixed height).
    pub wrap: bool,
    /// The read-only view of a long document, named `label (read-only)`, with the test
    /// hooks `data-testid="policy-view"` and `data-policy-id`.
    pub view: bool,
    pub policy_id: AttrValue,
    pub label: AttrValue,
    /// The textarea laid over the highlighted copy (none in the view).
    #[prop_or_default]
    pub children: Html,
}

impl PartialEq for CodeBoxProps {
    fn eq(&self, other: &Self) -> bool {
        // The lines are compared by identity: they are memoized on the text, and comparing
        // a 30,000-line layout on every render would cost what windowing saves.
        Rc::ptr_eq(&self.lines, &other.lines)
            && self.wrap == other.wrap
            && self.view == other.view
            && self.policy_id == other.policy_id
            && self.label == other.label
            && self.children == other.children
    }
}

/// Gutter, highlighted copy and textarea in one scrolling box, so they scroll together.
#[component]
pub(super) fn CodeBox(props: &CodeBoxProps) -> Html {
    let count = props.lines.len();
    // The first line in view, in steps of `TOP_STEP` lines (scrolling within a step
    // re-renders nothing).
    let top = use_state_eq(|| 0usize);
    let window = if props.wrap {
        Window::all(count)
    } else {
        Window::around(*top, count)
    };
    let onscroll = {
        let top = top.clone();
        let long = count > WINDOW_FROM_LINES;
        Callback::from(move |event: Event| {
            if let (true, Some(element)) = (long, event.target_dyn_into::<web_sys::Element>()) {
                top.set(first_line_in_view(element.scroll_top()));
            }
        })
    };
    let view = props.view;
    let class = classes!(
        "pe-scroll",
        props.wrap.then_some("pe-wrap"),
        view.then_some("pe-view")
    );
    html! {
        <div {class} {onscroll}
            tabindex={view.then_some("0")} role={view.then_some("region")}
            aria-label={view.then(|| format!("{} (read-only)", props.label))}
            data-testid={view.then_some("policy-view")}
            data-policy-id={view.then(|| props.policy_id.clone())}>
            if !props.wrap {
                <div class="pe-gutter" aria-hidden="true">
                    { gutter_lines(&props.lines, window) }
                </div>
            }
            <div class="pe-code">
                // The textarea is what assistive technology reads; the view has none.
                <pre class="pe-highlight" aria-hidden={(!view).then_some("true")}>
                    { highlighted(&props.lines, window, view.then_some(VIEW_LINE_CHARS)) }
                </pre>
                { props.children.clone() }
            </div>
        </div>
    }
}
