//! An embed's policy part: the trust policy or the first access policy of the role in play,
//! in the same editor as the full page. A view function: a component of its own costs the
//! page about 1 KB of wasm.

use std::rc::Rc;

use yew::prelude::*;

use super::PolicyEditor;
use crate::hooks::use_evaluation::DiagnosticMap;
use crate::state::scenario::RoleDoc;
use crate::state::{Action, PolicySlot};

/// Which of the role's policies a part shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// `AssumeRolePolicyDocument`.
    Trust,
    /// The first access policy.
    FirstAccess,
}

/// The policy's editor, or a line saying there is none; `role` is the role in play, if the
/// scenario has one.
pub fn embed_policy(
    shown: Shown,
    role: Option<&RoleDoc>,
    diagnostics: &Rc<DiagnosticMap>,
    readonly: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let Some(role) = role else {
        return html! { <p class="embed-part empty">{ "This scenario has no role." }</p> };
    };
    let (slot, id_part, text, label) = match shown {
        Shown::Trust => (
            PolicySlot::Trust,
            "trust",
            role.trust.as_str(),
            format!("Trust policy of {}", role.name),
        ),
        Shown::FirstAccess => match role.policies.first() {
            Some(policy) => (
                PolicySlot::Access(policy.id),
                policy.name.as_str(),
                policy.text.as_str(),
                format!("Policy {} of {}", policy.name, role.name),
            ),
            None => {
                return html! { <p class="embed-part empty">{ "The role in play has no access policy." }</p> }
            }
        },
    };
    // The same editor id as the full page's, so the simulation's diagnostics find it.
    let id = format!("{}:{id_part}", role.name);
    let diagnostics = diagnostics.get(&id).cloned().unwrap_or_default();
    let role_id = role.id;
    let on_change =
        dispatch.reform(move |t: String| Action::SetPolicyText(role_id, slot.clone(), t));
    html! {
        <div class="embed-part">
            <PolicyEditor policy_id={id} value={AttrValue::from(text.to_owned())} {on_change} {diagnostics} {label} {readonly} />
        </div>
    }
}
