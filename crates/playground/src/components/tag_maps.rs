//! `principalTagAttributeMaps`: per provider, use defaults or map tags to claims.

use serde_json::{json, Value};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::key_value_rows::KeyValueRows;
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::pool_edit::{push, remove, rows_to_object, set_path, string_rows, PathStep};
use crate::state::Action;

/// Props of [`TagMaps`].
#[derive(Properties, PartialEq)]
pub struct TagMapsProps {
    /// `principalTagAttributeMaps`.
    pub maps: Value,
}

/// One block per provider with its tag → claim rows.
#[component]
pub fn TagMaps(props: &TagMapsProps) -> Html {
    let dispatch = use_dispatch();
    let maps = props.maps.as_array().cloned().unwrap_or_default();
    let current = Value::Array(maps.clone());
    let set = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: Value| dispatch.emit(Action::SetTagMaps(v)))
    };
    html! {
        <fieldset>
            <legend>{ "Attributes for access control (principal tags)" }</legend>
            { for maps.iter().enumerate().map(|(i, map)| {
                let at = |k: &'static str| {
                    let current = current.clone();
                    let set = set.clone();
                    move |v: Value| set.emit(set_path(&current, &[PathStep::Index(i), PathStep::Key(k.into())], v))
                };
                let provider = map.get("IdentityProviderName").and_then(Value::as_str).unwrap_or_default().to_string();
                let defaults = map.get("UseDefaults").and_then(Value::as_bool).unwrap_or(false);
                let rows = string_rows(map, "PrincipalTags");
                let on_provider = { let a = at("IdentityProviderName"); Callback::from(move |e: InputEvent| {
                    let i: HtmlInputElement = e.target_unchecked_into(); a(Value::String(i.value())) }) };
                let on_defaults = { let a = at("UseDefaults"); Callback::from(move |e: Event| {
                    let i: HtmlInputElement = e.target_unchecked_into(); a(Value::Bool(i.checked())) }) };
                let set_rows = { let a = std::rc::Rc::new(at("PrincipalTags")); move |rows: Vec<(String, String)>| a(rows_to_object(&rows)) };
                let drop_map = { let current = current.clone(); let set = set.clone();
                    Callback::from(move |_: MouseEvent| set.emit(remove(Some(&current), i))) };
                html! {
                    <div class="mapping">
                        <label class="field"><span>{ "Provider" }</span><input type="text" value={provider} oninput={on_provider} /></label>
                        <label class="check"><input type="checkbox" checked={defaults} onchange={on_defaults} />{ "Use default mappings" }</label>
                        <KeyValueRows {rows} on_change={Callback::from(set_rows)}
                            labels={(AttrValue::from("Tag key"), AttrValue::from("Claim"))}
                            remove_label="Remove tag" add_label="Add tag" new_key="tag{n}" />
                        <div class="row">
                            <button type="button" onclick={drop_map}>{ "Remove map" }</button>
                        </div>
                    </div>
                }
            }) }
            <button type="button" onclick={{ let current = current.clone(); let set = set.clone();
                Callback::from(move |_: MouseEvent| set.emit(push(Some(&current), json!({
                    "IdentityProviderName": "", "UseDefaults": true, "PrincipalTags": {}
                })))) }}>{ "Add principal-tag map" }</button>
        </fieldset>
    }
}
