//! The saved scenario start-up could not restore, offered as a file: whether it was moved
//! aside or had to stay under the autosave key, the user can always take it away.

use yew::prelude::*;

/// A download button, shown only when start-up left a saved value unrestored.
#[component]
pub fn UnrestoredDownload() -> Html {
    if crate::storage::browser::unrestored_key().is_none() {
        return Html::default();
    }
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(text) = crate::storage::browser::unrestored_text() {
            crate::dom::download("unrestored-scenario.json", &text);
        }
    });
    html! {
        <p class="notice unrestored">
            <button type="button" data-testid="download-unrestored" {onclick}>
                { "Download the saved scenario that was not restored" }
            </button>
        </p>
    }
}
