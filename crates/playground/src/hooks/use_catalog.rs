//! The AWS action catalog and the API module that uses it, loaded lazily: once `start` is
//! true (the user opened a tab of the Permissions panel, or pointed at an action in a policy
//! editor) the page fetches `catalog.tsv` from its own origin and hands it to the lazily
//! loaded API module ([`crate::api_module`], fetched then too). Neither is part of the first
//! load. The load is one for the whole page: every component using the hook sees it.

use std::cell::RefCell;

use yew::prelude::*;

use crate::backend::review::{load_catalog, CATALOG_URL};

/// Where the catalog stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogState {
    /// Not asked for yet.
    Waiting,
    /// Being fetched and read.
    Loading,
    /// Ready: what it holds, and how long fetching and reading took (ms).
    Loaded(String, f64),
    /// It could not be fetched or read.
    Failed(String),
}

/// The page's one load, and who wants to hear of it.
struct Shared {
    state: CatalogState,
    listeners: Vec<(u64, Callback<CatalogState>)>,
    next_id: u64,
}

thread_local! {
    static SHARED: RefCell<Shared> = const {
        RefCell::new(Shared { state: CatalogState::Waiting, listeners: Vec::new(), next_id: 0 })
    };
}

/// The catalog's state now.
pub fn catalog_state() -> CatalogState {
    SHARED.with(|s| s.borrow().state.clone())
}

fn publish(state: CatalogState) {
    let listeners: Vec<Callback<CatalogState>> = SHARED.with(|s| {
        let mut shared = s.borrow_mut();
        shared.state = state.clone();
        shared.listeners.iter().map(|(_, l)| l.clone()).collect()
    });
    for listener in listeners {
        listener.emit(state.clone());
    }
}

/// Starts the load unless it is under way or done (a failed load starts again).
pub fn begin() {
    if !matches!(
        catalog_state(),
        CatalogState::Waiting | CatalogState::Failed(_)
    ) {
        return;
    }
    publish(CatalogState::Loading);
    yew::platform::spawn_local(async move {
        let began = crate::dom::now();
        let loaded = match crate::net::fetch_text(CATALOG_URL).await {
            Ok(text) => load_catalog(text).await,
            Err(e) => Err(e),
        };
        publish(match loaded {
            Ok(info) => CatalogState::Loaded(info, crate::dom::now() - began),
            Err(e) => CatalogState::Failed(e),
        });
    });
}

/// Loads the catalog once `start` turns true; `retry` (a counter) tries again after a
/// failure.
#[hook]
pub fn use_catalog(start: bool, retry: u32) -> CatalogState {
    let state = use_state(catalog_state);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            let id = SHARED.with(|s| {
                let mut shared = s.borrow_mut();
                shared.next_id += 1;
                let id = shared.next_id;
                let state = state.clone();
                shared
                    .listeners
                    .push((id, Callback::from(move |next| state.set(next))));
                id
            });
            // A load that finished between the first render and this effect.
            if *state != catalog_state() {
                state.set(catalog_state());
            }
            move || SHARED.with(|s| s.borrow_mut().listeners.retain(|(i, _)| *i != id))
        });
    }
    use_effect_with((start, retry), move |(start, _)| {
        if *start {
            begin();
        }
    });
    (*state).clone()
}
