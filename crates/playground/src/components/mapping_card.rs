//! One provider's role mapping: its key, type, ambiguous-role resolution and, for rules,
//! the rules in order. A view function, not a component (a component costs the page about
//! 1 KB of wasm; the cards were inline before and re-render with the list anyway).

use serde_json::{json, Map, Value};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::mapping_fields::{select, setter, text};
use crate::state::pool_edit::{key, push, remove, PathStep};

const MATCH_TYPES: &[&str] = &["Equals", "Contains", "StartsWith", "NotEqual"];

/// A card for `all[provider]`; `set` replaces `RoleMappings`, which an edit replaces whole.
pub fn mapping_card(provider: &str, all: &Map<String, Value>, set: &Callback<Value>) -> Html {
    let mapping = all.get(provider).cloned().unwrap_or_default();
    let current = Value::Object(all.clone());
    let at = |path: Vec<PathStep>| setter(&current, path, set);
    let s = |k: &str| {
        mapping
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let rename = {
        let (all, old, set) = (all.clone(), provider.to_owned(), set.clone());
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            let renamed: Map<String, Value> = all
                .iter()
                .map(|(k, v)| (if *k == old { i.value() } else { k.clone() }, v.clone()))
                .collect();
            set.emit(Value::Object(renamed));
        })
    };
    let drop_mapping = {
        let mut rest = all.clone();
        rest.remove(provider);
        set.reform(move |_: MouseEvent| Value::Object(rest.clone()))
    };
    html! {
        <div class="mapping">
            <label class="field"><span>{ "Provider" }</span>
                <input type="text" list="mapping-providers" value={provider.to_owned()} oninput={rename} /></label>
            <div class="row">
                { select(&["Token", "Rules"], &s("Type"), "Mapping type", at(vec![key(provider), key("Type")])) }
                { select(&["AuthenticatedRole", "Deny"], &s("AmbiguousRoleResolution"), "Ambiguous role resolution",
                    at(vec![key(provider), key("AmbiguousRoleResolution")])) }
                <button type="button" aria-label={format!("Remove mapping {provider}")} onclick={drop_mapping}>{ "×" }</button>
            </div>
            if s("Type") == "Rules" {
                { rules(provider, &mapping, &current, set) }
            }
        </div>
    }
}

/// The ordered rules of a `Rules` mapping, each editable and removable, and "Add rule".
fn rules(provider: &str, mapping: &Value, current: &Value, set: &Callback<Value>) -> Html {
    let list = mapping
        .pointer("/RulesConfiguration/Rules")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let path = vec![key(provider), key("RulesConfiguration"), key("Rules")];
    let replace = setter(current, path.clone(), set);
    let add_rule = {
        let (replace, rules) = (replace.clone(), Value::Array(list.clone()));
        Callback::from(move |_: MouseEvent| {
            let rule = json!({ "Claim": "", "MatchType": "Equals", "Value": "", "RoleARN": "" });
            replace.emit(push(Some(&rules), rule));
        })
    };
    html! {
        <>
            <ol class="rules">
                { for list.iter().enumerate().map(|(n, rule)| {
                    let r = |k: &str| rule.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
                    let field = |k: &'static str| {
                        let mut at = path.clone();
                        at.extend([PathStep::Index(n), key(k)]);
                        setter(current, at, set)
                    };
                    let drop_rule = {
                        let (replace, rules) = (replace.clone(), Value::Array(list.clone()));
                        Callback::from(move |_: MouseEvent| replace.emit(remove(Some(&rules), n)))
                    };
                    html! {
                        <li class="row">
                            { text(r("Claim"), "Claim", None, field("Claim")) }
                            { select(MATCH_TYPES, &r("MatchType"), "Match type", field("MatchType")) }
                            { text(r("Value"), "Value", None, field("Value")) }
                            // The scenario's roles are offered (the `role-arns` list).
                            { text(r("RoleARN"), "Role ARN", Some("role-arns"), field("RoleARN")) }
                            <button type="button" aria-label="Remove rule" onclick={drop_rule}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ol>
            <button type="button" onclick={add_rule}>{ "Add rule" }</button>
        </>
    }
}
