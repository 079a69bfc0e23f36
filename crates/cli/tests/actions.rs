//! `idpool actions` as a user runs it: what `s3:Get*` and `*` cover, a misspelt action's
//! suggestion and exit status, and usage errors.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::{idpool, stdout};

#[test]
fn a_wildcard_lists_the_actions_it_covers_by_access_level() {
    let out = idpool(&["actions", "s3:Get*", "--limit", "200"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("`s3:Get*` covers "), "{text}");
    assert!(text.contains("in 1 service\nRead ("), "{text}");
    assert!(text.contains("\n  s3:GetObject\n"), "{text}");
    assert!(!text.contains("s3:PutObject"), "{text}");
}

#[test]
fn the_star_counts_every_action_and_json_agrees_with_the_text() {
    let json = idpool(&["actions", "*", "--format", "json", "--limit", "10"]);
    assert!(json.status.success());
    let e: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let count = e["count"].as_u64().unwrap();
    assert!(count > 15_000, "{count}");
    assert!(e["services"].as_u64().unwrap() > 300);
    let named: u64 = e["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["actions"].as_array().unwrap().len() as u64)
        .sum();
    assert_eq!(named, 10);
    assert_eq!(e["more"].as_u64().unwrap(), count - 10);
    let text = stdout(&idpool(&["actions", "*", "--limit", "10"]));
    assert!(
        text.starts_with(&format!("`*` covers {count} actions in ")),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("and {} more\n", count - 10)),
        "{text}"
    );
}

#[test]
fn a_misspelt_action_covers_nothing_and_exits_1() {
    let out = idpool(&["actions", "s3:GetObjekt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "`s3:GetObjekt` covers no action; did you mean `s3:GetObject`?\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(idpool(&["actions"]).status.code(), Some(2));
    assert_eq!(
        idpool(&["actions", "s3:*", "--limit", "many"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        idpool(&["actions", "s3:*", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
}
