//! The middle column's panels: the roles and their policies, then the sign-in. They are
//! drawn by the second module (`review_panel::edit`), into the element the page's
//! [`EditHost`](super::edit_host::EditHost) leaves to it.
//!
//! A view function, not a component: a component of its own costs about 1 KB of wasm, and
//! the column's root re-renders with each update anyway.

use std::rc::Rc;

use yew::prelude::*;

use super::roles_panel::RolesPanel;
use super::signin_panel::SignInPanel;
use super::token_paste::TokenPaste;
use crate::backend::DiagnosticMap;
use crate::edit_module::EditInput;

/// Roles, then who signs in and how, as `input` says; `scenario_json` feeds the token paste.
pub fn edit_panels(
    input: &EditInput,
    diagnostics: &Rc<DiagnosticMap>,
    scenario_json: &Callback<(), String>,
) -> Html {
    let scope_down = (
        input.scope_down_version.clone(),
        input.scope_down_versions.clone(),
    );
    html! {
        <>
            <RolesPanel roles={input.roles.clone()} diagnostics={diagnostics.clone()} />
            <SignInPanel sign_in={input.sign_in.clone()} pool={input.pool.clone()} {scope_down}
                diagnostics={diagnostics.clone()}>
                <TokenPaste scenario_json={scenario_json.clone()} />
            </SignInPanel>
        </>
    }
}
