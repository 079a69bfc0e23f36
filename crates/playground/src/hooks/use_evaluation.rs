//! Live evaluation: every edit re-runs the simulation, debounced so typing never waits.
//!
//! Decisions first, explanations after: an edit runs the simulation for decisions only
//! (the engine's allocation-free `decide`, no explanation built), so the badges follow the
//! keystroke; the explained report follows in a second pass, at once while that pass is
//! cheap (under [`CHEAP_MS`]), else once typing pauses for [`EXPLAIN_IDLE_MS`].
//!
//! While the decisions cost less than [`SYNC_MS`], an edit is decided in the keystroke's
//! own task: the typed character and the decisions it changes reach the screen in one
//! frame, instead of one frame for the character and another a task later (on a large
//! page a frame costs more than such an evaluation). A dearer evaluation runs on the next
//! tick after a quiet spell; edits that follow within [`DEBOUNCE_MS`] are then coalesced
//! into one run [`DEBOUNCE_MS`] after the last of them.
//!
//! The first render decides the scenario it opens with, so the page's first paint carries
//! its decisions.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use identity_pool::api::Explain;
use identity_pool::workspace::Workspace;
use yew::prelude::*;

use crate::backend::{self, ReportView};
use crate::state::{Editor, ScenarioDoc};

/// Quiet time before a burst of edits is evaluated.
pub const DEBOUNCE_MS: u32 = 100;

/// Explanations cheaper than this follow their decisions at once.
pub const CHEAP_MS: f64 = 8.0;

/// Decisions cheaper than this are made in the keystroke's own task.
pub const SYNC_MS: f64 = 50.0;

/// Quiet time before an expensive explanation pass runs.
pub const EXPLAIN_IDLE_MS: u32 = 250;

/// When an edit's decisions are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// In the edit's own task.
    Now,
    /// After this many milliseconds.
    After(u32),
}

/// When to evaluate an edit, from whether it ends a quiet spell and what the last
/// decisions cost.
pub fn when(quiet: bool, last_cost_ms: f64) -> When {
    if last_cost_ms < SYNC_MS {
        When::Now
    } else if quiet {
        When::After(0)
    } else {
        When::After(DEBOUNCE_MS)
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
const SPLIT_AFTER_MS: f64 = SYNC_MS;

pub use crate::backend::DiagnosticMap;

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
    /// The simulation's cache of read policies: an edit reads only the policy it changed,
    /// once, for its editor's diagnostics and the simulation alike.
    workspace: Workspace,
    /// The report on the page (explanations are carried over from it).
    shown: Rc<ReportView>,
    /// The first render evaluated the text already: its effect only schedules explanations.
    fresh: bool,
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
    // The first decisions are part of the first render: the page opens with its badges
    // instead of painting once without them and again a task later.
    let output = {
        let shared = shared.clone();
        let doc = editor.doc.clone();
        use_state(move || {
            shared.borrow_mut().latest = doc;
            let started = crate::dom::now();
            let (report, diagnostics) = evaluate(&shared, Explain::None);
            let millis = crate::dom::now() - started;
            let mut state = shared.borrow_mut();
            state.last_cost = millis;
            state.fresh = true;
            state.shown = Rc::new(report);
            Output {
                report: state.shown.clone(),
                diagnostics: Rc::new(diagnostics),
                count: 0,
                millis,
            }
        })
    };
    shared.borrow_mut().latest = editor.doc.clone();

    let publish = {
        let output = output.setter();
        let shared = shared.clone();
        Rc::new(
            move |report: ReportView, diagnostics: DiagnosticMap, count: u32, millis: f64| {
                // An explanation already on the page stays while the decision it explains
                // holds, so a keystroke's decisions do not tear down and rebuild every card.
                let report = {
                    let mut state = shared.borrow_mut();
                    let report = Rc::new(carry_explanations(&state.shown, report));
                    state.shown = report.clone();
                    report
                };
                let next = Output {
                    report,
                    diagnostics: Rc::new(diagnostics),
                    count,
                    millis,
                };
                if millis < SPLIT_AFTER_MS {
                    output.set(next);
                } else {
                    // A long evaluation and the render of its report would otherwise be one
                    // main-thread task; a zero timeout lets the browser handle input between.
                    let output = output.clone();
                    Timeout::new(0, move || output.set(next)).forget();
                }
            },
        )
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
            publish(report, diagnostics, count, millis);
        })
    };
    let schedule_explain = {
        let shared = shared.clone();
        let explain = explain.clone();
        Rc::new(move || {
            let delay = explain_delay_ms(shared.borrow().last_explain_cost);
            let explain = explain.clone();
            let pending = shared.clone();
            shared.borrow_mut().explain_timer = Some(Timeout::new(delay, move || {
                pending.borrow_mut().explain_timer = None;
                explain();
            }));
        })
    };
    // The keystroke's pass: decisions only, then the explanations when there is time.
    let run: Rc<dyn Fn()> = {
        let shared = shared.clone();
        let schedule_explain = schedule_explain.clone();
        Rc::new(move || {
            let started = crate::dom::now();
            let (report, diagnostics) = evaluate(&shared, Explain::None);
            let millis = crate::dom::now() - started;
            let count = {
                let mut state = shared.borrow_mut();
                state.last_cost = millis;
                state.count
            };
            publish(report, diagnostics, count, millis);
            schedule_explain();
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
            if std::mem::take(&mut state.fresh) {
                // The first render already holds this text's decisions.
                drop(state);
                schedule_explain();
                return;
            }
            let quiet = state.timer.is_none() && now - state.last_edit >= f64::from(DEBOUNCE_MS);
            state.last_edit = now;
            match when(quiet, state.last_cost) {
                When::Now => {
                    if let Some(timer) = state.timer.take() {
                        timer.cancel();
                    }
                    drop(state);
                    run();
                }
                When::After(delay) => {
                    let pending = shared.clone();
                    state.timer = Some(Timeout::new(delay, move || {
                        pending.borrow_mut().timer = None;
                        run();
                    }));
                }
            }
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

/// `next` with the explanation of each request kept from `shown` when `next` carries only
/// its decision and that decision has not changed: the full pass that follows replaces it.
pub fn carry_explanations(shown: &ReportView, mut next: ReportView) -> ReportView {
    for (index, request) in next.requests.iter_mut().enumerate() {
        let Some(before) = shown.requests.get(index) else {
            continue;
        };
        let keep = if request.explained {
            // The same explanation again: keep the old one, so the card's props compare equal.
            **before == **request
        } else {
            before.explained && before.decision == request.decision
        };
        if keep {
            *request = before.clone();
        }
    }
    next
}

fn evaluate(shared: &Rc<RefCell<Shared>>, explain: Explain) -> (ReportView, DiagnosticMap) {
    let mut state = shared.borrow_mut();
    let Shared {
        workspace, latest, ..
    } = &mut *state;
    backend::simulate_in(workspace, latest, explain)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::{carry_explanations, explain_delay_ms, when, When, DEBOUNCE_MS, EXPLAIN_IDLE_MS};
    use crate::backend::{ReportView, RequestResultView};

    fn report(requests: &[(&str, &str)]) -> ReportView {
        ReportView {
            requests: requests
                .iter()
                .map(|(decision, summary)| {
                    Rc::new(RequestResultView {
                        decision: (*decision).to_owned(),
                        summary: (*summary).to_owned(),
                        explained: !summary.is_empty(),
                        ..RequestResultView::default()
                    })
                })
                .collect(),
            ..ReportView::default()
        }
    }

    #[test]
    fn a_held_decision_keeps_its_explanation_until_the_next_full_pass() {
        let shown = report(&[("Allowed", "why A"), ("ImplicitDeny", "why B")]);
        // A keystroke's decisions: the first holds, the second flips.
        let next = carry_explanations(&shown, report(&[("Allowed", ""), ("Allowed", "")]));
        assert!(Rc::ptr_eq(&next.requests[0], &shown.requests[0]));
        assert_eq!(next.requests[1].decision, "Allowed");
        assert!(!next.requests[1].explained);
        // The full pass replaces what changed and keeps what did not (same cards).
        let full = carry_explanations(&next, report(&[("Allowed", "why A"), ("Allowed", "why C")]));
        assert!(Rc::ptr_eq(&full.requests[0], &shown.requests[0]));
        assert_eq!(full.requests[1].summary, "why C");
        // A request added by the edit has nothing to keep.
        let longer = carry_explanations(
            &full,
            report(&[("Allowed", ""), ("Allowed", ""), ("ImplicitDeny", "")]),
        );
        assert!(!longer.requests[2].explained);
    }

    #[test]
    fn cheap_runs_in_the_edit_s_task_quiet_on_the_next_tick_otherwise_debounces() {
        assert_eq!(when(false, 1.5), When::Now);
        assert_eq!(when(true, 30.0), When::Now);
        assert_eq!(when(true, 500.0), When::After(0));
        assert_eq!(when(false, 80.0), When::After(DEBOUNCE_MS));
    }

    #[test]
    fn cheap_explanations_follow_at_once_expensive_ones_wait_for_a_pause() {
        assert_eq!(explain_delay_ms(0.0), 0);
        assert_eq!(explain_delay_ms(2.0), 0);
        assert_eq!(explain_delay_ms(90.0), EXPLAIN_IDLE_MS);
    }
}
