//! `idpool check` on an exercise or workshop file: every exercise's reference solution meets
//! every goal, and its starting scenario fails at least one (or there is nothing to learn).

use iam_policy::json::JsonNode;
use iam_policy::{position_of, Diagnostic, Span};

use super::goals::evaluate_goals;
use super::load::{load_exercise_file, LoadedExercises};
use super::model::Exercise;
use super::solution::apply_solution;
use crate::check::{CheckResult, Mismatch};
use crate::scenario::{load_node, load_scenario};

/// Whether `text` is an exercise or workshop file rather than a scenario: a JSON object
/// with `goals` or `exercises` at the top.
pub fn is_exercise_file(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => {
            map.contains_key("goals") || map.contains_key("exercises")
        }
        _ => false,
    }
}

/// Verifies every exercise of an exercise or workshop file: one result per exercise, plus
/// one for the file itself when it cannot be read or has errors outside every exercise.
pub fn check_exercise_file(text: &str) -> Vec<CheckResult> {
    let loaded = load_exercise_file(text);
    let exercises = loaded
        .workshop
        .as_ref()
        .map(|w| w.exercises.as_slice())
        .unwrap_or_default();
    let inside = |d: &Diagnostic, e: &Exercise| {
        d.span
            .is_some_and(|s| s.start >= e.span.start && s.end <= e.span.end)
    };
    let mut results = Vec::new();
    let outside: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| !exercises.iter().any(|e| inside(d, e)))
        .cloned()
        .collect();
    if loaded.workshop.is_none() || outside.iter().any(Diagnostic::is_error) {
        let mut v = Verdict::new(text);
        v.errors(&outside);
        results.push(v.finish(loaded.workshop.as_ref().map(|w| w.title.clone()), outside));
    }
    for (i, exercise) in exercises.iter().enumerate() {
        let own: Vec<Diagnostic> = loaded
            .diagnostics
            .iter()
            .filter(|d| inside(d, exercise))
            .cloned()
            .collect();
        let node = scenario_node(&loaded, i);
        results.push(verify_exercise(exercise, node, own, text));
    }
    results
}

fn scenario_node(loaded: &LoadedExercises, i: usize) -> Option<&JsonNode> {
    loaded.scenario_nodes.get(i).and_then(Option::as_ref)
}

/// Verifies one exercise read from `text` (`node`: its starting scenario in `text`;
/// `diagnostics`: what reading the exercise found).
pub fn verify_exercise(
    exercise: &Exercise,
    node: Option<&JsonNode>,
    mut diagnostics: Vec<Diagnostic>,
    text: &str,
) -> CheckResult {
    let mut v = Verdict::new(text);
    v.errors(&diagnostics);
    let start = node.map(|n| load_node(n, text));
    match start.as_ref().and_then(|s| s.scenario.as_ref()) {
        Some(scenario) => {
            v.checked += 1;
            let results = evaluate_goals(&exercise.goals, scenario);
            if !exercise.goals.is_empty() && results.iter().all(|r| r.met) {
                v.fail(
                    "scenario",
                    "a starting scenario that fails at least one goal".to_owned(),
                    "every goal is already met".to_owned(),
                    exercise.scenario_span,
                );
            }
        }
        None => v.fail(
            "scenario",
            "a readable starting scenario".to_owned(),
            "none".to_owned(),
            exercise.scenario_span,
        ),
    }
    if let Some(start) = start {
        // The learner starts from these: warnings and errors both belong in the report.
        diagnostics.extend(start.diagnostics);
    }
    verify_solution(&mut v, exercise);
    v.finish(Some(exercise.title.clone()), diagnostics)
}

fn verify_solution(v: &mut Verdict, exercise: &Exercise) {
    v.checked += 1;
    let solved = match apply_solution(exercise) {
        Ok(solved) => solved,
        Err((patch, why)) => {
            let span = patch.map_or(exercise.solution_span, |p| p.span);
            v.fail("solution", "patches that apply".to_owned(), why, span);
            return;
        }
    };
    let loaded = load_scenario(&solved);
    let Some(scenario) = loaded.scenario else {
        v.fail(
            "solution",
            "a readable scenario".to_owned(),
            "none".to_owned(),
            exercise.solution_span,
        );
        return;
    };
    for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
        let at = d
            .start
            .map(|p| format!(" at {}:{} of the solved scenario", p.line, p.column));
        v.fail(
            "solution",
            "a solved scenario without errors".to_owned(),
            format!("`{}`: {}{}", d.code, d.message, at.unwrap_or_default()),
            exercise.solution_span,
        );
    }
    for (i, (goal, result)) in exercise
        .goals
        .iter()
        .zip(evaluate_goals(&exercise.goals, &scenario))
        .enumerate()
    {
        v.checked += 1;
        if !result.met {
            v.fail(
                &format!("goals[{i}] ({})", goal.title),
                "met by the reference solution".to_owned(),
                result.detail,
                goal.span,
            );
        }
    }
}

/// Collects mismatches with positions in the file.
struct Verdict<'a> {
    text: &'a str,
    checked: usize,
    mismatches: Vec<Mismatch>,
}

impl<'a> Verdict<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            checked: 0,
            mismatches: Vec::new(),
        }
    }

    fn fail(&mut self, field: &str, expected: String, actual: String, span: Span) {
        self.mismatches.push(Mismatch {
            field: field.to_owned(),
            expected,
            actual,
            position: Some(position_of(self.text, span.start)),
        });
    }

    /// Every error in the file is a mismatch.
    fn errors(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| d.is_error()) {
            self.checked += 1;
            self.mismatches.push(Mismatch {
                field: "diagnostics".to_owned(),
                expected: "no errors in the exercise file".to_owned(),
                actual: format!("`{}`: {}", d.code, d.message),
                position: d.start,
            });
        }
    }

    fn finish(self, name: Option<String>, diagnostics: Vec<Diagnostic>) -> CheckResult {
        CheckResult {
            name,
            passed: self.mismatches.is_empty(),
            checked: self.checked.max(1),
            mismatches: self.mismatches,
            diagnostics,
        }
    }
}
