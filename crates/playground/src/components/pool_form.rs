//! The identity pool's common fields: guest access, classic flow, providers, default roles.

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::pool_edit::{lines_of, lines_to_list, rows_to_object, string_rows};
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
    /// Sends an edit.
    pub dispatch: Callback<Action>,
}

/// Checkboxes and fields for the pool.
#[component]
pub fn PoolForm(props: &PoolFormProps) -> Html {
    let flag = |key: &'static str, label: &'static str| {
        let checked = props
            .pool
            .get(key)
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let dispatch = props.dispatch.clone();
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
        let dispatch = props.dispatch.clone();
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
        let dispatch = props.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::SetPoolField(
                key.into(),
                lines_to_list(&area.value()),
            ));
        });
        html! { <label class="field"><span>{ label }</span><textarea rows="2" spellcheck="false" {value} {oninput} /></label> }
    };
    let default_role = |kind: &'static str, label: &'static str| {
        let value = props
            .pool_roles
            .pointer(&format!("/Roles/{kind}"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let dispatch = props.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::SetDefaultRole(kind.into(), input.value()));
        });
        html! { <label class="field"><span>{ label }</span><input type="text" list="role-arns" {value} {oninput} /></label> }
    };
    html! {
        <section class="panel" aria-labelledby="pool-title">
            <h2 id="pool-title">{ "Identity pool" }</h2>
            { text_field("IdentityPoolId", "Identity pool ID") }
            { flag("AllowUnauthenticatedIdentities", "Guest access (unauthenticated identities)") }
            { flag("AllowClassicFlow", "Basic (classic) flow") }
            <LoginProviders pool={props.pool.clone()} dispatch={props.dispatch.clone()} />
            { arn_lines("OpenIdConnectProviderARNs", "OpenID Connect provider ARNs (one per line)") }
            { arn_lines("SamlProviderARNs", "SAML provider ARNs (one per line)") }
            { text_field("DeveloperProviderName", "Developer provider name") }
            <h3>{ "Default roles" }</h3>
            { default_role("authenticated", "Authenticated role ARN") }
            { default_role("unauthenticated", "Guest (unauthenticated) role ARN") }
            <datalist id="role-arns">
                { for props.role_arns.iter().map(|arn| html! { <option value={arn.clone()} /> }) }
            </datalist>
        </section>
    }
}

/// Props of [`LoginProviders`].
#[derive(Properties, PartialEq)]
pub struct LoginProvidersProps {
    /// `identityPool`.
    pub pool: Value,
    /// Sends an edit.
    pub dispatch: Callback<Action>,
}

/// `SupportedLoginProviders` (domain → app id) and `CognitoIdentityProviders` rows.
#[component]
pub fn LoginProviders(props: &LoginProvidersProps) -> Html {
    let rows = string_rows(&props.pool, "SupportedLoginProviders");
    let set = {
        let dispatch = props.dispatch.clone();
        move |rows: Vec<(String, String)>| {
            dispatch.emit(Action::SetPoolField(
                "SupportedLoginProviders".into(),
                rows_to_object(&rows),
            ))
        }
    };
    let cognito = props
        .pool
        .get("CognitoIdentityProviders")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let set_cognito = {
        let dispatch = props.dispatch.clone();
        move |list: Vec<Value>| {
            dispatch.emit(Action::SetPoolField(
                "CognitoIdentityProviders".into(),
                Value::Array(list),
            ))
        }
    };
    html! {
        <fieldset>
            <legend>{ "Social and Amazon login providers" }</legend>
            { for rows.iter().enumerate().map(|(i, (domain, app))| {
                let edit = |column: usize| {
                    let rows = rows.clone();
                    let set = set.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        let mut rows = rows.clone();
                        if let Some(row) = rows.get_mut(i) {
                            if column == 0 { row.0 = input.value() } else { row.1 = input.value() }
                        }
                        set(rows);
                    })
                };
                let remove = {
                    let rows = rows.clone();
                    let set = set.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut rows = rows.clone();
                        rows.remove(i);
                        set(rows);
                    })
                };
                html! {
                    <div class="row">
                        <input type="text" aria-label="Provider domain" list="provider-domains" value={domain.clone()} oninput={edit(0)} />
                        <input type="text" aria-label="App ID" value={app.clone()} oninput={edit(1)} />
                        <button type="button" aria-label="Remove provider" onclick={remove}>{ "×" }</button>
                    </div>
                }
            }) }
            <button type="button" onclick={{
                let rows = rows.clone();
                let set = set.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut rows = rows.clone();
                    rows.push((format!("provider{}.example.com", rows.len() + 1), String::new()));
                    set(rows);
                })
            }}>{ "Add login provider" }</button>
            <datalist id="provider-domains">
                { for ["graph.facebook.com", "accounts.google.com", "www.amazon.com", "appleid.apple.com", "api.twitter.com"].iter().map(|d| html! { <option value={*d} /> }) }
            </datalist>
            <legend>{ "Cognito user pools" }</legend>
            { for cognito.iter().enumerate().map(|(i, entry)| {
                let field = |name: &'static str, label: &'static str| {
                    let value = entry.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
                    let cognito = cognito.clone();
                    let set_cognito = set_cognito.clone();
                    let oninput = Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        let mut list = cognito.clone();
                        if let Some(Value::Object(map)) = list.get_mut(i) {
                            map.insert(name.into(), Value::String(input.value()));
                        }
                        set_cognito(list);
                    });
                    html! { <input type="text" aria-label={label} placeholder={label} {value} {oninput} /> }
                };
                let remove = {
                    let cognito = cognito.clone();
                    let set_cognito = set_cognito.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut list = cognito.clone();
                        list.remove(i);
                        set_cognito(list);
                    })
                };
                html! {
                    <div class="row">
                        { field("ProviderName", "User pool provider name") }
                        { field("ClientId", "App client ID") }
                        <button type="button" aria-label="Remove user pool" onclick={remove}>{ "×" }</button>
                    </div>
                }
            }) }
            <button type="button" onclick={{
                let cognito = cognito.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut list = cognito.clone();
                    list.push(serde_json::json!({
                        "ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example",
                        "ClientId": "exampleclient", "ServerSideTokenCheck": false
                    }));
                    set_cognito(list);
                })
            }}>{ "Add user pool" }</button>
        </fieldset>
    }
}
