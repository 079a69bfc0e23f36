//! The pool column's panels: the identity pool, its role mappings and tag maps, and the same
//! as JSON. They are drawn by the second module (`review_panel::mount_pool`), into the
//! element the page's [`PoolHost`](super::pool_host::PoolHost) leaves to it.
//!
//! A view function, not a component: a component of its own costs about 1 KB of wasm (Yew's
//! per-component machinery), and the column's root re-renders with each update anyway.

use yew::prelude::*;

use super::pool_form::PoolForm;
use super::pool_json::PoolJson;
use super::role_mappings::RoleMappings;
use super::tag_maps::TagMaps;
use crate::pool_module::PoolInput;

/// The pool's settings in `input`, forms first, JSON last.
pub fn pool_panels(input: &PoolInput) -> Html {
    let mappings = input
        .pool_roles
        .get("RoleMappings")
        .cloned()
        .unwrap_or_default();
    let providers = crate::state::providers::mapping_keys(&input.pool);
    html! {
        <>
            <PoolForm pool={input.pool.clone()} pool_roles={input.pool_roles.clone()}
                role_arns={input.role_arns.clone()} />
            <section class="panel">
                <RoleMappings {mappings} {providers} />
                <TagMaps maps={input.tag_maps.clone()} />
            </section>
            <PoolJson pool={input.pool.clone()} pool_roles={input.pool_roles.clone()}
                tag_maps={input.tag_maps.clone()} />
        </>
    }
}
