//! Where the token is: the sign-in's time (a field: GetId compares it with the token's
//! `exp`) and the token's `exp`, `iat` and `auth_time` as dates, with how far each is from
//! the sign-in ("expires in 55 min", "expired 3 h ago"). The words and the dates are the
//! simulation's (`identity_pool::token::times`); this only lays them out.

use identity_pool::scenario::{format_iso_utc, parse_iso_utc};
use identity_pool::token::times::claim_times;
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{Action, SignInField};

/// The clock's time, in whole seconds (GetId compares whole seconds).
fn now() -> i64 {
    #[allow(
        clippy::cast_possible_truncation,
        reason = "seconds since 1970 fit in i64 long after any token's lifetime"
    )]
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    seconds
}

/// The sign-in time field, its reading, and the token's time claims, for `signIn.time`
/// (`time`, absent when not set) and the claims' JSON text. A view function, not a
/// component: a component type of its own would cost the initial bundle ~3 KB gzipped.
pub fn token_times(time: Option<&Value>, claims: &str, dispatch: &Callback<Action>) -> Html {
    let d = dispatch.clone();
    let (text, at) = match time {
        Some(Value::Number(n)) => (n.to_string(), n.as_i64()),
        Some(Value::String(s)) => (s.clone(), parse_iso_utc(s)),
        // The reducer writes numbers and strings only; anything else came from a file.
        Some(_) => (String::new(), None),
        None => (String::new(), None),
    };
    let reading = match (time, at) {
        (None, _) => {
            "not set: the token's `exp` is not compared with a clock; the times below are from now"
                .to_owned()
        }
        (Some(Value::Number(_)), Some(at)) => {
            format!("= {}", format_iso_utc(at).unwrap_or_default())
        }
        (Some(_), Some(at)) => format!("= {at} (epoch seconds)"),
        (Some(_), None) => {
            "not a time: write epoch seconds or UTC ISO 8601 (`2022-11-02T05:09:58Z`)".to_owned()
        }
    };
    let oninput = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::SetSignIn(SignInField::Time, i.value()));
        })
    };
    let set_now = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            let text = format_iso_utc(now()).unwrap_or_default();
            d.emit(Action::SetSignIn(SignInField::Time, text));
        })
    };
    let claims = serde_json::from_str::<Value>(claims).unwrap_or(Value::Null);
    let times = claim_times(&claims, at.unwrap_or_else(now));
    // Kept small: every element here is code in the initial bundle.
    html! {
        <div class="token-times" data-testid="token-times">
            <label class="field"><span>{ "Sign-in time (UTC ISO 8601 or epoch seconds)" }</span>
                <input type="text" data-testid="sign-in-time" value={text} {oninput} /></label>
            <button type="button" onclick={set_now}>{ "Now" }</button>
            <p class="hint" data-testid="sign-in-time-reading">{ reading }</p>
            <ul class="claim-times" aria-label="Token times">
                { for times.iter().map(|t| html! {
                    <li data-testid="claim-time" data-claim={t.claim.clone()}>{ t.line() }</li>
                }) }
            </ul>
        </div>
    }
}
