//! The page's calls for reviewing permissions: load the AWS action catalog (fetched lazily,
//! never compiled into the wasm), effective permissions, the diff against a baseline and
//! the least-privilege coach. Each is one request to the lazily loaded API module
//! ([`super::lazy`]); the answers are read into the views below, which hold the fields the
//! page shows under the API's own names (`identity_pool::effective`, `::diff`, `::coach`).

use std::rc::Rc;

use identity_pool::api::{ApiCall, Decision, DiffFormat, EffectiveFormat, ScenarioInput, Verdict};
use identity_pool::effective::Outcome;
use identity_pool::scenario::Flow;
use serde::{Deserialize, Deserializer};

use super::lazy::{ask, At, Envelope};

/// Where the page fetches the catalog: next to `index.html`, so a subpath host works.
pub const CATALOG_URL: &str = "./catalog.tsv";

/// The `loadCatalog` answer.
#[derive(Debug, Deserialize)]
pub struct CatalogLoaded {
    op: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    services: usize,
    #[serde(default)]
    actions: usize,
}

/// What a loaded catalog holds: `package@version: N services, M actions`.
pub fn read_catalog(answer: CatalogLoaded) -> Result<String, String> {
    match answer.message {
        Some(message) if answer.op == "error" => Err(message),
        _ => Ok(format!(
            "{}: {} services, {} actions",
            answer.source, answer.services, answer.actions
        )),
    }
}

/// Hands the catalog's text to the API module: what it holds.
pub async fn load_catalog(text: String) -> Result<String, String> {
    read_catalog(ask(ApiCall::LoadCatalog { text }).await?)
}

/// An outcome by its wire name (`removedBySession`).
fn outcome<'de, D: Deserializer<'de>>(d: D) -> Result<Outcome, D::Error> {
    let name = String::deserialize(d)?;
    Outcome::ALL
        .into_iter()
        .find(|o| super::name(o) == name)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown outcome `{name}`")))
}

/// An outcome that may be absent (`null`: no credentials on that side).
fn maybe_outcome<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Outcome>, D::Error> {
    #[derive(Deserialize)]
    struct Named(#[serde(deserialize_with = "outcome")] Outcome);
    Ok(Option::<Named>::deserialize(d)?.map(|n| n.0))
}

/// How many decisions fell where (`identity_pool::effective::Counts`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Every decision.
    pub total: usize,
    /// Allowed.
    pub allowed: usize,
    /// Denied by the access policies.
    pub denied_by_policies: usize,
    /// Removed by a session policy (the scope-down).
    pub removed_by_session: usize,
    /// Removed by the boundary.
    pub removed_by_boundary: usize,
    /// Explicitly denied.
    pub explicitly_denied: usize,
    /// Allowed by the role alone.
    pub role_allowed: usize,
}

/// One action decided for one resource.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Row {
    /// `s3:GetObject`.
    pub action: String,
    /// The access level.
    pub level: String,
    /// The resource.
    pub resource: String,
    /// What the role alone decides.
    pub role: Decision,
    /// What the session decides.
    pub decision: Decision,
    /// Where it fell.
    #[serde(deserialize_with = "outcome")]
    pub outcome: Outcome,
}

/// One service's decisions.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceEffective {
    /// `s3`.
    pub prefix: String,
    /// The service's name.
    pub name: String,
    /// Named by the role's policies (else only by a session policy).
    pub from_role: bool,
    /// Its counts.
    pub counts: Counts,
    /// Its rows.
    pub rows: Vec<Row>,
}

/// Effective permissions of a sign-in.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EffectiveReport {
    /// `issued`, or the AWS error.
    pub outcome: String,
    /// The session's role.
    #[serde(default)]
    pub role_arn: Option<String>,
    /// The session policies applied.
    #[serde(default)]
    pub session_policies: Vec<String>,
    /// Counts over every service.
    pub totals: Counts,
    /// Per service.
    pub services: Vec<ServiceEffective>,
    /// Remarks (a flow switched, a service not in the catalog).
    #[serde(default)]
    pub remarks: Vec<String>,
}

fn effective_call(scenario_json: &str, basic: bool, format: Option<EffectiveFormat>) -> ApiCall {
    ApiCall::Effective {
        scenario: ScenarioInput::Text(scenario_json.to_owned()),
        flow: basic.then_some(Flow::Basic),
        services: Vec::new(),
        resource: None,
        format,
    }
}

/// The effective permissions of the scenario's sign-in (`basic`: as if in the basic flow).
pub async fn effective(scenario_json: &str, basic: bool) -> Result<Rc<EffectiveReport>, String> {
    let answer: Envelope<EffectiveReport> = ask(effective_call(scenario_json, basic, None)).await?;
    answer.payload("the scenario cannot be read").map(Rc::new)
}

/// The effective permissions as CSV or Markdown (what `idpool effective --format` prints).
pub async fn effective_export(
    scenario_json: &str,
    basic: bool,
    markdown: bool,
) -> Result<String, String> {
    let format = if markdown {
        EffectiveFormat::Markdown
    } else {
        EffectiveFormat::Csv
    };
    let answer: Envelope<serde::de::IgnoredAny> =
        ask(effective_call(scenario_json, basic, Some(format))).await?;
    answer.text.clone().ok_or_else(|| {
        answer
            .payload("the scenario cannot be read")
            .err()
            .unwrap_or_default()
    })
}

/// One action whose outcome changed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ActionChange {
    /// The action.
    pub action: String,
    /// Its access level.
    pub level: String,
    /// The resource.
    pub resource: String,
    /// Before (absent: no credentials then).
    #[serde(deserialize_with = "maybe_outcome")]
    pub before: Option<Outcome>,
    /// After.
    #[serde(deserialize_with = "maybe_outcome")]
    pub after: Option<Outcome>,
}

/// One service's changes.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceChanges {
    /// `s3`.
    pub prefix: String,
    /// The service's name.
    pub name: String,
    /// Newly allowed.
    pub newly_allowed: Vec<ActionChange>,
    /// Newly denied.
    pub newly_denied: Vec<ActionChange>,
}

/// A listed request whose decision changed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestChange {
    /// Its index in the list.
    pub index: usize,
    /// The action.
    pub action: String,
    /// The resource.
    pub resource: String,
    /// Before.
    pub before: Verdict,
    /// After.
    pub after: Verdict,
    /// The statement responsible before.
    pub before_because: String,
    /// After.
    pub after_because: String,
}

/// What changed for one identity.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityDiff {
    /// Who.
    pub label: String,
    /// `current`, `guest`, `provider` or `mapping`.
    pub kind: String,
    /// The sign-in outcome before.
    pub outcome_before: String,
    /// After.
    pub outcome_after: String,
    /// The role before.
    #[serde(default)]
    pub role_before: Option<String>,
    /// After.
    #[serde(default)]
    pub role_after: Option<String>,
    /// Listed requests whose decision changed.
    pub requests: Vec<RequestChange>,
    /// Per service.
    pub services: Vec<ServiceChanges>,
    /// How many actions are newly allowed.
    pub newly_allowed: usize,
    /// Newly denied.
    pub newly_denied: usize,
}

impl IdentityDiff {
    /// Whether anything changed for this identity (`identity_pool::diff::IdentityDiff::changed`).
    pub fn changed(&self) -> bool {
        self.outcome_before != self.outcome_after
            || self.role_before != self.role_after
            || !self.requests.is_empty()
            || self.newly_allowed > 0
            || self.newly_denied > 0
    }
}

/// What a change changes, for every identity, and its Markdown for a pull request.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffReport {
    /// Per identity.
    pub identities: Vec<IdentityDiff>,
    /// Actions newly allowed, over every identity.
    pub newly_allowed: usize,
    /// Newly denied.
    pub newly_denied: usize,
    /// Listed requests that changed.
    pub requests_changed: usize,
    /// Identities with a change.
    pub identities_changed: usize,
    /// Whether the change grants anything new.
    pub grants_new: bool,
    /// What `idpool diff --format md` prints (filled from the answer's `text`).
    #[serde(skip)]
    pub markdown: String,
}

impl DiffReport {
    /// The number in the tab (`identity_pool::diff::DiffReport::change_count`).
    pub fn change_count(&self) -> usize {
        self.requests_changed + self.newly_allowed + self.newly_denied
    }
}

/// What the change from `baseline_json` to `scenario_json` changes, for every identity.
pub async fn diff(baseline_json: &str, scenario_json: &str) -> Result<Rc<DiffReport>, String> {
    let answer: Envelope<DiffReport> = ask(ApiCall::Diff {
        old: ScenarioInput::Text(baseline_json.to_owned()),
        new: ScenarioInput::Text(scenario_json.to_owned()),
        format: Some(DiffFormat::Markdown),
    })
    .await?;
    let markdown = answer.text.clone().unwrap_or_default();
    let mut report = answer.payload("fix the scenario's errors to compare it with the baseline")?;
    report.markdown = markdown;
    Ok(Rc::new(report))
}

/// A fix to preview and apply.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Fix {
    /// What it does.
    pub title: String,
    /// The policy it replaces (`ROLE:POLICY`).
    pub policy: String,
    /// The policy's text now.
    pub before: String,
    /// With the fix.
    pub after: String,
}

/// One finding of the coach.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Finding {
    /// The finding class (`coach::guest_write_access`).
    pub code: String,
    /// Its id in this scenario (what a dismissal keeps).
    pub id: String,
    /// `warning` or `info`.
    pub level: String,
    /// One line.
    pub message: String,
    /// Why it matters.
    pub explanation: String,
    /// The policy it is about (`ROLE:POLICY`).
    #[serde(default)]
    pub policy: Option<String>,
    /// The statement's index in it.
    #[serde(default)]
    pub statement: Option<usize>,
    /// Where, in the policy's text.
    #[serde(default)]
    pub position: Option<At>,
    /// What proves it.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// A fix, where there is one.
    #[serde(default)]
    pub fix: Option<Fix>,
    /// Dismissed for this scenario (still listed).
    pub dismissed: bool,
}

/// The coach's findings.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CoachReport {
    /// Every finding, warnings first.
    pub findings: Vec<Finding>,
    /// How many are not dismissed.
    pub open: usize,
}

/// The coach's findings on the scenario.
pub async fn coach(scenario_json: &str) -> Result<Rc<CoachReport>, String> {
    let answer: Envelope<CoachReport> = ask(ApiCall::Coach {
        scenario: ScenarioInput::Text(scenario_json.to_owned()),
    })
    .await?;
    answer.payload("the scenario cannot be read").map(Rc::new)
}
