//! `coach::cross_identity_access`: the seed's examples keep each identity to its own S3
//! prefix or DynamoDB items by its ID. Each allowed request that names the identity's own
//! ID (or its provider `sub`) is asked again with another identity's in its place, by the
//! same session: if that is allowed too, one identity reaches another's objects.

use iam_policy::{ContextValue, Verdict};
use serde_json::Value;

use super::breadth::SUB_VARIABLE;
use super::doc::{fix, one_or_list, statement_mut, FixBudget};
use super::{finding, session_role, Finding, Level};
use crate::scenario::{Scenario, ScenarioRequest};
use crate::simulate::simulate;

/// The other identity's ID, in the same region.
fn other_identity(id: &str) -> String {
    let region = id.split_once(':').map_or("us-east-1", |(r, _)| r);
    let other = format!("{region}:99999999-8888-4777-8666-555555555555");
    if other == id {
        format!("{region}:99999999-8888-4777-8666-444444444444")
    } else {
        other
    }
}

fn swap(text: &str, pairs: &[(String, String)]) -> String {
    pairs.iter().fold(text.to_owned(), |t, (from, to)| {
        t.replace(from.as_str(), to)
    })
}

fn swapped(request: &ScenarioRequest, pairs: &[(String, String)]) -> Option<ScenarioRequest> {
    let resource = swap(&request.resource, pairs);
    let context: Vec<(String, ContextValue)> = request
        .context
        .iter()
        .map(|(k, v)| {
            let v = match v {
                ContextValue::Single(s) => ContextValue::Single(swap(s, pairs)),
                ContextValue::Multi(list) => {
                    ContextValue::Multi(list.iter().map(|s| swap(s, pairs)).collect())
                }
            };
            (k.clone(), v)
        })
        .collect();
    let changed = resource != request.resource || context != request.context;
    changed.then(|| ScenarioRequest {
        resource,
        context,
        expect: None,
        ..request.clone()
    })
}

/// `coach::cross_identity_access`.
pub fn cross_identity(scenario: &Scenario, budget: &FixBudget, out: &mut Vec<Finding>) {
    let report = simulate(scenario);
    let (Some(_), Some(id)) = (&report.session, report.identity_id.clone()) else {
        return;
    };
    let mut pairs = vec![(id.clone(), other_identity(&id))];
    if let Some(sub) = scenario.sign_in.claim_text("sub").filter(|s| s.len() >= 6) {
        pairs.push((sub.to_owned(), format!("other-{sub}")));
    }
    let mut probes: Vec<(usize, ScenarioRequest)> = Vec::new();
    for result in &report.requests {
        let Some(request) = scenario.requests.get(result.index) else {
            continue;
        };
        if result.decision != Verdict::Allowed {
            continue;
        }
        if let Some(probe) = swapped(request, &pairs) {
            probes.push((result.index, probe));
        }
    }
    if probes.is_empty() {
        return;
    }
    let mut probe_scenario = scenario.clone();
    probe_scenario.requests = probes.iter().map(|(_, r)| r.clone()).collect();
    let answers = simulate(&probe_scenario);
    let Some(role) = session_role(scenario, &report) else {
        return;
    };
    let other = pairs.first().map(|(_, o)| o.clone()).unwrap_or_default();
    for ((index, probe), answer) in probes.iter().zip(&answers.requests) {
        if answer.decision != Verdict::Allowed {
            continue;
        }
        let Some(deciding) = answer
            .explanation
            .iter()
            .flat_map(|e| &e.deciding_statements)
            .find(|s| role.policies.iter().any(|d| d.name == s.policy))
        else {
            continue;
        };
        let Some(doc) = role.policies.iter().find(|d| d.name == deciding.policy) else {
            continue;
        };
        let original = scenario.requests.get(*index);
        let own = original.map_or("", |r| r.resource.as_str());
        let mut f = finding(
            scenario,
            "coach::cross_identity_access",
            Level::Warning,
            doc,
            deciding.index,
            format!(
                "identity `{id}` can reach identity `{other}`'s data: `{}` on `{}` is allowed by `{}` statement {}",
                probe.action, probe.resource, deciding.policy, deciding.index
            ),
            format!(
                "Request {index} names this identity's own `{own}`; the same request for another identity's `{}` is allowed too, with these credentials. Scope the resource by the caller's identity with `{SUB_VARIABLE}` (S3 prefixes) or a `dynamodb:LeadingKeys` condition (DynamoDB), as AWS's examples do.",
                probe.resource
            ),
        );
        f.evidence = vec![
            format!("identity A: `{id}`"),
            format!("identity B: `{other}`"),
            format!(
                "A asks `{}` on `{}` (B's): Allowed",
                probe.action, probe.resource
            ),
        ];
        // A resource named by the identity's ID: narrow the statement's resources to the
        // identity's own prefix.
        let scoped = own.find(id.as_str()).map(|at| {
            let head = own.get(..at).unwrap_or_default();
            let tail = own.get(at + id.len()..).unwrap_or_default();
            let rest = if tail.is_empty() { "" } else { "/*" };
            format!("{head}{SUB_VARIABLE}{rest}")
        });
        if let Some(scoped) = scoped {
            let statement_index = deciding.index;
            f.fix = fix(
                scenario,
                budget,
                doc,
                format!("limit the statement to `{scoped}`"),
                move |document: &mut Value| {
                    let statement = statement_mut(document, statement_index)?.as_object_mut()?;
                    statement.insert("Resource".to_owned(), one_or_list(&[scoped]));
                    Some(())
                },
            );
        }
        out.push(f);
    }
}
