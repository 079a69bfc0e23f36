//! The list of problems under the editor; each located one is a button that puts the caret
//! on its spot.

use identity_pool::api::Diagnostic;
use yew::prelude::*;

use super::view::{severity_class, severity_name};
use crate::components::fold;

/// The problems of the editor's text, in the engine's order; `id` is the list's HTML id
/// (the textarea's `aria-describedby` names it), `on_jump` gets a 1-based line and UTF-16
/// column. A long list shows its first few until `unfolded` (`crate::components::fold`).
pub(super) fn diagnostic_list(
    diagnostics: &[Diagnostic],
    id: &AttrValue,
    on_jump: &Callback<(usize, usize)>,
    unfolded: &UseStateHandle<bool>,
) -> Html {
    if diagnostics.is_empty() {
        return Html::default();
    }
    let shown = fold::shown(diagnostics.len(), **unfolded);
    html! {
        <>
            <ul class="pe-diagnostics" id={id.clone()} aria-label="Problems">
                { for diagnostics.iter().take(shown).map(|d| diagnostic_item(d, on_jump)) }
            </ul>
            { fold::fold_button(diagnostics.len(), unfolded) }
        </>
    }
}

fn diagnostic_item(d: &Diagnostic, jump: &Callback<(usize, usize)>) -> Html {
    let severity = severity_name(d.severity);
    let class = classes!("pe-diagnostic", severity_class(d.severity));
    let body = html! {
        <>
            <span class="pe-diagnostic-severity">{ severity }</span>
            { d.start.map(|p| html! {
                <span class="pe-diagnostic-position">{ format!("{}:{}", p.line, p.column) }</span>
            }) }
            <span class="pe-diagnostic-message">{ d.message.clone() }</span>
            { d.help.clone().map(|help| html! { <span class="pe-diagnostic-help">{ help }</span> }) }
        </>
    };
    let item = match d.start {
        Some(p) => {
            let onclick = jump.reform(move |_| (p.line, p.utf16_column));
            html! {
                <button type="button" {class} data-testid="diagnostic" data-code={d.code.clone()}
                    data-line={p.line.to_string()} data-column={p.column.to_string()}
                    title="Go to this spot" {onclick}>{ body }</button>
            }
        }
        None => html! {
            <div {class} data-testid="diagnostic" data-code={d.code.clone()}>{ body }</div>
        },
    };
    html! { <li>{ item }</li> }
}
