//! The scenario's problems, each where the person sees it: inside a policy, a link to the
//! line its editor marks; elsewhere the message alone, which names the field (a line of
//! the hidden scenario document would mean nothing).

use yew::prelude::*;

use super::fold;
use crate::backend::Problem;

/// One problem: inside a policy, a link to its line in that editor.
fn problem(p: &Problem) -> Html {
    let message = p.diagnostic.message.clone();
    match p.place.clone() {
        Some(place) => {
            let label = format!("{} {}:{}", place.policy_id, place.line, place.column);
            let onclick = Callback::from(move |_: MouseEvent| {
                crate::editor::jump_to(&place.policy_id, place.line, place.utf16_column);
            });
            html! {
                <li data-testid="scenario-problem">
                    <button type="button" class="link" {onclick}>{ label }</button>{ " " }{ message }
                </li>
            }
        }
        None => html! { <li data-testid="scenario-problem">{ message }</li> },
    }
}

/// The list of problems, nothing when there is none; a long one folded to its first few
/// until `unfolded` (`super::fold`). A view function, not a component (a component type
/// costs the initial bundle about a kilobyte gzipped).
pub fn scenario_problems(diagnostics: &[Problem], unfolded: &UseStateHandle<bool>) -> Html {
    if diagnostics.is_empty() {
        return Html::default();
    }
    let shown = fold::shown(diagnostics.len(), **unfolded);
    html! {
        <>
            <ul class="diagnostics" aria-label="scenario problems">
                { for diagnostics.iter().take(shown).map(problem) }
            </ul>
            { fold::fold_button(diagnostics.len(), unfolded) }
        </>
    }
}
