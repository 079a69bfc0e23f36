//! `coach::broader_than_requests`: the listed requests are the user's statement of what the
//! app does; an Allow that decides some of them but grants more actions (or every resource)
//! is broader than needed, and a tighter statement can be proposed.

use std::collections::BTreeMap;

use aws_catalog::{AccessLevel, Catalog};
use iam_policy::{Effect, Verdict};
use serde_json::Value;

use super::doc::{fix, one_or_list, statement_mut, FixBudget};
use super::{finding, session_role, some, Finding, Level};
use crate::scenario::Scenario;
use crate::simulate::simulate;

/// The identity variable a per-identity resource is written with.
pub const SUB_VARIABLE: &str = "${cognito-identity.amazonaws.com:sub}";

/// `coach::broader_than_requests`.
pub fn broader_than_requests(
    scenario: &Scenario,
    catalog: &Catalog,
    budget: &FixBudget,
    out: &mut Vec<Finding>,
) {
    let report = simulate(scenario);
    let Some(role) = session_role(scenario, &report) else {
        return;
    };
    // (policy label, statement index) → the allowed requests it decided.
    let mut decided: BTreeMap<(String, usize), Vec<(String, String)>> = BTreeMap::new();
    for request in report
        .requests
        .iter()
        .filter(|r| r.decision == Verdict::Allowed)
    {
        for s in request
            .explanation
            .iter()
            .flat_map(|e| &e.deciding_statements)
        {
            if s.effect == Effect::Allow {
                decided
                    .entry((s.policy.clone(), s.index))
                    .or_default()
                    .push((request.action.clone(), request.resource.clone()));
            }
        }
    }
    let identity_id = report.identity_id.as_deref().unwrap_or_default();
    for ((label, index), requests) in decided {
        let Some(doc) = role.policies.iter().find(|d| d.name == label) else {
            continue;
        };
        let Some(statement) = doc.policy.as_ref().and_then(|p| p.statements.get(index)) else {
            continue;
        };
        let Some(actions) = statement.action.as_ref().filter(|l| !l.negated) else {
            continue;
        };
        let needed: Vec<String> = {
            let mut v: Vec<String> = Vec::new();
            for (action, _) in &requests {
                let name = catalog
                    .action(action)
                    .map_or_else(|| action.clone(), |a| a.full_name());
                if !v.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                    v.push(name);
                }
            }
            v
        };
        let mut extra: Vec<(String, AccessLevel)> = Vec::new();
        for entry in &actions.values {
            for action in catalog.expand(&entry.value) {
                let name = action.full_name();
                if !needed.iter().any(|n| n.eq_ignore_ascii_case(&name))
                    && !extra.iter().any(|(n, _)| *n == name)
                {
                    extra.push((name, action.level()));
                }
            }
        }
        let any_resource = statement
            .resource
            .as_ref()
            .is_some_and(|r| !r.negated && r.values.iter().any(|v| v.value == "*"))
            && requests.iter().all(|(_, r)| r != "*");
        if extra.is_empty() && !any_resource {
            continue;
        }
        let by_level: Vec<String> = AccessLevel::ALL
            .iter()
            .filter_map(|level| {
                let n = extra.iter().filter(|(_, l)| l == level).count();
                (n > 0).then(|| format!("{n} {}", level.name()))
            })
            .collect();
        let names: Vec<String> = extra.iter().map(|(n, _)| n.clone()).collect();
        let mut parts = Vec::new();
        if !extra.is_empty() {
            parts.push(format!(
                "{} more action{} than the listed requests use ({}: {})",
                extra.len(),
                if extra.len() == 1 { "" } else { "s" },
                by_level.join(", "),
                some(&names, 3)
            ));
        }
        if any_resource {
            parts.push("every resource (`*`)".to_owned());
        }
        let mut f = finding(
            scenario,
            "coach::broader_than_requests",
            Level::Info,
            doc,
            index,
            format!("`{label}` statement {index} grants {}", parts.join(" and ")),
            format!(
                "The listed requests say what the app does: {}. Grant exactly that, so a leaked credential or a bug can do no more. If the app needs more, list those requests too.",
                some(
                    &requests
                        .iter()
                        .map(|(a, r)| format!("{a} on {r}"))
                        .collect::<Vec<_>>(),
                    3
                )
            ),
        );
        f.evidence = names.into_iter().take(20).collect();
        let resources: Vec<String> = {
            let mut v: Vec<String> = Vec::new();
            for (_, resource) in &requests {
                let general = generalize(resource, identity_id);
                if !v.contains(&general) {
                    v.push(general);
                }
            }
            v
        };
        f.fix = fix(
            scenario,
            budget,
            doc,
            "grant only what the listed requests use".to_owned(),
            move |document: &mut Value| {
                let statement = statement_mut(document, index)?.as_object_mut()?;
                statement.insert("Action".to_owned(), one_or_list(&needed));
                if any_resource {
                    statement.insert("Resource".to_owned(), one_or_list(&resources));
                }
                Some(())
            },
        );
        out.push(f);
    }
}

/// A request's resource as a policy names it: the identity's own ID becomes the
/// `${cognito-identity.amazonaws.com:sub}` variable, so every identity gets its own.
pub fn generalize(resource: &str, identity_id: &str) -> String {
    if identity_id.is_empty() {
        return resource.to_owned();
    }
    resource.replace(identity_id, SUB_VARIABLE)
}
