//! Combining the layers as AWS's policy evaluation logic does (IAM User Guide, "Policy
//! evaluation logic" and "Cross-account policy evaluation logic"; AWS Organizations, "SCP
//! evaluation" and "RCP evaluation"):
//!
//! 1. `sts:GetCallerIdentity` needs no permission: allowed whatever the policies say.
//! 2. An explicit Deny in any layer that applies wins.
//! 3. Every SCP level (root → account) and every RCP level must allow; so must every VPC
//!    endpoint policy on the way.
//! 4. Changing what AWS owns is never allowed; an anonymous request needs a resource-based
//!    grant; a KMS key's policy and a role's trust policy must allow.
//! 5. Same account: a resource-based grant to exactly the caller allows on its own; otherwise
//!    identity (or a role-ARN resource grant) must allow. Across accounts both must allow.
//!    Then the permissions boundary and the session policies must each allow.

use super::{rules, Gates, LayerOutcome, PolicySet, Run};
use crate::compile::CompiledPolicy;
use crate::explain::{Layer, Rule};
use crate::statement::Grant;
use crate::{Decision, RequestPrincipal};

/// The outcome of combining the layers.
pub(super) struct Combined {
    pub decision: Decision,
    pub layer: Option<Layer>,
    /// The index of the deciding organization level or endpoint policy.
    pub level: Option<usize>,
    pub rule: Option<Rule>,
    /// Why an AWS-owned resource cannot be changed (with [`Rule::AwsOwnedResource`]).
    pub why: Option<&'static str>,
    /// Every layer that would block the request on its own, in the order AWS checks them
    /// (explanations only; empty on the fast path).
    pub blockers: Vec<Blocking>,
}

/// One layer that would block the request: a Deny that applies there, or the Allow it
/// lacks where the request needs one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Blocking {
    /// `ExplicitDeny` or `ImplicitDeny`.
    pub decision: Decision,
    /// The layer (none for a rule about AWS-owned resources).
    pub layer: Option<Layer>,
    /// The organization level or endpoint, for layers with several.
    pub level: Option<usize>,
    /// The rule of the evaluation logic that needs the Allow, when there is one.
    pub rule: Option<Rule>,
}

fn combined(decision: Decision, layer: Option<Layer>) -> Combined {
    Combined {
        decision,
        layer,
        level: None,
        rule: None,
        why: None,
        blockers: Vec::new(),
    }
}

impl Combined {
    fn at(mut self, level: usize) -> Self {
        self.level = Some(level);
        self
    }

    fn by(mut self, rule: Rule) -> Self {
        self.rule = Some(rule);
        self
    }
}

/// Runs every layer that applies (all of them, so explicit denies anywhere are seen) and
/// combines them.
pub(super) fn combine(set: &PolicySet<'_>, run: &mut Run<'_>) -> Combined {
    let req = run.req;
    let anonymous = matches!(req.principal, Some(RequestPrincipal::Anonymous));
    // Only Organizations policies care (and splitting the caller's ARN is not free).
    let service_linked = !(set.service_control.is_empty() && set.resource_control.is_empty())
        && rules::is_service_linked_role(req);
    let management = set.management_account.as_deref();

    let scp_applies = !set.service_control.is_empty()
        && org_applies(
            run,
            "service control policies",
            anonymous,
            service_linked,
            management.is_some() && rules::caller_account(req) == management,
        );
    let scp = if scp_applies {
        run.gates(
            Layer::ServiceControl,
            set.service_control
                .iter()
                .map(|l| (l.id.as_deref(), l.policies.as_slice())),
        )
    } else {
        Gates::default()
    };
    let rcp_applies = !set.resource_control.is_empty()
        && org_applies(
            run,
            "resource control policies",
            false,
            service_linked,
            management.is_some() && rules::resource_account(req) == management,
        );
    let rcp = if rcp_applies {
        run.gates(
            Layer::ResourceControl,
            set.resource_control
                .iter()
                .map(|l| (l.id.as_deref(), l.policies.as_slice())),
        )
    } else {
        Gates::default()
    };
    let endpoints = run.gates(
        Layer::VpcEndpoint,
        set.endpoint.iter().map(|p| (None, std::slice::from_ref(p))),
    );
    let resource: &[&CompiledPolicy] = set.resource.as_slice();
    let rb = run.layer(Layer::ResourceBased, None, resource);
    let (identity, boundary, session) = if anonymous {
        let has_any = !(set.identity.is_empty()
            && set.permissions_boundaries.is_empty()
            && set.session.is_empty());
        if has_any {
            run.note(|| "an anonymous request has no identity: its identity-based policies, permissions boundary and session policies do not apply".to_string());
        }
        Default::default()
    } else {
        (
            run.layer(Layer::Identity, None, &set.identity),
            run.layer(
                Layer::PermissionsBoundary,
                None,
                &set.permissions_boundaries,
            ),
            run.layer(Layer::Session, None, &set.session),
        )
    };

    let o = Outcomes {
        anonymous,
        scp,
        rcp,
        endpoints,
        rb,
        identity,
        boundary,
        session,
        has_identity: !set.identity.is_empty(),
        has_boundary: !set.permissions_boundaries.is_empty(),
        has_session: !set.session.is_empty(),
    };
    let mut v = verdict(&o, req);
    if run.explain.is_some() && !rules::needs_no_permission(req) {
        v.blockers = blockers(&o, req);
    }
    v
}

/// What every layer found for one request.
struct Outcomes {
    anonymous: bool,
    scp: Gates,
    rcp: Gates,
    endpoints: Gates,
    rb: LayerOutcome,
    identity: LayerOutcome,
    boundary: LayerOutcome,
    session: LayerOutcome,
    has_identity: bool,
    has_boundary: bool,
    has_session: bool,
}

/// The decision from the layers' outcomes.
fn verdict(o: &Outcomes, req: &crate::Request) -> Combined {
    let Outcomes {
        anonymous,
        scp,
        rcp,
        endpoints,
        rb,
        identity,
        boundary,
        session,
        ..
    } = o;
    let anonymous = *anonymous;
    if rules::needs_no_permission(req) {
        return combined(Decision::Allowed, None).by(Rule::NoPermissionRequired);
    }

    // 2. Explicit denies, in the order the explanation names them.
    let deny = |g: &Gates, layer| {
        g.denies
            .map(|i| combined(Decision::ExplicitDeny, Some(layer)).at(i))
    };
    if let Some(v) = deny(scp, Layer::ServiceControl)
        .or_else(|| deny(rcp, Layer::ResourceControl))
        .or_else(|| deny(endpoints, Layer::VpcEndpoint))
    {
        return v;
    }
    let denying: [(Layer, &LayerOutcome); 4] = [
        (Layer::ResourceBased, rb),
        (Layer::Identity, identity),
        (Layer::PermissionsBoundary, boundary),
        (Layer::Session, session),
    ];
    if let Some((layer, _)) = denying.into_iter().find(|(_, o)| o.denies) {
        return combined(Decision::ExplicitDeny, Some(layer));
    }

    // 3. Guardrails: every gate must allow. They never grant on their own.
    let missing = |g: &Gates, layer, rule| {
        g.missing_allow
            .map(|i| combined(Decision::ImplicitDeny, Some(layer)).at(i).by(rule))
    };
    if let Some(v) = missing(scp, Layer::ServiceControl, Rule::EveryOrganizationLevel)
        .or_else(|| missing(rcp, Layer::ResourceControl, Rule::EveryOrganizationLevel))
        .or_else(|| missing(endpoints, Layer::VpcEndpoint, Rule::EveryEndpoint))
    {
        return v;
    }

    // 4. Rules on who may ask for what.
    if let Some(why) = rules::aws_owned_change(req) {
        let mut v = combined(Decision::ImplicitDeny, None).by(Rule::AwsOwnedResource);
        v.why = Some(why);
        return v;
    }
    if anonymous {
        return if rb.allows {
            combined(Decision::Allowed, Some(Layer::ResourceBased))
        } else {
            combined(Decision::ImplicitDeny, Some(Layer::ResourceBased))
                .by(Rule::AnonymousNeedsResourcePolicy)
        };
    }
    if let Some(rule) = rules::resource_must_allow(req) {
        if !rb.allows {
            return combined(Decision::ImplicitDeny, Some(Layer::ResourceBased)).by(rule);
        }
    }

    // 5. Identity and resource-based policies, then boundary and session policies.
    if is_cross_account(req) {
        if !rb.allows {
            return combined(Decision::ImplicitDeny, Some(Layer::ResourceBased));
        }
        if !identity.allows {
            return combined(Decision::ImplicitDeny, Some(Layer::Identity));
        }
    } else if rb.grant == Some(Grant::Direct) {
        // Granted to exactly this caller (e.g. the session ARN): neither the boundary nor
        // the session policies limit it.
        return combined(Decision::Allowed, Some(Layer::ResourceBased));
    } else if !identity.allows && rb.grant != Some(Grant::Role) {
        return combined(Decision::ImplicitDeny, Some(Layer::Identity));
    }
    if o.has_boundary && !boundary.allows {
        return combined(Decision::ImplicitDeny, Some(Layer::PermissionsBoundary));
    }
    if o.has_session && !session.allows {
        return combined(Decision::ImplicitDeny, Some(Layer::Session));
    }
    let layer = if identity.allows {
        Layer::Identity
    } else {
        Layer::ResourceBased
    };
    combined(Decision::Allowed, Some(layer))
}

/// Every layer that would block the request on its own, in the order [`verdict`] checks
/// them: fixing the deciding one shows the user the next, so all are named at once.
fn blockers(o: &Outcomes, req: &crate::Request) -> Vec<Blocking> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Blocking>, decision, layer, level, rule| {
        let b = Blocking {
            decision,
            layer,
            level,
            rule,
        };
        // A layer that denies explicitly is named once, for its Deny.
        let named = out
            .iter()
            .any(|x| x.layer.is_some() && x.layer == b.layer && x.level == b.level);
        if !named {
            out.push(b);
        }
    };
    let gates = [
        (&o.scp, Layer::ServiceControl, Rule::EveryOrganizationLevel),
        (&o.rcp, Layer::ResourceControl, Rule::EveryOrganizationLevel),
        (&o.endpoints, Layer::VpcEndpoint, Rule::EveryEndpoint),
    ];
    for (g, layer, _) in gates {
        for (i, each) in g.each.iter().enumerate() {
            if each.denies {
                push(&mut out, Decision::ExplicitDeny, Some(layer), Some(i), None);
            }
        }
    }
    for (layer, outcome) in [
        (Layer::ResourceBased, &o.rb),
        (Layer::Identity, &o.identity),
        (Layer::PermissionsBoundary, &o.boundary),
        (Layer::Session, &o.session),
    ] {
        if outcome.denies {
            push(&mut out, Decision::ExplicitDeny, Some(layer), None, None);
        }
    }
    for (g, layer, rule) in gates {
        for (i, each) in g.each.iter().enumerate() {
            if !each.allows {
                push(
                    &mut out,
                    Decision::ImplicitDeny,
                    Some(layer),
                    Some(i),
                    Some(rule),
                );
            }
        }
    }
    if rules::aws_owned_change(req).is_some() {
        push(
            &mut out,
            Decision::ImplicitDeny,
            None,
            None,
            Some(Rule::AwsOwnedResource),
        );
    }
    let implicit = Decision::ImplicitDeny;
    if o.anonymous {
        if !o.rb.allows {
            let rule = Some(Rule::AnonymousNeedsResourcePolicy);
            push(&mut out, implicit, Some(Layer::ResourceBased), None, rule);
        }
        return out;
    }
    if let Some(rule) = rules::resource_must_allow(req) {
        if !o.rb.allows {
            push(
                &mut out,
                implicit,
                Some(Layer::ResourceBased),
                None,
                Some(rule),
            );
        }
    }
    let cross = is_cross_account(req);
    if cross {
        if !o.rb.allows {
            push(&mut out, implicit, Some(Layer::ResourceBased), None, None);
        }
        if !o.identity.allows {
            push(&mut out, implicit, Some(Layer::Identity), None, None);
        }
    } else if o.rb.grant == Some(Grant::Direct) {
        // Granted to exactly this caller: neither the boundary nor the session limits it.
        return out;
    } else if !o.identity.allows && o.rb.grant != Some(Grant::Role) {
        // A resource whose own policy must allow (a trust policy for a federated caller)
        // may grant on its own once fixed: without identity policies to fix, naming the
        // identity layer as well would send the user after policies that do not exist.
        let rb_named = out.iter().any(|b| b.layer == Some(Layer::ResourceBased));
        if o.has_identity || !rb_named {
            push(&mut out, implicit, Some(Layer::Identity), None, None);
        }
    }
    if o.has_boundary && !o.boundary.allows {
        push(
            &mut out,
            implicit,
            Some(Layer::PermissionsBoundary),
            None,
            None,
        );
    }
    if o.has_session && !o.session.allows {
        push(&mut out, implicit, Some(Layer::Session), None, None);
    }
    out
}

/// Whether an organization's policies apply to this request; says why not in the explanation.
fn org_applies(
    run: &mut Run<'_>,
    what: &str,
    anonymous: bool,
    service_linked: bool,
    management: bool,
) -> bool {
    let why = if anonymous {
        "an anonymous request has no principal in the organization"
    } else if service_linked {
        "they never restrict a service-linked role"
    } else if management {
        "they never apply in the organization's management account"
    } else {
        return true;
    };
    run.note(|| format!("the {what} are not evaluated: {why}"));
    false
}

/// Whether the resource's account (when given) differs from the caller's.
fn is_cross_account(req: &crate::Request) -> bool {
    matches!(
        (req.account_id.as_deref(), rules::caller_account(req)),
        (Some(owner), Some(caller)) if owner != caller
    )
}
