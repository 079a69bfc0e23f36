//! Judging a scenario against an exercise's goals: one simulation of the learner's scenario
//! with the goals' requests in place of its own.

use iam_policy::wildcard_match;
use serde::{Deserialize, Serialize};

use super::model::{ExpectedDecision, Goal, GoalKind};
use crate::report::{Report, RequestDecision, RequestReport};
use crate::scenario::{Scenario, ScenarioRequest};
use crate::simulate::simulate;

/// How one goal fares. (Deserialize: the playground's workshop module reads the page's verdict.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct GoalResult {
    /// The goal's title.
    pub title: String,
    /// Whether the scenario makes it true.
    pub met: bool,
    /// What the simulation gave, in one line (inline code in backticks).
    pub detail: String,
}

/// Judges `scenario` against `goals`, in order.
pub fn evaluate_goals(goals: &[Goal], scenario: &Scenario) -> Vec<GoalResult> {
    // Every goal's requests go through one simulation; `slots` remembers whose they are.
    let mut probe = scenario.clone();
    probe.requests = Vec::new();
    let mut slots = Vec::with_capacity(goals.len());
    for goal in goals {
        let first = probe.requests.len();
        probe.requests.extend(goal_requests(goal, scenario));
        slots.push(first..probe.requests.len());
    }
    let report = simulate(&probe);
    goals
        .iter()
        .zip(slots)
        .map(|(goal, slot)| {
            let results = report.requests.get(slot).unwrap_or_default();
            let (met, detail) = judge(goal, &report, results);
            GoalResult {
                title: goal.title.clone(),
                met,
                detail,
            }
        })
        .collect()
}

/// The requests a goal needs decided.
fn goal_requests(goal: &Goal, scenario: &Scenario) -> Vec<ScenarioRequest> {
    match &goal.kind {
        GoalKind::SignIn(_) | GoalKind::Role(_) => Vec::new(),
        GoalKind::Decision { request, .. } => vec![request.clone()],
        GoalKind::OnlyAllowed {
            resource,
            actions,
            allowed,
            probes,
        } => {
            let mut resources: Vec<&str> = Vec::new();
            let known = allowed
                .iter()
                .map(|r| r.resource.as_str())
                .chain(probes.iter().map(String::as_str))
                .chain(scenario.requests.iter().map(|r| r.resource.as_str()));
            for candidate in known {
                if wildcard_match(resource, candidate) && !resources.contains(&candidate) {
                    resources.push(candidate);
                }
            }
            let mut out = Vec::new();
            for r in resources {
                for action in actions {
                    // A listed request keeps its context (e.g. `s3:prefix`).
                    let listed = allowed
                        .iter()
                        .find(|a| a.resource == r && a.action.eq_ignore_ascii_case(action));
                    out.push(listed.cloned().unwrap_or_else(|| ScenarioRequest {
                        action: action.clone(),
                        resource: r.to_owned(),
                        context: Vec::new(),
                        account_id: None,
                        expect: None,
                        span: goal.span,
                    }));
                }
            }
            out
        }
    }
}

fn judge(goal: &Goal, report: &Report, results: &[RequestReport]) -> (bool, String) {
    match &goal.kind {
        GoalKind::SignIn(want) => (
            report.outcome == *want,
            format!("sign-in: `{}`", report.outcome),
        ),
        GoalKind::Role(want) => {
            let role = report
                .session
                .as_ref()
                .map(|s| s.role_arn.clone())
                .or_else(|| report.role_selection.as_ref().map(|r| r.role_arn.clone()));
            match role {
                Some(arn) => {
                    let met = arn == *want || arn.ends_with(&format!(":role/{want}"));
                    (met, format!("role: `{arn}`"))
                }
                None => (
                    false,
                    format!("no role: sign-in gives `{}`", report.outcome),
                ),
            }
        }
        GoalKind::Decision { decision, .. } => match results.first() {
            Some(result) => {
                let met = decision_matches(*decision, result.decision);
                let mut detail = format!(
                    "`{}` on `{}`: `{:?}`",
                    result.action, result.resource, result.decision
                );
                if result.decision == RequestDecision::Error {
                    detail.push_str(&format!(" (sign-in gives `{}`)", report.outcome));
                }
                (met, detail)
            }
            None => (false, "the request was not evaluated".to_owned()),
        },
        GoalKind::OnlyAllowed { allowed, .. } => {
            let extra: Vec<&RequestReport> = results
                .iter()
                .filter(|r| r.decision == RequestDecision::Allowed)
                .filter(|r| {
                    !allowed.iter().any(|a| {
                        a.resource == r.resource && a.action.eq_ignore_ascii_case(&r.action)
                    })
                })
                .collect();
            match extra.first() {
                None => (
                    true,
                    format!(
                        "{} requests checked, none allowed beyond the list",
                        results.len()
                    ),
                ),
                Some(first) => (
                    false,
                    format!(
                        "`{}` on `{}` is allowed{}",
                        first.action,
                        first.resource,
                        match extra.len() {
                            1 => String::new(),
                            n => format!(" (and {} more)", n - 1),
                        }
                    ),
                ),
            }
        }
    }
}

fn decision_matches(want: ExpectedDecision, got: RequestDecision) -> bool {
    matches!(
        (want, got),
        (ExpectedDecision::Allowed, RequestDecision::Allowed)
            | (
                ExpectedDecision::ExplicitDeny,
                RequestDecision::ExplicitDeny
            )
            | (
                ExpectedDecision::ImplicitDeny,
                RequestDecision::ImplicitDeny
            )
            | (
                ExpectedDecision::Denied,
                RequestDecision::ExplicitDeny | RequestDecision::ImplicitDeny
            )
    )
}
