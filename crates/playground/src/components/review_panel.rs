//! Beside the results: the effective-permissions explorer, the Changes view (against a
//! baseline, with a count in its tab) and the least-privilege coach. The AWS action
//! catalog they need loads lazily once the first decision is on screen; the explorer is
//! recomputed after each evaluation while it is open, the comparison and the coach a
//! moment after typing pauses, so neither holds a keystroke back.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use identity_pool::coach::CoachReport;
use identity_pool::diff::DiffReport;
use identity_pool::effective::EffectiveReport;
use yew::prelude::*;

use super::changes_view::ChangesView;
use super::coach_view::CoachView;
use super::explorer::Explorer;
use crate::backend::review;
use crate::hooks::use_catalog::{use_catalog, CatalogState};
use crate::state::Action;

/// Quiet time after the last evaluation before the comparison and the coach run.
const REVIEW_DELAY_MS: u32 = 250;

/// The longest quiet time asked for.
const MAX_REVIEW_DELAY_MS: u32 = 3_000;

/// How long typing must pause before the comparison and the coach run: longer when they
/// cost more (three times their last cost), so a large scenario is reviewed when the user
/// stops, not between keystrokes.
pub fn review_delay_ms(last_cost_ms: f64) -> u32 {
    let scaled = (last_cost_ms * 3.0).clamp(0.0, f64::from(MAX_REVIEW_DELAY_MS));
    // In range by the clamp above; the cast only drops the fraction.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scaled = scaled as u32;
    scaled.max(REVIEW_DELAY_MS)
}

/// The scenario a comparison starts from.
#[derive(Clone, Debug, PartialEq)]
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
    /// Edits the scenario.
    pub dispatch: Callback<Action>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Explorer,
    Changes,
    Coach,
}

type Computed<T> = Option<Result<Rc<T>, String>>;

/// The panel.
#[component]
pub fn ReviewPanel(props: &ReviewPanelProps) -> Html {
    let catalog = use_catalog(props.count > 0);
    let loaded = matches!(catalog, CatalogState::Loaded(..));
    let tab = use_state(|| Tab::Explorer);
    let basic = use_state(|| false);
    let effective = use_state(|| (None::<Result<Rc<EffectiveReport>, String>>, 0.0));
    let changes = use_state(|| (Computed::<DiffReport>::None, 0.0));
    let coach = use_state(|| Computed::<CoachReport>::None);
    let timer = use_mut_ref(|| None::<Timeout>);

    {
        // The explorer: while it is the open tab, in a task of its own after the decision
        // is painted, so it never delays the result of a keystroke.
        let effective = effective.clone();
        let json = props.scenario_json.clone();
        let open = *tab == Tab::Explorer;
        let pending = use_mut_ref(|| None::<Timeout>);
        use_effect_with(
            (props.count, loaded, open, *basic),
            move |(_, loaded, open, basic)| {
                if *loaded && *open {
                    let basic = *basic;
                    *pending.borrow_mut() = Some(Timeout::new(0, move || {
                        let started = crate::dom::now();
                        let report = review::effective(&json.emit(()), basic);
                        effective.set((Some(report), crate::dom::now() - started));
                    }));
                }
            },
        );
    }
    {
        // The comparison and the coach: after a pause, whatever tab is open (the tabs
        // count). Replacing the pending task cancels it: only the last pause runs.
        let (changes, coach, timer) = (changes.clone(), coach.clone(), timer.clone());
        let json = props.scenario_json.clone();
        let baseline = props.baseline.clone();
        let last_cost = changes.1;
        use_effect_with(
            (props.count, loaded, baseline.clone()),
            move |(_, loaded, _)| {
                if *loaded {
                    let task = Timeout::new(review_delay_ms(last_cost), move || {
                        let current = json.emit(());
                        let started = crate::dom::now();
                        let diff = review::diff(&baseline.json, &current);
                        coach.set(Some(review::coach(&current)));
                        changes.set((Some(diff), crate::dom::now() - started));
                    });
                    *timer.borrow_mut() = Some(task);
                }
            },
        );
    }

    let change_count = match &changes.0 {
        Some(Ok(d)) => d.change_count().to_string(),
        _ => "…".to_owned(),
    };
    let open_findings = match &*coach {
        Some(Ok(c)) => c.open.to_string(),
        _ => "…".to_owned(),
    };
    let tab_button = |which: Tab, label: String, testid: &'static str, count: String| {
        let tab = tab.clone();
        let selected = *tab == which;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} data-testid={testid}
                data-count={count} class={classes!(selected.then_some("selected"))}
                onclick={Callback::from(move |_: MouseEvent| tab.set(which))}>{ label }</button>
        }
    };
    let body = match &catalog {
        CatalogState::Waiting | CatalogState::Loading => {
            html! { <p class="muted" data-testid="catalog-status" data-state="loading">{ "Loading the AWS action catalog…" }</p> }
        }
        CatalogState::Failed(e) => {
            html! { <p class="muted" data-testid="catalog-status" data-state="failed">{ format!("The AWS action catalog could not be loaded: {e}") }</p> }
        }
        CatalogState::Loaded(..) => match *tab {
            Tab::Explorer => html! {
                <Explorer report={effective.0.clone()} millis={effective.1} basic={*basic}
                    on_basic={{ let basic = basic.clone(); Callback::from(move |b| basic.set(b)) }}
                    dispatch={props.dispatch.clone()} />
            },
            Tab::Changes => html! {
                <ChangesView report={changes.0.clone()} millis={changes.1}
                    baseline={props.baseline.label.clone()} on_pin={props.on_pin.clone()} />
            },
            Tab::Coach => {
                html! { <CoachView report={(*coach).clone()} dispatch={props.dispatch.clone()} /> }
            }
        },
    };
    let catalog_note = match &catalog {
        CatalogState::Loaded(info, ms) => format!("catalog {info}, loaded in {ms:.0} ms"),
        _ => String::new(),
    };
    html! {
        <section class="panel review" aria-labelledby="review-title" data-testid="review"
            data-catalog={if loaded { "loaded" } else { "pending" }}>
            <h2 id="review-title">{ "Permissions" }</h2>
            <div role="tablist" class="tabs">
                { tab_button(Tab::Explorer, "Effective permissions".into(), "tab-explorer", String::new()) }
                { tab_button(Tab::Changes, format!("Changes ({change_count})"), "tab-changes", change_count.clone()) }
                { tab_button(Tab::Coach, format!("Coach ({open_findings})"), "tab-coach", open_findings.clone()) }
            </div>
            { body }
            <p class="muted small">{ catalog_note }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_review_waits_longer_when_it_costs_more() {
        assert_eq!(review_delay_ms(0.0), REVIEW_DELAY_MS);
        assert_eq!(review_delay_ms(200.0), 600);
        assert_eq!(review_delay_ms(5_000.0), MAX_REVIEW_DELAY_MS);
    }
}
