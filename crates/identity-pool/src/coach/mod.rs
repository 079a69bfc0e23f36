//! The least-privilege coach: findings on a scenario's roles, each with a stable code, a
//! position, a plain explanation and, where one exists, a fix as a preview (the policy's
//! text before and after) that the user accepts or not.
//!
//! Finding classes (`docs/diagnostics.md`, corpus `tests/coach`):
//! - `coach::guest_above_scope_down`: guest grants the enhanced flow's scope-down removes;
//! - `coach::broader_than_requests`: an Allow grants more than the listed requests use;
//! - `coach::cross_identity_access`: one identity reaches another identity's objects;
//! - `coach::trust_without_aud`, `coach::trust_without_amr`, `coach::trust_amr_broad`,
//!   `coach::trust_several_pools`: trust-policy hygiene for `cognito-identity.amazonaws.com`;
//! - `coach::guest_write_access`: write or permissions-management actions granted to guests;
//! - `coach::sensitive_wildcard`: wildcards on `iam:`, `sts:`, `kms:` (or `*`).
//!
//! A finding the user dismissed (its `id` in the scenario's `dismissedFindings`) stays in the
//! list, marked dismissed, so nothing is hidden silently.

mod breadth;
mod doc;
mod guest;
mod isolation;
mod trust;
mod wildcard;

use aws_catalog::Catalog;
use iam_policy::{Position, Span};
use serde::Serialize;

use crate::scenario::{PolicyDoc, Role, Scenario};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Something an attacker or a mistake can use.
    Warning,
    /// Tighter is possible; the grant may be intended.
    Info,
}

/// A fix as a preview: the whole policy document before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    /// What the fix does, one line.
    pub title: String,
    /// The editor the policy is in: `ROLE:POLICY`, `ROLE:trust` or `ROLE:boundary`.
    pub policy: String,
    /// The document as it is (pretty-printed, key order kept).
    pub before: String,
    /// The document with the fix.
    pub after: String,
    /// Where the document is in the scenario text (bytes), to splice `after` in.
    pub span: Span,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// The class, e.g. `coach::guest_above_scope_down`.
    pub code: &'static str,
    /// Stable for the same place: `CODE@ROLE:POLICY#STATEMENT` (what `dismissedFindings` lists).
    pub id: String,
    /// How much it matters.
    pub level: Level,
    /// One line, with the user's text in backticks.
    pub message: String,
    /// Why it matters and what to do, in plain words.
    pub explanation: String,
    /// The editor of the policy concerned (`ROLE:POLICY`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The statement's index in that policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<usize>,
    /// Where, in the scenario text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The facts behind it (actions, the pair of identities and the request that proves it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// A fix to preview and accept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Whether the user dismissed it for this scenario.
    pub dismissed: bool,
}

/// Everything the coach found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CoachReport {
    /// The findings, warnings first, in scenario order within a level.
    pub findings: Vec<Finding>,
    /// How many are not dismissed.
    pub open: usize,
    /// Where the catalog comes from (`package@version`).
    pub catalog: String,
}

/// Runs every check on `scenario`.
pub fn coach(scenario: &Scenario, catalog: &Catalog) -> CoachReport {
    let mut findings = Vec::new();
    let budget = doc::FixBudget::default();
    guest::above_scope_down(scenario, catalog, &budget, &mut findings);
    guest::write_access(scenario, catalog, &budget, &mut findings);
    breadth::broader_than_requests(scenario, catalog, &budget, &mut findings);
    isolation::cross_identity(scenario, &budget, &mut findings);
    trust::hygiene(scenario, &budget, &mut findings);
    wildcard::sensitive(scenario, &budget, &mut findings);
    note_fix_limits(scenario, &budget, &mut findings);
    for finding in &mut findings {
        finding.dismissed = scenario
            .dismissed_findings
            .iter()
            .any(|d| d.value == finding.id);
    }
    findings.sort_by_key(|f| {
        (
            f.level == Level::Info,
            f.position.map_or((usize::MAX, 0), |p| (p.line, p.column)),
        )
    });
    CoachReport {
        open: findings.iter().filter(|f| !f.dismissed).count(),
        catalog: format!("{}@{}", catalog.source.package, catalog.source.version),
        findings,
    }
}

/// Says, on each finding left without a fix because its document's fixes ran out, why.
fn note_fix_limits(scenario: &Scenario, budget: &doc::FixBudget, findings: &mut [Finding]) {
    let documents: Vec<&PolicyDoc> = scenario
        .roles
        .iter()
        .flat_map(|r| r.policies.iter().chain(&r.trust).chain(&r.boundary))
        .filter(|d| budget.spent(d.span.start))
        .collect();
    for finding in findings.iter_mut().filter(|f| f.fix.is_none()) {
        let doc = documents
            .iter()
            .find(|d| Some(doc::editor_id(d)) == finding.policy);
        if let Some(doc) = doc {
            finding.explanation.push_str(&doc::limit_note(doc));
        }
    }
}

/// The scenario's text with `fix` applied (its document replaced by `fix.after`).
pub fn apply_fix(scenario: &Scenario, fix: &Fix) -> Option<String> {
    let source = &scenario.source;
    Some(format!(
        "{}{}{}",
        source.get(..fix.span.start)?,
        fix.after,
        source.get(fix.span.end..)?
    ))
}

/// A finding about statement `index` of `doc`, without evidence or fix.
pub(crate) fn finding(
    scenario: &Scenario,
    code: &'static str,
    level: Level,
    doc: &PolicyDoc,
    index: usize,
    message: String,
    explanation: String,
) -> Finding {
    let editor = doc::editor_id(doc);
    Finding {
        code,
        id: format!("{code}@{editor}#{index}"),
        level,
        message,
        explanation,
        position: doc::statement_position(scenario, doc, index),
        policy: Some(editor),
        statement: Some(index),
        evidence: Vec::new(),
        fix: None,
        dismissed: false,
    }
}

/// The role the pool gives guests, if guests may sign in.
pub(crate) fn guest_role(scenario: &Scenario) -> Option<&Role> {
    if !scenario.pool.allow_unauthenticated {
        return None;
    }
    let arn = &scenario.pool_roles.unauthenticated.as_ref()?.value;
    scenario.roles.iter().find(|r| &r.arn.value == arn)
}

/// The role of the report's session, when the sign-in got credentials.
pub(crate) fn session_role<'s>(scenario: &'s Scenario, report: &crate::Report) -> Option<&'s Role> {
    let session = report.session.as_ref()?;
    scenario
        .roles
        .iter()
        .find(|r| r.arn.value == session.role_arn)
}

/// Up to `n` names, in backticks, with "and N more".
pub(crate) fn some(names: &[String], n: usize) -> String {
    let shown: Vec<String> = names.iter().take(n).map(|a| format!("`{a}`")).collect();
    if names.len() > n {
        format!("{} and {} more", shown.join(", "), names.len() - n)
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests;
