//! One step back after an example or an import replaced the scenario: the edits it
//! replaced are not lost silently.

use yew::prelude::*;

/// Props of [`UndoLoad`].
#[derive(Properties, PartialEq)]
pub struct UndoLoadProps {
    /// What replaced the scenario (`the example "..."`, `the import`).
    pub what: AttrValue,
    /// Bring the previous scenario back.
    pub on_undo: Callback<()>,
    /// Keep the new one.
    pub on_dismiss: Callback<()>,
}

/// A bar with Undo.
#[component]
pub fn UndoLoad(props: &UndoLoadProps) -> Html {
    html! {
        <p class="undo-load" role="status" data-testid="undo-load">
            <span>{ format!("{} replaced the scenario you had.", props.what) }</span>
            <button type="button" onclick={props.on_undo.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
            <button type="button" class="link" onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{ "Keep it" }</button>
        </p>
    }
}
