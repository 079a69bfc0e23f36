//! `identityPoolRoles.RoleMappings`: per provider, rules or token, and ambiguous-role resolution.

use serde_json::{json, Value};
use yew::prelude::*;

use super::mapping_card::mapping_card;
use crate::hooks::use_dispatch::use_dispatch;
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
}

/// One card per mapped provider, and "Add role mapping".
#[component]
pub fn RoleMappings(props: &RoleMappingsProps) -> Html {
    let dispatch = use_dispatch();
    let mappings = props.mappings.as_object().cloned().unwrap_or_default();
    let set = dispatch.reform(Action::SetRoleMappings);
    // A new mapping is for the first configured provider not mapped yet.
    let next_key = props
        .providers
        .iter()
        .find(|p| !mappings.contains_key(p.as_str()))
        .cloned()
        .unwrap_or_else(|| format!("provider{}", mappings.len() + 1));
    let add = {
        let mut more = mappings.clone();
        more.insert(
            next_key,
            json!({ "Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole" }),
        );
        set.reform(move |_: MouseEvent| Value::Object(more.clone()))
    };
    html! {
        <fieldset>
            <legend>{ "Role mappings" }</legend>
            // Cards by position, not keyed by provider: renaming a provider as one types
            // must not rebuild its card (and lose the caret).
            { for mappings.keys().map(|provider| mapping_card(provider, &mappings, &set)) }
            <button type="button" onclick={add}>{ "Add role mapping" }</button>
            <datalist id="mapping-providers">
                { for props.providers.iter().map(|p| html! { <option value={p.clone()} /> }) }
            </datalist>
        </fieldset>
    }
}
