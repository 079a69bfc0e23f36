//! The scenario's own problems (not a policy editor's), each with its line and column,
//! in the compact layouts (embed).

use identity_pool::api::Diagnostic;
use yew::prelude::*;

/// Props of [`ScenarioProblems`].
#[derive(Properties, PartialEq)]
pub struct ScenarioProblemsProps {
    /// The report's diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

/// A list of `line:column message`, nothing when there is no problem.
#[component]
pub fn ScenarioProblems(props: &ScenarioProblemsProps) -> Html {
    if props.diagnostics.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="diagnostics" aria-label="scenario problems">
            { for props.diagnostics.iter().map(|d| {
                let (line, column) = d.start.map(|p| (p.line, p.column)).unwrap_or((1, 1));
                html! { <li>{ format!("{line}:{column} {}", d.message) }</li> }
            }) }
        </ul>
    }
}
