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

/// A document over IAM's size limit gets its findings, explained, without fixes: a fix
/// carries the whole document twice, so one per statement would cost the square of it.
#[test]
fn a_document_over_the_size_limit_gets_findings_without_fixes() {
    let resources: Vec<String> = (0..300)
        .map(|i| format!("arn:aws:s3:::mybucket/a-rather-long-prefix-{i:04}/*"))
        .collect();
    let case = serde_json::json!({
        "example": "guest-reads-public-picture",
        "set": {
            "/roles/0/Policies/0/PolicyDocument/Statement/0/Action": ["s3:GetObject", "s3:PutObject"],
            "/roles/0/Policies/0/PolicyDocument/Statement/0/Resource": resources,
        }
    });
    let s = scenario(&case, "set");
    let report = coach(&s, Catalog::embedded());
    let writes: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.code == "coach::guest_write_access")
        .collect();
    assert_eq!(writes.len(), 1, "{:?}", codes(&report));
    assert!(writes.iter().all(|f| f.fix.is_none()));
    assert!(
        writes
            .iter()
            .all(|f| f.explanation.contains("over IAM's limit of 10240")),
        "{:?}",
        writes
    );
}
