//! The sign-in flow as numbered steps, the failed one marked.

use yew::prelude::*;

use super::rich_text::RichText;
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
            { for props.steps.iter().map(|s| {
                let failed = s.status == "failed";
                let mark = match s.status.as_str() { "ok" => "✓", "failed" => "✗", _ => "–" };
                html! {
                    <li class={format!("step {}", s.status)} data-testid="flow-step" data-status={s.status.clone()}
                        data-name={s.name.clone()} aria-current={failed.then_some("step")}>
                        <span class="mark" aria-hidden="true">{ mark }</span>
                        <strong>{ s.label.clone() }</strong>
                        if failed { <span class="failed-label">{ " failed" }</span> }
                        // A skipped step's detail says why ("not reached", "signed-in
                        // identities get no scope-down"): said once, not after a label too.
                        if !s.detail.is_empty() { <span class="detail">{ " — " }<RichText text={s.detail.clone()} /></span> }
                    </li>
                }
            }) }
        </ol>
    }
}
