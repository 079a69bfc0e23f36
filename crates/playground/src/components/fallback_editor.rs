//! Temporary stand-in for `crate::editor::PolicyEditor` (built on branch `app-editor`):
//! a plain textarea with the same props and test hooks, replaced once that branch merges.

use std::rc::Rc;

use iam_policy::Diagnostic;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of the policy editor, as docs/contracts.md defines them.
#[derive(Properties, PartialEq)]
pub struct PolicyEditorProps {
    /// `ROLE:POLICY`.
    pub policy_id: AttrValue,
    /// The policy text.
    pub value: AttrValue,
    /// Called with the new text on every edit.
    pub on_change: Callback<String>,
    /// Located diagnostics of this text.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// Accessible name.
    pub label: AttrValue,
}

/// A textarea plus its diagnostics list.
#[component]
pub fn PolicyEditor(props: &PolicyEditorProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_change.emit(area.value());
        })
    };
    let rows = props.value.lines().count().clamp(4, 24);
    html! {
        <div class="policy-editor">
            <textarea
                data-testid="policy-editor"
                data-policy-id={props.policy_id.clone()}
                aria-label={props.label.clone()}
                spellcheck="false"
                rows={rows.to_string()}
                value={props.value.clone()}
                {oninput}
            />
            if !props.diagnostics.is_empty() {
                <ul class="diagnostics" aria-label="problems">
                    { for props.diagnostics.iter().map(|d| {
                        let (line, column) = d.start.map(|p| (p.line, p.column)).unwrap_or((1, 1));
                        let class = match d.severity { iam_policy::Severity::Error => "error", iam_policy::Severity::Warning => "warning" };
                        html! {
                            <li data-testid="diagnostic" class={class}
                                data-line={line.to_string()} data-column={column.to_string()}>
                                { format!("{line}:{column} {}", d.message) }
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
