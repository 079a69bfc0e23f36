//! The notice over a long document's read-only view (`super::large`): why it is shown so,
//! and what the person can do. A plain function of its data, not a component (each
//! component costs the initial bundle its own machinery).

use yew::prelude::*;

use super::large::{size_notice, Size, EDIT_ANYWAY_COST};

/// What the notice needs: the document's size, whether it may be edited at all (not in a
/// read-only embed), and what its buttons do.
pub(super) struct LargeNotice {
    pub size: Size,
    pub editable: bool,
    /// "Edit anyway": the full textarea.
    pub on_edit_anyway: Callback<()>,
    /// Offer the text as a file.
    pub on_download: Callback<()>,
    /// Replace the whole text (with an empty one, to paste anew).
    pub on_replace: Callback<String>,
}

impl LargeNotice {
    /// Says why the document is read-only and offers Edit anyway, Download and Clear to
    /// paste.
    pub fn view(&self) -> Html {
        html! {
            <div class="pe-large-notice" role="note" data-testid="large-policy-notice">
                <p>{ size_notice(self.size) }</p>
                if self.editable {
                    <p>{ EDIT_ANYWAY_COST }</p>
                    <div>
                        <button type="button" class="pe-button" data-testid="edit-anyway"
                            onclick={self.on_edit_anyway.reform(|_| ())}>{ "Edit anyway" }</button>
                        <button type="button" class="pe-button" data-testid="download-policy"
                            onclick={self.on_download.reform(|_| ())}>{ "Download" }</button>
                        <button type="button" class="pe-button" data-testid="clear-policy"
                            onclick={self.on_replace.reform(|_| String::new())}>{ "Clear to paste" }</button>
                    </div>
                    <p>
                        { "Or Export the scenario, edit the file and Import it." }
                    </p>
                }
            </div>
        }
    }
}
