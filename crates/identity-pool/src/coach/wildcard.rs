//! `coach::sensitive_wildcard`: an Allow with a wildcard on `iam:`, `sts:` or `kms:` (or `*`
//! itself) in any role: these services decide who may do what, and a wildcard there grants
//! actions nobody reviewed.

use iam_policy::Effect;
use serde_json::Value;

use super::doc::{fix, one_or_list, statement_mut, FixBudget};
use super::{finding, Finding, Level};
use crate::scenario::Scenario;

const SENSITIVE: [&str; 3] = ["iam", "sts", "kms"];

fn is_sensitive(entry: &str) -> bool {
    if entry == "*" {
        return true;
    }
    let Some((prefix, name)) = entry.split_once(':') else {
        return false;
    };
    (prefix.contains(['*', '?']) || name.contains(['*', '?']))
        && (prefix.contains(['*', '?']) || SENSITIVE.iter().any(|s| prefix.eq_ignore_ascii_case(s)))
}

/// Every sensitive wildcard of every role's permission policies.
pub fn sensitive(scenario: &Scenario, budget: &FixBudget, out: &mut Vec<Finding>) {
    for role in &scenario.roles {
        for doc in &role.policies {
            let Some(policy) = &doc.policy else { continue };
            for statement in &policy.statements {
                if statement.effect.value != Effect::Allow {
                    continue;
                }
                let Some(list) = statement.action.as_ref().filter(|l| !l.negated) else {
                    continue;
                };
                let wild: Vec<String> = list
                    .values
                    .iter()
                    .filter(|v| is_sensitive(&v.value))
                    .map(|v| v.value.clone())
                    .collect();
                if wild.is_empty() {
                    continue;
                }
                let index = statement.index;
                let mut f = finding(
                    scenario,
                    "coach::sensitive_wildcard",
                    Level::Warning,
                    doc,
                    index,
                    format!(
                        "`{}` statement {index} grants {} on `{}`",
                        doc.name,
                        wild.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", "),
                        role.name
                    ),
                    "IAM, STS and KMS actions change who may do what, assume other roles or use keys; a wildcard there grants actions nobody reviewed (`kms:*` includes `kms:PutKeyPolicy` and `kms:ScheduleKeyDeletion`). Name the actions the app uses.".to_owned(),
                );
                // The listed requests the wildcard covers are what the app uses.
                let used: Vec<String> = {
                    let mut v: Vec<String> = Vec::new();
                    for r in &scenario.requests {
                        if wild.iter().any(|w| aws_catalog::glob_matches(w, &r.action))
                            && !v.iter().any(|a| a.eq_ignore_ascii_case(&r.action))
                        {
                            v.push(r.action.clone());
                        }
                    }
                    v
                };
                if !used.is_empty() {
                    let entries: Vec<String> = list
                        .values
                        .iter()
                        .map(|v| v.value.clone())
                        .filter(|v| !wild.contains(v))
                        .chain(used.iter().cloned())
                        .collect();
                    f.fix = fix(
                        scenario,
                        budget,
                        doc,
                        format!("name the actions the requests use: {}", used.join(", ")),
                        move |d: &mut Value| {
                            statement_mut(d, index)?
                                .as_object_mut()?
                                .insert("Action".to_owned(), one_or_list(&entries));
                            Some(())
                        },
                    );
                }
                out.push(f);
            }
        }
    }
}
