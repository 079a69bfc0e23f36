//! The pool's login providers: social and Amazon providers (domain → app id) and Cognito
//! user pools (provider name, app client id).

use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::key_value_rows::KeyValueRows;
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::pool_edit::{rows_to_object, string_rows};
use crate::state::Action;

/// Props of [`LoginProviders`].
#[derive(Properties, PartialEq)]
pub struct LoginProvidersProps {
    /// `identityPool`.
    pub pool: Value,
}

/// `SupportedLoginProviders` (domain → app id) and `CognitoIdentityProviders` rows.
#[component]
pub fn LoginProviders(props: &LoginProvidersProps) -> Html {
    let dispatch = use_dispatch();
    let rows = string_rows(&props.pool, "SupportedLoginProviders");
    let set = {
        let dispatch = dispatch.clone();
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
    let set_cognito = dispatch.reform(|list: Vec<Value>| {
        Action::SetPoolField("CognitoIdentityProviders".into(), Value::Array(list))
    });
    html! {
        <fieldset>
            <legend>{ "Social and Amazon login providers" }</legend>
            <KeyValueRows {rows} on_change={Callback::from(set)}
                labels={(AttrValue::from("Provider domain"), AttrValue::from("App ID"))}
                remove_label="Remove provider" add_label="Add login provider"
                new_key="provider{n}.example.com" key_list={Some(AttrValue::from("provider-domains"))} />
            <datalist id="provider-domains">
                { for ["graph.facebook.com", "accounts.google.com", "www.amazon.com", "appleid.apple.com", "api.twitter.com"].iter().map(|d| html! { <option value={*d} /> }) }
            </datalist>
            { user_pools(&cognito, &set_cognito) }
        </fieldset>
    }
}

/// `CognitoIdentityProviders`: a row per user pool (provider name, app client), each
/// removable, and "Add user pool".
fn user_pools(cognito: &[Value], set_cognito: &Callback<Vec<Value>>) -> Html {
    let add = edited(cognito, set_cognito, |list| {
        list.push(serde_json::json!({
            "ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example",
            "ClientId": "exampleclient", "ServerSideTokenCheck": false
        }));
    });
    html! {
        <>
            <h4>{ "Cognito user pools" }</h4>
            { for cognito.iter().enumerate().map(|(i, entry)| {
                let field = |name: &'static str, label: &'static str| {
                    let value = entry.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
                    let (cognito, set_cognito) = (cognito.to_vec(), set_cognito.clone());
                    let oninput = Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        let mut list = cognito.clone();
                        if let Some(Value::Object(map)) = list.get_mut(i) {
                            map.insert(name.into(), Value::String(input.value()));
                        }
                        set_cognito.emit(list);
                    });
                    html! { <input type="text" aria-label={label} placeholder={label} {value} {oninput} /> }
                };
                let remove = edited(cognito, set_cognito, move |list| {
                    list.remove(i);
                });
                html! {
                    <div class="row">
                        { field("ProviderName", "User pool provider name") }
                        { field("ClientId", "App client ID") }
                        <button type="button" aria-label="Remove user pool" onclick={remove}>{ "×" }</button>
                    </div>
                }
            }) }
            <button type="button" onclick={add}>{ "Add user pool" }</button>
        </>
    }
}

/// A click that sends the user pool list after `change`.
fn edited(
    cognito: &[Value],
    set_cognito: &Callback<Vec<Value>>,
    change: impl Fn(&mut Vec<Value>) + 'static,
) -> Callback<MouseEvent> {
    let (cognito, set_cognito) = (cognito.to_vec(), set_cognito.clone());
    Callback::from(move |_: MouseEvent| {
        let mut list = cognito.clone();
        change(&mut list);
        set_cognito.emit(list);
    })
}
