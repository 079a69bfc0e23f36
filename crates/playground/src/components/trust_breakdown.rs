//! The trust policy statement by statement, as requests have it: which statement decided
//! the sign-in, and why each other one did not (the engine's words), each with a "show"
//! button that marks the part its reason names in the trust policy's editor.

use std::rc::Rc;

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::{TrustStatementView, TrustView};

/// Props of [`TrustBreakdown`].
#[derive(Properties, PartialEq)]
pub struct TrustBreakdownProps {
    /// The trust evaluation.
    pub trust: Rc<TrustView>,
}

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
/// behind a button when it worked, as on a request card).
#[component]
pub fn TrustBreakdown(props: &TrustBreakdownProps) -> Html {
    let t = &props.trust;
    let failed = t.decision != "Allowed";
    let show_others = use_state(|| None::<bool>);
    let open = show_others.unwrap_or(failed);
    let toggle = {
        let show_others = show_others.clone();
        Callback::from(move |_: MouseEvent| show_others.set(Some(!open)))
    };
    let deciding: Vec<&TrustStatementView> = t.statements.iter().filter(|s| s.decided).collect();
    let others: Vec<&TrustStatementView> = t.statements.iter().filter(|s| !s.decided).collect();
    html! {
        <div class="trust-breakdown" data-testid="trust-breakdown" data-decision={t.decision.clone()}>
            <h4>{ "Trust policy " }<code>{ t.policy.clone() }</code>{ " for " }<code>{ t.action.clone() }</code></h4>
            <p class="summary"><RichText text={t.summary.clone()} /></p>
            if !deciding.is_empty() {
                <h5>{ "Decided by" }</h5>
                <ul>{ for deciding.into_iter().map(statement) }</ul>
            }
            if !others.is_empty() {
                <button type="button" class="link" aria-expanded={open.to_string()} onclick={toggle}>
                    { format!("{} why the other {} statement(s) did not decide", if open { "Hide" } else { "Show" }, others.len()) }
                </button>
                if open {
                    <ul class="others">{ for others.into_iter().map(statement) }</ul>
                }
            }
        </div>
    }
}
