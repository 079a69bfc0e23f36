//! Shown while the editor holds another scenario (an example, an import): it is not judged,
//! the learner's version is kept, and one click goes back to the exercise.

use yew::prelude::*;

use crate::state::WorkshopAction;

/// Props of [`AwayNotice`].
#[derive(Properties, PartialEq)]
pub struct AwayNoticeProps {
    /// The exercise's title.
    pub title: AttrValue,
    /// The exercise open, by position.
    pub index: usize,
    /// The panel's reducer.
    pub send: Callback<WorkshopAction>,
}

/// The notice and the way back.
#[component]
pub fn AwayNotice(props: &AwayNoticeProps) -> Html {
    let back = {
        let (send, index) = (props.send.clone(), props.index);
        Callback::from(move |_: MouseEvent| send.emit(WorkshopAction::Select(index)))
    };
    html! {
        <div class="workshop-away" data-testid="workshop-away" role="status">
            <p>{ "The editor shows another scenario, which is not checked against the goals. Your version of this exercise is kept." }</p>
            <button type="button" class="primary" onclick={back}>
                { format!("Back to the exercise: {}", props.title) }
            </button>
        </div>
    }
}
