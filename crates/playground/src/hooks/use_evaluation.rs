//! Live evaluation: every edit re-runs the simulation, debounced so typing never waits.
//!
//! Decisions first, explanations after: an edit runs the simulation for decisions only
//! (the engine's allocation-free `decide`, no explanation built), so the badges follow the
//! keystroke; the explained report follows in a second pass, at once while that pass is
//! cheap (under [`CHEAP_MS`]), else once typing pauses for [`EXPLAIN_IDLE_MS`].
//!
//! The first edit after a quiet spell runs on the next tick (so one keystroke shows its
//! effect at once). Later edits run on the next tick too while an evaluation is cheap
//! (under [`CHEAP_MS`], far less than a frame, so it cannot hold typing back); once it is
//! not, edits that follow within [`DEBOUNCE_MS`] are coalesced into one run
//! [`DEBOUNCE_MS`] after the last of them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use identity_pool::api::{Diagnostic, Explain, PolicyKind};
use yew::prelude::*;

use crate::backend::{self, ReportView};
use crate::state::{Editor, ScenarioDoc};

/// Quiet time before a burst of edits is evaluated.
pub const DEBOUNCE_MS: u32 = 100;

/// An evaluation cheaper than this is simply run after every edit.
pub const CHEAP_MS: f64 = 8.0;

/// Quiet time before an expensive explanation pass runs.
pub const EXPLAIN_IDLE_MS: u32 = 250;

/// How long to wait before evaluating after an edit.
pub fn delay_ms(quiet: bool, last_cost_ms: f64) -> u32 {
    if quiet || last_cost_ms < CHEAP_MS {
        0
    } else {
        DEBOUNCE_MS
    }
}

/// How long to wait, after the decisions, before explaining them.
pub fn explain_delay_ms(last_explain_ms: f64) -> u32 {
    if last_explain_ms < CHEAP_MS {
        0
    } else {
        EXPLAIN_IDLE_MS
    }
}

/// An evaluation longer than this renders its report in a separate task.
const SPLIT_AFTER_MS: f64 = 20.0;

/// Diagnostics per policy editor id (`ROLE:POLICY`).
pub type DiagnosticMap = HashMap<String, Rc<Vec<Diagnostic>>>;

/// What the hook gives the page.
#[derive(Clone, PartialEq)]
pub struct Evaluation {
    /// The latest report.
    pub report: Rc<ReportView>,
    /// The latest diagnostics of each policy editor.
    pub diagnostics: Rc<DiagnosticMap>,
    /// How many evaluations have run (shown as `data-evaluations`).
    pub count: u32,
    /// How long the last evaluation took, in milliseconds.
    pub millis: f64,
    /// Evaluates now, skipping the debounce.
    pub evaluate_now: Callback<()>,
}

#[derive(Default)]
struct Shared {
    latest: ScenarioDoc,
    timer: Option<Timeout>,
    /// The pending explanation pass.
    explain_timer: Option<Timeout>,
    last_edit: f64,
    last_cost: f64,
    /// What the last explanation pass cost.
    last_explain_cost: f64,
    count: u32,
    /// Parsed diagnostics by (kind, text): an edit re-parses only the policy it changed.
    cache: HashMap<(PolicyKind, String), Rc<Vec<Diagnostic>>>,
}

#[derive(Clone, PartialEq, Default)]
struct Output {
    report: Rc<ReportView>,
    diagnostics: Rc<DiagnosticMap>,
    count: u32,
    millis: f64,
}

/// Watches the editor state and keeps a report up to date.
#[hook]
pub fn use_evaluation(editor: &Editor) -> Evaluation {
    let shared = use_mut_ref(Shared::default);
    let output = use_state(Output::default);
    shared.borrow_mut().latest = editor.doc.clone();

    let publish = {
        let output = output.setter();
        Rc::new(move |next: Output| {
            if next.millis < SPLIT_AFTER_MS {
                output.set(next);
            } else {
                // A long evaluation and the render of its report would otherwise be one
                // main-thread task; a zero timeout lets the browser handle input between.
                let output = output.clone();
                Timeout::new(0, move || output.set(next)).forget();
            }
        })
    };
    // The full pass: every request explained; counted in `data-evaluations`.
    let explain: Rc<dyn Fn()> = {
        let shared = shared.clone();
        let publish = publish.clone();
        Rc::new(move || {
            let started = crate::dom::now();
            let (report, diagnostics) = evaluate(&shared, Explain::All);
            let millis = crate::dom::now() - started;
            let count = {
                let mut state = shared.borrow_mut();
                state.count = state.count.wrapping_add(1);
                state.last_explain_cost = millis;
                state.count
            };
            publish(Output {
                report: Rc::new(report),
                diagnostics: Rc::new(diagnostics),
                count,
                millis,
            });
        })
    };
    // The keystroke's pass: decisions only, then the explanations when there is time.
    let run: Rc<dyn Fn()> = {
        let shared = shared.clone();
        let explain = explain.clone();
        Rc::new(move || {
            let started = crate::dom::now();
            let (report, diagnostics) = evaluate(&shared, Explain::None);
            let millis = crate::dom::now() - started;
            let (count, delay) = {
                let mut state = shared.borrow_mut();
                state.last_cost = millis;
                (state.count, explain_delay_ms(state.last_explain_cost))
            };
            publish(Output {
                report: Rc::new(report),
                diagnostics: Rc::new(diagnostics),
                count,
                millis,
            });
            let explain = explain.clone();
            let pending = shared.clone();
            shared.borrow_mut().explain_timer = Some(Timeout::new(delay, move || {
                pending.borrow_mut().explain_timer = None;
                explain();
            }));
        })
    };

    {
        let shared = shared.clone();
        let run = run.clone();
        use_effect_with(editor.revision, move |_| {
            let now = crate::dom::now();
            let mut state = shared.borrow_mut();
            // An explanation of the text before this edit is not worth waiting for.
            if let Some(timer) = state.explain_timer.take() {
                timer.cancel();
            }
            let quiet = state.timer.is_none() && now - state.last_edit >= f64::from(DEBOUNCE_MS);
            state.last_edit = now;
            let delay = delay_ms(quiet, state.last_cost);
            let pending = shared.clone();
            state.timer = Some(Timeout::new(delay, move || {
                pending.borrow_mut().timer = None;
                run();
            }));
        });
    }

    let evaluate_now = {
        let shared = shared.clone();
        Callback::from(move |()| {
            let mut state = shared.borrow_mut();
            for timer in [state.timer.take(), state.explain_timer.take()]
                .into_iter()
                .flatten()
            {
                timer.cancel();
            }
            drop(state);
            explain();
        })
    };

    Evaluation {
        report: output.report.clone(),
        diagnostics: output.diagnostics.clone(),
        count: output.count,
        millis: output.millis,
        evaluate_now,
    }
}

fn evaluate(shared: &Rc<RefCell<Shared>>, explain: Explain) -> (ReportView, DiagnosticMap) {
    let mut state = shared.borrow_mut();
    let doc = state.latest.clone();
    if state.cache.len() > 500 {
        state.cache.clear();
    }
    let mut diagnostics = DiagnosticMap::new();
    for (id, kind, text) in doc.policies() {
        let found = state
            .cache
            .entry((kind, text.to_string()))
            .or_insert_with(|| Rc::new(backend::parse_policy(text, kind)))
            .clone();
        diagnostics.insert(id.to_string(), found);
    }
    drop(state);
    (backend::simulate(&doc.to_document(), explain), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::{delay_ms, explain_delay_ms, DEBOUNCE_MS, EXPLAIN_IDLE_MS};

    #[test]
    fn quiet_or_cheap_runs_at_once_otherwise_debounces() {
        assert_eq!(delay_ms(true, 500.0), 0);
        assert_eq!(delay_ms(false, 1.5), 0);
        assert_eq!(delay_ms(false, 40.0), DEBOUNCE_MS);
    }

    #[test]
    fn cheap_explanations_follow_at_once_expensive_ones_wait_for_a_pause() {
        assert_eq!(explain_delay_ms(0.0), 0);
        assert_eq!(explain_delay_ms(2.0), 0);
        assert_eq!(explain_delay_ms(90.0), EXPLAIN_IDLE_MS);
    }
}
