//! Export as code: the scenario's pool, role attachment, principal tags and roles as a
//! CloudFormation YAML template, Terraform, or the AWS CLI commands that apply them. The
//! text is written by the simulation crate, in the lazily loaded API module (fetched on the
//! first export); this dialog only shows, copies and downloads it.

use identity_pool::export::ExportFormat;
use yew::prelude::*;

use crate::backend::code::export_code;

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
    let root = use_node_ref();
    let onkeydown = crate::hooks::use_dialog_focus::use_dialog_focus(root.clone());
    let shown = use_state(|| None::<(usize, String, Vec<String>)>);
    // The format being exported while the module loads, and why the last export failed.
    let pending = use_state(|| None::<usize>);
    let failed = use_state(|| None::<String>);
    let pick = |i: usize| {
        let (shown, pending, failed) = (shown.clone(), pending.clone(), failed.clone());
        let scenario = props.scenario_json.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((format, ..)) = FORMATS.get(i) {
                let (format, json) = (*format, scenario.emit(()));
                let (shown, pending, failed) = (shown.clone(), pending.clone(), failed.clone());
                pending.set(Some(i));
                failed.set(None);
                yew::platform::spawn_local(async move {
                    match export_code(&json, format).await {
                        Ok((text, notes)) => shown.set(Some((i, text, notes))),
                        Err(e) => failed.set(Some(e)),
                    }
                    pending.set(None);
                });
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
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="export-code-title" ref={root} {onkeydown}>
            <div class="overlay-box">
                <h2 id="export-code-title">{ "Export as code" }</h2>
                <p>{ "The pool, its role attachment and principal tags, and the roles with their trust and access policies, in the form you keep them in." }</p>
                <div class="row" role="group" aria-label="Format">
                    { for FORMATS.iter().enumerate().map(|(i, (_, label, _, testid))| html! {
                        <button type="button" data-testid={*testid} aria-pressed={shown.as_ref().is_some_and(|s| s.0 == i).to_string()} disabled={pending.is_some()} onclick={pick(i)}>{ *label }</button>
                    }) }
                </div>
                if pending.is_some() {
                    <p class="muted" data-testid="export-code-loading" role="status">{ "Exporting… (the first export loads the export module)" }</p>
                }
                if let Some(e) = &*failed {
                    <p class="outcome failed" data-testid="export-code-error" role="alert">{ e.clone() }</p>
                }
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
