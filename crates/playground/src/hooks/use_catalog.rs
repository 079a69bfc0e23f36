//! The AWS action catalog and the API module that uses it, loaded lazily: once `start` is
//! true (the user opened a tab of the Permissions panel) the page fetches
//! `catalog.tsv` from its own origin and hands it to the lazily loaded API module
//! ([`crate::api_module`], fetched then too). Neither is part of the first load.

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

/// Loads the catalog once `start` turns true; `retry` (a counter) tries again after a
/// failure.
#[hook]
pub fn use_catalog(start: bool, retry: u32) -> CatalogState {
    let state = use_state(|| CatalogState::Waiting);
    {
        let state = state.clone();
        use_effect_with((start, retry), move |(start, _)| {
            if *start && matches!(*state, CatalogState::Waiting | CatalogState::Failed(_)) {
                state.set(CatalogState::Loading);
                yew::platform::spawn_local(async move {
                    let began = crate::dom::now();
                    let loaded = match crate::net::fetch_text(CATALOG_URL).await {
                        Ok(text) => load_catalog(text).await,
                        Err(e) => Err(e),
                    };
                    state.set(match loaded {
                        Ok(info) => CatalogState::Loaded(info, crate::dom::now() - began),
                        Err(e) => CatalogState::Failed(e),
                    });
                });
            }
        });
    }
    (*state).clone()
}
