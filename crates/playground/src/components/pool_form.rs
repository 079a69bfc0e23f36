//! The identity pool's common fields: guest access, classic flow, providers, default roles.

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::login_providers::LoginProviders;
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::pool_edit::{lines_of, lines_to_list};
use crate::state::Action;

/// Props of [`PoolForm`].
#[derive(Properties, PartialEq)]
pub struct PoolFormProps {
    /// `identityPool`.
    pub pool: Value,
    /// `identityPoolRoles`.
    pub pool_roles: Value,
    /// The ARNs of the scenario's roles, offered as suggestions.
    pub role_arns: Vec<String>,
}

/// Checkboxes and fields for the pool.
#[component]
pub fn PoolForm(props: &PoolFormProps) -> Html {
    let dispatch = use_dispatch();
    let flag = |key: &'static str, label: &'static str| {
        let checked = props
            .pool
            .get(key)
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::SetPoolField(
                key.into(),
                Value::Bool(input.checked()),
            ));
        });
        html! {
            <label class="check"><input type="checkbox" {checked} {onchange} />{ label }</label>
        }
    };
    let text_field = |key: &'static str, label: &'static str| {
        let value = props
            .pool
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let dispatch = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::SetPoolField(
                key.into(),
                Value::String(input.value()),
            ));
        });
        html! { <label class="field"><span>{ label }</span><input type="text" {value} {oninput} /></label> }
    };
    let arn_lines = |key: &'static str, label: &'static str| {
        let value = lines_of(&props.pool, key);
        let dispatch = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::SetPoolField(
                key.into(),
                lines_to_list(&area.value()),
            ));
        });
        html! { <label class="field"><span>{ label }</span><textarea rows="2" spellcheck="false" {value} {oninput} /></label> }
    };
    html! {
        <section class="panel" aria-labelledby="pool-title">
            <h2 id="pool-title">{ "Identity pool" }</h2>
            { text_field("IdentityPoolId", "Identity pool ID") }
            { flag("AllowUnauthenticatedIdentities", "Guest access (unauthenticated identities)") }
            { flag("AllowClassicFlow", "Basic (classic) flow") }
            <LoginProviders pool={props.pool.clone()} />
            { arn_lines("OpenIdConnectProviderARNs", "OpenID Connect provider ARNs (one per line)") }
            { arn_lines("SamlProviderARNs", "SAML provider ARNs (one per line)") }
            { text_field("DeveloperProviderName", "Developer provider name") }
            <h3>{ "Default roles" }</h3>
            { default_role(props, &dispatch, "authenticated", "Authenticated role ARN") }
            { default_role(props, &dispatch, "unauthenticated", "Guest (unauthenticated) role ARN") }
            <datalist id="role-arns">
                { for props.role_arns.iter().map(|arn| html! { <option value={arn.clone()} /> }) }
            </datalist>
        </section>
    }
}

/// The default role of `kind` (`authenticated`, `unauthenticated`) in `identityPoolRoles.Roles`,
/// the scenario's role ARNs offered.
fn default_role(
    props: &PoolFormProps,
    dispatch: &Callback<Action>,
    kind: &'static str,
    label: &'static str,
) -> Html {
    let value = props
        .pool_roles
        .pointer(&format!("/Roles/{kind}"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let oninput = dispatch.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetDefaultRole(kind.into(), input.value())
    });
    html! { <label class="field"><span>{ label }</span><input type="text" list="role-arns" {value} {oninput} /></label> }
}
