//! Export as code: the scenario's pool, role attachment, principal tags and roles as a
//! CloudFormation YAML template, Terraform, or the AWS CLI commands that apply them. The
//! text is written by the simulation crate; this dialog only shows, copies and downloads it.

use identity_pool::export::ExportFormat;
use yew::prelude::*;

use crate::backend::export_code;

/// Props of [`ExportCodeDialog`].
#[derive(Properties, PartialEq)]
pub struct ExportCodeDialogProps {
    /// The current scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// Close.
    pub on_close: Callback<()>,
}

const FORMATS: [(ExportFormat, &str, &str, &str); 3] = [
    (
        ExportFormat::CloudFormation,
        "CloudFormation",
        "template.yaml",
        "export-cloudformation",
    ),
    (
        ExportFormat::Terraform,
        "Terraform",
        "identity-pool.tf",
        "export-terraform",
    ),
    (ExportFormat::AwsCli, "AWS CLI", "apply.sh", "export-cli"),
];

/// A modal with one button per format and the exported text.
#[component]
pub fn ExportCodeDialog(props: &ExportCodeDialogProps) -> Html {
    let shown = use_state(|| None::<(usize, String, Vec<String>)>);
    let pick = |i: usize| {
        let shown = shown.clone();
        let scenario = props.scenario_json.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((format, ..)) = FORMATS.get(i) {
                let (text, notes) = export_code(&scenario.emit(()), *format);
                shown.set(Some((i, text, notes)));
            }
        })
    };
    let download = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((i, text, _)) = &*shown {
                let file = FORMATS.get(*i).map_or("export.txt", |f| f.2);
                crate::dom::download(file, text);
            }
        })
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="export-code-title">
            <div class="overlay-box">
                <h2 id="export-code-title">{ "Export as code" }</h2>
                <p>{ "The pool, its role attachment and principal tags, and the roles with their trust and access policies, in the form you keep them in." }</p>
                <div class="row" role="group" aria-label="Format">
                    { for FORMATS.iter().enumerate().map(|(i, (_, label, _, testid))| html! {
                        <button type="button" data-testid={*testid} aria-pressed={shown.as_ref().is_some_and(|s| s.0 == i).to_string()} onclick={pick(i)}>{ *label }</button>
                    }) }
                </div>
                if let Some((_, text, notes)) = &*shown {
                    <label class="field"><span>{ "Exported text" }</span>
                        <textarea class="code" rows="16" readonly=true spellcheck="false" data-testid="export-code-text" value={text.clone()} /></label>
                    { for notes.iter().map(|n| html! { <p class="hint">{ n.clone() }</p> }) }
                }
                <div class="row">
                    if shown.is_some() { <button type="button" onclick={download}>{ "Download" }</button> }
                    <button type="button" onclick={close}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}
