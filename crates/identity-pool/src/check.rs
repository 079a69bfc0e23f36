//! `check`: does the simulation do what a scenario's `expect`s say? Shared by `idpool check`
//! and the scenario corpus runner, so both judge the same way.

use iam_policy::{Diagnostic, Position};
use serde::Serialize;

use crate::report::{Report, RequestDecision};
use crate::scenario::{load_scenario, load_scenarios, LoadedScenario, Scenario, Spanned};
use crate::simulate::simulate;

/// One expectation that does not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Mismatch {
    /// Which expectation, e.g. `expect.error` or `requests[2].expect`.
    pub field: String,
    /// What the scenario expects.
    pub expected: String,
    /// What the simulation gave.
    pub actual: String,
    /// Where the expectation is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(p) = self.position {
            write!(f, "{}:{}: ", p.line, p.column)?;
        }
        write!(
            f,
            "{}: expected {}, got {}",
            self.field, self.expected, self.actual
        )
    }
}

/// The verdict on one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    /// The scenario's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether every expectation holds.
    pub passed: bool,
    /// How many expectations were checked.
    pub checked: usize,
    /// The ones that do not hold.
    pub mismatches: Vec<Mismatch>,
    /// The scenario's load diagnostics, located.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, simulates and checks scenario text holding one scenario.
pub fn check_text(text: &str) -> (CheckResult, Option<Report>) {
    check_loaded(load_scenario(text))
}

/// Checks every scenario in a file (one scenario or a JSON array of them), or every
/// exercise of an exercise or workshop file (`crate::exercise`): the call the CLI and the
/// corpus runner share.
pub fn check_file(text: &str) -> Vec<CheckResult> {
    if crate::exercise::is_exercise_file(text) {
        return crate::exercise::check_exercise_file(text);
    }
    load_scenarios(text)
        .into_iter()
        .map(|loaded| check_loaded(loaded).0)
        .collect()
}

fn check_loaded(loaded: LoadedScenario) -> (CheckResult, Option<Report>) {
    let Some(scenario) = loaded.scenario else {
        let first = loaded.diagnostics.first();
        let result = CheckResult {
            name: None,
            passed: false,
            checked: 1,
            mismatches: vec![Mismatch {
                field: "scenario".to_owned(),
                expected: "a readable scenario".to_owned(),
                actual: first
                    .map(describe)
                    .unwrap_or_else(|| "an unreadable file".to_owned()),
                position: first.and_then(|d| d.start),
            }],
            diagnostics: loaded.diagnostics,
        };
        return (result, None);
    };
    let mut report = simulate(&scenario);
    report.diagnostics = loaded.diagnostics;
    (check_report(&scenario, &report), Some(report))
}

/// Checks `report` (with its load diagnostics) against `scenario`'s expectations.
pub fn check_report(scenario: &Scenario, report: &Report) -> CheckResult {
    let mut c = Checker {
        scenario,
        checked: 0,
        mismatches: Vec::new(),
    };
    c.diagnostics(scenario, &report.diagnostics);
    let e = &scenario.expect;
    let actual_outcome = report.outcome.clone();
    if let Some(credentials) = &e.credentials {
        c.compare(
            "expect.credentials",
            credentials,
            &credentials.value,
            &actual_outcome,
        );
    }
    if let Some(error) = &e.error {
        c.compare("expect.error", error, &error.value, &actual_outcome);
    }
    if let Some(message) = &e.message {
        let actual = report
            .error
            .as_ref()
            .map(|x| x.message.clone())
            .unwrap_or_else(|| "no error".to_owned());
        c.compare("expect.message", message, &message.value, &actual);
    }
    if let Some(step) = &e.step {
        let actual = match &report.error {
            Some(x) if x.operation == step.value || format!("{:?}", x.step) == step.value => {
                step.value.clone()
            }
            Some(x) => x.operation.clone(),
            None => "no failing step".to_owned(),
        };
        c.compare("expect.step", step, &step.value, &actual);
    }
    if let Some(role) = &e.role {
        let actual = report
            .session
            .as_ref()
            .map(|s| s.role_arn.clone())
            .or_else(|| report.role_selection.as_ref().map(|r| r.role_arn.clone()))
            .unwrap_or_else(|| "no role".to_owned());
        let same = actual == role.value || actual.ends_with(&format!("/{}", role.value));
        c.compare(
            "expect.role",
            role,
            &role.value,
            if same { &role.value } else { &actual },
        );
    }
    for (request, result) in scenario.requests.iter().zip(&report.requests) {
        let Some(expected) = request.expect else {
            continue;
        };
        let expected = RequestDecision::from(expected).as_str();
        let actual = result.decision.as_str();
        let at = Spanned::new(String::new(), request.span);
        c.compare(
            &format!(
                "requests[{}].expect ({} {})",
                result.index, result.action, result.resource
            ),
            &at,
            expected,
            actual,
        );
    }
    CheckResult {
        name: scenario.name.clone(),
        passed: c.mismatches.is_empty(),
        checked: c.checked,
        mismatches: c.mismatches,
        diagnostics: report.diagnostics.clone(),
    }
}

struct Checker<'a> {
    scenario: &'a Scenario,
    checked: usize,
    mismatches: Vec<Mismatch>,
}

impl Checker<'_> {
    fn compare<T>(&mut self, field: &str, at: &Spanned<T>, expected: &str, actual: &str) {
        self.checked += 1;
        if expected != actual {
            self.mismatches.push(Mismatch {
                field: field.to_owned(),
                expected: format!("`{expected}`"),
                actual: format!("`{actual}`"),
                position: Some(self.scenario.position(at.span.start)),
            });
        }
    }

    /// Every expected diagnostic code must be reported, and every reported error expected.
    fn diagnostics(&mut self, scenario: &Scenario, diagnostics: &[Diagnostic]) {
        let expected = &scenario.expect.diagnostics;
        let matches = |code: &str, want: &str| code == want || code.ends_with(&format!("::{want}"));
        for want in expected {
            self.checked += 1;
            if !diagnostics.iter().any(|d| matches(&d.code, &want.value)) {
                self.mismatches.push(Mismatch {
                    field: "expect.diagnostics".to_owned(),
                    expected: format!("a diagnostic `{}`", want.value),
                    actual: "none".to_owned(),
                    position: Some(self.scenario.position(want.span.start)),
                });
            }
        }
        // An `expect` field check does not know must not let a scenario pass by accident.
        let unknown_expect = |d: &Diagnostic| {
            d.code.ends_with("::unknown_field") && d.message.contains("in `expect`")
        };
        for d in diagnostics
            .iter()
            .filter(|d| d.is_error() || unknown_expect(d))
        {
            if !expected.iter().any(|want| matches(&d.code, &want.value)) {
                self.checked += 1;
                let (field, expected) = if unknown_expect(d) {
                    ("expect", "only fields `check` verifies: credentials, error, message, step, role, diagnostics")
                } else {
                    (
                        "diagnostics",
                        "no errors in the scenario (or the code listed in `expect.diagnostics`)",
                    )
                };
                self.mismatches.push(Mismatch {
                    field: field.to_owned(),
                    expected: expected.to_owned(),
                    actual: describe(d),
                    position: d.start,
                });
            }
        }
    }
}

fn describe(d: &Diagnostic) -> String {
    format!("`{}`: {}", d.code, d.message)
}

#[cfg(test)]
mod tests;
