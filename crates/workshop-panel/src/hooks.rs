//! The panel's effects, one hook per purpose: fetch the workshop the link names, load an
//! exercise's scenario when one is opened, stop judging when the page loaded something else,
//! judge after each evaluation, keep the progress, and show or hide the Fix lines.

use std::cell::RefCell;
use std::rc::Rc;

use identity_pool::exercise::GoalsVerdict;
use playground::storage::progress;
use playground::workshop_module::{PanelEvent, PanelStart};
use yew::prelude::*;

use crate::open::{open_text, Wanted};
use crate::state::{Workshop, WorkshopAction};

/// The editor revision when an exercise's scenario was loaded: verdicts on older scenarios
/// (still being evaluated) must not count for the new exercise.
pub type LoadedAt = Rc<RefCell<Option<u64>>>;

/// Fetches the workshop file the link names (next to the page) once, and opens it.
#[hook]
pub fn use_workshop_file(send: Callback<WorkshopAction>, start: Rc<PanelStart>) {
    use_effect_with((), move |_| {
        let url = format!("workshops/{}.json", start.workshop);
        yew::platform::spawn_local(async move {
            match playground::net::fetch_text(&url).await {
                Ok(text) => {
                    let wanted = Wanted {
                        exercise: start.exercise.clone(),
                        shared: start.shared.clone(),
                    };
                    open_text(&send, (url, text), wanted);
                }
                Err(problem) => send.emit(WorkshopAction::Failed(vec![problem])),
            }
        });
    });
}

/// An exercise (re)opened: names it to the page and asks it to load the learner's draft or
/// the exercise's starting scenario.
#[hook]
pub fn use_exercise_opening(
    state: UseReducerHandle<Workshop>,
    ask: Callback<PanelEvent, String>,
    loaded_at: LoadedAt,
    revision: u64,
) {
    use_effect_with(state.opened, move |_| {
        if let Some(exercise) = state.exercise() {
            ask.emit(PanelEvent::Opened(exercise.id.clone()));
        }
        if let Some(text) = state.scenario_for(state.current) {
            *loaded_at.borrow_mut() = Some(revision);
            ask.emit(PanelEvent::Load(text));
        }
    });
}

/// The page loaded something else: its evaluations are not the learner's work. (Called
/// before [`use_judging`], so it runs first in the same render.)
#[hook]
pub fn use_away(send: Callback<WorkshopAction>, loaded_at: LoadedAt, detached: u32) {
    use_effect_with(detached, move |detached| {
        if *detached > 0 {
            *loaded_at.borrow_mut() = None;
            send.emit(WorkshopAction::Away);
        }
    });
}

/// After each evaluation, has the page judge the learner's scenario (`scenario`, its text at
/// that evaluation) against the goals of the exercise open, once a scenario loaded since.
#[hook]
pub fn use_judging(
    state: UseReducerHandle<Workshop>,
    ask: Callback<PanelEvent, String>,
    loaded_at: LoadedAt,
    scenario: AttrValue,
    revision: u64,
    count: u32,
) {
    use_effect_with(count, move |_| {
        let fresh = loaded_at.borrow().is_some_and(|at| revision > at);
        if let (true, Some(exercise)) = (fresh, state.exercise()) {
            let answer = ask.emit(PanelEvent::Judge {
                source: exercise.source.clone(),
                scenario: scenario.to_string(),
            });
            // The page and the panel are built together: an unreadable answer is not judged.
            let Ok(verdict) = serde_json::from_str::<GoalsVerdict>(&answer) else {
                return;
            };
            state.dispatch(WorkshopAction::Judged {
                exercise: exercise.id.clone(),
                verdict: Rc::new(verdict),
                scenario: scenario.to_string(),
            });
        }
    });
}

/// Keeps the workshop's progress in local storage whenever it changes.
#[hook]
pub fn use_progress_saving(state: &Workshop) {
    let id = state.view.as_ref().map(|v| v.id.clone());
    use_effect_with((id, state.progress.clone()), |(id, saved)| {
        if let Some(id) = id {
            progress::save(id, saved);
        }
    });
}

/// Marks the page as in workshop mode, with the Fix lines of explanations shown or hidden
/// (the style sheet hides them: they give answers away).
#[hook]
pub fn use_fix_lines(shown: bool) {
    use_effect_with(shown, |shown| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-workshop", "on");
            let _ = root.set_attribute("data-fixes", if *shown { "shown" } else { "hidden" });
        }
    });
}
