//! The exercise's buttons: the next hint, the solution (after confirmation), and the switch
//! that shows the Fix lines of explanations.

use yew::prelude::*;

use crate::state::WorkshopAction;

/// Props of [`ExerciseActions`].
#[derive(Properties, PartialEq)]
pub struct ExerciseActionsProps {
    /// Hints shown so far.
    pub hints_shown: usize,
    /// Hints the exercise has.
    pub hints: usize,
    /// The solution exists and is not shown yet.
    pub has_solution: bool,
    /// The Fix lines are shown.
    pub fixes_shown: bool,
    /// The panel's reducer.
    pub send: Callback<WorkshopAction>,
}

/// The row of actions.
#[component]
pub fn ExerciseActions(props: &ExerciseActionsProps) -> Html {
    let send = |action: WorkshopAction| {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(action.clone()))
    };
    let on_solution = {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(
                "Show the solution? Try the hints first: the exercise stays open, and your version is kept.",
            ) {
                send.emit(WorkshopAction::ShowSolution);
            }
        })
    };
    let on_fixes = props.send.reform(|_: Event| WorkshopAction::ToggleFixes);
    html! {
        <div class="workshop-actions">
            if props.hints_shown < props.hints {
                <button type="button" onclick={send(WorkshopAction::ShowHint)}>
                    { format!("Show a hint ({} of {})", props.hints_shown + 1, props.hints) }
                </button>
            }
            if props.has_solution {
                <button type="button" onclick={on_solution}>{ "Show the solution" }</button>
            }
            <label class="check"><input type="checkbox" checked={props.fixes_shown} onchange={on_fixes} />
                { "Show the fixes in explanations" }</label>
        </div>
    }
}
