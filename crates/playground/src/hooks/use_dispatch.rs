//! The scenario store's dispatcher, which the page hands down through a context provider
//! (issue 8 §5, as Yew's own examples share state) instead of a `dispatch` prop threaded
//! through every panel.
//!
//! [`App`](crate::components::app::App) and the embedded widget provide it around their
//! content; a component that edits the scenario takes it with [`use_dispatch`].

use yew::prelude::*;

use crate::state::Action;

/// What the provider carries: the page's one callback into the scenario's reducer, made
/// once for the page's life, so consumers do not re-render when the page does.
pub type Dispatch = Callback<Action>;

/// The page's dispatcher. Outside a provider (a component rendered alone, as in a test)
/// it is a callback that does nothing, never a panic.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().unwrap_or_default()
}
