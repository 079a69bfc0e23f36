//! One role: name, ARN, trust policy, access policies and optional permissions boundary.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::PolicyEditor;
use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_evaluation::DiagnosticMap;
use crate::state::scenario::RoleDoc;
use crate::state::{Action, PolicySlot};

/// Props of [`RoleCard`].
#[derive(Properties, PartialEq)]
pub struct RoleCardProps {
    /// The role.
    pub role: RoleDoc,
    /// Diagnostics per editor id.
    pub diagnostics: Rc<DiagnosticMap>,
}

/// A card with the role's editors.
#[component]
pub fn RoleCard(props: &RoleCardProps) -> Html {
    let dispatch = use_dispatch();
    let role = &props.role;
    let i = role.id;
    let d = dispatch.clone();
    let input = move |make: Rc<dyn Fn(String) -> Action>| {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.emit(make(input.value()));
        })
    };
    let editor = |slot: PolicySlot, id_part: &str, text: &str, label: String| {
        let id = format!("{}:{}", role.name, id_part);
        let diagnostics = props.diagnostics.get(&id).cloned().unwrap_or_default();
        let d = dispatch.clone();
        let on_change =
            Callback::from(move |t: String| d.emit(Action::SetPolicyText(i, slot.clone(), t)));
        html! {
            <PolicyEditor policy_id={id} value={AttrValue::from(text.to_string())} {on_change} {diagnostics} label={label} />
        }
    };
    let click = |action: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(action.clone()))
    };
    let boundary_toggle = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::ToggleBoundary(i, input.checked()));
        })
    };
    html! {
        <article class="role" aria-label={format!("Role {}", role.name)}>
            <div class="row">
                <label class="field"><span>{ "Role name" }</span>
                    <input type="text" value={role.name.clone()} oninput={input(Rc::new(move |v| Action::SetRoleName(i, v)))} /></label>
                <button type="button" class="danger" aria-label={format!("Remove role {}", role.name)} onclick={click(Action::RemoveRole(i))}>{ "Remove role" }</button>
            </div>
            <label class="field"><span>{ "Role ARN" }</span>
                <input type="text" value={role.arn.clone()} oninput={input(Rc::new(move |v| Action::SetRoleArn(i, v)))} /></label>
            { editor(PolicySlot::Trust, "trust", &role.trust, format!("Trust policy of {}", role.name)) }
            <h3>{ "Access policies" }</h3>
            // Keyed by id: removing a policy above keeps each editor's caret and undo with
            // its own policy.
            { for role.policies.iter().map(|policy| {
                let p = policy.id;
                let d = dispatch.clone();
                let rename = Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    d.emit(Action::SetPolicyName(i, p, input.value()));
                });
                html! {
                    <div class="policy" key={p.0}>
                        <div class="row">
                            <label class="field"><span>{ "Policy name" }</span>
                                <input type="text" value={policy.name.clone()} oninput={rename} /></label>
                            <button type="button" aria-label={format!("Remove policy {}", policy.name)} onclick={click(Action::RemovePolicy(i, p))}>{ "×" }</button>
                        </div>
                        { editor(PolicySlot::Access(p), &policy.name, &policy.text, format!("Policy {} of {}", policy.name, role.name)) }
                    </div>
                }
            }) }
            <button type="button" onclick={click(Action::AddPolicy(i))}>{ "Add access policy" }</button>
            <label class="check"><input type="checkbox" checked={role.boundary.is_some()} onchange={boundary_toggle} />{ "Permissions boundary" }</label>
            if let Some(boundary) = &role.boundary {
                { editor(PolicySlot::Boundary, "boundary", boundary, format!("Permissions boundary of {}", role.name)) }
            }
        </article>
    }
}
