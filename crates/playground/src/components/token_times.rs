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

/// Props of [`TokenTimes`].
#[derive(Properties, PartialEq)]
pub struct TokenTimesProps {
    /// `signIn.time` as the scenario holds it (absent: not set).
    pub time: Option<Value>,
    /// The claims' JSON text.
    pub claims: AttrValue,
    /// Sends an edit.
    pub dispatch: Callback<Action>,
}

/// The clock's time, in whole seconds (GetId compares whole seconds).
fn now() -> i64 {
    #[allow(clippy::cast_possible_truncation)]
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    seconds
}

/// The sign-in time field, its reading, and the token's time claims.
#[component]
pub fn TokenTimes(props: &TokenTimesProps) -> Html {
    let d = props.dispatch.clone();
    let (text, at) = match &props.time {
        Some(Value::Number(n)) => (n.to_string(), n.as_i64()),
        Some(Value::String(s)) => (s.clone(), parse_iso_utc(s)),
        Some(other) => (other.to_string(), None),
        None => (String::new(), None),
    };
    let reading = match (&props.time, at) {
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
    let claims = serde_json::from_str::<Value>(&props.claims).unwrap_or(Value::Null);
    let times = claim_times(&claims, at.unwrap_or_else(now));
    html! {
        <div class="token-times" data-testid="token-times">
            <div class="row">
                <label class="field"><span>{ "Sign-in time (UTC ISO 8601 or epoch seconds)" }</span>
                    <input type="text" data-testid="sign-in-time" spellcheck="false" placeholder="not set"
                        value={text} {oninput} /></label>
                <button type="button" onclick={set_now}>{ "Now" }</button>
            </div>
            <p class="hint" data-testid="sign-in-time-reading"><super::rich_text::RichText text={reading} /></p>
            if !times.is_empty() {
                <ul class="claim-times" aria-label="Token times">
                    { for times.iter().map(|t| html! {
                        <li data-testid="claim-time" data-claim={t.claim.clone()}>
                            <code>{ t.claim.clone() }</code>{ " " }<code>{ t.value.clone() }</code>
                            if let Some(date) = &t.date { { " · " }<time datetime={date.clone()}>{ date.clone() }</time> }
                            { " · " }{ t.relative.clone() }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
