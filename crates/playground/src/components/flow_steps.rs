//! The sign-in flow as numbered steps, the failed one marked.

use yew::prelude::*;

use crate::backend::StepView;

/// Props of [`FlowSteps`].
#[derive(Properties, PartialEq)]
pub struct FlowStepsProps {
    /// The steps in order.
    pub steps: Vec<StepView>,
}

/// An ordered list of steps.
#[component]
pub fn FlowSteps(props: &FlowStepsProps) -> Html {
    html! {
        <ol class="steps" aria-label="Sign-in flow">
            { for props.steps.iter().map(|s| html! {
                <li class={if s.ok { "step ok" } else { "step failed" }} data-testid="flow-step" data-ok={s.ok.to_string()}
                    aria-current={if s.ok { None } else { Some("step") }}>
                    <span class="mark" aria-hidden="true">{ if s.ok { "✓" } else { "✗" } }</span>
                    <strong>{ s.name.clone() }</strong>
                    if !s.ok { <span class="failed-label">{ " failed" }</span> }
                    if !s.detail.is_empty() { <span class="detail">{ " — " }{ s.detail.clone() }</span> }
                </li>
            }) }
        </ol>
    }
}
