//! What a change to a scenario changes: for every identity the scenario describes (its own
//! sign-in, a guest, each provider and role-mapping outcome), the listed requests whose
//! decision changed, with the statement responsible on each side, and over the AWS action
//! catalog the actions newly allowed and newly denied, per service and resource.
//!
//! Both sides are decided over the same services and resources (what either names), so an
//! action one side never mentions is compared, not skipped.

mod baseline;
mod identities;
mod render;
mod requests;

pub use baseline::BaselineCache;
pub use identities::{identities, Identity, IdentityKind};
pub use render::{to_markdown, to_text};
pub use requests::pair_requests;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use aws_catalog::Catalog;
use iam_policy::Verdict;
use serde::Serialize;

use crate::effective::{effective, EffectiveOptions, EffectiveReport, Outcome};
use crate::report::{Report, RequestReport};
use crate::scenario::Scenario;
use crate::simulate::simulate;

/// One action whose outcome changed, for one resource.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActionChange {
    /// `service:Action`.
    pub action: String,
    /// Its access level.
    pub level: &'static str,
    /// The resource decided for (`*` when no named resource fits the action).
    pub resource: String,
    /// Before (`None`: no credentials before).
    pub before: Option<Outcome>,
    /// After (`None`: no credentials after).
    pub after: Option<Outcome>,
}

/// One service's changed actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ServiceChanges {
    /// The IAM prefix.
    pub prefix: String,
    /// The service's name.
    pub name: String,
    /// Actions allowed after and not before.
    pub newly_allowed: Vec<ActionChange>,
    /// Actions allowed before and not after.
    pub newly_denied: Vec<ActionChange>,
}

/// One listed request whose decision changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RequestChange {
    /// Its index in the new scenario's `requests`.
    pub index: usize,
    /// The action.
    pub action: String,
    /// The resource.
    pub resource: String,
    /// The decision before.
    pub before: Verdict,
    /// The decision after.
    pub after: Verdict,
    /// What decided before: the deciding statements (`Role/Policy` statement label), or why none.
    pub before_because: String,
    /// What decides after.
    pub after_because: String,
}

/// One identity's changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IdentityDiff {
    /// Who.
    pub label: String,
    /// Which kind of identity.
    pub kind: IdentityKind,
    /// The sign-in's outcome before: `issued` or the AWS exception name.
    pub outcome_before: String,
    /// After.
    pub outcome_after: String,
    /// The session's role before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_before: Option<String>,
    /// After.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_after: Option<String>,
    /// The listed requests whose decision changed.
    pub requests: Vec<RequestChange>,
    /// Per service, the actions whose outcome changed.
    pub services: Vec<ServiceChanges>,
    /// How many (action, resource) pairs are newly allowed.
    pub newly_allowed: usize,
    /// How many are newly denied.
    pub newly_denied: usize,
}

impl IdentityDiff {
    /// Whether anything changed for this identity.
    pub fn changed(&self) -> bool {
        self.outcome_before != self.outcome_after
            || self.role_before != self.role_after
            || !self.requests.is_empty()
            || self.newly_allowed > 0
            || self.newly_denied > 0
    }

    /// Whether the change lets this identity do something it could not before.
    pub fn grants_new(&self) -> bool {
        self.newly_allowed > 0
            || (self.outcome_before != "issued" && self.outcome_after == "issued")
            || self
                .requests
                .iter()
                .any(|r| r.after == Verdict::Allowed && r.before != Verdict::Allowed)
    }
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DiffReport {
    /// Per identity, the scenario's own sign-in first.
    pub identities: Vec<IdentityDiff>,
    /// Newly allowed (action, resource) pairs over every identity.
    pub newly_allowed: usize,
    /// Newly denied pairs over every identity.
    pub newly_denied: usize,
    /// Listed requests whose decision changed, over every identity.
    pub requests_changed: usize,
    /// How many identities changed at all (what the Changes tab counts).
    pub identities_changed: usize,
    /// Whether any identity gains anything: what makes `idpool diff` fail.
    pub grants_new: bool,
    /// Where the catalog comes from (`package@version`).
    pub catalog: String,
}

impl DiffReport {
    /// One number for a badge: changed requests plus newly allowed and denied actions.
    pub fn change_count(&self) -> usize {
        self.requests_changed + self.newly_allowed + self.newly_denied
    }
}

/// Compares `old` with `new` for every identity `new` describes. [`BaselineCache::diff`]
/// gives the same answer, keeping the `old` side for the next comparison.
pub fn diff(old: &Scenario, new: &Scenario, catalog: &Catalog) -> DiffReport {
    let identities: Vec<IdentityDiff> = identities(new)
        .iter()
        .map(|identity| {
            let old = as_identity(old, identity);
            let before = Side::of(&old, catalog);
            diff_identity(&old, &before, new, identity, catalog)
        })
        .collect();
    summarize(identities, catalog)
}

/// The whole comparison from each identity's.
fn summarize(identities: Vec<IdentityDiff>, catalog: &Catalog) -> DiffReport {
    DiffReport {
        newly_allowed: identities.iter().map(|i| i.newly_allowed).sum(),
        newly_denied: identities.iter().map(|i| i.newly_denied).sum(),
        requests_changed: identities.iter().map(|i| i.requests.len()).sum(),
        identities_changed: identities.iter().filter(|i| i.changed()).count(),
        grants_new: identities.iter().any(IdentityDiff::grants_new),
        catalog: catalog_id(catalog),
        identities,
    }
}

/// Where the catalog comes from, `package@version`.
fn catalog_id(catalog: &Catalog) -> String {
    format!("{}@{}", catalog.source.package, catalog.source.version)
}

/// `scenario` signed in as `identity`.
fn as_identity<'s>(scenario: &'s Scenario, identity: &Identity) -> Cow<'s, Scenario> {
    match &identity.sign_in {
        None => Cow::Borrowed(scenario),
        Some(sign_in) => {
            let mut copy = scenario.clone();
            copy.sign_in = sign_in.clone();
            Cow::Owned(copy)
        }
    }
}

/// One side of one identity's comparison: its simulation and its effective permissions
/// over what it covers itself (the baseline's is what [`BaselineCache`] keeps).
pub(crate) struct Side {
    report: Report,
    effective: EffectiveReport,
    coverage: Coverage,
}

impl Side {
    fn of(scenario: &Scenario, catalog: &Catalog) -> Side {
        let effective = effective(scenario, catalog, &EffectiveOptions::default());
        Side {
            report: simulate(scenario),
            coverage: coverage(&effective),
            effective,
        }
    }
}

/// `identity`'s comparison, `old` already signed in as it and decided as `before`.
fn diff_identity(
    old: &Scenario,
    before: &Side,
    new: &Scenario,
    identity: &Identity,
    catalog: &Catalog,
) -> IdentityDiff {
    let new = as_identity(new, identity);
    let after = Side::of(&new, catalog);
    // Both sides over the union of what they cover: a side is decided again only when the
    // other names something it does not.
    let eff_before = widen(before, old, &after.coverage, catalog);
    let eff_after = widen(&after, &new, &before.coverage, catalog);
    let services = action_changes(&eff_before, &eff_after);
    let (before, after) = (&before.report, &after.report);
    IdentityDiff {
        label: identity.label.clone(),
        kind: identity.kind,
        outcome_before: before.outcome.clone(),
        outcome_after: after.outcome.clone(),
        role_before: before.session.as_ref().map(|s| s.role_arn.clone()),
        role_after: after.session.as_ref().map(|s| s.role_arn.clone()),
        requests: request_changes(before, after),
        newly_allowed: services.iter().map(|s| s.newly_allowed.len()).sum(),
        newly_denied: services.iter().map(|s| s.newly_denied.len()).sum(),
        services,
    }
}

/// `identity`'s comparison when both sides are the same scenario: its outcome, nothing
/// changed (what [`diff_identity`] finds, without deciding an action).
fn unchanged(identity: &Identity, report: &Report) -> IdentityDiff {
    let role = report.session.as_ref().map(|s| s.role_arn.clone());
    IdentityDiff {
        label: identity.label.clone(),
        kind: identity.kind,
        outcome_before: report.outcome.clone(),
        outcome_after: report.outcome.clone(),
        role_before: role.clone(),
        role_after: role,
        requests: Vec::new(),
        services: Vec::new(),
        newly_allowed: 0,
        newly_denied: 0,
    }
}

/// What a report covers: its services and its named resources (in order, with a set of
/// each for lookups: a report of 20,000 resources made list lookups cost the square).
struct Coverage {
    services: Vec<String>,
    resources: Vec<String>,
    service_set: HashSet<String>,
    resource_set: HashSet<String>,
}

fn coverage(report: &EffectiveReport) -> Coverage {
    let services: Vec<String> = report.services.iter().map(|s| s.prefix.clone()).collect();
    let mut resources: Vec<String> = Vec::new();
    let mut resource_set: HashSet<String> = HashSet::new();
    for row in report.services.iter().flat_map(|s| &s.rows) {
        if row.resource != "*" && !resource_set.contains(&row.resource) {
            resource_set.insert(row.resource.clone());
            resources.push(row.resource.clone());
        }
    }
    Coverage {
        service_set: services.iter().cloned().collect(),
        services,
        resources,
        resource_set,
    }
}

/// `side`'s effective permissions, decided again over what `other` covers and it does not
/// (as is, when that is nothing or the sign-in failed).
fn widen<'s>(
    side: &'s Side,
    scenario: &Scenario,
    other: &Coverage,
    catalog: &Catalog,
) -> Cow<'s, EffectiveReport> {
    let own = &side.coverage;
    let extra_services: Vec<String> = other
        .services
        .iter()
        .filter(|s| !own.service_set.contains(*s))
        .cloned()
        .collect();
    let extra_resources: Vec<String> = other
        .resources
        .iter()
        .filter(|r| !own.resource_set.contains(*r))
        .cloned()
        .collect();
    if extra_services.is_empty() && extra_resources.is_empty() || side.effective.outcome != "issued"
    {
        return Cow::Borrowed(&side.effective);
    }
    Cow::Owned(effective(
        scenario,
        catalog,
        &EffectiveOptions {
            extra_services,
            extra_resources,
            ..EffectiveOptions::default()
        },
    ))
}

/// Per service, the (action, resource) pairs allowed on one side only.
fn action_changes(before: &EffectiveReport, after: &EffectiveReport) -> Vec<ServiceChanges> {
    let old: HashMap<(&str, &str), Outcome> = before
        .services
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| ((r.action.as_str(), r.resource.as_str()), r.outcome))
        .collect();
    let mut seen: HashMap<(&str, &str), ()> = HashMap::new();
    let mut out: Vec<ServiceChanges> = Vec::new();
    let mut entry = |prefix: &str, name: &str| -> usize {
        match out.iter().position(|s| s.prefix == prefix) {
            Some(i) => i,
            None => {
                out.push(ServiceChanges {
                    prefix: prefix.to_owned(),
                    name: name.to_owned(),
                    newly_allowed: Vec::new(),
                    newly_denied: Vec::new(),
                });
                out.len() - 1
            }
        }
    };
    let mut pending: Vec<(usize, bool, ActionChange)> = Vec::new();
    for service in &after.services {
        for row in &service.rows {
            let key = (row.action.as_str(), row.resource.as_str());
            seen.insert(key, ());
            let was = old.get(&key).copied();
            let allowed_now = row.outcome == Outcome::Allowed;
            let allowed_before = was == Some(Outcome::Allowed);
            if allowed_now != allowed_before {
                let i = entry(&service.prefix, &service.name);
                pending.push((
                    i,
                    allowed_now,
                    ActionChange {
                        action: row.action.clone(),
                        level: row.level,
                        resource: row.resource.clone(),
                        before: was,
                        after: Some(row.outcome),
                    },
                ));
            }
        }
    }
    for service in &before.services {
        for row in &service.rows {
            let key = (row.action.as_str(), row.resource.as_str());
            if row.outcome == Outcome::Allowed && !seen.contains_key(&key) {
                let i = entry(&service.prefix, &service.name);
                pending.push((
                    i,
                    false,
                    ActionChange {
                        action: row.action.clone(),
                        level: row.level,
                        resource: row.resource.clone(),
                        before: Some(row.outcome),
                        after: None,
                    },
                ));
            }
        }
    }
    for (i, allowed, change) in pending {
        if let Some(service) = out.get_mut(i) {
            if allowed {
                service.newly_allowed.push(change);
            } else {
                service.newly_denied.push(change);
            }
        }
    }
    out
}

/// The listed requests of `after` whose decision differs from the same request (same
/// action and resource, paired by [`pair_requests`]) in `before`.
fn request_changes(before: &Report, after: &Report) -> Vec<RequestChange> {
    fn key(r: &RequestReport) -> (&str, &str) {
        (r.action.as_str(), r.resource.as_str())
    }
    let pairs = pair_requests(
        before.requests.iter().map(key),
        after.requests.iter().map(key),
    );
    pairs
        .into_iter()
        .zip(&after.requests)
        .filter_map(|(pair, request)| {
            let old = before.requests.get(pair?)?;
            (old.decision != request.decision).then(|| RequestChange {
                index: request.index,
                action: request.action.clone(),
                resource: request.resource.clone(),
                before: old.decision,
                after: request.decision,
                before_because: because(old),
                after_because: because(request),
            })
        })
        .collect()
}

/// The deciding statements of a request (`Guest/ReadPicture` statement `#0`), or the
/// Cognito-level summary when no statement decided (an implicit deny, no credentials).
fn because(request: &RequestReport) -> String {
    let statements: Vec<String> = request
        .explanation
        .iter()
        .flat_map(|e| &e.deciding_statements)
        .map(|s| format!("`{}` statement `{}`", s.policy, s.label))
        .collect();
    if statements.is_empty() {
        // Explained requests always carry the summary; a decisions-only report has none.
        request
            .cognito
            .as_ref()
            .map(|c| c.summary.clone())
            .unwrap_or_default()
    } else {
        statements.join(", ")
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod baseline_tests;
