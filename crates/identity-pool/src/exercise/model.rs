//! The exercise and workshop documents as typed data with source spans.

use iam_policy::Span;
use serde::Serialize;

use crate::scenario::ScenarioRequest;

/// A list of exercises run in order, e.g. one workshop session.
#[derive(Clone, Debug, Default)]
pub struct Workshop {
    /// Stable id: progress is kept under it.
    pub id: String,
    /// Shown as the workshop's heading.
    pub title: String,
    /// Free text shown before the first exercise.
    pub description: String,
    /// The exercises, in order.
    pub exercises: Vec<Exercise>,
}

/// One exercise: a starting scenario, what to do, and how the result is judged.
#[derive(Clone, Debug, Default)]
pub struct Exercise {
    /// Stable id, unique in its workshop (links and progress use it).
    pub id: String,
    /// Short title.
    pub title: String,
    /// What to do: plain text, inline code in backticks.
    pub brief: String,
    /// Hints, shown one at a time in this order.
    pub hints: Vec<String>,
    /// The starting scenario's text, as written in the file.
    pub scenario: String,
    /// Where the starting scenario is in the file.
    pub scenario_span: Span,
    /// What the learner must make true.
    pub goals: Vec<Goal>,
    /// The reference solution: patches to the starting scenario.
    pub solution: Vec<Patch>,
    /// Where the `solution` array is (the whole exercise when it is missing).
    pub solution_span: Span,
    /// The exercise object's text, as written in the file.
    pub source: String,
    /// Where the exercise object is in the file.
    pub span: Span,
}

/// A named expectation about the learner's scenario.
#[derive(Clone, Debug)]
pub struct Goal {
    /// What the learner reads in the checklist.
    pub title: String,
    /// What is checked.
    pub kind: GoalKind,
    /// The goal object in the file.
    pub span: Span,
}

/// What a goal checks.
#[derive(Clone, Debug)]
pub enum GoalKind {
    /// The sign-in outcome: `issued`, or an AWS exception name.
    SignIn(String),
    /// The role of the session (an ARN or a role name).
    Role(String),
    /// A request's decision.
    Decision {
        /// The request, made with the sign-in's credentials.
        request: ScenarioRequest,
        /// The decision it must get.
        decision: ExpectedDecision,
    },
    /// No request outside `allowed` is allowed on resources matching `resource`, checked
    /// for every action of `actions` over every known resource that matches.
    OnlyAllowed {
        /// The resource pattern (IAM `*`/`?` wildcards).
        resource: String,
        /// The actions checked.
        actions: Vec<String>,
        /// The requests that may be allowed.
        allowed: Vec<ScenarioRequest>,
        /// More resources to try besides those of `allowed` and of the scenario's requests.
        probes: Vec<String>,
    },
}

/// A decision a goal expects; `Denied` accepts either kind of deny.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ExpectedDecision {
    /// Allowed.
    Allowed,
    /// Denied by an explicit `Deny`.
    ExplicitDeny,
    /// Denied because nothing allowed it.
    ImplicitDeny,
    /// Denied, explicitly or implicitly.
    Denied,
}

impl ExpectedDecision {
    /// Reads the name used in files.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "Allowed" => Some(Self::Allowed),
            "ExplicitDeny" => Some(Self::ExplicitDeny),
            "ImplicitDeny" => Some(Self::ImplicitDeny),
            "Denied" => Some(Self::Denied),
            _ => None,
        }
    }
}

/// One change of the reference solution: put `value` at `path` (a JSON Pointer, RFC 6901,
/// into the starting scenario; `-` as the last token appends to an array).
#[derive(Clone, Debug)]
pub struct Patch {
    /// The JSON Pointer.
    pub path: String,
    /// The new value.
    pub value: serde_json::Value,
    /// The patch object in the file.
    pub span: Span,
}
