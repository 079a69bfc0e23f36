//! The sign-in choices people change most (guest or signed in, the provider, the flow and
//! the role asked for), kept in the results column so an edit and its effect share a screen.
//! The token's claims and the session policy stay with the other documents.

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_dispatch::use_dispatch;
use crate::state::providers::providers;
use crate::state::scenario::SignInDoc;
use crate::state::{Action, Flow, IdentityType, SignInField};

/// Props of [`SignInBar`].
#[derive(Properties, PartialEq)]
pub struct SignInBarProps {
    /// `signIn`.
    pub sign_in: SignInDoc,
    /// `identityPool` (its providers are offered).
    pub pool: Value,
}

/// One compact block: identity, provider, flow, role ARN.
#[component]
pub fn SignInBar(props: &SignInBarProps) -> Html {
    let dispatch = use_dispatch();
    let s = &props.sign_in;
    let d = dispatch.clone();
    let radio = |name: &'static str, checked: bool, label: &'static str, action: Action| {
        let d = d.clone();
        let onchange = Callback::from(move |_: Event| d.emit(action.clone()));
        html! { <label class="check"><input type="radio" {name} {checked} {onchange} />{ label }</label> }
    };
    let text = |field: SignInField, value: &str, label: &'static str| {
        let d = d.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::SetSignIn(field, i.value()));
        });
        html! { <label class="field"><span>{ label }</span><input type="text" list="role-arns" value={value.to_string()} {oninput} /></label> }
    };
    let known = providers(&props.pool);
    let on_provider = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            d.emit(Action::SetSignIn(SignInField::Provider, sel.value()));
        })
    };
    html! {
        <section class="panel sign-in-bar" aria-labelledby="signin-title" data-testid="sign-in-bar">
            <h2 id="signin-title">{ "Sign-in" }</h2>
            <div class="row">
                <fieldset class="row">
                    <legend>{ "Identity" }</legend>
                    { radio("identity", s.identity == IdentityType::Unauthenticated, "Guest", Action::SetIdentity(IdentityType::Unauthenticated)) }
                    { radio("identity", s.identity == IdentityType::Authenticated, "Signed in", Action::SetIdentity(IdentityType::Authenticated)) }
                </fieldset>
                <fieldset class="row">
                    <legend>{ "Flow" }</legend>
                    { radio("flow", s.flow == Flow::Enhanced, "Enhanced", Action::SetFlow(Flow::Enhanced)) }
                    { radio("flow", s.flow == Flow::Basic, "Basic (classic)", Action::SetFlow(Flow::Basic)) }
                </fieldset>
            </div>
            <div class="row">
                if s.identity == IdentityType::Authenticated {
                    <label class="field"><span>{ "Provider" }</span>
                        <select aria-label="Provider" onchange={on_provider}>
                            if !known.iter().any(|(k, _)| *k == s.provider) {
                                <option value={s.provider.clone()} selected=true>{ if s.provider.is_empty() { "(choose)".to_string() } else { s.provider.clone() } }</option>
                            }
                            { for known.iter().map(|(k, _)| html! { <option value={k.clone()} selected={*k == s.provider}>{ k.clone() }</option> }) }
                        </select>
                    </label>
                }
                if s.flow == Flow::Enhanced {
                    { text(SignInField::CustomRoleArn, &s.custom_role_arn, "Custom role ARN (optional)") }
                } else {
                    { text(SignInField::BasicRoleArn, &s.basic_role_arn, "RoleArn for AssumeRoleWithWebIdentity") }
                }
            </div>
            // One control for the basic flow: choosing it here offers the pool setting it needs.
            if s.flow == Flow::Basic && props.pool.get("AllowClassicFlow").and_then(Value::as_bool) != Some(true) {
                <p class="hint" data-testid="classic-flow-off">
                    { "This pool does not enable the basic (classic) flow, so GetOpenIdToken refuses it. " }
                    <button type="button" onclick={{
                        let d = d.clone();
                        Callback::from(move |_: MouseEvent| d.emit(Action::SetPoolField("AllowClassicFlow".into(), Value::Bool(true))))
                    }}>{ "Enable the basic flow in the pool" }</button>
                </p>
            }
        </section>
    }
}
