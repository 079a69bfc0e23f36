//! The page header: title, example picker, share/import/export/reset, engine version, help.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::examples::ExampleInfo;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The example library.
    pub examples: &'static [ExampleInfo],
    /// The example loaded last, or the one being fetched (empty after edits from elsewhere).
    pub selected: AttrValue,
    /// The selected example is being fetched.
    #[prop_or_default]
    pub loading: bool,
    /// An example was picked.
    pub on_pick: Callback<String>,
    /// Share button.
    pub on_share: Callback<()>,
    /// Export button.
    pub on_export: Callback<()>,
    /// Import button.
    pub on_import: Callback<()>,
    /// Export-as-code button.
    pub on_export_code: Callback<()>,
    /// Reset button (the App asks for confirmation).
    pub on_reset: Callback<()>,
    /// Help button.
    pub on_help: Callback<()>,
    /// "New scenario": an empty one (undo brings the previous back).
    #[prop_or_default]
    pub on_new: Callback<()>,
}

/// The header bar.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let picker = use_node_ref();
    {
        // The list shows what the page holds: after a failed fetch the previous example
        // again, so picking the same one retries (a change event needs another value).
        let picker = picker.clone();
        let selected = props.selected.clone();
        use_effect(move || {
            if let Some(select) = picker.cast::<HtmlSelectElement>() {
                if select.value() != *selected {
                    select.set_value(&selected);
                }
            }
        });
    }
    let onchange = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_pick.emit(select.value());
        })
    };
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <header class="app-header">
            <h1>{ "Identity Pool Playground" }</h1>
            <label class="picker">
                <span>{ "Example" }</span>
                <select data-testid="example-picker" aria-label="Example scenario" {onchange} ref={picker}
                    aria-busy={props.loading.then_some("true")}>
                    if props.selected.is_empty() {
                        <option value="" selected=true>{ "(edited scenario)" }</option>
                    }
                    { for groups(props.examples).into_iter().map(|(category, items)| {
                        let options = items.iter().map(|e| html! {
                            <option value={e.id} selected={e.id == &*props.selected}>{ e.title }</option>
                        }).collect::<Html>();
                        if category.is_empty() { options } else { html! { <optgroup label={category}>{ options }</optgroup> } }
                    }) }
                </select>
            </label>
            <nav class="actions" aria-label="scenario actions">
                <button type="button" onclick={click(&props.on_new)} data-testid="new-scenario" aria-label="New scenario"
                    title="Start from an empty scenario: a pool with no providers, roles or requests">{ "New" }</button>
                <button type="button" onclick={click(&props.on_share)} title="Copy a link holding the whole scenario (Ctrl/⌘+Shift+S)">{ "Share" }</button>
                <button type="button" onclick={click(&props.on_export)} title="Download the scenario file (Ctrl/⌘+Shift+E)">{ "Export" }</button>
                <button type="button" onclick={click(&props.on_import)} title="Load a scenario file, AWS CLI output, a template, a Terraform plan or a CloudTrail event">{ "Import" }</button>
                <button type="button" onclick={click(&props.on_export_code)} data-testid="export-code"
                    title="The pool and roles as CloudFormation, Terraform or AWS CLI commands">{ "As code" }</button>
                <button type="button" onclick={click(&props.on_reset)} data-testid="reset"
                    title="Forget the work saved in this browser and load the default example">{ "Reset" }</button>
                <button type="button" onclick={click(&props.on_help)} aria-label="Keyboard shortcuts and help">{ "?" }</button>
            </nav>
            <span class="version">{ "engine " }<span data-testid="engine-version">{ crate::backend::engine_version() }</span></span>
        </header>
    }
}

/// Consecutive examples of the same category, in library order.
fn groups(examples: &[ExampleInfo]) -> Vec<(&'static str, Vec<&ExampleInfo>)> {
    let mut out: Vec<(&'static str, Vec<&ExampleInfo>)> = Vec::new();
    for example in examples {
        match out.last_mut() {
            Some((category, items)) if *category == example.category => items.push(example),
            _ => out.push((example.category, vec![example])),
        }
    }
    out
}
