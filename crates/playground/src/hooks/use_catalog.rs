//! The AWS action catalog, loaded lazily: once `start` is true (after the first decision is
//! on screen) the page fetches `catalog.tsv` from its own origin and hands it to the API.
//! The catalog is never part of the wasm, so the first load is as fast as without it.

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

/// Loads the catalog once `start` turns true.
#[hook]
pub fn use_catalog(start: bool) -> CatalogState {
    let state = use_state(|| CatalogState::Waiting);
    {
        let state = state.clone();
        use_effect_with(start, move |start| {
            if *start && *state == CatalogState::Waiting {
                state.set(CatalogState::Loading);
                yew::platform::spawn_local(async move {
                    let began = crate::dom::now();
                    let loaded = crate::net::fetch_text(CATALOG_URL)
                        .await
                        .and_then(|text| load_catalog(&text));
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
