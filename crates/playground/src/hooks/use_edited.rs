//! Whether an edit made the scenario differ from its baseline: what starts the Permissions
//! panel's comparison in the background (`components::review_host` before the panel's module
//! is loaded, `components::review_panel` after).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::review_panel::{Baseline, REVIEW_DELAY_MS};

/// Turns true once the scenario, [`REVIEW_DELAY_MS`] after an evaluation (`count`), differs
/// from `baseline`: checked once typing pauses, never in a keystroke's task, and no more once
/// it is true. It starts at `initially`; nothing is checked while `paused` (when nobody
/// needs the answer).
#[hook]
pub fn use_edited(
    count: u32,
    baseline: &Rc<Baseline>,
    scenario_json: &Callback<(), String>,
    initially: bool,
    paused: bool,
) -> UseStateHandle<bool> {
    let edited = use_state(|| initially);
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let (edited, json) = (edited.clone(), scenario_json.clone());
        use_effect_with((count, baseline.clone()), move |(_, baseline)| {
            if !*edited && !paused {
                let baseline = baseline.clone();
                // Replacing the pending check cancels it: only the last pause is checked.
                *pending.borrow_mut() = Some(Timeout::new(REVIEW_DELAY_MS, move || {
                    if json.emit(()) != baseline.json {
                        edited.set(true);
                    }
                }));
            }
        });
    }
    edited
}
