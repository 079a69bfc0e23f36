//! What became of the version of the exercise a workshop link carried.

use yew::prelude::*;

use crate::state::SharedVersion;

/// Props of [`SharedNote`].
#[derive(Properties, PartialEq)]
pub struct SharedNoteProps {
    /// What became of it, if the link carried one.
    pub shared: Option<SharedVersion>,
}

/// One line: the shared version is open, or the learner's own was kept.
#[component]
pub fn SharedNote(props: &SharedNoteProps) -> Html {
    let (kind, text) = match props.shared {
        Some(SharedVersion::Opened) => (
            "opened",
            "This is the version of the exercise shared in the link; your edits are kept in this browser from here on.",
        ),
        Some(SharedVersion::KeptYours) => (
            "kept-yours",
            "The link carried someone's version of this exercise, but this browser has your own, which is kept (open the link in a private window to see theirs).",
        ),
        None => return html! {},
    };
    html! { <p class="muted" data-testid="workshop-shared" data-shared={kind}>{ text }</p> }
}
