//! What a front end needs of a workshop, as serde data: the texts to show and load, and
//! the verdict on a learner's scenario. Served by [`crate::api`] (`workshop`, `goals`).

use iam_policy::Diagnostic;
use serde::{Deserialize, Serialize};

use super::goals::{evaluate_goals, GoalResult};
use super::load::load_exercise_file;
use super::model::{Exercise, Workshop};
use super::solution::apply_solution;
use crate::scenario::load_scenario;

/// A workshop as a front end shows it. (Deserialize: the playground's workshop module reads
/// the workshop its page read.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct WorkshopView {
    /// Stable id (progress is kept under it).
    pub id: String,
    /// Heading.
    pub title: String,
    /// Text shown before the first exercise.
    pub description: String,
    /// The exercises in order.
    pub exercises: Vec<ExerciseView>,
}

/// One exercise as a front end shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExerciseView {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What to do (inline code in backticks).
    pub brief: String,
    /// Hints in order.
    pub hints: Vec<String>,
    /// The goals' titles, in checklist order.
    pub goals: Vec<String>,
    /// The starting scenario's text.
    pub scenario: String,
    /// The solved scenario's text (pretty JSON), when the patches apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solution: Option<String>,
    /// The exercise object's text: pass it back with the `goals` call.
    pub source: String,
}

/// The verdict on a learner's scenario. (Deserialize: the playground's workshop module reads
/// the verdict its page judged.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct GoalsVerdict {
    /// Every goal, in order.
    pub goals: Vec<GoalResult>,
    /// Whether every goal is met.
    pub passed: bool,
    /// The exercise's and the scenario's diagnostics (an exercise that cannot be read has
    /// no goals and does not pass).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a workshop or exercise file for a front end.
pub fn workshop_view(text: &str) -> (Option<WorkshopView>, Vec<Diagnostic>) {
    let loaded = load_exercise_file(text);
    let view = loaded.workshop.as_ref().map(view_of);
    (view, loaded.diagnostics)
}

fn view_of(w: &Workshop) -> WorkshopView {
    WorkshopView {
        id: w.id.clone(),
        title: w.title.clone(),
        description: w.description.clone(),
        exercises: w.exercises.iter().map(exercise_view).collect(),
    }
}

fn exercise_view(e: &Exercise) -> ExerciseView {
    ExerciseView {
        id: e.id.clone(),
        title: e.title.clone(),
        brief: e.brief.clone(),
        hints: e.hints.clone(),
        goals: e.goals.iter().map(|g| g.title.clone()).collect(),
        scenario: e.scenario.clone(),
        solution: apply_solution(e).ok(),
        source: e.source.clone(),
    }
}

/// Judges `scenario` (its text) against the goals of `exercise` (an exercise object's text,
/// e.g. [`ExerciseView::source`]).
pub fn judge(exercise: &str, scenario: &str) -> GoalsVerdict {
    let loaded = load_exercise_file(exercise);
    let mut diagnostics = loaded.diagnostics;
    let goals = loaded
        .workshop
        .and_then(|w| w.exercises.into_iter().next())
        .map(|e| e.goals)
        .unwrap_or_default();
    let learner = load_scenario(scenario);
    diagnostics.extend(learner.diagnostics);
    let results = match &learner.scenario {
        Some(s) => evaluate_goals(&goals, s),
        None => Vec::new(),
    };
    GoalsVerdict {
        passed: !results.is_empty() && results.iter().all(|r| r.met),
        goals: results,
        diagnostics,
    }
}
