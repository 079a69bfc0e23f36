//! Beside the results: the effective-permissions explorer, the Changes view (against a
//! baseline, with a count in its tab) and the least-privilege coach. They are answered by
//! the lazily loaded API module over the AWS action catalog, both fetched when the user
//! first opens a tab, or in the background once an edit makes the scenario differ from the
//! baseline (never on the first load); from then on the tabs' counts follow edits.
//!
//! A change never goes unnoticed: the Changes tab counts it (listed requests whose decision
//! changed, actions newly allowed or denied, over every identity) whether or not the panel
//! was opened. The explorer is recomputed after each evaluation while it is open, the
//! comparison (and, once a tab was opened, the coach) a moment after typing pauses, in the
//! API module's worker (off the page's thread; on it when the worker cannot start), which
//! decides the baseline's side as soon as the catalog is loaded; the answers come back
//! asynchronously, so neither holds a keystroke back, and an answer older than one already
//! shown is dropped.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use super::changes_view::ChangesView;
use super::coach_view::CoachView;
use super::explorer::Explorer;
pub use super::review_tabs::ReviewTab;
use super::review_tabs::{
    closed_status, failed_status, loading_status, review_section, review_tabs, TabCounts,
};
use crate::backend::review::{self, change_count, count, Report};
use crate::hooks::use_catalog::{use_catalog, CatalogState};
use crate::hooks::use_edited::use_edited;

/// Quiet time after the last evaluation before the comparison and the coach run.
pub const REVIEW_DELAY_MS: u32 = 250;

/// Quiet time before the comparison runs while no tab is open: only the tab's count waits
/// for it, so it waits for the user to stop rather than pause.
const UNOPENED_REVIEW_DELAY_MS: u32 = 1_000;

/// The longest quiet time asked for.
const MAX_REVIEW_DELAY_MS: u32 = 3_000;

/// How long typing must pause before the comparison and the coach run: longer when they
/// cost more (three times their last cost), so a large scenario is reviewed when the user
/// stops, not between keystrokes; longer still when no tab of the panel is open.
pub fn review_delay_ms(last_cost_ms: f64, opened: bool) -> u32 {
    let scaled = (last_cost_ms * 3.0).clamp(0.0, f64::from(MAX_REVIEW_DELAY_MS));
    // In range by the clamp above; the cast only drops the fraction.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to a small non-negative range first"
    )]
    let scaled = scaled as u32;
    scaled.max(if opened {
        REVIEW_DELAY_MS
    } else {
        UNOPENED_REVIEW_DELAY_MS
    })
}

/// The most a comparison may have cost to run again, on its own, while no tab is open and
/// it runs on the page's thread (no worker): a long one that starts as the user resumes
/// typing holds the next keystroke (1.1 s in the 200-request scenario). Past this budget
/// the count waits for the user to open a tab, and says it is out of date meanwhile.
const BACKGROUND_BUDGET_MS: f64 = 250.0;

/// Whether the comparison runs after an edit: always for an open panel or when the module's
/// worker answers it (off the page's thread); else only while its last run stayed within
/// [`BACKGROUND_BUDGET_MS`].
pub fn compares_after_edit(last_cost_ms: f64, opened: bool, off_thread: bool) -> bool {
    opened || off_thread || last_cost_ms <= BACKGROUND_BUDGET_MS
}

/// The scenario a comparison starts from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Its JSON.
    pub json: String,
    /// What it is (`the example as loaded`, `pinned at 10:42`).
    pub label: String,
}

/// Props of [`ReviewPanel`].
#[derive(Properties, PartialEq)]
pub struct ReviewPanelProps {
    /// How many evaluations have run (each one may change what is shown).
    pub count: u32,
    /// The current scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// The baseline.
    pub baseline: Rc<Baseline>,
    /// Makes the current scenario the baseline.
    pub on_pin: Callback<()>,
    /// The tab open at first (the one whose click loaded the panel's module).
    #[prop_or_default]
    pub opened: Option<ReviewTab>,
    /// The scenario already differs from the baseline: the comparison loads at once.
    #[prop_or_default]
    pub edited: bool,
}

type Computed = Option<Result<Report, String>>;

/// Runs `work` unless a newer run started meanwhile: each call takes a ticket, and an
/// answer is kept only if its ticket is still the latest.
fn latest(counter: &Rc<Cell<u64>>) -> (u64, Rc<Cell<u64>>) {
    let ticket = counter.get().wrapping_add(1);
    counter.set(ticket);
    (ticket, counter.clone())
}

/// The panel's state, handed to the functions that wire and draw it.
#[derive(Clone)]
struct Panel {
    tab: UseStateHandle<Option<ReviewTab>>,
    retry: UseStateHandle<u32>,
    basic: UseStateHandle<bool>,
    // The explorer's services whose rows are shown: only their rows are asked for.
    open_services: UseStateHandle<Vec<String>>,
    // The report, how long it took (ms), and which run gave it (each run is counted, so a
    // reader can tell a new answer from the last one even when both took the same time).
    effective: UseStateHandle<(Computed, f64, u64)>,
    changes: UseStateHandle<(Computed, f64)>,
    markdown: UseStateHandle<Rc<str>>,
    coach: UseStateHandle<Computed>,
    // The count shown is from before the last edits (see `BACKGROUND_BUDGET_MS`).
    stale: UseStateHandle<bool>,
}

/// The panel.
#[component]
pub fn ReviewPanel(props: &ReviewPanelProps) -> Html {
    let tab = use_state(|| props.opened);
    let retry = use_state(|| 0u32);
    // Set once an edit made the scenario differ from the baseline: the comparison is then
    // loaded in the background. The panel's layout does not change for it (what it shows
    // with no tab open is the same), so it does not move the column the user works in.
    let edited = use_edited(
        props.count,
        &props.baseline,
        &props.scenario_json,
        props.edited,
        false,
    );
    // A tab clicked in the page's stand-in while this module loaded.
    {
        let tab = tab.clone();
        use_effect_with(props.opened, move |opened| {
            if opened.is_some() && *tab != *opened {
                tab.set(*opened);
            }
        });
    }
    let start = tab.is_some() || *edited;
    let catalog = use_catalog(start, *retry);
    let loaded = matches!(catalog, CatalogState::Loaded(..));
    let panel = Panel {
        tab,
        retry,
        basic: use_state(bool::default),
        open_services: use_state(Vec::<String>::new),
        effective: use_state(|| (Computed::None, 0.0, 0u64)),
        changes: use_state(|| (Computed::None, 0.0)),
        markdown: use_state(|| Rc::<str>::from("")),
        coach: use_state(|| Computed::None),
        stale: use_state(bool::default),
    };
    let timer = use_mut_ref(|| None::<Timeout>);
    let explorer_runs = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    let review_runs = use_mut_ref(|| Rc::new(Cell::new(0u64)));

    // The explorer: while it is the open tab, after the decision is painted.
    let open = *panel.tab == Some(ReviewTab::Explorer);
    use_effect_with(
        (
            props.count,
            loaded,
            open,
            *panel.basic,
            (*panel.open_services).clone(),
        ),
        explore(&panel, props, explorer_runs.borrow().clone()),
    );
    // The comparison, and the coach once a tab was opened: after a pause, whatever tab
    // is open (the tabs count).
    use_effect_with(
        (
            props.count,
            loaded,
            props.baseline.clone(),
            panel.tab.is_some(),
        ),
        review(&panel, props, timer, review_runs.borrow().clone()),
    );

    review_section(
        if loaded { "loaded" } else { "pending" },
        match &catalog {
            CatalogState::Loaded(_, ms) => crate::timing::whole(*ms),
            _ => String::new(),
        },
        html! {
            <>
                { tabs(&panel, matches!(catalog, CatalogState::Failed(_))) }
                { body(&panel, props, &catalog) }
                if let (CatalogState::Loaded(info, ms), Some(_)) = (&catalog, *panel.tab) {
                    <p class="muted small">{ format!("catalog {info}; catalog and review module loaded in {} ms", crate::timing::whole(*ms)) }</p>
                }
            </>
        },
    )
}

/// The explorer's effect: recomputes it for the open services (while its tab is open and
/// the catalog loaded), keeping only the latest run's answer.
fn explore(
    panel: &Panel,
    props: &ReviewPanelProps,
    runs: Rc<Cell<u64>>,
) -> impl FnOnce(&(u32, bool, bool, bool, Vec<String>)) {
    let effective = panel.effective.clone();
    let json = props.scenario_json.clone();
    move |(_, loaded, open, basic, services)| {
        if *loaded && *open {
            let (ticket, runs) = latest(&runs);
            let (basic, json, services) = (*basic, json.emit(()), services.clone());
            yew::platform::spawn_local(async move {
                let started = crate::dom::now();
                let report = review::effective(&json, basic, services).await;
                if runs.get() == ticket {
                    effective.set((Some(report), crate::dom::now() - started, ticket));
                }
            });
        }
    }
}

/// The comparison's effect (with the coach once a tab was opened). Replacing the pending
/// task cancels it: only the last pause runs.
fn review(
    panel: &Panel,
    props: &ReviewPanelProps,
    timer: Rc<RefCell<Option<Timeout>>>,
    runs: Rc<Cell<u64>>,
) -> impl FnOnce(&(u32, bool, Rc<Baseline>, bool)) {
    let panel = panel.clone();
    let json = props.scenario_json.clone();
    let last_cost = panel.changes.1;
    move |(_, loaded, baseline, opened)| {
        let (opened, baseline) = (*opened, baseline.clone());
        if *loaded {
            // The baseline's sides, decided in the worker before the next edit.
            review::keep_baseline(&baseline.json);
        }
        if *loaded && !compares_after_edit(last_cost, opened, crate::api_module::off_thread()) {
            // Too costly to run between keystrokes: the count is kept, marked out
            // of date, until a tab is opened.
            if panel.changes.0.is_some() {
                panel.stale.set(true);
            }
            *timer.borrow_mut() = None;
        } else if *loaded {
            let task = Timeout::new(review_delay_ms(last_cost, opened), move || {
                let current = json.emit(());
                let (ticket, runs) = latest(&runs);
                yew::platform::spawn_local(async move {
                    let started = crate::dom::now();
                    let diff = review::diff(&baseline.json, &current).await;
                    let findings = if opened {
                        Some(review::coach(&current).await)
                    } else {
                        None
                    };
                    if runs.get() == ticket {
                        if let Some(findings) = findings {
                            panel.coach.set(Some(findings));
                        }
                        let diff = diff.map(|(report, text)| {
                            panel.markdown.set(text);
                            report
                        });
                        panel.changes.set((Some(diff), crate::dom::now() - started));
                        panel.stale.set(false);
                    }
                });
            });
            *timer.borrow_mut() = Some(task);
        }
    }
}

/// The tab list, each tab with its count (`failed`: the catalog's load failed, so opening a
/// tab tries again).
fn tabs(panel: &Panel, failed: bool) -> Html {
    let counts = TabCounts {
        changes: match &panel.changes.0 {
            Some(Ok(d)) => change_count(d).to_string(),
            _ => "…".to_owned(),
        },
        changes_stale: *panel.stale,
        coach: match &*panel.coach {
            Some(Ok(c)) => count(c, "open").to_string(),
            _ => "…".to_owned(),
        },
    };
    let (tab, retry) = (panel.tab.clone(), panel.retry.clone());
    let on_open = Callback::from(move |which: ReviewTab| {
        // A load that failed in the background is tried again when asked for.
        if failed && tab.is_none() {
            retry.set(*retry + 1);
        }
        tab.set(Some(which));
    });
    review_tabs(*panel.tab, &counts, &on_open)
}

/// What the open tab shows: the catalog's state until it is loaded, then the view.
fn body(panel: &Panel, props: &ReviewPanelProps, catalog: &CatalogState) -> Html {
    match (catalog, *panel.tab) {
        (_, None) => closed_status(match catalog {
            CatalogState::Loaded(..) => "loaded",
            CatalogState::Waiting => "waiting",
            _ => "loading",
        }),
        (CatalogState::Waiting | CatalogState::Loading, _) => loading_status(),
        (CatalogState::Failed(e), Some(_)) => {
            let retry = panel.retry.clone();
            failed_status(
                format!("The permissions review could not be loaded: {e}"),
                Callback::from(move |_: MouseEvent| retry.set(*retry + 1)),
            )
        }
        (CatalogState::Loaded(..), Some(ReviewTab::Explorer)) => explorer(panel, props),
        (CatalogState::Loaded(..), Some(ReviewTab::Changes)) => html! {
            <ChangesView report={panel.changes.0.clone()} markdown={(*panel.markdown).clone()} millis={panel.changes.1}
                baseline={props.baseline.label.clone()} on_pin={props.on_pin.clone()} />
        },
        (CatalogState::Loaded(..), Some(ReviewTab::Coach)) => {
            html! { <CoachView report={(*panel.coach).clone()} /> }
        }
    }
}

/// The explorer with its switches wired to the panel's state.
fn explorer(panel: &Panel, props: &ReviewPanelProps) -> Html {
    let basic = *panel.basic;
    let on_export = {
        let json = props.scenario_json.clone();
        Callback::from(move |markdown: bool| {
            let json = json.emit(());
            yew::platform::spawn_local(async move {
                let (name, text) = match review::effective_export(&json, basic, markdown).await {
                    Ok(text) if markdown => ("effective-permissions.md", text),
                    Ok(text) => ("effective-permissions.csv", text),
                    Err(e) => ("effective-permissions-error.txt", e),
                };
                crate::dom::download(name, &text);
            });
        })
    };
    let on_toggle = {
        let open = panel.open_services.clone();
        Callback::from(move |prefix: String| {
            let mut list = (*open).clone();
            match list.iter().position(|p| *p == prefix) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(prefix),
            }
            open.set(list);
        })
    };
    let effective = &*panel.effective;
    html! {
        <Explorer report={effective.0.clone()} millis={effective.1} run={effective.2} {basic}
            on_basic={{ let basic = panel.basic.clone(); Callback::from(move |b| basic.set(b)) }}
            open={(*panel.open_services).clone()} {on_toggle} {on_export} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_waits_longer_when_it_costs_more() {
        assert_eq!(review_delay_ms(0.0, true), REVIEW_DELAY_MS);
        assert_eq!(review_delay_ms(200.0, true), 600);
        assert_eq!(review_delay_ms(5_000.0, true), MAX_REVIEW_DELAY_MS);
        // Only the tab's count waits: for the user to stop typing.
        assert_eq!(review_delay_ms(0.0, false), UNOPENED_REVIEW_DELAY_MS);
        assert_eq!(review_delay_ms(500.0, false), 1_500);
    }

    #[test]
    fn a_costly_comparison_waits_for_the_panel_to_be_opened() {
        assert!(
            compares_after_edit(0.0, false, false),
            "the first background count runs"
        );
        assert!(compares_after_edit(40.0, false, false));
        assert!(
            !compares_after_edit(1_100.0, false, false),
            "never between keystrokes on the page's thread"
        );
        assert!(
            compares_after_edit(1_100.0, true, false),
            "an open panel always compares"
        );
        assert!(
            compares_after_edit(1_100.0, false, true),
            "off the page's thread, it holds no keystroke"
        );
    }
}
