//! The pool column's place in the page. The column itself is drawn by the second module
//! (`crate::pool_module`), which the page loads as soon as this host is first rendered, one
//! task after the first decision; until it is mounted the page shows the column's heading
//! and a status line (why it failed, with a way to try again, if it did).

use std::rc::Rc;

use yew::prelude::*;

use super::column_stand_in::{column_stand_in, StandIn};
use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_panel_mount::use_panel_mount;
use crate::pool_module::{self, PoolInput};

/// Props of [`PoolHost`].
#[derive(Properties, PartialEq)]
pub struct PoolHostProps {
    /// What the column shows.
    pub input: Rc<PoolInput>,
}

/// The column: a stand-in, then the module's own element.
#[component]
pub fn PoolHost(props: &PoolHostProps) -> Html {
    let dispatch = use_dispatch();
    let panel = use_panel_mount(
        pool_module::EXPORT,
        // The sentence starts the column's failure line.
        "The pool's settings",
        serde_json::to_string(&*props.input).unwrap_or_default(),
        Rc::new(move |json: String| pool_module::answer(&json, &dispatch)),
    );
    html! {
        <div class="column pool">
            { column_stand_in(&StandIn { heading_id: "pool-title", heading: "Identity pool", testid: "pool",
                loading: "Loading the pool's settings…" }, &panel) }
            // The module's own element: the page renders nothing into it.
            <div class="pool-mount" ref={panel.host}></div>
        </div>
    }
}
