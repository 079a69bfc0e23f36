//! The trust policy statement by statement, as requests have it: which statement decided
//! the sign-in, and why each other one did not (the engine's words), each with a "show"
//! button that marks the part its reason names in the trust policy's editor.

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::{TrustStatementView, TrustView};

fn statement(s: &TrustStatementView) -> Html {
    let show = s.place.clone().map(|place| {
        let label = format!("Show statement {} in {}", s.label, place.policy_id);
        let onclick = Callback::from(move |_: MouseEvent| place.show());
        html! { <>{ " " }<button type="button" class="link" {onclick} aria-label={label}>{ "show" }</button></> }
    });
    let verdict = match (s.decided, s.matched) {
        (true, _) => "decided",
        (false, true) => "applies",
        (false, false) => "does not apply",
    };
    html! {
        <li data-testid="trust-statement" data-matched={s.matched.to_string()} data-decided={s.decided.to_string()}>
            <code>{ s.label.clone() }</code>{ format!(" ({}) — {verdict}", s.effect) }
            { show.unwrap_or_default() }
            <span class="reason">{ ": " }<RichText text={s.reason.clone()} /></span>
        </li>
    }
}

/// The breakdown: the deciding statements, then the others (open when the sign-in failed,
/// folded when it worked, as on a request card). When the sign-in worked the whole
/// breakdown folds into one short line, so on a phone the first request's decision
/// stays on the first screen. View functions with native `<details>`, not stateful
/// components: each component type costs the initial bundle.
pub fn trust_breakdown(t: &TrustView) -> Html {
    let failed = t.decision != "Allowed";
    let heading = html! {
        <>{ "Trust policy " }<code>{ t.policy.clone() }</code>{ " for " }<code>{ t.action.clone() }</code></>
    };
    if failed {
        html! {
            <div class="trust-breakdown" data-testid="trust-breakdown" data-decision={t.decision.clone()}>
                <h4>{ heading }</h4>
                <p class="summary"><RichText text={t.summary.clone()} /></p>
                { statements(t, failed) }
            </div>
        }
    } else {
        html! {
            <details class="trust-breakdown" data-testid="trust-breakdown" data-decision={t.decision.clone()}>
                <summary>{ "Trust policy " }<code>{ t.policy.clone() }</code>{ ": " }{ t.decision.to_ascii_lowercase() }</summary>
                <h4>{ heading }</h4>
                <p class="summary"><RichText text={t.summary.clone()} /></p>
                { statements(t, failed) }
            </details>
        }
    }
}

/// The deciding statements, then the others in their own fold.
fn statements(t: &TrustView, failed: bool) -> Html {
    let deciding: Vec<&TrustStatementView> = t.statements.iter().filter(|s| s.decided).collect();
    let others: Vec<&TrustStatementView> = t.statements.iter().filter(|s| !s.decided).collect();
    html! {
        <>
            if !deciding.is_empty() {
                <h5>{ "Decided by" }</h5>
                <ul>{ for deciding.into_iter().map(statement) }</ul>
            }
            if !others.is_empty() {
                <details open={failed}>
                    <summary>{ format!("Why the other {} statement(s) did not decide", others.len()) }</summary>
                    <ul class="others">{ for others.into_iter().map(statement) }</ul>
                </details>
            }
        </>
    }
}
