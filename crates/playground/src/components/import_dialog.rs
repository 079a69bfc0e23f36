//! Import: paste or upload a scenario file, AWS CLI output, infrastructure code
//! (CloudFormation/SAM/CDK, Terraform source or JSON) or a CloudTrail event; after importing code,
//! what the import took, left out and assumed is listed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::backend::code::ImportAccountView;
use crate::hooks::use_dialog_focus::use_dialog_focus;
use crate::state::import::{check_file_size, decode_file, Input, Origin};

/// Props of [`ImportDialog`].
#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// Called with the text to import (or why a file could not be read).
    pub on_import: Callback<Input>,
    /// Close without importing.
    pub on_close: Callback<()>,
    /// The account of the last import of code, shown instead of the form.
    #[prop_or_default]
    pub account: Option<Rc<ImportAccountView>>,
    /// Infrastructure code is being read (the first time, the module that reads it loads).
    #[prop_or_default]
    pub busy: bool,
}

fn lines(title: &'static str, testid: &'static str, items: &[String]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ title }</h3>
            <ul data-testid={testid}>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
        </>
    }
}

/// A modal with a paste area and a file picker.
#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let root = use_node_ref();
    let onkeydown = use_dialog_focus(root.clone());
    let text = use_state(String::new);
    let reader = use_mut_ref(|| None::<FileReader>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(a.value());
        })
    };
    let onchange = file_chosen(&props.on_import, &reader);
    let import = {
        let text = text.clone();
        let on_import = props.on_import.clone();
        Callback::from(move |_: MouseEvent| on_import.emit(Input::pasted((*text).clone())))
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    if let Some(account) = &props.account {
        return html! {
            <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="import-title" ref={root.clone()} onkeydown={onkeydown.clone()}>
                { account_view(account, close) }
            </div>
        };
    }
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="import-title" ref={root.clone()} onkeydown={onkeydown.clone()}>
            <div class="overlay-box">
                <h2 id="import-title">{ "Import" }</h2>
                <p>{ "A scenario file, or the JSON output of " }
                    <code>{ "aws cognito-identity describe-identity-pool" }</code>{ ", " }
                    <code>{ "get-identity-pool-roles" }</code>{ ", " }
                    <code>{ "get-principal-tag-attribute-map" }</code>{ ", " }
                    <code>{ "aws iam get-role" }</code>{ " or " }<code>{ "get-role-policy" }</code>
                    { " (merged into the current scenario); or the pool's infrastructure code — a CloudFormation or SAM template (JSON or YAML, " }
                    <code>{ "cdk synth" }</code>{ " output), Terraform source (" }<code>{ ".tf" }</code>{ ") or " }<code>{ "terraform show -json" }</code>
                    { " output — or a CloudTrail event of a failed sign-in (the pool and roles replace the current ones; the sign-in and requests stay)." }</p>
                <label class="field"><span>{ "Upload a file" }</span>
                    <input type="file" accept=".json,.yaml,.yml,.template,.tf,application/json" data-testid="import-file" {onchange} /></label>
                <label class="field"><span>{ "Or paste the text" }</span>
                    <textarea class="code" rows="10" spellcheck="false" data-testid="import-text" value={(*text).clone()} {oninput} /></label>
                if props.busy {
                    <p class="muted" data-testid="import-loading" role="status">{ "Reading the code… (the first import loads the import module)" }</p>
                }
                <div class="row">
                    <button type="button" data-testid="import-apply" disabled={props.busy} onclick={import}>{ "Load pasted text" }</button>
                    <button type="button" onclick={close}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

/// What a code import took, left out, assumed and stood in for, with "Done".
fn account_view(account: &ImportAccountView, close: Callback<MouseEvent>) -> Html {
    html! {
        <div class="overlay-box import-account" data-testid="import-account">
            <h2 id="import-title">{ format!("Imported from a {}", account.format) }</h2>
            { lines("Values that could not be resolved (placeholders in the scenario)", "import-placeholders", &account.placeholders) }
            { lines("Left out", "import-left-out", &account.left_out) }
            { lines("Assumed", "import-assumed", &account.assumed) }
            { lines("Taken", "import-took", &account.took) }
            <div class="row"><button type="button" data-testid="import-done" onclick={close}>{ "Done" }</button></div>
        </div>
    }
}

/// A file chosen in the upload input: refused at once when too large, otherwise read as
/// bytes (kept in `reader` while it runs) and handed to `on_import`.
fn file_chosen(
    on_import: &Callback<Input>,
    reader: &Rc<RefCell<Option<FileReader>>>,
) -> Callback<Event> {
    let (on_import, reader) = (on_import.clone(), reader.clone());
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        // The size is known before reading: a huge file is refused at once.
        if let Err(e) = check_file_size(&name, file.size()) {
            on_import.emit(Input {
                origin: Origin::File(name),
                text: Err(e),
            });
            return;
        }
        let on_import = on_import.clone();
        // Bytes, not text: the browser's decoder would hide invalid UTF-8 behind U+FFFD.
        let task =
            gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |result| {
                let text = match result {
                    Ok(bytes) => decode_file(&name, bytes),
                    Err(e) => Err(crate::state::scenario::ReadError {
                        message: format!("the file `{name}` could not be read: {e}"),
                    }),
                };
                on_import.emit(Input {
                    origin: Origin::File(name),
                    text,
                });
            });
        *reader.borrow_mut() = Some(task);
    })
}
