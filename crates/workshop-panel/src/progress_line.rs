//! How many exercises are done, with "Reset progress" (after confirmation).

use playground::storage::progress;
use yew::prelude::*;

use crate::state::WorkshopAction;

/// Props of [`ProgressLine`].
#[derive(Properties, PartialEq)]
pub struct ProgressLineProps {
    /// Exercises finished.
    pub done: usize,
    /// Exercises in the workshop.
    pub total: usize,
    /// The workshop's id (its progress is kept under it).
    pub workshop: AttrValue,
    /// The panel's reducer.
    pub send: Callback<WorkshopAction>,
}

/// "N of M exercises done" and the reset button.
#[component]
pub fn ProgressLine(props: &ProgressLineProps) -> Html {
    let on_reset = {
        let (workshop, send) = (props.workshop.clone(), props.send.clone());
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(
                "Reset your progress in this workshop? Finished exercises, hints and your versions are forgotten.",
            ) {
                progress::clear(&workshop);
                send.emit(WorkshopAction::ResetProgress);
            }
        })
    };
    html! {
        <p class="workshop-progress" data-testid="workshop-progress" data-done={props.done.to_string()}>
            { format!("{} of {} exercises done", props.done, props.total) }
            { " " }<button type="button" class="link" onclick={on_reset}>{ "Reset progress" }</button>
        </p>
    }
}
