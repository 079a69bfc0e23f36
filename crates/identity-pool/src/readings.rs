//! The other readings of the guest scope-down: a request's decision under each scope-down
//! version the scenario did not choose. Where it differs, the request shows both outcomes.

use iam_policy::{decide, Decision, PolicySet, Request};

use crate::note::Topic;
use crate::report::{Reading, RequestDecision};
use crate::scope_down::{built, ScopeDown, ScopeDownVersion};

/// The scope-down of every version other than `chosen` (compiled once per process).
pub fn other_scope_downs(chosen: &ScopeDownVersion) -> Vec<&'static ScopeDown> {
    built()
        .iter()
        .filter(|sd| sd.version.id != chosen.id)
        .collect()
}

/// A reading for each other version under which `request` is decided differently from
/// `decision`. `set` holds every layer but the session policies.
pub fn scope_down_readings<'a>(
    others: &[&'a ScopeDown],
    set: &mut PolicySet<'a>,
    request: &Request,
    decision: Decision,
) -> Vec<Reading> {
    let mut readings = Vec::new();
    for other in others {
        set.session = other.compiled.iter().collect();
        let theirs = decide(set, request);
        if theirs == decision {
            continue;
        }
        let version = other.version;
        let outcome = RequestDecision::from(theirs).as_str();
        readings.push(Reading {
            topic: Topic::ScopeDownVersion,
            assumption: format!(
                "scope-down version `{}` ({}): {}",
                version.id, version.date, version.title
            ),
            outcome: outcome.to_owned(),
            detail: format!(
                "under scope-down version `{}` ({}) this request would be {outcome}",
                version.id, version.date
            ),
        });
    }
    set.session = Vec::new();
    readings
}
