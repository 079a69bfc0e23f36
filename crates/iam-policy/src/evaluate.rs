//! Running the layers of AWS's policy evaluation logic over one request: each layer's
//! statements are matched here; how the layers combine is in `combine.rs`, the rules beyond
//! "every layer must allow" (KMS key policies, trust policies, anonymous requests, ...) in
//! `rules.rs`, and the words of the explanation in `summary.rs`.

use crate::compile::{CompiledPolicy, CompiledStatement};
use crate::explain::{
    Blocker, Evaluation, Explanation, Layer, LayerResult, StatementExplanation, StatementRef,
    Unevaluated,
};
use crate::policy::Effect;
use crate::statement::{applies, Grant, PrincipalCheck, StatementTrace};
use crate::{Decision, Request};

mod combine;
mod rules;
mod summary;

use combine::{combine, Combined};

/// One level of an AWS Organizations hierarchy (the root, an OU, or the account) with the
/// policies attached there. Every level from the root down must allow.
#[derive(Clone, Debug, Default)]
pub struct OrgLevel<'a> {
    /// The root, OU or account ID as the case names it (`orgIdentifier`), for explanations.
    pub id: Option<String>,
    /// The policies attached at this level: an Allow from any of them counts for the level.
    pub policies: Vec<&'a CompiledPolicy>,
}

/// The policies that apply to one request, by layer. Borrowed, so one compiled policy can
/// serve many sets.
#[derive(Clone, Debug, Default)]
pub struct PolicySet<'a> {
    /// Identity-based policies of the principal.
    pub identity: Vec<&'a CompiledPolicy>,
    /// Session policies (inline and managed): one layer; an Allow from any of them counts.
    pub session: Vec<&'a CompiledPolicy>,
    /// Permissions boundaries.
    pub permissions_boundaries: Vec<&'a CompiledPolicy>,
    /// The resource-based policy (or the role's trust policy, or the KMS key policy).
    pub resource: Option<&'a CompiledPolicy>,
    /// Service control policies by level, from the root down to the caller's account; empty
    /// means no organization (or `FullAWSAccess` everywhere).
    pub service_control: Vec<OrgLevel<'a>>,
    /// Resource control policies by level, for the resource's account; empty means none
    /// besides `RCPFullAWSAccess`, which lets everything through.
    pub resource_control: Vec<OrgLevel<'a>>,
    /// The policies of the VPC endpoints the request passes through: each must allow.
    pub endpoint: Vec<&'a CompiledPolicy>,
    /// The organization's management account: SCPs do not apply to its principals, nor RCPs
    /// to its resources.
    pub management_account: Option<String>,
}

impl<'a> PolicySet<'a> {
    /// Every policy of every layer: SCP and RCP levels, endpoint policies, identity,
    /// boundary and session policies, then the resource-based policy.
    pub fn policies(&self) -> impl Iterator<Item = &'a CompiledPolicy> + '_ {
        let scp = self.service_control.iter().flat_map(|l| l.policies.iter());
        let rcp = self.resource_control.iter().flat_map(|l| l.policies.iter());
        scp.chain(rcp)
            .chain(self.endpoint.iter())
            .chain(self.identity.iter())
            .chain(self.permissions_boundaries.iter())
            .chain(self.session.iter())
            .copied()
            .chain(self.resource)
    }
}

/// What one layer found.
#[derive(Default)]
struct LayerOutcome {
    allows: bool,
    denies: bool,
    /// The strongest principal grant among matching Allows (resource layer only).
    grant: Option<Grant>,
}

impl LayerOutcome {
    /// Counts statement `st`, which applied (with `grant`) or not.
    fn meet(&mut self, st: &CompiledStatement, grant: Option<Grant>) {
        match (grant, st.effect) {
            (Some(_), Effect::Deny) => self.denies = true,
            (Some(g), Effect::Allow) => {
                self.allows = true;
                self.grant = self.grant.max(Some(g));
            }
            (None, _) => {}
        }
    }
}

/// The decision alone: the fast path (no explanation, no allocation).
pub fn decide(set: &PolicySet<'_>, req: &Request) -> Decision {
    let mut run = Run {
        req,
        explain: None,
        has_boundary: !set.permissions_boundaries.is_empty(),
    };
    combine(set, &mut run).decision
}

/// The decision and the layer that decided it (the denying one, or the one that failed to
/// allow), still without explanation or allocation: for hot loops that must say which
/// layer removed an action (effective permissions).
pub fn decide_with_layer(set: &PolicySet<'_>, req: &Request) -> (Decision, Option<Layer>) {
    let mut run = Run {
        req,
        explain: None,
        has_boundary: !set.permissions_boundaries.is_empty(),
    };
    let c = combine(set, &mut run);
    (c.decision, c.layer)
}

/// The decision with its full explanation.
pub fn evaluate(set: &PolicySet<'_>, req: &Request) -> Evaluation {
    let mut run = Run {
        req,
        explain: Some(Collected::default()),
        has_boundary: !set.permissions_boundaries.is_empty(),
    };
    let verdict = combine(set, &mut run);
    let c = run.explain.unwrap_or_default();
    let level = verdict.level_label(set);
    let deciding_statements = summary::deciding(&c.statements, &verdict);
    let at_level = verdict.level_policies(set);
    let summary = summary::summary(
        &verdict,
        level.as_deref(),
        at_level.as_deref(),
        &deciding_statements,
        &c.statements,
        req,
    );
    let blocking = blockers(&verdict, set, &c.statements, req);
    // The deciding layer comes first; the summary then names every other one.
    let others: Vec<String> = blocking
        .iter()
        .filter(|b| !(b.layer == verdict.layer && b.decision == verdict.decision))
        .map(|b| b.summary.clone())
        .collect();
    let summary = summary::with_others(summary, &others);
    let mut missing = c.missing;
    missing.sort();
    missing.dedup();
    let explanation = Explanation {
        decision: verdict.decision,
        deciding_layer: verdict.layer,
        deciding_level: level,
        rule: verdict.rule,
        deciding_statements,
        blocking,
        summary,
        layers: c.layers,
        statements: c.statements,
        missing_context_keys: missing,
        unevaluated: c.unevaluated,
        notes: c.notes,
    };
    Evaluation {
        decision: verdict.decision,
        explanation,
    }
}

/// The verdict's blocking layers as explanation data: labels, Deny statements, words.
fn blockers(
    verdict: &Combined,
    set: &PolicySet<'_>,
    statements: &[StatementExplanation],
    req: &Request,
) -> Vec<Blocker> {
    verdict
        .blockers
        .iter()
        .map(|b| {
            let level = b
                .layer
                .zip(b.level)
                .and_then(|(l, i)| level_label(set, l, i));
            let at_level = b
                .layer
                .zip(b.level)
                .and_then(|(l, i)| level_policies(set, l, i));
            let denying: Vec<StatementRef> = if b.decision == Decision::ExplicitDeny {
                statements
                    .iter()
                    .filter(|s| {
                        s.matched
                            && s.statement.effect == Effect::Deny
                            && Some(s.layer) == b.layer
                            && at_level
                                .as_ref()
                                .is_none_or(|names| names.contains(&s.statement.policy.as_str()))
                    })
                    .map(|s| s.statement.clone())
                    .collect()
            } else {
                Vec::new()
            };
            Blocker {
                decision: b.decision,
                layer: b.layer,
                summary: summary::blocker(b, level.as_deref(), &denying, req),
                level,
                rule: b.rule,
                statements: denying,
            }
        })
        .collect()
}

#[derive(Default)]
struct Collected {
    layers: Vec<LayerResult>,
    statements: Vec<StatementExplanation>,
    missing: Vec<String>,
    unevaluated: Vec<Unevaluated>,
    notes: Vec<String>,
}

struct Run<'r> {
    req: &'r Request,
    explain: Option<Collected>,
    has_boundary: bool,
}

/// Several gates of one layer (organization levels, endpoints): each must allow.
#[derive(Default)]
struct Gates {
    /// The first gate whose policies deny.
    denies: Option<usize>,
    /// The first gate without an Allow.
    missing_allow: Option<usize>,
    /// What each gate found (explanations only: the fast path allocates nothing).
    each: Vec<GateOutcome>,
}

/// What one gate found.
#[derive(Clone, Copy)]
struct GateOutcome {
    allows: bool,
    denies: bool,
}

impl Run<'_> {
    /// Records why a layer was left out (explanations only).
    fn note(&mut self, text: impl FnOnce() -> String) {
        if let Some(c) = self.explain.as_mut() {
            c.notes.push(text());
        }
    }

    /// Evaluates each gate of `layer` in order.
    fn gates<'p>(
        &mut self,
        layer: Layer,
        gates: impl Iterator<Item = (Option<&'p str>, &'p [&'p CompiledPolicy])>,
    ) -> Gates {
        let mut out = Gates::default();
        for (i, (label, policies)) in gates.enumerate() {
            let o = self.layer(layer, label, policies);
            if o.denies && out.denies.is_none() {
                out.denies = Some(i);
            }
            if !o.allows && out.missing_allow.is_none() {
                out.missing_allow = Some(i);
            }
            if self.explain.is_some() {
                out.each.push(GateOutcome {
                    allows: o.allows,
                    denies: o.denies,
                });
            }
        }
        out
    }

    fn layer(
        &mut self,
        layer: Layer,
        level: Option<&str>,
        policies: &[&CompiledPolicy],
    ) -> LayerOutcome {
        let mut out = LayerOutcome::default();
        let check_principal = match (layer, self.has_boundary) {
            (Layer::ResourceBased, true) => PrincipalCheck::CheckWithBoundary,
            (Layer::ResourceBased | Layer::ResourceControl | Layer::VpcEndpoint, _) => {
                PrincipalCheck::Check
            }
            _ => PrincipalCheck::Ignore,
        };
        for policy in policies {
            // The fast path meets only the statements the policy's index says can match.
            let req = self.req;
            let indexed = self.explain.is_none()
                && policy.index.as_ref().is_some_and(|index| {
                    index.candidates(&req.action, &req.resource, |i| {
                        if let Some(st) = policy.statements.get(i) {
                            out.meet(st, applies(st, req, check_principal, None));
                        }
                    })
                });
            if indexed {
                continue;
            }
            for st in &policy.statements {
                let grant = match self.explain.as_mut() {
                    None => applies(st, self.req, check_principal, None),
                    Some(c) => {
                        let mut t = StatementTrace::default();
                        let grant = applies(st, self.req, check_principal, Some(&mut t));
                        record(c, layer, policy, st, grant.is_some(), t, self.req);
                        grant
                    }
                };
                out.meet(st, grant);
            }
        }
        if let Some(c) = self.explain.as_mut() {
            if !policies.is_empty() {
                c.layers.push(LayerResult {
                    layer,
                    level: level.map(str::to_string),
                    policies: policies.len(),
                    allows: out.allows,
                    denies: out.denies,
                });
            }
        }
        out
    }
}

fn record(
    c: &mut Collected,
    layer: Layer,
    policy: &CompiledPolicy,
    st: &CompiledStatement,
    matched: bool,
    t: StatementTrace,
    req: &Request,
) {
    let statement = statement_ref(policy, st);
    c.missing.extend(t.missing_keys);
    c.unevaluated
        .extend(t.unevaluated.into_iter().map(|reason| Unevaluated {
            statement: statement.clone(),
            reason,
        }));
    let fallback = |name: &str, value: &str| crate::explain::ElementMatch {
        element: name.to_string(),
        matched: false,
        request: value.to_string(),
        values: Vec::new(),
        note: None,
        entry: None,
    };
    let mut explained = StatementExplanation {
        statement,
        layer,
        matched,
        action: t.action.unwrap_or_else(|| fallback("Action", &req.action)),
        resource: t
            .resource
            .unwrap_or_else(|| fallback("Resource", &req.resource)),
        principal: t.principal,
        conditions: t.conditions,
        reason: String::new(),
    };
    explained.reason = explained.describe();
    c.statements.push(explained);
}

fn statement_ref(policy: &CompiledPolicy, st: &CompiledStatement) -> StatementRef {
    StatementRef {
        policy: policy.source.name.clone(),
        kind: policy.source.kind,
        sid: st.sid.clone(),
        label: st.label(),
        index: st.index,
        span: st.span,
        effect: st.effect,
    }
}

impl Combined {
    /// The label of the deciding organization level or endpoint, when there is one.
    fn level_label(&self, set: &PolicySet<'_>) -> Option<String> {
        level_label(set, self.layer?, self.level?)
    }

    /// The names of the policies at the deciding level or endpoint, when there is one.
    fn level_policies<'s>(&self, set: &'s PolicySet<'_>) -> Option<Vec<&'s str>> {
        level_policies(set, self.layer?, self.level?)
    }
}

/// The label of organization level or endpoint `i` of `layer`.
fn level_label(set: &PolicySet<'_>, layer: Layer, i: usize) -> Option<String> {
    match layer {
        Layer::ServiceControl => set.service_control.get(i)?.id.clone(),
        Layer::ResourceControl => set.resource_control.get(i)?.id.clone(),
        Layer::VpcEndpoint => set.endpoint.get(i).map(|p| p.source.name.clone()),
        _ => None,
    }
}

/// The names of the policies at organization level or endpoint `i` of `layer`.
fn level_policies<'s>(set: &'s PolicySet<'_>, layer: Layer, i: usize) -> Option<Vec<&'s str>> {
    let names =
        |policies: &'s [&CompiledPolicy]| policies.iter().map(|p| p.source.name.as_str()).collect();
    match layer {
        Layer::ServiceControl => Some(names(&set.service_control.get(i)?.policies)),
        Layer::ResourceControl => Some(names(&set.resource_control.get(i)?.policies)),
        Layer::VpcEndpoint => Some(vec![set.endpoint.get(i)?.source.name.as_str()]),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod entry_tests;
