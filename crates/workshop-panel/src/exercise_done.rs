//! Every goal met: says so and offers the next exercise (or says the workshop is finished).

use yew::prelude::*;

use crate::state::WorkshopAction;

/// Props of [`ExerciseDone`].
#[derive(Properties, PartialEq)]
pub struct ExerciseDoneProps {
    /// The next exercise (position and title), if there is one.
    pub next: Option<(usize, AttrValue)>,
    /// Every exercise of the workshop is finished.
    pub all_done: bool,
    /// The panel's reducer.
    pub send: Callback<WorkshopAction>,
}

/// The completion message.
#[component]
pub fn ExerciseDone(props: &ExerciseDoneProps) -> Html {
    let next = props.next.clone().map(|(index, title)| {
        let send = props.send.clone();
        html! {
            <button type="button" class="primary" onclick={Callback::from(move |_: MouseEvent| send.emit(WorkshopAction::Select(index)))}>
                { format!("Next exercise: {title}") }
            </button>
        }
    });
    html! {
        <div class="exercise-done" data-testid="exercise-done" role="status">
            <p><strong>{ "Exercise complete: every goal is met." }</strong></p>
            if let Some(next) = next {
                { next }
            } else if props.all_done {
                <p>{ "Workshop complete: you finished every exercise." }</p>
            }
        </div>
    }
}
