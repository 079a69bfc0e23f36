//! The scenario's name, description and expected results, readable and editable in the
//! page: an exported file gets the user's name, and a stale "(expected Allowed)" from an
//! example can be cleared.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::hooks::use_dispatch::use_dispatch;
use crate::state::Action;

/// Props of [`ScenarioAbout`].
#[derive(Properties, PartialEq)]
pub struct ScenarioAboutProps {
    /// `name`.
    pub name: String,
    /// `description`.
    pub description: String,
    /// Whether the scenario or any request states an expected result.
    pub has_expectations: bool,
}

/// A disclosure with the description, and a form to change it.
#[component]
pub fn ScenarioAbout(props: &ScenarioAboutProps) -> Html {
    let dispatch = use_dispatch();
    let d = dispatch.clone();
    let on_name = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::SetName(i.value()));
        })
    };
    let on_description = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            d.emit(Action::SetDescription(a.value()));
        })
    };
    let clear = Callback::from(move |_: MouseEvent| d.emit(Action::ClearExpectations));
    html! {
        <details class="description" data-testid="scenario-about">
            <summary>{ "About this scenario: " }<strong>{ props.name.clone() }</strong></summary>
            if !props.description.is_empty() { <p>{ props.description.clone() }</p> }
            <div class="about-form">
                <label class="field"><span>{ "Name" }</span>
                    <input type="text" value={props.name.clone()} oninput={on_name} /></label>
                <label class="field"><span>{ "Description" }</span>
                    <textarea rows="3" value={props.description.clone()} oninput={on_description} /></label>
                if props.has_expectations {
                    <p class="row">{ "This scenario states expected results; requests that differ say so." }
                        <button type="button" onclick={clear}>{ "Clear the expected results" }</button></p>
                }
            </div>
        </details>
    }
}
