//! The middle column's place in the page. The column itself (roles, policy editors, sign-in)
//! is drawn by the second module (`crate::edit_module`), which the page loads as soon as this
//! host is first rendered, one task after the first decision; until it is mounted the page
//! shows the column's heading and a status line (why it failed, with a way to try again, if
//! it did).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::column_stand_in::{column_stand_in, StandIn};
use crate::edit_module::{self, EditInput};
use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_panel_mount::use_panel_mount;

/// Props of [`EditHost`].
#[derive(Properties, PartialEq)]
pub struct EditHostProps {
    /// What the column shows.
    pub input: Rc<EditInput>,
    /// The current scenario's JSON (the token paste asks for it).
    pub scenario_json: Callback<(), String>,
}

/// The column: a stand-in, then the module's own element.
#[component]
pub fn EditHost(props: &EditHostProps) -> Html {
    let dispatch = use_dispatch();
    let scenario_json = props.scenario_json.clone();
    // How many of the column's edits the store has taken (see `input_message`).
    let applied = use_memo((), |()| Cell::new(0u64));
    let panel = use_panel_mount(
        edit_module::EXPORT,
        // The sentence starts the column's failure line.
        "The roles and the sign-in",
        edit_module::input_message(applied.get(), &props.input),
        Rc::new(move |json: String| {
            edit_module::answer(&json, &dispatch, &scenario_json, &applied)
        }),
    );
    html! {
        <div class="column edit">
            { column_stand_in(&StandIn { heading_id: "roles-title", heading: "Roles", testid: "edit",
                loading: "Loading the roles and the sign-in…" }, &panel) }
            // The module's own element: the page renders nothing into it.
            <div class="edit-mount" ref={panel.host}></div>
        </div>
    }
}
