//! Import: paste or upload a scenario file or AWS CLI output.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::import::{check_file_size, decode_file, Input, Origin};

/// Props of [`ImportDialog`].
#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// Called with the text to import (or why a file could not be read).
    pub on_import: Callback<Input>,
    /// Close without importing.
    pub on_close: Callback<()>,
}

/// A modal with a paste area and a file picker.
#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let text = use_state(String::new);
    let reader = use_mut_ref(|| None::<FileReader>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(a.value());
        })
    };
    let onchange = {
        let on_import = props.on_import.clone();
        let reader: Rc<RefCell<Option<FileReader>>> = reader.clone();
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
            let task = gloo::file::callbacks::read_as_bytes(
                &gloo::file::File::from(file),
                move |result| {
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
                },
            );
            *reader.borrow_mut() = Some(task);
        })
    };
    let import = {
        let text = text.clone();
        let on_import = props.on_import.clone();
        Callback::from(move |_: MouseEvent| on_import.emit(Input::pasted((*text).clone())))
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="import-title">
            <div class="overlay-box">
                <h2 id="import-title">{ "Import" }</h2>
                <p>{ "A scenario file, or the JSON output of " }
                    <code>{ "aws cognito-identity describe-identity-pool" }</code>{ ", " }
                    <code>{ "get-identity-pool-roles" }</code>{ ", " }
                    <code>{ "get-principal-tag-attribute-map" }</code>{ ", " }
                    <code>{ "aws iam get-role" }</code>{ " or " }<code>{ "get-role-policy" }</code>
                    { " (merged into the current scenario)." }</p>
                <label class="field"><span>{ "Upload a file" }</span>
                    <input type="file" accept=".json,application/json" data-testid="import-file" {onchange} /></label>
                <label class="field"><span>{ "Or paste JSON" }</span>
                    <textarea class="code" rows="10" spellcheck="false" data-testid="import-text" value={(*text).clone()} {oninput} /></label>
                <div class="row">
                    <button type="button" data-testid="import-apply" onclick={import}>{ "Load pasted JSON" }</button>
                    <button type="button" onclick={close}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}
