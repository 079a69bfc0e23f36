//! The exercise's goals as a checklist that turns green as the learner's scenario meets them.

use std::rc::Rc;

use identity_pool::exercise::GoalsVerdict;
use yew::prelude::*;

use playground::components::rich_text::RichText;

/// Props of [`GoalChecklist`].
#[derive(Properties, PartialEq)]
pub struct GoalChecklistProps {
    /// The goals' titles, in order (shown before the first verdict).
    pub titles: Vec<String>,
    /// The latest verdict.
    pub verdict: Option<Rc<GoalsVerdict>>,
}

/// One line per goal: met or not, and what the simulation gave.
#[component]
pub fn GoalChecklist(props: &GoalChecklistProps) -> Html {
    let results = props.verdict.as_ref().map(|v| &v.goals);
    html! {
        <ul class="goals" aria-label="Goals">
            { for props.titles.iter().enumerate().map(|(i, title)| {
                let result = results.and_then(|r| r.get(i));
                let met = result.is_some_and(|r| r.met);
                html! {
                    <li class={if met { "goal met" } else { "goal" }} data-testid="goal" data-met={met.to_string()}>
                        <span class="mark" aria-hidden="true">{ if met { "✓" } else { "○" } }</span>
                        <span class="sr-only">{ if met { "met: " } else { "not met yet: " } }</span>
                        <span class="title">{ title.clone() }</span>
                        if let Some(r) = result {
                            if !r.met { <span class="detail"><RichText text={r.detail.clone()} /></span> }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
