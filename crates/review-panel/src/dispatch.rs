//! The page's store as the module's parts see it (their components' `use_dispatch`).

use playground::hooks::use_dispatch::Dispatch;
use playground::state::Action;
use yew::Callback;

/// The dispatcher of a part whose edits cross to the page: each action the part makes is
/// sent as its message (`to_event`), and any other action (the part makes none) stays here.
pub fn crossing<E: 'static>(
    to_event: fn(Action) -> Option<E>,
    ask: Callback<E, String>,
) -> Dispatch {
    Callback::from(move |action: Action| {
        if let Some(event) = to_event(action) {
            ask.emit(event);
        }
    })
}
