//! One request's decision with its explanation.

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::{RequestResultView, StatementRef};
use crate::state::scenario::RequestDoc;

/// Props of [`RequestResult`].
#[derive(Properties, PartialEq)]
pub struct RequestResultProps {
    /// Position in `requests`.
    pub index: usize,
    /// The request as written.
    pub request: Option<RequestDoc>,
    /// Its result.
    pub result: std::rc::Rc<RequestResultView>,
}

fn statement(s: &StatementRef) -> Html {
    let jump = s.place.clone().map(|place| {
        Callback::from(move |_: MouseEvent| {
            crate::editor::jump_to(&place.policy_id, place.line, place.utf16_column);
        })
    });
    html! {
        <li>
            <code>{ s.policy.clone() }</code>
            if !s.statement.is_empty() { { " · " }<code>{ s.statement.clone() }</code> }
            if let Some(onclick) = jump {
                { " " }<button type="button" class="link" {onclick} aria-label={format!("Show {} in the editor", s.policy)}>{ "show" }</button>
            }
            if !s.reason.is_empty() { <span class="reason">{ " — " }<RichText text={s.reason.clone()} /></span> }
        </li>
    }
}

/// A card: decision badge, request, deciding statements, the others, missing keys.
#[component]
pub fn RequestResult(props: &RequestResultProps) -> Html {
    let r = &props.result;
    // The other statements' reasons are rendered only when asked for: with 200 requests
    // and a large policy they would be thousands of list items on every evaluation.
    let show_others = use_state(bool::default);
    let toggle_others = {
        let show_others = show_others.clone();
        Callback::from(move |_: MouseEvent| show_others.set(!*show_others))
    };
    let class = format!(
        "request-result decision-{}",
        r.decision.to_ascii_lowercase()
    );
    html! {
        <li class={class} data-testid="request-result" data-index={props.index.to_string()} data-decision={r.decision.clone()}>
            <p class="headline">
                <span class="badge">{ r.decision.clone() }</span>
                if let Some(q) = &props.request {
                    <code>{ q.action.clone() }</code>{ " on " }<code class="resource">{ q.resource.clone() }</code>
                    if let Some(expect) = &q.expect {
                        if *expect != r.decision {
                            <span class="mismatch">{ format!(" (expected {expect})") }</span>
                        }
                    }
                }
            </p>
            if !r.summary.is_empty() { <p class="summary"><RichText text={r.summary.clone()} /></p> }
            if !r.aws_message.is_empty() { <p class="aws-message"><strong>{ "AWS says: " }</strong><code>{ r.aws_message.clone() }</code></p> }
            if !r.fix.is_empty() { <p class="fix"><strong>{ "Fix: " }</strong><RichText text={r.fix.clone()} /></p> }
            if !r.also_blocking.is_empty() {
                // Fixing the first layer alone would not be enough: name the others now.
                <div class="also-blocking" data-testid="also-blocking">
                    <h4>{ "Also blocking it" }</h4>
                    <ul>{ for r.also_blocking.iter().map(|(what, fix)| html! {
                        <li><RichText text={what.clone()} />
                            if !fix.is_empty() { <span class="reason">{ " — fix: " }<RichText text={fix.clone()} /></span> }</li>
                    }) }</ul>
                </div>
            }
            if !r.deciding.is_empty() {
                <h4>{ "Decided by" }</h4>
                <ul>{ for r.deciding.iter().map(statement) }</ul>
            }
            if !r.others.is_empty() {
                <button type="button" class="link" aria-expanded={show_others.to_string()} onclick={toggle_others}>
                    { format!("{} why the other {} statements did not decide", if *show_others { "Hide" } else { "Show" }, r.others.len()) }
                </button>
                if *show_others {
                    <ul class="others">{ for r.others.iter().map(statement) }</ul>
                }
            }
            if !r.missing_keys.is_empty() {
                <p class="missing"><strong>{ "Missing context keys: " }</strong>
                    { for r.missing_keys.iter().map(|k| html! { <code>{ k.clone() }{ " " }</code> }) }</p>
            }
            if !r.diagnostics.is_empty() {
                <ul class="diagnostics">{ for r.diagnostics.iter().map(|d| html! { <li>{ d.message.clone() }</li> }) }</ul>
            }
        </li>
    }
}
