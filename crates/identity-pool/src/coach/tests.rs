//! The coach corpus (`tests/coach`): each case edits an example and names the findings
//! that must fire and the classes that must stay silent; every fix offered must clear its
//! finding once applied.

use aws_catalog::Catalog;
use serde_json::Value;

use super::*;
use crate::corpus_support::{cases, scenario};

fn codes(report: &CoachReport) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code).collect()
}

fn check_case(file: &str, case: &Value) {
    let name = case["name"].as_str().unwrap();
    let at = format!("{file}: {name}");
    let s = scenario(case, "set");
    let report = coach(&s, Catalog::embedded());
    let expect = &case["expect"];
    let listing = serde_json::to_string_pretty(&report.findings).unwrap();
    for item in expect["fires"].as_array().into_iter().flatten() {
        let code = item["code"].as_str().unwrap();
        let found = report.findings.iter().find(|f| {
            f.code == code
                && item["policy"]
                    .as_str()
                    .is_none_or(|p| f.policy.as_deref() == Some(p))
        });
        let Some(found) = found else {
            panic!("{at}: `{code}` should fire\n{listing}");
        };
        assert!(found.position.is_some(), "{at}: `{code}` has a position");
        assert!(
            !found.explanation.is_empty(),
            "{at}: `{code}` explains itself"
        );
        if item["fix"].as_bool() == Some(true) {
            assert!(
                found.fix.is_some(),
                "{at}: `{code}` offers a fix\n{listing}"
            );
        }
    }
    for code in expect["silent"].as_array().into_iter().flatten() {
        let code = code.as_str().unwrap();
        assert!(
            !codes(&report).contains(&code),
            "{at}: `{code}` must stay silent\n{listing}"
        );
    }
    if let Some(exact) = expect["exactly"].as_array() {
        let mut want: Vec<&str> = exact.iter().map(|c| c.as_str().unwrap()).collect();
        let mut got = codes(&report);
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "{at}: exactly these findings\n{listing}");
    }
    if let Some(n) = expect["dismissed"].as_u64() {
        let dismissed = report.findings.iter().filter(|f| f.dismissed).count();
        assert_eq!(dismissed as u64, n, "{at}: dismissed findings\n{listing}");
        assert_eq!(report.open, report.findings.len() - dismissed, "{at}");
    }
    // Every fix, applied, clears its own finding and leaves a scenario that loads.
    for f in report.findings.iter().filter(|f| f.fix.is_some()) {
        let fix = f.fix.as_ref().unwrap();
        let text = apply_fix(&s, fix).unwrap();
        let loaded = crate::load_scenario(&text);
        assert!(
            !loaded.has_errors(),
            "{at}: `{}` fix leaves errors: {:?}",
            f.id,
            loaded.diagnostics
        );
        let after = coach(loaded.scenario.as_ref().unwrap(), Catalog::embedded());
        assert!(
            !after.findings.iter().any(|g| g.id == f.id),
            "{at}: the fix of `{}` does not clear it\n{}",
            f.id,
            fix.after
        );
    }
}

#[test]
fn the_coach_corpus_holds() {
    let all = cases("coach");
    assert!(all.len() >= 10, "the coach corpus has {} cases", all.len());
    for (file, case) in &all {
        check_case(file, case);
    }
}

/// A document over IAM's size limit gets fixes too: a fix carries the whole document twice,
/// so such a document carries fixes up to its budget (a constant times its size), in the
/// order of its findings, and the findings past it say so; applying a fix then offers the
/// next. The small document of the same scenario keeps a fix on every finding.
#[test]
fn a_document_over_the_size_limit_gets_fixes_within_its_budget() {
    // 2,000 statements, each letting guests put objects under its own prefix.
    let statements: Vec<Value> = (0..2_000)
        .map(|i| {
            serde_json::json!({
                "Sid": format!("S{i}"),
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject"],
                "Resource": format!("arn:aws:s3:::mybucket/a-rather-long-prefix-{i:04}/*"),
            })
        })
        .collect();
    let case = serde_json::json!({
        "example": "guest-reads-public-picture",
        "set": { "/roles/0/Policies/0/PolicyDocument/Statement": statements }
    });
    let s = scenario(&case, "set");
    let doc = &s.roles[0].policies[0];
    assert!(doc.plaintext_len > doc::UNLIMITED_FIXES_UP_TO);
    let limit = doc::fix_limit(doc);
    assert!((1..2_000).contains(&limit), "limit {limit}");
    let report = coach(&s, Catalog::embedded());
    let writes: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.code == "coach::guest_write_access")
        .collect();
    assert_eq!(writes.len(), 2_000, "{:?}", codes(&report));
    let fixed: Vec<&&Finding> = writes.iter().filter(|f| f.fix.is_some()).collect();
    let fixes_of_doc = report
        .findings
        .iter()
        .filter(|f| f.policy.as_deref() == Some("Guest:ReadPicture") && f.fix.is_some())
        .count();
    assert_eq!(fixes_of_doc, limit);
    assert!(!fixed.is_empty());
    assert!(writes
        .iter()
        .filter(|f| f.fix.is_none())
        .all(|f| f.explanation.contains("apply one and the next is offered")));
    // The fix offered works like any other: applied, its finding is gone.
    let first = fixed[0];
    let text = apply_fix(&s, first.fix.as_ref().unwrap()).unwrap();
    let after = crate::scenario::load_scenario_any_size(&text)
        .scenario
        .unwrap();
    let again = coach(&after, Catalog::embedded());
    assert!(!again.findings.iter().any(|f| f.id == first.id));
}
