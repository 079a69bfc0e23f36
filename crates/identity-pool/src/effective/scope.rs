//! What the effective-permissions view covers: the services in play and the resources the
//! policies name.

use std::collections::HashSet;

use aws_catalog::Catalog;
use iam_policy::{parse_policy, Context, ContextValue, Policy, PolicyKind};

use crate::scenario::{Role, Scenario};

/// The services to list, in order: the role's (identity policies, then boundary), then
/// those only the session policies name.
pub struct InPlay {
    /// `(prefix, named by the role)`, each once.
    pub services: Vec<(String, bool)>,
    /// Whether some entry names every service (`*`, `*:Get*`): not expanded.
    pub wildcard: bool,
}

fn role_policies(role: Option<&Role>) -> impl Iterator<Item = &Policy> {
    role.into_iter()
        .flat_map(|r| r.policies.iter().chain(r.boundary.as_ref()))
        .filter_map(|d| d.policy.as_ref())
}

fn session_policies(texts: &[&str]) -> Vec<Policy> {
    texts
        .iter()
        .filter_map(|t| parse_policy(t, PolicyKind::Session).policy)
        .collect()
}

/// The services the role's and the session's policies name in `Action`/`NotAction`.
pub fn services_in_play(role: Option<&Role>, session_texts: &[&str], catalog: &Catalog) -> InPlay {
    let mut out = InPlay {
        services: Vec::new(),
        wildcard: false,
    };
    let session = session_policies(session_texts);
    let sources = role_policies(role)
        .map(|p| (p, true))
        .chain(session.iter().map(|p| (p, false)));
    for (policy, from_role) in sources {
        let entries = policy
            .statements
            .iter()
            .filter_map(|st| st.action.as_ref())
            .flat_map(|list| list.values.iter());
        for entry in entries {
            let prefix = entry.value.split_once(':').map_or("*", |(p, _)| p);
            if prefix.contains(['*', '?']) {
                out.wildcard = true;
                continue;
            }
            let Some(service) = catalog.service(prefix) else {
                continue;
            };
            if !out.services.iter().any(|(p, _)| **p == *service.prefix) {
                out.services.push((service.prefix.to_string(), from_role));
            }
        }
    }
    out
}

/// Every resource the policies name (`Resource` entries other than `*`, and the ARNs of the
/// scenario's resource-based policies), each once, in order.
pub fn named_resources(
    scenario: &Scenario,
    role: Option<&Role>,
    session_texts: &[&str],
) -> Vec<String> {
    let session = session_policies(session_texts);
    let mut out: Vec<String> = Vec::new();
    // A set beside the list: 20,000 statements each naming a prefix made `contains` on the
    // list cost the square.
    let mut seen: HashSet<String> = HashSet::new();
    let policies = role_policies(role).chain(session.iter());
    let entries = policies
        .flat_map(|p| p.statements.iter())
        .filter_map(|st| st.resource.as_ref().filter(|r| !r.negated))
        .flat_map(|list| list.values.iter().map(|v| v.value.clone()));
    let owned = scenario
        .resource_policies
        .iter()
        .map(|(arn, _)| arn.value.clone());
    for resource in entries.chain(owned) {
        if resource != "*" && !seen.contains(&resource) {
            seen.insert(resource.clone());
            out.push(resource);
        }
    }
    out
}

/// `resource` with each `${key}` the session's context holds (one value) filled in, as AWS
/// substitutes policy variables: a resource named per identity becomes this identity's.
pub fn substitute(resource: &str, context: &Context) -> String {
    let mut out = String::with_capacity(resource.len());
    let mut rest = resource;
    while let Some(start) = rest.find("${") {
        let (head, tail) = rest.split_at(start);
        out.push_str(head);
        let Some(end) = tail.find('}') else {
            out.push_str(tail);
            return out;
        };
        let key = tail.get(2..end).unwrap_or_default();
        match context.get(key) {
            Some(ContextValue::Single(value)) => out.push_str(value),
            _ => out.push_str(tail.get(..=end).unwrap_or_default()),
        }
        rest = tail.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}
