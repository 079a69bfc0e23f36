//! The AWS action catalog and the API module that uses it, loaded lazily: once `start` is
//! true (the user opened a tab of the Permissions panel) the page fetches
//! `catalog.tsv` from its own origin and hands it to the lazily loaded API module
//! ([`crate::api_module`], fetched then too). Neither is part of the first load. The policy
//! editor's action hover loads it with [`ensure_catalog`]; the module keeps the first
//! catalog it is given, so a second load is one fetch (the HTTP cache's) and no parsing.

use std::cell::Cell;

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

thread_local! {
    /// Whether the module holds the catalog.
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Fetches the catalog and hands it to the module, unless it already holds it.
pub async fn ensure_catalog() -> Result<String, String> {
    let text = crate::net::fetch_text(CATALOG_URL).await?;
    let info = load_catalog(text).await?;
    LOADED.with(|l| l.set(true));
    Ok(info)
}

/// Whether the catalog is loaded (by the panel or the hover).
pub fn catalog_loaded() -> bool {
    LOADED.with(Cell::get)
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
                    let loaded = ensure_catalog().await;
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
