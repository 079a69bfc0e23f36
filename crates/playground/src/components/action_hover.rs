//! The card the policy editor shows for the `Action`/`NotAction` entry under the pointer or
//! the caret: how many AWS actions it covers, by access level, the first of each named, as
//! the API writes it (`idpool actions` prints the same lines). A function, not a component:
//! it has no state of its own, and a component's machinery costs the first load more.

use yew::prelude::*;

use crate::editor::action_at::ActionEntry;
use crate::hooks::use_action_hover::Expansion;

/// The card, with the id the textarea names in `aria-describedby`.
pub fn action_hover_card(id: &str, entry: &ActionEntry, expansion: &Expansion) -> Html {
    let head = if entry.not_action {
        "NotAction: the statement applies to every action except what it covers."
    } else {
        "Action"
    };
    let (state, body) = match expansion {
        None => (
            "loading",
            html! { <p class="muted">{ "Loading the AWS action catalog…" }</p> },
        ),
        Some(Ok(text)) => ("ready", html! { <pre>{ text.clone() }</pre> }),
        Some(Err(e)) => (
            "failed",
            html! {
                <p class="outcome failed" data-testid="action-hover-failed">
                    { e.clone() }
                </p>
            },
        ),
    };
    html! {
        <div class="pe-action-hover-anchor">
            <div class="pe-action-hover" role="tooltip" id={id.to_owned()} data-testid="action-hover"
                data-pattern={entry.pattern.clone()} data-state={state}>
                <p class="muted">{ head }</p>
                { body }
            </div>
        </div>
    }
}
