//! The page's middle column: the roles and their policies, then the sign-in.
//!
//! A view function, not a component: a component of its own costs the page about 1 KB of
//! wasm, and this column re-renders with the page anyway.

use yew::prelude::*;

use super::roles_panel::RolesPanel;
use super::signin_panel::SignInPanel;
use super::token_paste::TokenPaste;
use crate::hooks::use_evaluation::Evaluation;
use crate::state::ScenarioDoc;

/// Roles, then who signs in and how; `scenario_json` feeds the token paste.
pub fn edit_column(
    doc: &ScenarioDoc,
    evaluation: &Evaluation,
    scenario_json: &Callback<(), String>,
) -> Html {
    let report = &evaluation.report;
    let scope_down = (
        report.scope_down_version.clone(),
        report.scope_down_versions.clone(),
    );
    html! {
        <div class="column edit">
            <RolesPanel roles={doc.roles.clone()} diagnostics={evaluation.diagnostics.clone()} />
            <SignInPanel sign_in={doc.sign_in.clone()} pool={doc.pool.clone()} {scope_down}
                diagnostics={evaluation.diagnostics.clone()}>
                <TokenPaste scenario_json={scenario_json.clone()} />
            </SignInPanel>
        </div>
    }
}
