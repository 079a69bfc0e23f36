//! Why a workshop file could not be read, each problem with its file, line and column.

use yew::prelude::*;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// The problems (none: nothing is shown).
    pub problems: Vec<String>,
}

/// The list, as an alert.
#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <ul class="diagnostics workshop-problems" data-testid="workshop-problems" role="alert">
            { for props.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
        </ul>
    }
}
