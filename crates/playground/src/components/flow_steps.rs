//! The sign-in flow as numbered steps, the failed one marked.

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::StepView;

/// An ordered list of steps. A view function, not a component (a component type costs
/// the initial bundle about a kilobyte gzipped).
pub fn flow_steps(steps: &[StepView]) -> Html {
    html! {
        <ol class="steps" aria-label="Sign-in flow">
            { for steps.iter().map(|s| {
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
