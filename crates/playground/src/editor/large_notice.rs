//! The notice over a long document's read-only view (`super::large`): why it is shown so,
//! and what the person can do.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::large::{size_notice, Size, EDIT_ANYWAY_COST};
use crate::state::import::{check_file_size, decode_file};

/// What the notice needs: the document's size, whether it may be edited at all (not in a
/// read-only embed), and what its buttons do.
pub(super) struct LargeNotice {
    pub size: Size,
    pub editable: bool,
    /// "Edit anyway": the full textarea.
    pub on_edit_anyway: Callback<()>,
    /// Offer the text as a file.
    pub on_download: Callback<()>,
    /// Replace the whole text (an empty text to paste anew).
    pub on_replace: Callback<String>,
}

/// "Replace from file": the file input's handler and the last read's error, kept per
/// editor (the reader must live until the file is read).
#[hook]
pub(super) fn use_file_replace(on_replace: Callback<String>) -> (Callback<Event>, Option<String>) {
    let reader = use_mut_ref(|| None::<FileReader>);
    let error = use_state(|| None::<String>);
    let onchange = read_file(reader, error.clone(), on_replace);
    (onchange, (*error).clone())
}

impl LargeNotice {
    /// Says why the document is read-only and offers Edit anyway, Download, Clear to paste
    /// and Replace from file (`onchange`, with `error` from its last read).
    pub fn view(&self, onchange: Callback<Event>, error: Option<String>) -> Html {
        html! {
            <div class="pe-large-notice" role="note" data-testid="large-policy-notice">
                <p>{ size_notice(self.size) }</p>
                if self.editable {
                    <p>{ EDIT_ANYWAY_COST }</p>
                    <div class="pe-large-actions">
                        <button type="button" class="pe-button" data-testid="edit-anyway"
                            onclick={self.on_edit_anyway.reform(|_| ())}>{ "Edit anyway" }</button>
                        <button type="button" class="pe-button" data-testid="download-policy"
                            onclick={self.on_download.reform(|_| ())}>{ "Download" }</button>
                        <button type="button" class="pe-button" data-testid="clear-policy"
                            title="Empty the editor to paste a policy (Undo brings this text back)"
                            onclick={self.on_replace.reform(|_| String::new())}>{ "Clear to paste" }</button>
                        <label class="pe-large-file">{ "Replace from file: " }
                            <input type="file" accept=".json,application/json,text/plain"
                                data-testid="replace-from-file" {onchange} />
                        </label>
                    </div>
                    <p class="pe-large-hint">
                        { "These keep working at any size: download it, edit it in a text editor and \
                           replace it from the file, or clear it and paste. Undo brings the text back." }
                    </p>
                    if let Some(message) = error {
                        <p class="pe-format-error" role="alert">{ message }</p>
                    }
                }
            </div>
        }
    }
}

/// Reads the chosen file and replaces the text with it, or says why it cannot.
fn read_file(
    reader: Rc<RefCell<Option<FileReader>>>,
    error: UseStateHandle<Option<String>>,
    on_replace: Callback<String>,
) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        // The size is known before reading: a huge file is refused at once.
        if let Err(e) = check_file_size(&name, file.size()) {
            error.set(Some(e.message));
            return;
        }
        let (error, on_replace) = (error.clone(), on_replace.clone());
        // Bytes, not text: the browser's decoder would hide invalid UTF-8 behind U+FFFD.
        let task =
            gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |result| {
                let text = match result {
                    Ok(bytes) => decode_file(&name, bytes).map_err(|e| e.message),
                    Err(e) => Err(format!("the file `{name}` could not be read: {e}")),
                };
                match text {
                    Ok(text) => on_replace.emit(text),
                    Err(message) => error.set(Some(message)),
                }
            });
        *reader.borrow_mut() = Some(task);
    })
}
