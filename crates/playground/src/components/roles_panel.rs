//! All the scenario's roles.

use std::rc::Rc;

use yew::prelude::*;

use super::role_card::RoleCard;
use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_evaluation::DiagnosticMap;
use crate::state::scenario::RoleDoc;
use crate::state::Action;

/// Props of [`RolesPanel`].
#[derive(Properties, PartialEq)]
pub struct RolesPanelProps {
    /// `roles`.
    pub roles: Vec<RoleDoc>,
    /// Diagnostics per editor id.
    pub diagnostics: Rc<DiagnosticMap>,
}

/// The list of role cards and an "add role" button.
#[component]
pub fn RolesPanel(props: &RolesPanelProps) -> Html {
    let dispatch = use_dispatch();
    let add = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::AddRole))
    };
    html! {
        <section class="panel" aria-labelledby="roles-title">
            <h2 id="roles-title">{ "Roles" }</h2>
            // Keyed by id: removing a role above keeps each card's editors (caret, undo)
            // with their own role.
            { for props.roles.iter().map(|role| html! {
                <RoleCard key={role.id.0} role={role.clone()} diagnostics={props.diagnostics.clone()} />
            }) }
            <button type="button" onclick={add}>{ "Add role" }</button>
        </section>
    }
}
