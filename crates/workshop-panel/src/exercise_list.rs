//! The workshop's exercises, folded under the one open: each opens on a click, finished
//! ones are marked.

use std::rc::Rc;

use identity_pool::exercise::WorkshopView;
use yew::prelude::*;

use crate::state::WorkshopAction;

/// Props of [`ExerciseList`].
#[derive(Properties, PartialEq)]
pub struct ExerciseListProps {
    /// The workshop.
    pub view: Rc<WorkshopView>,
    /// The exercise open, by position.
    pub current: usize,
    /// The ids of the exercises finished.
    pub done: Vec<String>,
    /// The panel's reducer.
    pub send: Callback<WorkshopAction>,
}

/// "Exercise i of n: title" over the list of exercises.
#[component]
pub fn ExerciseList(props: &ExerciseListProps) -> Html {
    let current = props.current;
    let total = props.view.exercises.len();
    let title = props
        .view
        .exercises
        .get(current)
        .map(|e| e.title.clone())
        .unwrap_or_default();
    html! {
        <details class="exercise-list">
            <summary>{ format!("Exercise {} of {total}: {title}", current + 1) }</summary>
            <ol>
                { for props.view.exercises.iter().enumerate().map(|(i, e)| {
                    let done = props.done.contains(&e.id);
                    let send = props.send.clone();
                    html! {
                        <li key={e.id.clone()} class={classes!(done.then_some("done"), (i == current).then_some("current"))}>
                            <button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| send.emit(WorkshopAction::Select(i)))}
                                aria-current={(i == current).then_some("step")}>
                                { e.title.clone() }
                            </button>
                            if done { <span class="done-mark">{ " ✓" }<span class="sr-only">{ " done" }</span></span> }
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
