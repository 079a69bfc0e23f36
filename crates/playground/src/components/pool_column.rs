//! The page's first column: the identity pool, its role mappings and tag maps, and the
//! same as JSON.
//!
//! A view function, not a component: a component of its own costs the page about 1 KB of
//! wasm (Yew's per-component machinery), and this column re-renders with the page anyway.

use yew::prelude::*;

use super::pool_form::PoolForm;
use super::pool_json::PoolJson;
use super::role_mappings::RoleMappings;
use super::tag_maps::TagMaps;
use crate::state::ScenarioDoc;

/// The pool's settings of `doc`, forms first, JSON last.
pub fn pool_column(doc: &ScenarioDoc) -> Html {
    let mappings = doc
        .pool_roles
        .get("RoleMappings")
        .cloned()
        .unwrap_or_default();
    let providers = crate::state::providers::mapping_keys(&doc.pool);
    let role_arns: Vec<String> = doc.roles.iter().map(|r| r.arn.clone()).collect();
    html! {
        <div class="column pool">
            <PoolForm pool={doc.pool.clone()} pool_roles={doc.pool_roles.clone()} {role_arns} />
            <section class="panel">
                <RoleMappings {mappings} {providers} />
                <TagMaps maps={doc.tag_maps.clone()} />
            </section>
            <PoolJson pool={doc.pool.clone()} pool_roles={doc.pool_roles.clone()}
                tag_maps={doc.tag_maps.clone()} />
        </div>
    }
}
