//! Live evaluation: every edit re-runs the simulation, debounced so typing never waits.
//!
//! Decisions first, explanations on demand: an edit runs the simulation for decisions only
//! (the engine's allocation-free `decide`, no explanation built), so the badges follow the
//! keystroke. Explanations follow in idle passes of at most [`BATCH`] requests each, the
//! cards on screen first: the first at once while such a pass is cheap (under
//! [`CHEAP_MS`]), else once typing pauses for [`EXPLAIN_IDLE_MS`]; the next ones
//! [`BATCH_GAP_MS`] apart, so input is handled between them. An edit cancels the passes
//! left: a keystroke never explains 200 requests.
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

/// How many requests one explanation pass explains besides the cards on screen.
pub const BATCH: usize = 25;

/// Pause between two explanation passes of the same text.
pub const BATCH_GAP_MS: u32 = 16;

/// The requests the next explanation pass covers: the unexplained ones of `visible` (the
/// cards on screen), then the first other unexplained ones, up to `batch` in all (the
/// cards on screen always). `explained[i]` says whether request `i`'s explanation is that
/// of the current text.
pub fn next_batch(explained: &[bool], visible: &[usize], batch: usize) -> Vec<usize> {
    let waiting = |i: &usize| explained.get(*i) == Some(&false);
    let mut chosen: Vec<usize> = visible.iter().copied().filter(waiting).collect();
    let rest: Vec<usize> = (0..explained.len())
        .filter(|i| waiting(i) && !chosen.contains(i))
        .take(batch.saturating_sub(chosen.len()))
        .collect();
    chosen.extend(rest);
    chosen
}

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

/// The order evaluations are put on the page in. One whose render waits for a later task
/// (see [`SPLIT_AFTER_MS`]) is dropped if a newer one was published meanwhile: a keystroke
/// handled in between publishes its own decisions at once, and the older report, shown
/// after them, would stay on the page (the diagnostics and decisions of the text before the
/// keystroke) until the next edit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PublishOrder {
    issued: u64,
}

impl PublishOrder {
    /// The ticket of an evaluation being published now.
    pub fn issue(&mut self) -> u64 {
        self.issued = self.issued.wrapping_add(1);
        self.issued
    }

    /// Whether the evaluation holding `ticket` is still the newest published.
    pub fn is_newest(&self, ticket: u64) -> bool {
        self.issued == ticket
    }
}

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
    /// Per request: whether its explanation on the page is that of the current text.
    explained: Vec<bool>,
    /// The first render evaluated the text already: its effect only schedules explanations.
    fresh: bool,
    /// Which published evaluation is the newest.
    order: PublishOrder,
}

#[derive(Clone, PartialEq, Default)]
struct Output {
    report: Rc<ReportView>,
    diagnostics: Rc<DiagnosticMap>,
    count: u32,
    millis: f64,
}

/// One evaluation and what it cost.
struct Timed {
    report: ReportView,
    diagnostics: DiagnosticMap,
    millis: f64,
}

/// Evaluates the latest text, explaining the requests `explain` covers, and records which
/// requests now carry the current text's explanation (all of them after a decisions pass
/// is none of them).
fn timed(shared: &Rc<RefCell<Shared>>, explain: Explain) -> Timed {
    let started = crate::dom::now();
    let (report, diagnostics) = evaluate(shared, &explain);
    let millis = crate::dom::now() - started;
    let mut state = shared.borrow_mut();
    let count = report.requests.len();
    if state.explained.len() != count || explain == Explain::None {
        state.explained = vec![false; count];
    }
    for (i, done) in state.explained.iter_mut().enumerate() {
        *done |= explain.covers(i);
    }
    if explain == Explain::None {
        state.last_cost = millis;
    } else {
        state.last_explain_cost = millis;
        state.count = state.count.wrapping_add(1);
    }
    Timed {
        report,
        diagnostics,
        millis,
    }
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
            let first = timed(&shared, Explain::None);
            let mut state = shared.borrow_mut();
            state.fresh = true;
            state.shown = Rc::new(first.report);
            Output {
                report: state.shown.clone(),
                diagnostics: Rc::new(first.diagnostics),
                count: 0,
                millis: first.millis,
            }
        })
    };
    shared.borrow_mut().latest = editor.doc.clone();

    let publish = use_publish(&shared, output.setter());
    let schedule_explain = use_explain_passes(&shared, &publish);
    // The keystroke's pass: decisions only, then the explanations when there is time.
    let run: Rc<dyn Fn()> = {
        let shared = shared.clone();
        let publish = publish.clone();
        let schedule_explain = schedule_explain.clone();
        Rc::new(move || {
            let decided = timed(&shared, Explain::None);
            let count = shared.borrow().count;
            publish(decided, count);
            schedule_explain(true);
        })
    };
    use_run_on_edit(&shared, editor.revision, run, schedule_explain);

    // Asked for (the keyboard shortcut): every request explained now.
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
            let explained = timed(&shared, Explain::All);
            let count = shared.borrow().count;
            publish(explained, count);
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

/// Puts an evaluation on the page (`count`: the explanation passes so far).
type Publish = Rc<dyn Fn(Timed, u32)>;

/// Publishes evaluations: an explanation already on the page stays while the decision it
/// explains holds, so a keystroke's decisions do not tear down and rebuild every card.
/// Made once per page: the setter and the shared state do not change between renders.
#[hook]
fn use_publish(shared: &Rc<RefCell<Shared>>, output: UseStateSetter<Output>) -> Publish {
    let shared = shared.clone();
    let made = use_memo((), move |()| -> Publish {
        Rc::new(move |timed: Timed, count: u32| {
            let (report, ticket) = {
                let mut state = shared.borrow_mut();
                let report = Rc::new(carry_explanations(&state.shown, timed.report));
                state.shown = report.clone();
                (report, state.order.issue())
            };
            let next = Output {
                report,
                diagnostics: Rc::new(timed.diagnostics),
                count,
                millis: timed.millis,
            };
            if timed.millis < SPLIT_AFTER_MS {
                output.set(next);
            } else {
                // A long evaluation and the render of its report would otherwise be one
                // main-thread task; a zero timeout lets the browser handle input between.
                let (output, shared) = (output.clone(), shared.clone());
                Timeout::new(0, move || {
                    if shared.borrow().order.is_newest(ticket) {
                        output.set(next);
                    }
                })
                .forget();
            }
        })
    });
    (*made).clone()
}

/// Schedules explanation passes: `schedule(true)` after an edit's decisions (at once
/// while passes are cheap, else after a pause), each pass schedules the next until every
/// request is explained. Counted in `data-evaluations`. Made once per page (it refers to
/// itself, to schedule the next pass).
#[hook]
fn use_explain_passes(shared: &Rc<RefCell<Shared>>, publish: &Publish) -> Rc<dyn Fn(bool)> {
    let shared = shared.clone();
    let publish = publish.clone();
    let made = use_memo((), move |()| explain_passes(shared, publish));
    (*made).clone()
}

/// Schedules an explanation pass (`true`: after an edit's decisions).
type Schedule = Rc<dyn Fn(bool)>;

fn explain_passes(shared: Rc<RefCell<Shared>>, publish: Publish) -> Schedule {
    // A pass needs to schedule the next one: it reaches itself through this cell.
    let cell: Rc<RefCell<Option<Schedule>>> = Rc::new(RefCell::new(None));
    let schedule: Schedule = {
        let cell = cell.clone();
        Rc::new(move |after_edit: bool| {
            let delay = if after_edit {
                explain_delay_ms(shared.borrow().last_explain_cost)
            } else {
                BATCH_GAP_MS
            };
            let (shared_, publish, cell) = (shared.clone(), publish.clone(), cell.clone());
            let timer = Timeout::new(delay, move || {
                shared_.borrow_mut().explain_timer = None;
                let batch = {
                    let state = shared_.borrow();
                    next_batch(&state.explained, &crate::dom::visible_requests(), BATCH)
                };
                if batch.is_empty() {
                    return;
                }
                let explained = timed(&shared_, Explain::Only(batch));
                let (count, more) = {
                    let state = shared_.borrow();
                    (state.count, state.explained.contains(&false))
                };
                publish(explained, count);
                if more {
                    if let Some(next) = cell.borrow().clone() {
                        next(false);
                    }
                }
            });
            shared.borrow_mut().explain_timer = Some(timer);
        })
    };
    *cell.borrow_mut() = Some(schedule.clone());
    schedule
}

/// Runs `run` for each edit (a change of `revision`): in the edit's task while decisions
/// are cheap, else debounced (see [`when`]).
#[hook]
fn use_run_on_edit(
    shared: &Rc<RefCell<Shared>>,
    revision: u64,
    run: Rc<dyn Fn()>,
    schedule_explain: Rc<dyn Fn(bool)>,
) {
    let shared = shared.clone();
    use_effect_with(revision, move |_| {
        let now = crate::dom::now();
        let mut state = shared.borrow_mut();
        // An explanation of the text before this edit is not worth waiting for.
        if let Some(timer) = state.explain_timer.take() {
            timer.cancel();
        }
        if std::mem::take(&mut state.fresh) {
            // The first render already holds this text's decisions.
            drop(state);
            schedule_explain(true);
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

fn evaluate(shared: &Rc<RefCell<Shared>>, explain: &Explain) -> (ReportView, DiagnosticMap) {
    let mut state = shared.borrow_mut();
    let Shared {
        workspace, latest, ..
    } = &mut *state;
    backend::simulate_in(workspace, latest, explain.clone())
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::{
        carry_explanations, explain_delay_ms, next_batch, when, PublishOrder, When, DEBOUNCE_MS,
        EXPLAIN_IDLE_MS,
    };
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
    fn a_pass_explains_the_cards_on_screen_then_the_first_others_never_all_at_once() {
        let mut explained = vec![false; 200];
        // A small scenario: one pass explains every request, as before.
        assert_eq!(next_batch(&explained[..3], &[0, 1, 2], 25), vec![0, 1, 2]);
        // The large one: the cards on screen, then the first others, 25 in all.
        let first = next_batch(&explained, &[120, 121, 122], 25);
        assert_eq!(first.len(), 25);
        assert_eq!(&first[..4], &[120, 121, 122, 0]);
        for i in &first {
            explained[*i] = true;
        }
        let second = next_batch(&explained, &[120, 121, 122], 25);
        assert_eq!(second.first(), Some(&22));
        assert!(second.iter().all(|i| !first.contains(i)));
        // Cards on screen are explained even past the batch size; nothing left, no pass.
        let many: Vec<usize> = (0..40).collect();
        assert_eq!(next_batch(&[false; 40], &many, 25).len(), 40);
        assert!(next_batch(&[true; 5], &[0, 1], 25).is_empty());
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

    #[test]
    fn a_report_deferred_to_a_later_task_is_dropped_once_a_newer_one_is_published() {
        let mut order = PublishOrder::default();
        // A slow explanation pass of the old text: its render waits for the next task.
        let slow = order.issue();
        assert!(order.is_newest(slow), "alone, it is shown");
        // A keystroke handled before that task publishes its own decisions at once.
        let keystroke = order.issue();
        assert!(
            !order.is_newest(slow),
            "the old text's report never replaces them"
        );
        assert!(order.is_newest(keystroke));
        // Two deferred in a row (tasks run in order): only the second is shown.
        let (first, second) = (order.issue(), order.issue());
        assert!(!order.is_newest(first) && order.is_newest(second));
    }
}
