//! Opening an instructor's own workshop file (same format, no rebuild of the site).

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::open::{open_text, Wanted};
use crate::state::WorkshopAction;

/// Props of [`FilePicker`].
#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// The panel's reducer.
    pub send: Callback<WorkshopAction>,
}

/// A file input; the file read opens as the workshop, or its problems are listed.
#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    // The read in progress (dropping it would cancel it).
    let reader = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let send = props.send.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let name = file.name();
            let send = send.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |read| {
                    match read {
                        Ok(text) => open_text(&send, (name, text), Wanted::default()),
                        Err(e) => send.emit(WorkshopAction::Failed(vec![format!(
                            "`{name}` could not be read: {e}"
                        )])),
                    }
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    html! {
        <label class="field workshop-file"><span>{ "Open a workshop file" }</span>
            <input type="file" accept=".json,application/json" onchange={on_file} /></label>
    }
}
