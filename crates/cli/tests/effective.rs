//! `idpool effective` as a user runs it: the formats agree with each other and with the
//! examples' policies, and usage errors exit 2.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::{example, idpool, stdout};

#[test]
fn json_counts_match_the_csv_rows() {
    let file = example("scope-down-guest-enhanced");
    let json = idpool(&["effective", &file, "--format", "json"]);
    assert!(json.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let total = report["totals"]["total"].as_u64().unwrap() as usize;
    let csv = idpool(&["effective", &file, "--format", "csv"]);
    let text = stdout(&csv);
    assert_eq!(
        text.lines().count(),
        total + 1,
        "one CSV line per decision plus a header"
    );
    let removed = text
        .lines()
        .filter(|l| l.ends_with(",removed by session policy"))
        .count();
    assert_eq!(
        removed as u64,
        report["totals"]["removedBySession"].as_u64().unwrap()
    );
    assert!(text.contains(
        "ec2,ec2:DescribeInstances,List,*,Allowed,ImplicitDeny,removed by session policy"
    ));
}

#[test]
fn service_filter_and_basic_flow() {
    let file = example("guest-reads-public-picture");
    let out = idpool(&["effective", &file, "--service", "s3", "--flow", "basic"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with("effective permissions, basic flow: arn:aws:iam::123456789012:role/Guest")
    );
    assert!(text.contains("\ns3 (Amazon S3): "));
    assert!(!text.contains("\ndynamodb ("));
    assert!(text.contains("s3:GetObject"));
    let md = stdout(&idpool(&[
        "effective",
        &file,
        "--service",
        "s3",
        "--format",
        "markdown",
    ]));
    assert!(md.contains("| `s3:GetObject` | Read | `arn:aws:s3:::mybucket/assets/my_picture.jpg` | Allowed | Allowed | allowed |"));
}

#[test]
fn a_failed_sign_in_exits_1_and_usage_errors_exit_2() {
    let out = idpool(&["effective", &example("error-guest-access-disabled")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("sign-in fails with NotAuthorizedException"));
    assert_eq!(idpool(&["effective"]).status.code(), Some(2));
    assert_eq!(
        idpool(&[
            "effective",
            &example("guest-reads-public-picture"),
            "--format",
            "xml"
        ])
        .status
        .code(),
        Some(2)
    );
}
