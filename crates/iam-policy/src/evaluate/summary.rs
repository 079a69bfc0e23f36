//! The words of an explanation: which statements decided, and a one-line summary that names
//! the deciding layer (and level), the rule of the evaluation logic, and for an implicit deny
//! the Allow that came closest.

use super::combine::Combined;
use crate::explain::{Layer, Rule, StatementExplanation, StatementRef};
use crate::policy::Effect;
use crate::{Decision, Request};

pub(super) fn deciding(statements: &[StatementExplanation], v: &Combined) -> Vec<StatementRef> {
    let wanted = match v.decision {
        Decision::ExplicitDeny => Effect::Deny,
        Decision::Allowed if v.layer.is_some() => Effect::Allow,
        _ => return Vec::new(),
    };
    // An allow is granted by the identity and resource-based layers together (across
    // accounts both are needed; within one either may grant), so both are listed.
    let granting = |l: Layer| match v.layer {
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
                && (if v.decision == Decision::ExplicitDeny {
                    // Deny statements of guardrail layers that were left out never match.
                    true
                } else {
                    granting(s.layer)
                })
        })
        .map(|s| s.statement.clone())
        .collect()
}

fn layer_words(layer: Layer) -> &'static str {
    match layer {
        Layer::ServiceControl => "the service control policies",
        Layer::ResourceControl => "the resource control policies",
        Layer::VpcEndpoint => "the VPC endpoint policy",
        Layer::ResourceBased => "the resource-based policy",
        Layer::Identity => "the identity-based policies",
        Layer::PermissionsBoundary => "the permissions boundary",
        Layer::Session => "the session policies",
    }
}

/// The layer in words, with its organization level or endpoint when it has one.
fn where_words(layer: Option<Layer>, level: Option<&str>) -> String {
    let words = layer.map_or("no policy", layer_words);
    match (layer, level) {
        (Some(Layer::VpcEndpoint), Some(l)) => format!("{words} `{l}`"),
        (Some(_), Some(l)) => format!("{words} at level `{l}`"),
        _ => words.to_string(),
    }
}

/// The Allow statement of `layer` (of the deciding level's policies, when given) that came
/// closest to applying: the one that matched the most parts (action, then resource, then
/// principal), first in order on ties.
fn closest<'s>(
    statements: &'s [StatementExplanation],
    layer: Option<Layer>,
    at_level: Option<&[&str]>,
) -> Option<&'s StatementExplanation> {
    let score = |s: &StatementExplanation| {
        usize::from(s.action.matched) * 4
            + usize::from(s.action.matched && s.resource.matched) * 2
            + usize::from(s.principal.as_ref().is_none_or(|p| p.matched))
    };
    statements
        .iter()
        .filter(|s| {
            Some(s.layer) == layer
                && s.statement.effect == Effect::Allow
                && s.action.matched
                && at_level.is_none_or(|names| names.contains(&s.statement.policy.as_str()))
        })
        .fold(None, |best: Option<&StatementExplanation>, s| match best {
            Some(b) if score(b) >= score(s) => Some(b),
            _ => Some(s),
        })
}

/// Why the rule denied, before the usual "no statement ... allows" part.
fn rule_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::KeyPolicyMustAllow => "a KMS key can be used only when its key policy allows it (directly, or through the `arn:aws:iam::ACCOUNT:root` statement that lets IAM policies grant)",
        Rule::TrustPolicyMustAllow => "a role can be assumed only when its trust policy allows the caller, even in the role's own account",
        Rule::AnonymousNeedsResourcePolicy => "an anonymous request can be allowed only by a resource-based policy that grants it to `*`",
        Rule::EveryOrganizationLevel => "every level of the organization, from the root to the account, must allow",
        Rule::EveryEndpoint => "every VPC endpoint the request passes through must allow",
        Rule::NoPermissionRequired | Rule::AwsOwnedResource => return None,
    })
}

pub(super) fn summary(
    v: &Combined,
    level: Option<&str>,
    at_level: Option<&[&str]>,
    deciding: &[StatementRef],
    statements: &[StatementExplanation],
    req: &Request,
) -> String {
    let names: Vec<String> = deciding
        .iter()
        .map(|s| format!("`{}` in `{}`", s.label, s.policy))
        .collect();
    let place = where_words(v.layer, level);
    match (v.decision, v.rule) {
        (Decision::Allowed, Some(Rule::NoPermissionRequired)) => format!(
            "allowed: `{}` needs no permission, and AWS answers it even when a policy denies it explicitly",
            req.action
        ),
        (_, Some(Rule::AwsOwnedResource)) => format!(
            "implicitly denied: `{}` cannot be changed by `{}`: {}",
            req.resource,
            req.action,
            v.why.unwrap_or("it belongs to AWS")
        ),
        (Decision::ExplicitDeny, _) => {
            format!("explicitly denied by {} ({place})", names.join(", "))
        }
        (Decision::Allowed, _) => format!("allowed by {} ({place})", names.join(", ")),
        (Decision::ImplicitDeny, rule) => {
            let nothing = if v.layer == Some(Layer::ResourceBased)
                && !statements.iter().any(|s| s.layer == Layer::ResourceBased)
            {
                "the request has no resource-based policy".to_string()
            } else {
                format!("no statement in {place} allows this request")
            };
            let base = match rule.and_then(rule_words) {
                Some(words) => format!("implicitly denied: {words}, and {nothing}"),
                None => format!("implicitly denied: {nothing}"),
            };
            match closest(statements, v.layer, at_level) {
                Some(s) => format!(
                    "{base}; closest is `{}` in `{}`: {}",
                    s.statement.label, s.statement.policy, s.reason
                ),
                None => base,
            }
        }
    }
}
