//! Workshop mode's state (docs/exercises.md): the workshop, the exercise open, the verdict
//! on the learner's scenario, hints and the solution shown, and the progress kept per
//! workshop. Plain Rust, tested natively (`workshop_tests.rs`); the judging itself is
//! `identity_pool::exercise`, reached through the API in `playground::backend`.

use std::rc::Rc;

use identity_pool::exercise::{ExerciseView, GoalsVerdict, WorkshopView};
use yew::Reducible;

use playground::storage::progress::Progress;

/// Everything workshop mode shows besides the scenario itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workshop {
    /// The workshop, once read.
    pub view: Option<Rc<WorkshopView>>,
    /// Why it could not be read (each with its line and column when it has one).
    pub problems: Vec<String>,
    /// The exercise open, by position.
    pub current: usize,
    /// Kept in local storage per workshop.
    pub progress: Progress,
    /// The verdict on the learner's scenario for the exercise open.
    pub verdict: Option<Rc<GoalsVerdict>>,
    /// The learner confirmed "show the solution" for the exercise open.
    pub solution_shown: bool,
    /// The learner asked to see the Fix lines of explanations.
    pub fixes_shown: bool,
    /// Bumped whenever an exercise is (re)opened: the page then loads its scenario.
    pub opened: u64,
    /// The editor holds a scenario from elsewhere (an example, an import, a new one): it
    /// is neither judged nor kept as the learner's version until they go back to the
    /// exercise, so browsing never overwrites their work.
    pub away: bool,
    /// What became of a scenario the workshop link carried (a learner's shared version).
    pub shared: Option<SharedVersion>,
}

/// What became of the scenario a shared workshop link carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedVersion {
    /// It is the open exercise's version in this browser now (there was none).
    Opened,
    /// This browser already had its own, different version of the exercise, which is
    /// kept: a link never overwrites a learner's work.
    KeptYours,
}

/// What can happen in workshop mode.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopAction {
    /// The workshop file was read; open `wanted` (an exercise id from the link) if it is one,
    /// else where the learner left off, else the first exercise.
    Loaded {
        /// The workshop.
        view: Rc<WorkshopView>,
        /// Its saved progress.
        progress: Progress,
        /// The exercise the link names.
        wanted: Option<String>,
        /// The scenario the link carried (a shared version of the `wanted` exercise).
        shared: Option<String>,
    },
    /// The workshop file could not be read.
    Failed(Vec<String>),
    /// Open exercise `index`.
    Select(usize),
    /// Show the next hint of the exercise open.
    ShowHint,
    /// Show the solution of the exercise open.
    ShowSolution,
    /// Show or hide the Fix lines.
    ToggleFixes,
    /// The verdict on `scenario` (the learner's text) for exercise `exercise`.
    Judged {
        /// The exercise id the verdict is for (ignored when another one is open by now).
        exercise: String,
        /// The verdict.
        verdict: Rc<GoalsVerdict>,
        /// The scenario judged, kept as the learner's draft.
        scenario: String,
    },
    /// Forget the progress and start at the first exercise.
    ResetProgress,
    /// Something other than the exercise was loaded into the editor (an example, an
    /// import, a new scenario): stop judging and keeping it (see [`Workshop::away`]).
    Away,
}

impl Workshop {
    /// The exercise open.
    pub fn exercise(&self) -> Option<&ExerciseView> {
        self.view.as_ref()?.exercises.get(self.current)
    }

    /// How many exercises the workshop has.
    pub fn len(&self) -> usize {
        self.view.as_ref().map_or(0, |v| v.exercises.len())
    }

    /// Whether the workshop has no exercise (or is not read yet).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether exercise `id` was finished.
    pub fn is_done(&self, id: &str) -> bool {
        self.progress.done.iter().any(|d| d == id)
    }

    /// How many of this workshop's exercises are finished.
    pub fn done_count(&self) -> usize {
        self.view.as_ref().map_or(0, |v| {
            v.exercises.iter().filter(|e| self.is_done(&e.id)).count()
        })
    }

    /// How many hints of the exercise open are shown.
    pub fn hints_shown(&self) -> usize {
        self.exercise().map_or(0, |e| {
            self.progress
                .hints
                .get(&e.id)
                .copied()
                .unwrap_or(0)
                .min(e.hints.len())
        })
    }

    /// Whether every goal of the exercise open is met now.
    pub fn passed(&self) -> bool {
        self.verdict.as_ref().is_some_and(|v| v.passed)
    }

    /// The scenario to load for exercise `index`: the learner's draft, else its start.
    pub fn scenario_for(&self, index: usize) -> Option<String> {
        let exercise = self.view.as_ref()?.exercises.get(index)?;
        Some(
            self.progress
                .drafts
                .get(&exercise.id)
                .cloned()
                .unwrap_or_else(|| exercise.scenario.clone()),
        )
    }

    fn open(&mut self, index: usize) {
        self.current = index.min(self.len().saturating_sub(1));
        self.verdict = None;
        self.solution_shown = false;
        self.away = false;
        self.progress.current = self.exercise().map(|e| e.id.clone());
        self.opened = self.opened.wrapping_add(1);
    }

    /// Applies one action.
    pub fn apply(mut self, action: WorkshopAction) -> Self {
        match action {
            WorkshopAction::Loaded {
                view,
                progress,
                wanted,
                shared,
            } => {
                let index_of = |id: &Option<String>| {
                    id.as_ref()
                        .and_then(|id| view.exercises.iter().position(|e| e.id == *id))
                };
                let linked = index_of(&wanted);
                let index = linked.or_else(|| index_of(&progress.current)).unwrap_or(0);
                self.view = Some(view);
                self.problems = Vec::new();
                self.progress = progress;
                self.shared = None;
                if let (Some(text), Some(id)) = (shared, linked.and(wanted)) {
                    self.shared = Some(match self.progress.drafts.get(&id) {
                        Some(own) if *own != text => SharedVersion::KeptYours,
                        _ => {
                            self.progress.drafts.insert(id, text);
                            SharedVersion::Opened
                        }
                    });
                }
                self.open(index);
            }
            WorkshopAction::Failed(problems) => {
                self.problems = problems;
            }
            WorkshopAction::Select(index) => self.open(index),
            WorkshopAction::ShowHint => {
                if let Some(e) = self.exercise() {
                    let (id, max) = (e.id.clone(), e.hints.len());
                    let shown = self.progress.hints.entry(id).or_insert(0);
                    *shown = (*shown + 1).min(max);
                }
            }
            WorkshopAction::ShowSolution => self.solution_shown = true,
            WorkshopAction::ToggleFixes => self.fixes_shown = !self.fixes_shown,
            WorkshopAction::Judged {
                exercise,
                verdict,
                scenario,
            } => {
                if !self.away && self.exercise().is_some_and(|e| e.id == exercise) {
                    if verdict.passed && !self.is_done(&exercise) {
                        self.progress.done.push(exercise.clone());
                    }
                    self.progress.drafts.insert(exercise, scenario);
                    self.verdict = Some(verdict);
                }
            }
            WorkshopAction::ResetProgress => {
                self.progress = Progress::default();
                self.open(0);
            }
            WorkshopAction::Away => {
                self.away = true;
                self.verdict = None;
            }
        }
        self
    }
}

impl Reducible for Workshop {
    type Action = WorkshopAction;

    fn reduce(self: Rc<Self>, action: WorkshopAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
