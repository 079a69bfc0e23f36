//! The AWS exception a failed sign-in ends with, its plain explanation and the fix, with a
//! "show" button that marks the cause (the failing trust condition) in its editor.

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::AwsErrorView;

/// Props of [`AwsError`].
#[derive(Properties, PartialEq)]
pub struct AwsErrorProps {
    /// The error.
    pub error: AwsErrorView,
}

/// A highlighted box with the exception.
#[component]
pub fn AwsError(props: &AwsErrorProps) -> Html {
    let e = &props.error;
    let show = e.place.clone().map(|place| {
        let label = format!(
            "Show the cause in {} line {}",
            place.policy_id, place.line
        );
        let onclick = Callback::from(move |_: MouseEvent| place.show());
        html! {
            <>{ " " }<button type="button" class="link" data-testid="show-cause" {onclick} aria-label={label}>{ "show" }</button></>
        }
    });
    html! {
        <div class="aws-error" role="alert">
            <p class="exception"><code>{ e.code.clone() }</code>
                if !e.step.is_empty() { <span>{ " from " }{ e.step.clone() }</span> }</p>
            <p class="message">{ e.message.clone() }</p>
            if !e.explanation.is_empty() { <p><strong>{ "Why: " }</strong><RichText text={e.explanation.clone()} />{ show.unwrap_or_default() }</p> }
            if !e.fix.is_empty() { <p class="fix"><strong>{ "Fix: " }</strong><RichText text={e.fix.clone()} /></p> }
        </div>
    }
}
