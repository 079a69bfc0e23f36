//! Which reading of the guest scope-down the simulation follows. AWS's pages disagree over
//! time, so the simulation keeps each version as data; the options come from the report,
//! and requests another version would decide differently say so in their summaries.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::backend::ScopeDownChoice as Choice;
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::Action;

/// Props of [`ScopeDownChoice`].
#[derive(Properties, PartialEq)]
pub struct ScopeDownChoiceProps {
    /// The version the last run followed.
    pub current: String,
    /// Every version.
    pub versions: Vec<Choice>,
}

/// A select of the scope-down versions.
#[component]
pub fn ScopeDownChoice(props: &ScopeDownChoiceProps) -> Html {
    let dispatch = use_dispatch();
    if props.versions.is_empty() {
        return html! {};
    }
    let onchange = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            d.emit(Action::SetScopeDownVersion(select.value()));
        })
    };
    html! {
        <label class="field"><span>{ "Guest scope-down (AWS's sources disagree)" }</span>
            <select aria-label="Scope-down version" data-testid="scope-down-version" {onchange}>
                { for props.versions.iter().map(|v| html! {
                    <option value={v.id.clone()} selected={v.id == props.current}>{ v.label.clone() }</option>
                }) }
            </select>
        </label>
    }
}
