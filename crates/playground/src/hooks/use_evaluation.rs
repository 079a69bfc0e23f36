//! Live evaluation: every edit re-runs the simulation, debounced so typing never waits.
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
use identity_pool::api::Diagnostic;
use yew::prelude::*;

use crate::backend::{self, Kind, ReportView};
use crate::state::{Editor, Flow, ScenarioDoc};

/// Quiet time before a burst of edits is evaluated.
pub const DEBOUNCE_MS: u32 = 100;

/// An evaluation cheaper than this is simply run after every edit.
pub const CHEAP_MS: f64 = 8.0;

/// How long to wait before evaluating after an edit.
pub fn delay_ms(quiet: bool, last_cost_ms: f64) -> u32 {
    if quiet || last_cost_ms < CHEAP_MS {
        0
    } else {
        DEBOUNCE_MS
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
    last_edit: f64,
    last_cost: f64,
    count: u32,
    /// Parsed diagnostics by (kind, text): an edit re-parses only the policy it changed.
    cache: HashMap<(Kind, String), Rc<Vec<Diagnostic>>>,
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

    let run: Rc<dyn Fn()> = {
        let shared = shared.clone();
        let output = output.setter();
        Rc::new(move || {
            let started = crate::dom::now();
            let (report, diagnostics) = evaluate(&shared);
            let millis = crate::dom::now() - started;
            let count = {
                let mut state = shared.borrow_mut();
                state.count = state.count.wrapping_add(1);
                state.last_cost = millis;
                state.count
            };
            let next = Output {
                report: Rc::new(report),
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
        })
    };

    {
        let shared = shared.clone();
        let run = run.clone();
        use_effect_with(editor.revision, move |_| {
            let now = crate::dom::now();
            let mut state = shared.borrow_mut();
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
            if let Some(timer) = shared.borrow_mut().timer.take() {
                timer.cancel();
            }
            run();
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

fn evaluate(shared: &Rc<RefCell<Shared>>) -> (ReportView, DiagnosticMap) {
    let mut state = shared.borrow_mut();
    let doc = state.latest.clone();
    if state.cache.len() > 500 {
        state.cache.clear();
    }
    let mut diagnostics = DiagnosticMap::new();
    let mut parse = |id: String, kind: Kind, text: &str| {
        let key = (kind, text.to_string());
        let found = state
            .cache
            .entry(key)
            .or_insert_with(|| Rc::new(backend::parse_policy(text, kind)))
            .clone();
        diagnostics.insert(id, found);
    };
    for role in &doc.roles {
        parse(format!("{}:trust", role.name), Kind::Trust, &role.trust);
        for policy in &role.policies {
            parse(
                format!("{}:{}", role.name, policy.name),
                Kind::Identity,
                &policy.text,
            );
        }
        if let Some(boundary) = &role.boundary {
            parse(
                format!("{}:boundary", role.name),
                Kind::PermissionsBoundary,
                boundary,
            );
        }
    }
    if doc.sign_in.flow == Flow::Basic && !doc.sign_in.basic_policy.trim().is_empty() {
        parse(
            "signIn:session".into(),
            Kind::Session,
            &doc.sign_in.basic_policy,
        );
    }
    drop(state);
    (backend::simulate(&doc.to_json()), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::{delay_ms, DEBOUNCE_MS};

    #[test]
    fn quiet_or_cheap_runs_at_once_otherwise_debounces() {
        assert_eq!(delay_ms(true, 500.0), 0);
        assert_eq!(delay_ms(false, 1.5), 0);
        assert_eq!(delay_ms(false, 40.0), DEBOUNCE_MS);
    }
}
