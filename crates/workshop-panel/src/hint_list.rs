//! The hints the learner asked for, in order.

use playground::components::rich_text::RichText;
use yew::prelude::*;

/// Props of [`HintList`].
#[derive(Properties, PartialEq)]
pub struct HintListProps {
    /// Every hint of the exercise.
    pub hints: Vec<String>,
    /// How many are shown.
    pub shown: usize,
}

/// The first `shown` hints (nothing when none is shown).
#[component]
pub fn HintList(props: &HintListProps) -> Html {
    if props.shown == 0 {
        return html! {};
    }
    html! {
        <ol class="hints" aria-label="Hints">
            // A hint's text is its identity: the list only grows at its end.
            { for props.hints.iter().take(props.shown).map(|h| html! {
                <li key={h.clone()} data-testid="hint"><RichText text={h.clone()} /></li>
            }) }
        </ol>
    }
}
