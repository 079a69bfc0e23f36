//! The details of the sign-in: the token's claims (signed in), the scope-down reading
//! (guest, enhanced flow) and the session policy (basic flow). The choices people change
//! most are in [`super::sign_in_bar`], next to the results.

use std::rc::Rc;

use serde_json::Value;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::scope_down_choice::ScopeDownChoice;
use super::token_times::token_times;
use super::PolicyEditor;
use crate::backend::ScopeDownChoice as ScopeDownChoiceOption;
use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_evaluation::DiagnosticMap;
use crate::state::claims_presets::preset;
use crate::state::providers::providers;
use crate::state::scenario::SignInDoc;
use crate::state::{Action, Flow, IdentityType, SignInField};

/// Props of [`SignInPanel`].
#[derive(Properties, PartialEq)]
pub struct SignInPanelProps {
    /// `signIn`.
    pub sign_in: SignInDoc,
    /// `identityPool` (its providers are offered).
    pub pool: Value,
    /// The scope-down version the last run followed, and every version (from the report).
    pub scope_down: (String, Vec<ScopeDownChoiceOption>),
    /// Diagnostics per editor id (`signIn:session`).
    pub diagnostics: Rc<DiagnosticMap>,
    /// Shown at the top of the panel (the token paste field).
    #[prop_or_default]
    pub children: Html,
}

/// The sign-in form.
#[component]
pub fn SignInPanel(props: &SignInPanelProps) -> Html {
    let dispatch = use_dispatch();
    let s = &props.sign_in;
    let d = dispatch.clone();
    let known = providers(&props.pool);
    let app_id = known
        .iter()
        .find(|(k, _)| *k == s.provider)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let on_claims = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            d.emit(Action::SetSignIn(SignInField::Claims, a.value()));
        })
    };
    let claims_error = serde_json::from_str::<Value>(&s.claims)
        .err()
        .map(|e| format!("line {}, column {}: {e}", e.line(), e.column()));
    html! {
        <section class="panel" aria-labelledby="signin-details-title" data-testid="sign-in-details">
            <h2 id="signin-details-title">{ "Sign-in details" }</h2>
            { props.children.clone() }
            if s.identity == IdentityType::Authenticated {
                <div class="row presets" role="group" aria-label="Claims presets">
                    <span>{ "Presets:" }</span>
                    { for preset(&s.provider, &app_id).into_iter().map(|(name, claims)| {
                        let d = d.clone();
                        let text = serde_json::to_string_pretty(&claims).unwrap_or_default();
                        html! { <button type="button" onclick={Callback::from(move |_: MouseEvent| d.emit(Action::SetSignIn(SignInField::Claims, text.clone())))}>{ name }</button> }
                    }) }
                </div>
                <label class="field"><span>{ "Token claims (JSON)" }</span>
                    <textarea class="code" data-testid="claims" rows="6" spellcheck="false" value={s.claims.clone()} oninput={on_claims} /></label>
                if let Some(message) = claims_error {
                    <p class="field-error" role="alert">{ message }</p>
                }
                { token_times(s.extra.get("time"), &s.claims, &d) }
            }
            if s.flow == Flow::Enhanced && s.identity == IdentityType::Unauthenticated {
                <ScopeDownChoice current={props.scope_down.0.clone()} versions={props.scope_down.1.clone()} />
            }
            if s.flow == Flow::Basic {
                <h3>{ "Session policy (optional)" }</h3>
                <PolicyEditor policy_id="signIn:session" value={AttrValue::from(s.basic_policy.clone())}
                    on_change={{ let d = d.clone(); Callback::from(move |t: String| d.emit(Action::SetSignIn(SignInField::BasicPolicy, t))) }}
                    diagnostics={props.diagnostics.get("signIn:session").cloned().unwrap_or_default()}
                    label="Session policy passed to AssumeRoleWithWebIdentity" />
            }
        </section>
    }
}
