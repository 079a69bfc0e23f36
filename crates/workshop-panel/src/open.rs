//! Opening a workshop file's text: read here (`playground::workshop_module::read`, through
//! `identity_pool::api`), then opened with the learner's saved progress, or its problems
//! listed.

use std::rc::Rc;

use playground::storage::progress;
use playground::workshop_module::read;
use yew::Callback;

use crate::state::WorkshopAction;

/// What to open besides the file itself: the exercise a link names and the scenario it
/// carried (a learner's shared version).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Wanted {
    /// The exercise id the link names.
    pub exercise: Option<String>,
    /// The scenario the link carried.
    pub shared: Option<String>,
}

/// Reads `text` (the file `name`) as a workshop and opens it, or lists its problems.
pub fn open_text(send: &Callback<WorkshopAction>, (name, text): (String, String), wanted: Wanted) {
    match read(&name, &text) {
        Ok(view) => {
            let saved = progress::load(&view.id);
            send.emit(WorkshopAction::Loaded {
                view: Rc::new(view),
                progress: saved,
                wanted: wanted.exercise,
                shared: wanted.shared,
            });
        }
        Err(problems) => send.emit(WorkshopAction::Failed(problems)),
    }
}
