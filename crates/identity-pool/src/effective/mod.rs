//! Effective permissions at a glance: for the scenario's sign-in, every action of every
//! service in play (the services the role's policies mention, then those of the session
//! policies, e.g. the guest scope-down), decided for each resource the policies name (or
//! one given resource), with the layer that removed it. The role's own permissions (no
//! session policies) sit next to the session's, so what the scope-down takes away shows.
//!
//! The hot loop uses the engine's allocation-free `decide_with_layer`; explanations are
//! left to a single request (`simulate` with that request) when the user opens one.

mod render;
mod scope;

pub use render::{summary, to_csv, to_markdown, to_table};

use std::collections::HashSet;

use aws_catalog::{ActionRef, Catalog, FitPattern};
use iam_policy::RequestPrincipal;
use iam_policy::{decide, decide_with_layer, CompiledPolicy, Decision, Layer, PolicySet, Request};
use serde::Serialize;

use crate::compiled::CompiledScenario;
use crate::flow::run_flow;
use crate::note::{Note, Notes};
use crate::scenario::{Flow, Scenario};
use crate::session::account_of;
use scope::{named_resources, services_in_play, substitute};

/// What to compute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EffectiveOptions {
    /// The flow to sign in with; `None`: the scenario's own.
    pub flow: Option<Flow>,
    /// Only these service prefixes (empty: every service in play).
    pub services: Vec<String>,
    /// Decide every action for this resource instead of the resources the policies name.
    pub resource: Option<String>,
    /// Keep the rows of these service prefixes only (`None`: every service's). The counts
    /// still cover every service: a view that lists the rows of the services the user
    /// opened asks for those alone, and the answer stays small.
    pub rows_for: Option<Vec<String>>,
    /// Services to decide besides those in play (a comparison decides both sides over the
    /// same services: what one side names and the other does not).
    pub extra_services: Vec<String>,
    /// Resources to decide for besides those the policies name (same reason).
    pub extra_resources: Vec<String>,
}

/// Why an action is or is not allowed, from the session's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// The session may do it.
    Allowed,
    /// No access policy (identity or resource-based) allows it.
    DeniedByPolicies,
    /// The role allows it, a session policy (the scope-down) does not.
    RemovedBySession,
    /// The role allows it, its permissions boundary does not.
    RemovedByBoundary,
    /// A Deny statement matches.
    ExplicitlyDenied,
}

impl Outcome {
    /// Every outcome, in column order.
    pub const ALL: [Outcome; 5] = [
        Outcome::Allowed,
        Outcome::DeniedByPolicies,
        Outcome::RemovedBySession,
        Outcome::RemovedByBoundary,
        Outcome::ExplicitlyDenied,
    ];

    /// A short label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::DeniedByPolicies => "denied by access policies",
            Outcome::RemovedBySession => "removed by session policy",
            Outcome::RemovedByBoundary => "removed by boundary",
            Outcome::ExplicitlyDenied => "explicitly denied",
        }
    }

    fn of(decision: Decision, layer: Option<Layer>) -> Outcome {
        match (decision, layer) {
            (Decision::Allowed, _) => Outcome::Allowed,
            (Decision::ExplicitDeny, _) => Outcome::ExplicitlyDenied,
            (Decision::ImplicitDeny, Some(Layer::Session)) => Outcome::RemovedBySession,
            (Decision::ImplicitDeny, Some(Layer::PermissionsBoundary)) => {
                Outcome::RemovedByBoundary
            }
            (Decision::ImplicitDeny, _) => Outcome::DeniedByPolicies,
        }
    }
}

/// How many decisions fell in each outcome, plus how many the role alone allows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// Decisions counted.
    pub total: usize,
    /// [`Outcome::Allowed`].
    pub allowed: usize,
    /// [`Outcome::DeniedByPolicies`].
    pub denied_by_policies: usize,
    /// [`Outcome::RemovedBySession`].
    pub removed_by_session: usize,
    /// [`Outcome::RemovedByBoundary`].
    pub removed_by_boundary: usize,
    /// [`Outcome::ExplicitlyDenied`].
    pub explicitly_denied: usize,
    /// Allowed by the role's own permissions, before session policies.
    pub role_allowed: usize,
}

impl Counts {
    fn add(&mut self, row: &Row) {
        self.total += 1;
        *self.slot(row.outcome) += 1;
        if row.role == Decision::Allowed {
            self.role_allowed += 1;
        }
    }

    /// The count of one outcome.
    pub fn get(&self, outcome: Outcome) -> usize {
        match outcome {
            Outcome::Allowed => self.allowed,
            Outcome::DeniedByPolicies => self.denied_by_policies,
            Outcome::RemovedBySession => self.removed_by_session,
            Outcome::RemovedByBoundary => self.removed_by_boundary,
            Outcome::ExplicitlyDenied => self.explicitly_denied,
        }
    }

    fn slot(&mut self, outcome: Outcome) -> &mut usize {
        match outcome {
            Outcome::Allowed => &mut self.allowed,
            Outcome::DeniedByPolicies => &mut self.denied_by_policies,
            Outcome::RemovedBySession => &mut self.removed_by_session,
            Outcome::RemovedByBoundary => &mut self.removed_by_boundary,
            Outcome::ExplicitlyDenied => &mut self.explicitly_denied,
        }
    }

    fn merge(&mut self, other: &Counts) {
        self.total += other.total;
        self.allowed += other.allowed;
        self.denied_by_policies += other.denied_by_policies;
        self.removed_by_session += other.removed_by_session;
        self.removed_by_boundary += other.removed_by_boundary;
        self.explicitly_denied += other.explicitly_denied;
        self.role_allowed += other.role_allowed;
    }
}

/// One action decided for one resource.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// `service:Action`.
    pub action: String,
    /// The access level (`List`, `Read`, `Write`, `Permissions management`, `Tagging`).
    pub level: &'static str,
    /// The resource decided for (`*` when no named resource fits the action).
    pub resource: String,
    /// The role's own decision (identity, boundary and resource-based policies, no session policies).
    pub role: Decision,
    /// The session's decision.
    pub decision: Decision,
    /// Why.
    pub outcome: Outcome,
}

/// One service's decisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ServiceEffective {
    /// The IAM prefix.
    pub prefix: String,
    /// The service's name.
    pub name: String,
    /// Whether the role's policies mention it (otherwise only a session policy does).
    pub from_role: bool,
    /// Its counts.
    pub counts: Counts,
    /// Its actions, in catalog order, one row per resource.
    pub rows: Vec<Row>,
}

/// The effective permissions of the scenario's sign-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EffectiveReport {
    /// The flow signed in with.
    pub flow: Flow,
    /// `issued`, or the AWS error code of the failed sign-in (then there are no rows).
    pub outcome: String,
    /// The failed sign-in's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The role of the session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// The session policies' names.
    pub session_policies: Vec<String>,
    /// Totals over every service.
    pub totals: Counts,
    /// Per service, the role's services first.
    pub services: Vec<ServiceEffective>,
    /// Where the catalog comes from (`package@version`).
    pub catalog: String,
    /// What this view assumed (a switched flow, services left out).
    pub remarks: Vec<String>,
    /// The sign-in's notes on uncertain facts.
    pub notes: Vec<Note>,
}

/// Computes the effective permissions.
pub fn effective(
    scenario: &Scenario,
    catalog: &Catalog,
    options: &EffectiveOptions,
) -> EffectiveReport {
    let mut notes = Notes::default();
    let mut remarks = Vec::new();
    let switched;
    let scenario = match options.flow {
        Some(flow) if flow != scenario.sign_in.flow => {
            switched = switch_flow(scenario, flow, &mut remarks);
            &switched
        }
        _ => scenario,
    };
    let compiled = CompiledScenario::new(scenario);
    let outcome = run_flow(scenario, &compiled, &mut notes);
    let mut report = EffectiveReport {
        flow: scenario.sign_in.flow,
        outcome: "issued".to_owned(),
        error: None,
        role_arn: None,
        session_policies: Vec::new(),
        totals: Counts::default(),
        services: Vec::new(),
        catalog: format!("{}@{}", catalog.source.package, catalog.source.version),
        remarks,
        notes: Vec::new(),
    };
    let session = match (&outcome.error, &outcome.session) {
        (Some(error), _) => {
            report.outcome = error.code.clone();
            report.error = Some(error.message.clone());
            report.notes = notes.into_vec();
            return report;
        }
        (None, Some(session)) => session,
        (None, None) => {
            report.outcome = "Error".to_owned();
            report.notes = notes.into_vec();
            return report;
        }
    };
    report.role_arn = Some(session.role_arn.clone());
    report.session_policies = session
        .session_policies
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let role = compiled.role(&session.role_arn);
    let session_texts: Vec<&str> = session
        .session_policies
        .iter()
        .map(|p| p.document.as_str())
        .collect();
    let mut in_play = services_in_play(role.map(|r| r.role), &session_texts, catalog);
    for extra in &options.extra_services {
        if let Some(service) = catalog.service(extra) {
            if !in_play.services.iter().any(|(p, _)| **p == *service.prefix) {
                in_play.services.push((service.prefix.to_string(), false));
            }
        }
    }
    if in_play.wildcard {
        report.remarks.push(
            "a policy names actions of every service (`*` or a wildcard prefix); only the services named by prefix are listed".to_owned(),
        );
    }
    let context = session.request_context(&[]);
    let named: Vec<String> = match &options.resource {
        Some(r) => vec![r.clone()],
        None => {
            let mut named: Vec<String> =
                named_resources(scenario, role.map(|r| r.role), &session_texts)
                    .into_iter()
                    .map(|r| substitute(&r, &context))
                    .collect();
            let mut known: HashSet<String> = named.iter().cloned().collect();
            for extra in &options.extra_resources {
                if known.insert(extra.clone()) {
                    named.push(extra.clone());
                }
            }
            named
        }
    };
    let role_set = PolicySet {
        identity: role
            .map(|r| r.policies.iter().collect())
            .unwrap_or_default(),
        permissions_boundaries: role.and_then(|r| r.boundary.as_ref()).into_iter().collect(),
        ..PolicySet::default()
    };
    let mut full_set = role_set.clone();
    full_set.session = outcome.session_policies.iter().collect();
    let named_patterns: Vec<FitPattern> = match options.resource {
        Some(_) => Vec::new(),
        None => named.iter().map(|r| FitPattern::resource(r)).collect(),
    };
    let resource_policies: Vec<Option<&CompiledPolicy>> =
        named.iter().map(|r| compiled.resource_policy(r)).collect();
    let mut request = Request {
        action: String::new(),
        resource: String::new(),
        principal: Some(RequestPrincipal::Aws(session.assumed_role_arn.clone())),
        account_id: None,
        context,
    };
    let caller_account = account_of(&session.role_arn).to_owned();
    // Buffers reused for every action (most actions take one resource).
    let mut resources: Vec<(&str, Option<&CompiledPolicy>)> = Vec::new();
    let mut picked: Vec<usize> = Vec::new();
    for (prefix, from_role) in in_play.services {
        if !options.services.is_empty()
            && !options
                .services
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&prefix))
        {
            continue;
        }
        let Some(service) = catalog.service(&prefix) else {
            continue;
        };
        let fitting = match options.resource {
            Some(_) => Vec::new(),
            None => fitting_resources(service, &named_patterns),
        };
        // Each policy narrowed to the service's statements, once: its every action is then
        // decided against a handful of statements instead of all.
        let narrowed = Narrowed::new(&role_set, &full_set, &service.prefix);
        let mut decider = Decider {
            role_set: narrowed.set(&role_set, false),
            full_set: narrowed.set(&full_set, true),
            request: &mut request,
            caller_account: caller_account.clone(),
        };
        let mut rows = Vec::new();
        let mut counts = Counts::default();
        let keep_rows = options
            .rows_for
            .as_ref()
            .is_none_or(|keep| keep.iter().any(|p| p.eq_ignore_ascii_case(&service.prefix)));
        for action in &service.actions {
            let action = ActionRef { service, action };
            resources.clear();
            match (&options.resource, resource_policies.first()) {
                (Some(given), Some(policy)) => resources.push((given.as_str(), *policy)),
                _ => resources_for(
                    &action,
                    &fitting,
                    &named,
                    &resource_policies,
                    &mut picked,
                    &mut resources,
                ),
            };
            for &(resource, policy) in &resources {
                let row = decider.row(&action, resource, policy);
                counts.add(&row);
                if keep_rows {
                    rows.push(row);
                }
            }
        }
        report.totals.merge(&counts);
        report.services.push(ServiceEffective {
            prefix: service.prefix.to_string(),
            name: service.name.to_string(),
            from_role,
            counts,
            rows,
        });
    }
    report.notes = notes.into_vec();
    report
}

/// The scenario signed in with `flow` instead. A guest moved to the basic flow keeps its
/// pool; a pool that does not enable the basic flow is shown as if it did (noted).
fn switch_flow(scenario: &Scenario, flow: Flow, remarks: &mut Vec<String>) -> Scenario {
    let mut copy = scenario.clone();
    copy.sign_in.flow = flow;
    if flow == Flow::Basic && copy.pool.allow_classic_flow != Some(true) {
        copy.pool.allow_classic_flow = Some(true);
        remarks.push(
            "the pool does not enable the basic (classic) flow (`AllowClassicFlow`); this view shows what the same sign-in would get if it did".to_owned(),
        );
    }
    copy
}

/// For each resource type of `service`, the indices of the named resources (prepared once
/// for every service) that fit it.
fn fitting_resources(service: &aws_catalog::Service, named: &[FitPattern]) -> Vec<Vec<usize>> {
    service
        .resource_types
        .iter()
        .map(|rt| {
            let template = FitPattern::template(&rt.arn);
            named
                .iter()
                .enumerate()
                .filter(|(_, r)| template.fits(r))
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

/// The resources an action is decided for, with their resource-based policies, into `out`:
/// the named ones that fit its resource types, else `*` (the resource AWS authorizes actions
/// without a resource type against). `picked` is scratch space.
fn resources_for<'n, 'p>(
    action: &ActionRef<'_>,
    fitting: &[Vec<usize>],
    named: &'n [String],
    policies: &[Option<&'p CompiledPolicy>],
    picked: &mut Vec<usize>,
    out: &mut Vec<(&'n str, Option<&'p CompiledPolicy>)>,
) {
    // Each type's list is short or the action has one type; sorting the concatenation
    // keeps this linear-logarithmic where `contains` on the picked list was quadratic.
    picked.clear();
    picked.extend(action.resource_type_indices().iter().flat_map(|&rt| {
        fitting
            .get(usize::from(rt))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }));
    picked.sort_unstable();
    picked.dedup();
    out.extend(
        picked
            .iter()
            .filter_map(|&i| Some((named.get(i)?.as_str(), policies.get(i).copied().flatten()))),
    );
    if out.is_empty() {
        out.push(("*", None));
    }
}

/// The identity, boundary and session policies of a decision set narrowed to one service
/// (`CompiledPolicy::for_service`); `None` where a policy is kept whole.
struct Narrowed {
    identity: Vec<Option<CompiledPolicy>>,
    boundaries: Vec<Option<CompiledPolicy>>,
    session: Vec<Option<CompiledPolicy>>,
}

impl Narrowed {
    /// Narrows `role` (identity and boundary policies) and the session policies of `full`.
    fn new(role: &PolicySet<'_>, full: &PolicySet<'_>, prefix: &str) -> Self {
        let narrow = |policies: &[&CompiledPolicy]| -> Vec<Option<CompiledPolicy>> {
            policies.iter().map(|p| p.for_service(prefix)).collect()
        };
        Narrowed {
            identity: narrow(&role.identity),
            boundaries: narrow(&role.permissions_boundaries),
            session: narrow(&full.session),
        }
    }

    /// `set` with its policies replaced by their narrowed forms (`session`: its session
    /// policies too; the role's set has none).
    fn set<'a>(&'a self, set: &PolicySet<'a>, session: bool) -> PolicySet<'a> {
        fn pick<'a>(
            whole: &[&'a CompiledPolicy],
            narrowed: &'a [Option<CompiledPolicy>],
        ) -> Vec<&'a CompiledPolicy> {
            whole
                .iter()
                .zip(narrowed)
                .map(|(w, n)| n.as_ref().unwrap_or(w))
                .collect()
        }
        let mut out = set.clone();
        out.identity = pick(&set.identity, &self.identity);
        out.permissions_boundaries = pick(&set.permissions_boundaries, &self.boundaries);
        if session {
            out.session = pick(&set.session, &self.session);
        }
        out
    }
}

/// Decides rows, reusing one request (its strings keep their capacity) and two policy sets:
/// the decisions themselves allocate nothing.
struct Decider<'a, 'r> {
    /// Identity, boundary and resource-based policies.
    role_set: PolicySet<'a>,
    /// The same with the session policies.
    full_set: PolicySet<'a>,
    request: &'r mut Request,
    caller_account: String,
}

impl<'a> Decider<'a, '_> {
    fn row(
        &mut self,
        action: &ActionRef<'_>,
        resource: &str,
        policy: Option<&'a CompiledPolicy>,
    ) -> Row {
        let req = &mut *self.request;
        req.action.clear();
        req.action.push_str(&action.service.prefix);
        req.action.push(':');
        req.action.push_str(&action.action.name);
        req.resource.clear();
        req.resource.push_str(resource);
        let owner = account_of(resource);
        let owner = if owner.is_empty() || owner.contains('*') {
            self.caller_account.as_str()
        } else {
            owner
        };
        if req.account_id.as_deref() != Some(owner) {
            req.account_id = Some(owner.to_owned());
        }
        self.full_set.resource = policy;
        let (decision, layer) = decide_with_layer(&self.full_set, req);
        // Session policies only ever take away, and every layer is evaluated whatever the
        // decision: without them the decision is the same, except that what they denied
        // (implicitly or explicitly) is what the role alone decides. Only an explicit Deny
        // in a session policy hides the role's own answer, so only then is it asked again.
        let role = match (decision, layer) {
            (Decision::ImplicitDeny, Some(Layer::Session)) => Decision::Allowed,
            (Decision::ExplicitDeny, Some(Layer::Session)) => {
                self.role_set.resource = policy;
                decide(&self.role_set, req)
            }
            _ => decision,
        };
        Row {
            action: req.action.clone(),
            level: action.level().name(),
            resource: resource.to_owned(),
            role,
            decision,
            outcome: Outcome::of(decision, layer),
        }
    }
}

#[cfg(test)]
mod tests;
