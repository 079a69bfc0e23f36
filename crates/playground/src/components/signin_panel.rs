//! Who signs in: guest or signed in, the provider, the token's claims and the flow.

use std::rc::Rc;

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::claims_presets::preset;
use super::scope_down_choice::ScopeDownChoice;
use super::PolicyEditor;
use crate::backend::ScopeDownChoice as ScopeDownChoiceOption;
use crate::hooks::use_evaluation::DiagnosticMap;
use crate::state::scenario::SignInDoc;
use crate::state::{Action, Flow, IdentityType, SignInField};

/// Props of [`SignInPanel`].
#[derive(Properties, PartialEq)]
pub struct SignInPanelProps {
    /// `signIn`.
    pub sign_in: SignInDoc,
    /// `identityPool` (its providers are offered).
    pub pool: Value,
    /// Role ARNs offered for the basic flow.
    pub role_arns: Vec<String>,
    /// The scope-down version the last run followed, and every version (from the report).
    pub scope_down: (String, Vec<ScopeDownChoiceOption>),
    /// Diagnostics per editor id (`signIn:session`).
    pub diagnostics: Rc<DiagnosticMap>,
    /// Sends an edit.
    pub dispatch: Callback<Action>,
    /// Shown at the top of the panel (the token paste field).
    #[prop_or_default]
    pub children: Html,
}

/// The pool's provider keys and the app/client id each expects as `aud`.
fn providers(pool: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pool
        .get("SupportedLoginProviders")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    for p in pool
        .get("CognitoIdentityProviders")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = p
            .get("ProviderName")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let client = p
            .get("ClientId")
            .and_then(Value::as_str)
            .unwrap_or_default();
        out.push((name.to_string(), client.to_string()));
    }
    for arn in pool
        .get("OpenIdConnectProviderARNs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let host = arn
            .as_str()
            .unwrap_or_default()
            .rsplit("oidc-provider/")
            .next()
            .unwrap_or_default();
        out.push((host.to_string(), String::new()));
    }
    for arn in pool
        .get("SamlProviderARNs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.push((arn.as_str().unwrap_or_default().to_string(), String::new()));
    }
    if let Some(dev) = pool
        .get("DeveloperProviderName")
        .and_then(Value::as_str)
        .filter(|d| !d.is_empty())
    {
        out.push(("cognito-identity.amazonaws.com".into(), dev.to_string()));
    }
    out
}

/// The sign-in form.
#[component]
pub fn SignInPanel(props: &SignInPanelProps) -> Html {
    let s = &props.sign_in;
    let d = props.dispatch.clone();
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
    let app_id = known
        .iter()
        .find(|(k, _)| *k == s.provider)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let on_provider = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            d.emit(Action::SetSignIn(SignInField::Provider, sel.value()));
        })
    };
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
        <section class="panel" aria-labelledby="signin-title">
            <h2 id="signin-title">{ "Sign-in" }</h2>
            { props.children.clone() }
            <fieldset class="row">
                <legend>{ "Identity" }</legend>
                { radio("identity", s.identity == IdentityType::Unauthenticated, "Guest", Action::SetIdentity(IdentityType::Unauthenticated)) }
                { radio("identity", s.identity == IdentityType::Authenticated, "Signed in", Action::SetIdentity(IdentityType::Authenticated)) }
            </fieldset>
            if s.identity == IdentityType::Authenticated {
                <label class="field"><span>{ "Provider" }</span>
                    <select aria-label="Provider" onchange={on_provider}>
                        if !known.iter().any(|(k, _)| *k == s.provider) {
                            <option value={s.provider.clone()} selected=true>{ if s.provider.is_empty() { "(choose)".to_string() } else { s.provider.clone() } }</option>
                        }
                        { for known.iter().map(|(k, _)| html! { <option value={k.clone()} selected={*k == s.provider}>{ k.clone() }</option> }) }
                    </select>
                </label>
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
            }
            <fieldset class="row">
                <legend>{ "Flow" }</legend>
                { radio("flow", s.flow == Flow::Enhanced, "Enhanced", Action::SetFlow(Flow::Enhanced)) }
                { radio("flow", s.flow == Flow::Basic, "Basic (classic)", Action::SetFlow(Flow::Basic)) }
            </fieldset>
            if s.flow == Flow::Enhanced && s.identity == IdentityType::Unauthenticated {
                <ScopeDownChoice current={props.scope_down.0.clone()} versions={props.scope_down.1.clone()} dispatch={d.clone()} />
            }
            if s.flow == Flow::Enhanced {
                { text(SignInField::CustomRoleArn, &s.custom_role_arn, "Custom role ARN (optional)") }
            } else {
                { text(SignInField::BasicRoleArn, &s.basic_role_arn, "RoleArn for AssumeRoleWithWebIdentity") }
                <h3>{ "Session policy (optional)" }</h3>
                <PolicyEditor policy_id="signIn:session" value={AttrValue::from(s.basic_policy.clone())}
                    on_change={{ let d = d.clone(); Callback::from(move |t: String| d.emit(Action::SetSignIn(SignInField::BasicPolicy, t))) }}
                    diagnostics={props.diagnostics.get("signIn:session").cloned().unwrap_or_default()}
                    label="Session policy passed to AssumeRoleWithWebIdentity" />
            }
        </section>
    }
}
