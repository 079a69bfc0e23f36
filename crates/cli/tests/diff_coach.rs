//! `idpool diff` on pairs of example files, with its exit codes, and `idpool coach`.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::{example, idpool, stdout};

#[test]
fn turning_guest_access_on_grants_new_access_and_fails() {
    let old = example("error-guest-access-disabled");
    let new = example("guest-reads-public-picture");
    let out = idpool(&["diff", &old, &new]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("(grants new access)"), "{text}");
    assert!(text.contains("NotAuthorizedException → issued"), "{text}");
    assert!(text.contains("+ s3:GetObject"), "{text}");
    // The flag lets the same change pass.
    let allowed = idpool(&["diff", &old, &new, "--allow-grants"]);
    assert_eq!(allowed.status.code(), Some(0));
}

#[test]
fn taking_access_away_passes() {
    let old = example("guest-reads-public-picture");
    let new = example("error-guest-access-disabled");
    let out = idpool(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["grantsNew"], false);
    assert!(report["newlyDenied"].as_u64().unwrap() >= 1);
    let current = &report["identities"][0];
    assert_eq!(current["kind"], "current");
    assert_eq!(current["outcomeBefore"], "issued");
    assert_eq!(current["outcomeAfter"], "NotAuthorizedException");
}

#[test]
fn an_unchanged_scenario_passes_and_says_so() {
    let file = example("rules-equals-admin");
    let out = idpool(&["diff", &file, &file, "--format", "md"]);
    assert_eq!(out.status.code(), Some(0));
    let md = stdout(&out);
    assert!(
        md.starts_with("### Identity pool permission changes"),
        "{md}"
    );
    assert!(md.contains("No new access."), "{md}");
}

#[test]
fn markdown_of_a_widening_change_fits_a_pull_request_comment() {
    let old = example("guest-reads-public-picture");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    doc["roles"][0]["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"] =
        serde_json::json!(["s3:GetObject", "s3:PutObject"]);
    // The new side on standard input, as `git show REV:FILE | idpool diff - FILE` does.
    let mut child = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .args(["diff", &old, "-", "--format", "md"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(doc.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = stdout(&out);
    assert!(md.contains("**Grants new access.**"), "{md}");
    assert!(md.contains("| `s3:PutObject` | Write |"), "{md}");
    assert!(md.contains("<details>"), "{md}");
}

#[test]
fn usage_and_input_errors_exit_2() {
    let file = example("guest-reads-public-picture");
    assert_eq!(idpool(&["diff", &file]).status.code(), Some(2));
    assert_eq!(
        idpool(&["diff", &file, &file, "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        idpool(&["diff", &file, "/no/such/file.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn coach_flags_the_dead_ec2_grant_and_passes_a_clean_example() {
    let out = idpool(&["coach", &example("scope-down-guest-enhanced")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("coach::guest_above_scope_down"), "{text}");
    assert!(text.contains("`ec2:DescribeInstances`"), "{text}");
    let clean = idpool(&["coach", &example("guest-reads-public-picture")]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("0 findings, 0 open"));
    let json = idpool(&[
        "coach",
        &example("trust-role-shared-by-two-pools"),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(report["findings"][0]["code"], "coach::trust_several_pools");
    assert!(report["findings"][0]["fix"]["after"]
        .as_str()
        .unwrap()
        .contains("aud"));
}
