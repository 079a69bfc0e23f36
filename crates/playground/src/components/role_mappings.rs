//! `identityPoolRoles.RoleMappings`: per provider, rules or token, and ambiguous-role resolution.

use serde_json::{json, Map, Value};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::pool_edit::{key, push, remove, set_path, PathStep};
use crate::state::Action;

/// Props of [`RoleMappings`].
#[derive(Properties, PartialEq)]
pub struct RoleMappingsProps {
    /// `identityPoolRoles.RoleMappings` (or null).
    pub mappings: Value,
    /// The keys a mapping can have in this pool (its providers; user pools with their
    /// app client), offered instead of free text alone.
    #[prop_or_default]
    pub providers: Vec<String>,
    /// Sends an edit.
    pub dispatch: Callback<Action>,
}

const MATCH_TYPES: &[&str] = &["Equals", "Contains", "StartsWith", "NotEqual"];

/// One card per mapped provider.
#[component]
pub fn RoleMappings(props: &RoleMappingsProps) -> Html {
    let mappings = props.mappings.as_object().cloned().unwrap_or_default();
    let current = Value::Object(mappings.clone());
    let set = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |value: Value| dispatch.emit(Action::SetRoleMappings(value)))
    };
    let at = |path: Vec<PathStep>| {
        let current = current.clone();
        let set = set.clone();
        move |new: Value| set.emit(set_path(&current, &path, new))
    };
    let select = |options: &'static [&'static str],
                  selected: String,
                  label: &'static str,
                  apply: Box<dyn Fn(Value)>| {
        let apply = std::rc::Rc::new(apply);
        let onchange = Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            apply(Value::String(s.value()));
        });
        html! {
            <select aria-label={label} {onchange}>
                { for options.iter().map(|o| html! { <option value={*o} selected={selected == *o}>{ *o }</option> }) }
            </select>
        }
    };
    let text = |value: String, label: &'static str, apply: Box<dyn Fn(Value)>| {
        let oninput = Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            apply(Value::String(i.value()));
        });
        html! { <input type="text" aria-label={label} placeholder={label} {value} {oninput} /> }
    };
    // A rule's role ARN: the scenario's roles are offered (the `role-arns` list).
    let role_arn = |value: String, apply: Box<dyn Fn(Value)>| {
        let oninput = Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            apply(Value::String(i.value()));
        });
        html! { <input type="text" list="role-arns" aria-label="Role ARN" placeholder="Role ARN" {value} {oninput} /> }
    };
    // A new mapping is for the first configured provider not mapped yet.
    let next_key = props
        .providers
        .iter()
        .find(|p| !mappings.contains_key(p.as_str()))
        .cloned()
        .unwrap_or_else(|| format!("provider{}", mappings.len() + 1));
    html! {
        <fieldset>
            <legend>{ "Role mappings" }</legend>
            { for mappings.iter().map(|(provider, mapping)| {
                let s = |k: &str| mapping.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
                let rules = mapping.pointer("/RulesConfiguration/Rules").and_then(Value::as_array).cloned().unwrap_or_default();
                let rename = {
                    let mappings = mappings.clone();
                    let old = provider.clone();
                    let set = set.clone();
                    Callback::from(move |e: InputEvent| {
                        let i: HtmlInputElement = e.target_unchecked_into();
                        let renamed: Map<String, Value> = mappings.iter()
                            .map(|(k, v)| (if *k == old { i.value() } else { k.clone() }, v.clone()))
                            .collect();
                        set.emit(Value::Object(renamed));
                    })
                };
                let drop_mapping = {
                    let mut rest = mappings.clone();
                    rest.remove(provider);
                    let set = set.clone();
                    Callback::from(move |_: MouseEvent| set.emit(Value::Object(rest.clone())))
                };
                let rules_path = vec![key(provider), key("RulesConfiguration"), key("Rules")];
                let add_rule = {
                    let apply = at(rules_path.clone());
                    let rules = Value::Array(rules.clone());
                    Callback::from(move |_: MouseEvent| apply(push(Some(&rules), json!({
                        "Claim": "", "MatchType": "Equals", "Value": "", "RoleARN": ""
                    }))))
                };
                html! {
                    <div class="mapping">
                        <label class="field"><span>{ "Provider" }</span>
                            <input type="text" list="mapping-providers" value={provider.clone()} oninput={rename} /></label>
                        <div class="row">
                            { select(&["Token", "Rules"], s("Type"), "Mapping type", Box::new(at(vec![key(provider), key("Type")]))) }
                            { select(&["AuthenticatedRole", "Deny"], s("AmbiguousRoleResolution"), "Ambiguous role resolution",
                                Box::new(at(vec![key(provider), key("AmbiguousRoleResolution")]))) }
                            <button type="button" aria-label={format!("Remove mapping {provider}")} onclick={drop_mapping}>{ "×" }</button>
                        </div>
                        if s("Type") == "Rules" {
                            <ol class="rules">
                                { for rules.iter().enumerate().map(|(n, rule)| {
                                    let r = |k: &str| rule.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
                                    let field = |k: &'static str| {
                                        let mut path = rules_path.clone();
                                        path.push(PathStep::Index(n));
                                        path.push(key(k));
                                        Box::new(at(path)) as Box<dyn Fn(Value)>
                                    };
                                    let drop_rule = {
                                        let apply = at(rules_path.clone());
                                        let rules = Value::Array(rules.clone());
                                        Callback::from(move |_: MouseEvent| apply(remove(Some(&rules), n)))
                                    };
                                    html! {
                                        <li class="row">
                                            { text(r("Claim"), "Claim", field("Claim")) }
                                            { select(MATCH_TYPES, r("MatchType"), "Match type", field("MatchType")) }
                                            { text(r("Value"), "Value", field("Value")) }
                                            { role_arn(r("RoleARN"), field("RoleARN")) }
                                            <button type="button" aria-label="Remove rule" onclick={drop_rule}>{ "×" }</button>
                                        </li>
                                    }
                                }) }
                            </ol>
                            <button type="button" onclick={add_rule}>{ "Add rule" }</button>
                        }
                    </div>
                }
            }) }
            <button type="button" onclick={{
                let mut more = mappings.clone();
                more.insert(next_key.clone(), json!({ "Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole" }));
                let set = set.clone();
                Callback::from(move |_: MouseEvent| set.emit(Value::Object(more.clone())))
            }}>{ "Add role mapping" }</button>
            <datalist id="mapping-providers">
                { for props.providers.iter().map(|p| html! { <option value={p.clone()} /> }) }
            </datalist>
        </fieldset>
    }
}
