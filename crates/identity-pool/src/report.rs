//! The report `simulate` returns: the steps of the flow, the session or the error, and each
//! request's decision with its explanations. Plain serde data, with positions.

use iam_policy::{Decision, Diagnostic, Explanation, Position, Verdict};
use serde::Serialize;

use crate::error::AwsError;
use crate::note::{Note, Topic};
use crate::role_selection::RoleSelection;
use crate::scenario::{Flow, IdentityType};
use crate::scope_down::{ScopeDownEntry, VersionInfo};
use crate::session::Session;
use crate::token::MintedToken;
use crate::trust::TrustEvaluation;

/// How a step ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum StepStatus {
    /// It succeeded.
    Ok,
    /// It failed; the report's `error` says how.
    Failed,
    /// It was not reached.
    Skipped,
}

/// One step of the flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    /// The AWS call or stage, e.g. `GetId`, `RoleSelection`, `TrustPolicy` (a stable id).
    pub name: String,
    /// The AWS API operation the step is, or happens inside: the trust check is part of
    /// `GetCredentialsForIdentity` (enhanced flow) or `AssumeRoleWithWebIdentity` (basic).
    pub operation: String,
    /// The step as a person reads it: the operation, and for a stage inside one, what
    /// happens there (`GetCredentialsForIdentity: STS checks the role's trust policy`).
    pub label: String,
    /// How it ended.
    pub status: StepStatus,
    /// One sentence.
    pub detail: String,
}

/// A request's decision: the engine's three, or `Error` when there are no credentials.
pub type RequestDecision = Verdict;

/// What decided a request, for the front ends to group and style by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Cause {
    /// Nothing stopped it.
    Allowed,
    /// A Deny statement matched.
    ExplicitDeny,
    /// The guest scope-down (enhanced flow) left the action out.
    ScopeDown,
    /// A session policy did not allow it.
    SessionPolicy,
    /// The permissions boundary did not allow it.
    Boundary,
    /// The resource-based policy decided.
    ResourcePolicy,
    /// A policy needs a principal tag the session does not carry.
    MissingPrincipalTag,
    /// No access policy allows it.
    AccessPolicy,
    /// A policy keys on the provider's `sub` where Cognito's identity ID is meant.
    IdentityIdVsSub,
    /// Sign-in failed, so nothing was evaluated.
    NoCredentials,
}

/// The Cognito-level reading of a request's decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CognitoExplanation {
    /// What decided, in plain words.
    pub summary: String,
    /// What to do (absent when the request is allowed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// Which kind of cause.
    pub cause: Cause,
}

/// The other reading of an uncertain fact, and what it would change. The report's own
/// outcome follows the simulation's reading; each `Reading` shows the alternative, so the
/// user sees both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    /// The uncertain fact (its entry in `docs/cognito-facts.md`).
    pub topic: Topic,
    /// The other reading, in words.
    pub assumption: String,
    /// The outcome under it: `issued` or an AWS exception name for the sign-in, a decision
    /// (`Allowed`, `ExplicitDeny`, `ImplicitDeny`) for a request.
    pub outcome: String,
    /// One sentence on what happens under it.
    pub detail: String,
}

/// One request's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RequestReport {
    /// 0-based index in `requests`.
    pub index: usize,
    /// The action.
    pub action: String,
    /// The resource.
    pub resource: String,
    /// The decision.
    pub decision: RequestDecision,
    /// The expected decision, when the scenario gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<Decision>,
    /// The error message the service would return, for denials.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_message: Option<String>,
    /// The Cognito-level explanation (absent when only decisions were asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cognito: Option<CognitoExplanation>,
    /// Every other layer that would block the request after the one `cognito` names, in
    /// the order AWS checks them and in Cognito's words: what the user would meet next
    /// after fixing the first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_blocking: Vec<CognitoExplanation>,
    /// The engine's explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
    /// Other readings of uncertain facts under which this request's decision differs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Where the request is in the scenario file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

/// The scope-down, as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScopeDownReport {
    /// Whether Cognito applied it to this sign-in.
    pub applied: bool,
    /// Why or why not.
    pub reason: String,
    /// The version of the scope-down this run follows.
    pub version: VersionInfo,
    /// Every version, for choosing another (`scopeDownVersion`).
    pub versions: Vec<VersionInfo>,
    /// The services of the inline policy, with sources.
    pub services: Vec<ScopeDownEntry>,
}

/// Everything `simulate` found.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The scenario's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Which flow.
    pub flow: Flow,
    /// Guest or signed in.
    pub identity: IdentityType,
    /// `issued`, or the AWS exception name.
    pub outcome: String,
    /// The flow's steps.
    pub steps: Vec<StepReport>,
    /// The identity ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_id: Option<String>,
    /// The identity-pool token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<MintedToken>,
    /// How the role was chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_selection: Option<RoleSelection>,
    /// The trust policy's evaluation, per STS action.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trust: Vec<TrustEvaluation>,
    /// The guest scope-down.
    pub scope_down: ScopeDownReport,
    /// The credentials' session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// The failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<AwsError>,
    /// Each request.
    pub requests: Vec<RequestReport>,
    /// Problems in the scenario, located.
    pub diagnostics: Vec<Diagnostic>,
    /// Undocumented behaviour the simulation relied on.
    pub notes: Vec<Note>,
    /// Other readings of uncertain facts under which the sign-in ends differently.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
}
