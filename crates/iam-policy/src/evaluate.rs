//! Combining the layers as AWS's policy evaluation logic does: an explicit Deny anywhere
//! wins; SCPs must allow; a same-account resource-based grant to the exact caller allows
//! on its own; otherwise identity (or a role-ARN resource grant) must allow, then the
//! permissions boundary and the session policies must each allow.

use crate::compile::{CompiledPolicy, CompiledStatement};
use crate::explain::{
    Evaluation, Explanation, Layer, LayerResult, StatementExplanation, StatementRef, Unevaluated,
};
use crate::policy::Effect;
use crate::principal::arn_account;
use crate::statement::{applies, Grant, PrincipalCheck, StatementTrace};
use crate::{Decision, Request, RequestPrincipal};

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
    /// The resource-based policy (or the role's trust policy).
    pub resource: Option<&'a CompiledPolicy>,
    /// Service control policies; empty means no organization.
    pub service_control: Vec<&'a CompiledPolicy>,
}

/// What one layer found.
#[derive(Default)]
struct LayerOutcome {
    allows: bool,
    denies: bool,
    /// The strongest principal grant among matching Allows (resource layer only).
    grant: Option<Grant>,
}

/// The decision alone: the fast path (no explanation, no allocation).
pub fn decide(set: &PolicySet<'_>, req: &Request) -> Decision {
    let mut run = Run {
        req,
        explain: None,
        has_boundary: !set.permissions_boundaries.is_empty(),
    };
    combine(set, &mut run).0
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
    combine(set, &mut run)
}

/// The decision with its full explanation.
pub fn evaluate(set: &PolicySet<'_>, req: &Request) -> Evaluation {
    let mut run = Run {
        req,
        explain: Some(Collected::default()),
        has_boundary: !set.permissions_boundaries.is_empty(),
    };
    let (decision, layer) = combine(set, &mut run);
    let c = run.explain.unwrap_or_default();
    let deciding_statements = deciding(&c.statements, decision, layer);
    let summary = summary(decision, layer, &deciding_statements, &c.statements);
    let mut missing = c.missing;
    missing.sort();
    missing.dedup();
    let explanation = Explanation {
        decision,
        deciding_layer: layer,
        deciding_statements,
        summary,
        layers: c.layers,
        statements: c.statements,
        missing_context_keys: missing,
        unevaluated: c.unevaluated,
    };
    Evaluation {
        decision,
        explanation,
    }
}

#[derive(Default)]
struct Collected {
    layers: Vec<LayerResult>,
    statements: Vec<StatementExplanation>,
    missing: Vec<String>,
    unevaluated: Vec<Unevaluated>,
}

struct Run<'r> {
    req: &'r Request,
    explain: Option<Collected>,
    has_boundary: bool,
}

impl Run<'_> {
    fn layer(&mut self, layer: Layer, policies: &[&CompiledPolicy]) -> LayerOutcome {
        let mut out = LayerOutcome::default();
        let check_principal = match (layer, self.has_boundary) {
            (Layer::ResourceBased, true) => PrincipalCheck::CheckWithBoundary,
            (Layer::ResourceBased, false) => PrincipalCheck::Check,
            _ => PrincipalCheck::Ignore,
        };
        for policy in policies {
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
                match (grant, st.effect) {
                    (Some(_), Effect::Deny) => out.denies = true,
                    (Some(g), Effect::Allow) => {
                        out.allows = true;
                        out.grant = out.grant.max(Some(g));
                    }
                    (None, _) => {}
                }
            }
        }
        if let Some(c) = self.explain.as_mut() {
            if !policies.is_empty() {
                c.layers.push(LayerResult {
                    layer,
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

/// Runs every layer (all of them, so explicit denies anywhere are seen) and combines.
fn combine(set: &PolicySet<'_>, run: &mut Run<'_>) -> (Decision, Option<Layer>) {
    let scp = run.layer(Layer::ServiceControl, &set.service_control);
    let resource: Vec<&CompiledPolicy> = set.resource.into_iter().collect();
    let rb = run.layer(Layer::ResourceBased, &resource);
    let identity = run.layer(Layer::Identity, &set.identity);
    let boundary = run.layer(Layer::PermissionsBoundary, &set.permissions_boundaries);
    let session = run.layer(Layer::Session, &set.session);

    let denying = [
        (Layer::ServiceControl, &scp),
        (Layer::ResourceBased, &rb),
        (Layer::Identity, &identity),
        (Layer::PermissionsBoundary, &boundary),
        (Layer::Session, &session),
    ]
    .into_iter()
    .find(|(_, o)| o.denies);
    if let Some((layer, _)) = denying {
        return (Decision::ExplicitDeny, Some(layer));
    }
    if !set.service_control.is_empty() && !scp.allows {
        return (Decision::ImplicitDeny, Some(Layer::ServiceControl));
    }
    let cross_account = is_cross_account(run.req);
    if cross_account {
        // Across accounts both sides must allow.
        if !rb.allows {
            return (Decision::ImplicitDeny, Some(Layer::ResourceBased));
        }
        if !identity.allows {
            return (Decision::ImplicitDeny, Some(Layer::Identity));
        }
    } else if rb.grant == Some(Grant::Direct) {
        // Granted to exactly this caller (e.g. the session ARN): neither the boundary nor
        // the session policies limit it.
        return (Decision::Allowed, Some(Layer::ResourceBased));
    } else if !identity.allows && rb.grant != Some(Grant::Role) {
        return (Decision::ImplicitDeny, Some(Layer::Identity));
    }
    if !set.permissions_boundaries.is_empty() && !boundary.allows {
        return (Decision::ImplicitDeny, Some(Layer::PermissionsBoundary));
    }
    if !set.session.is_empty() && !session.allows {
        return (Decision::ImplicitDeny, Some(Layer::Session));
    }
    let layer = if identity.allows {
        Layer::Identity
    } else {
        Layer::ResourceBased
    };
    (Decision::Allowed, Some(layer))
}

/// Whether the resource's account (when given) differs from the caller's.
fn is_cross_account(req: &Request) -> bool {
    let caller = match &req.principal {
        Some(RequestPrincipal::Aws(arn)) => arn_account(arn),
        _ => None,
    };
    matches!((req.account_id.as_deref(), caller), (Some(owner), Some(caller)) if owner != caller)
}

fn deciding(
    statements: &[StatementExplanation],
    decision: Decision,
    layer: Option<Layer>,
) -> Vec<StatementRef> {
    let wanted = match decision {
        Decision::ExplicitDeny => Effect::Deny,
        Decision::Allowed => Effect::Allow,
        Decision::ImplicitDeny => return Vec::new(),
    };
    // An allow is granted by the identity and resource-based layers together (across
    // accounts both are needed; within one either may grant), so both are listed.
    let granting = |l: Layer| match layer {
        Some(Layer::Identity | Layer::ResourceBased) => {
            matches!(l, Layer::Identity | Layer::ResourceBased)
        }
        other => other == Some(l),
    };
    statements
        .iter()
        .filter(|s| {
            s.matched
                && s.statement.effect == wanted
                && (decision == Decision::ExplicitDeny || granting(s.layer))
        })
        .map(|s| s.statement.clone())
        .collect()
}

fn layer_words(layer: Layer) -> &'static str {
    match layer {
        Layer::ServiceControl => "the service control policies",
        Layer::ResourceBased => "the resource-based policy",
        Layer::Identity => "the identity-based policies",
        Layer::PermissionsBoundary => "the permissions boundary",
        Layer::Session => "the session policies",
    }
}

/// The Allow statement of `layer` that came closest to applying: the one that matched the
/// most parts (action, then resource, then principal), first in order on ties.
fn closest(
    statements: &[StatementExplanation],
    layer: Option<Layer>,
) -> Option<&StatementExplanation> {
    let score = |s: &StatementExplanation| {
        usize::from(s.action.matched) * 4
            + usize::from(s.action.matched && s.resource.matched) * 2
            + usize::from(s.principal.as_ref().is_none_or(|p| p.matched))
    };
    statements
        .iter()
        .filter(|s| {
            Some(s.layer) == layer && s.statement.effect == Effect::Allow && s.action.matched
        })
        .fold(None, |best: Option<&StatementExplanation>, s| match best {
            Some(b) if score(b) >= score(s) => Some(b),
            _ => Some(s),
        })
}

fn summary(
    decision: Decision,
    layer: Option<Layer>,
    deciding: &[StatementRef],
    statements: &[StatementExplanation],
) -> String {
    let names: Vec<String> = deciding
        .iter()
        .map(|s| format!("`{}` in `{}`", s.label, s.policy))
        .collect();
    let words = layer.map_or("no policy", layer_words);
    match decision {
        Decision::ExplicitDeny => format!("explicitly denied by {}", names.join(", ")),
        Decision::Allowed => format!("allowed by {} ({words})", names.join(", ")),
        Decision::ImplicitDeny => {
            let base = format!("implicitly denied: no statement in {words} allows this request");
            match closest(statements, layer) {
                Some(s) => format!(
                    "{base}; closest is `{}` in `{}`: {}",
                    s.statement.label, s.statement.policy, s.reason
                ),
                None => base,
            }
        }
    }
}

#[cfg(test)]
mod tests;
