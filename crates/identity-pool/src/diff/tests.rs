//! The diff corpus (`tests/diff`): each case edits an example and says what the comparison
//! must find, identity by identity.

use aws_catalog::Catalog;
use serde_json::Value;

use super::*;
use crate::corpus_support::{cases, scenario};

fn kind_name(kind: IdentityKind) -> &'static str {
    match kind {
        IdentityKind::Current => "current",
        IdentityKind::Guest => "guest",
        IdentityKind::Provider => "provider",
        IdentityKind::Mapping => "mapping",
    }
}

fn identities_of<'r>(report: &'r DiffReport, kind: &str) -> Vec<&'r IdentityDiff> {
    report
        .identities
        .iter()
        .filter(|i| kind_name(i.kind) == kind)
        .collect()
}

/// Whether some identity of `kind` has `action` in `list` (`newlyAllowed`/`newlyDenied`).
fn has_action(report: &DiffReport, kind: &str, action: &str, allowed: bool) -> bool {
    identities_of(report, kind).iter().any(|i| {
        i.services.iter().any(|s| {
            let list = if allowed {
                &s.newly_allowed
            } else {
                &s.newly_denied
            };
            list.iter().any(|c| c.action == action)
        })
    })
}

fn check_case(file: &str, case: &Value) {
    let name = case["name"].as_str().unwrap();
    let old = scenario(case, "oldSet");
    let new = scenario(case, "set");
    let report = diff(&old, &new, Catalog::embedded());
    let expect = &case["expect"];
    let at = format!("{file}: {name}");
    assert_eq!(
        report.grants_new,
        expect["grantsNew"].as_bool().unwrap(),
        "{at}: grantsNew\n{}",
        to_text(&report)
    );
    for (field, allowed) in [("allowed", true), ("denied", false)] {
        for item in expect[field].as_array().into_iter().flatten() {
            let kind = item["identity"].as_str().unwrap();
            let action = item["action"].as_str().unwrap();
            assert!(
                has_action(&report, kind, action, allowed),
                "{at}: `{action}` should be newly {field} for the {kind} identity\n{}",
                to_text(&report)
            );
        }
    }
    for item in expect["notAllowed"].as_array().into_iter().flatten() {
        let kind = item["identity"].as_str().unwrap();
        let action = item["action"].as_str().unwrap();
        assert!(
            !has_action(&report, kind, action, true),
            "{at}: `{action}` must not be newly allowed for the {kind} identity\n{}",
            to_text(&report)
        );
    }
    for item in expect["requests"].as_array().into_iter().flatten() {
        let kind = item["identity"].as_str().unwrap_or("current");
        let index = item["index"].as_u64().unwrap() as usize;
        let found = identities_of(&report, kind)
            .iter()
            .flat_map(|i| &i.requests)
            .find(|r| r.index == index)
            .unwrap_or_else(|| panic!("{at}: request {index} should have changed"));
        assert_eq!(
            serde_json::to_value(found.before).unwrap(),
            item["before"],
            "{at}: request {index} before"
        );
        assert_eq!(
            serde_json::to_value(found.after).unwrap(),
            item["after"],
            "{at}: request {index} after"
        );
        if let Some(statement) = item["afterStatement"].as_str() {
            assert!(
                found.after_because.contains(statement),
                "{at}: request {index} should be decided after by {statement}: {}",
                found.after_because
            );
        }
    }
    for item in expect["signIn"].as_array().into_iter().flatten() {
        let kind = item["identity"].as_str().unwrap();
        let found = identities_of(&report, kind);
        assert!(
            found
                .iter()
                .any(|i| i.outcome_before == item["before"].as_str().unwrap()
                    && i.outcome_after == item["after"].as_str().unwrap()),
            "{at}: the {kind} sign-in should go from {} to {}\n{}",
            item["before"],
            item["after"],
            to_text(&report)
        );
    }
    if let Some(n) = expect["changedIdentities"].as_u64() {
        assert_eq!(
            report.identities_changed as u64,
            n,
            "{at}: identities changed\n{}",
            to_text(&report)
        );
    }
    // Every form renders what the report holds.
    let md = to_markdown(&report);
    assert!(
        md.contains(&render::headline(&report)),
        "{at}: markdown headline"
    );
    if report.grants_new {
        assert!(md.contains("**Grants new access.**"), "{at}");
    }
}

#[test]
fn the_diff_corpus_holds() {
    let all = cases("diff");
    assert!(all.len() >= 8, "the diff corpus has {} cases", all.len());
    for (file, case) in &all {
        check_case(file, case);
    }
}

#[test]
fn a_scenario_compared_with_itself_changes_nothing() {
    for id in [
        "guest-reads-public-picture",
        "rules-equals-admin",
        "scope-down-guest-enhanced",
        "token-preferred-role",
    ] {
        let case = serde_json::json!({ "example": id });
        let s = scenario(&case, "set");
        let report = diff(&s, &s, Catalog::embedded());
        assert_eq!(report.identities_changed, 0, "{id}\n{}", to_text(&report));
        assert!(!report.grants_new, "{id}");
        assert!(
            report.identities.len() >= 2,
            "{id}: more than one identity compared"
        );
    }
}

#[test]
fn role_mapping_outcomes_are_identities() {
    let case = serde_json::json!({ "example": "rules-first-match-wins" });
    let s = scenario(&case, "set");
    let labels: Vec<String> = identities(&s).into_iter().map(|i| i.label).collect();
    // The scenario's own sign-in, the guest, and one identity per rule or the default.
    assert!(labels.len() >= 3, "{labels:?}");
    assert!(labels.iter().any(|l| l.contains("rule 2")), "{labels:?}");
}
