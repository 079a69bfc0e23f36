//! The Permissions panel's tab list and status lines, drawn by the panel (in its own module,
//! `review_panel`) and by the page's stand-in for it until that module is loaded
//! (`review_host`): one drawing, so the column does not move when the panel takes over.

use serde::{Deserialize, Serialize};
use yew::prelude::*;

/// A tab of the Permissions panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewTab {
    /// Effective permissions.
    Explorer,
    /// What the edits changed against the baseline.
    Changes,
    /// The least-privilege coach.
    Coach,
}

/// What the tabs count (`…` while unknown).
pub struct TabCounts {
    /// Changes against the baseline.
    pub changes: String,
    /// The Changes count is from before the last edits.
    pub changes_stale: bool,
    /// The coach's open findings.
    pub coach: String,
}

impl TabCounts {
    /// Nothing counted yet.
    pub fn unknown() -> TabCounts {
        TabCounts {
            changes: "…".to_owned(),
            changes_stale: false,
            coach: "…".to_owned(),
        }
    }
}

/// The panel's section and heading around `content`: `catalog` is `loaded` or `pending`,
/// `load_ms` how long the catalog took to load (empty until it is).
pub fn review_section(catalog: &'static str, load_ms: String, content: Html) -> Html {
    html! {
        <section class="panel review" aria-labelledby="review-title" data-testid="review"
            data-catalog={catalog} data-load-ms={load_ms}>
            <h2 id="review-title">{ "Permissions" }</h2>
            { content }
        </section>
    }
}

/// The tab list: `selected` is open, `on_open` is told which tab was clicked.
pub fn review_tabs(
    selected: Option<ReviewTab>,
    counts: &TabCounts,
    on_open: &Callback<ReviewTab>,
) -> Html {
    let changes_label = if counts.changes_stale {
        format!("Changes ({}, out of date)", counts.changes)
    } else {
        format!("Changes ({})", counts.changes)
    };
    let tab_button = |which: ReviewTab, label: String, testid: &'static str, count: String| {
        let on_open = on_open.clone();
        let selected = selected == Some(which);
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} data-testid={testid}
                data-count={count} class={classes!(selected.then_some("selected"))}
                onclick={Callback::from(move |_: MouseEvent| on_open.emit(which))}>{ label }</button>
        }
    };
    html! {
        <div role="tablist" class="tabs" aria-label="Permissions views">
            { tab_button(ReviewTab::Explorer, "Effective permissions".into(), "tab-explorer", String::new()) }
            { tab_button(ReviewTab::Changes, changes_label, "tab-changes", counts.changes.clone()) }
            { tab_button(ReviewTab::Coach, format!("Coach ({})", counts.coach), "tab-coach", counts.coach.clone()) }
        </div>
    }
}

/// What the panel says while no tab is open; `state` is the catalog's (`waiting`,
/// `loading`, `loaded`).
pub fn closed_status(state: &'static str) -> Html {
    html! {
        <p class="muted" data-testid="catalog-status" data-state={state}>{ "Open a tab to see what the sign-in may do over every AWS action, what your edits changed, and the least-privilege coach's findings (loads the AWS action catalog and the review module)." }</p>
    }
}

/// What an open tab says while the catalog and the modules load.
pub fn loading_status() -> Html {
    html! { <p class="muted" data-testid="catalog-status" data-state="loading" role="status">{ "Loading the AWS action catalog and the review module…" }</p> }
}

/// What an open tab says when the panel could not be loaded (`sentence`, which says why),
/// with a way to try again.
pub fn failed_status(sentence: String, retry: Callback<MouseEvent>) -> Html {
    html! {
        <p class="outcome failed" data-testid="catalog-status" data-state="failed" role="alert">
            { sentence }{ " " }
            <button type="button" data-testid="catalog-retry" onclick={retry}>{ "Try again" }</button>
        </p>
    }
}
