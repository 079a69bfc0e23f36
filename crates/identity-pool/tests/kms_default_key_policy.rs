//! A KMS key without an entry in `resourcePolicies` gets KMS's default key policy, and the
//! report says so; a key with its own key policy does not.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use identity_pool::simulate_text;

fn scenarios() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/scenarios/kms-keys.json"
    );
    let text = std::fs::read_to_string(path).expect("the KMS scenarios exist");
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("an array");
    all.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_key_without_key_policy_is_reported_as_having_the_default_one() {
    let all = scenarios();
    let report = simulate_text(&all[0]);
    let note = report
        .notes
        .iter()
        .find(|n| n.topic.id() == "kms-default-key-policy")
        .expect("a note says the default key policy was assumed");
    assert!(
        note.text
            .contains("arn:aws:kms:us-east-1:123456789012:key/"),
        "{}",
        note.text
    );
    let explanation = report.requests[0].explanation.as_ref().expect("explained");
    assert!(
        explanation
            .statements
            .iter()
            .any(|s| s.statement.policy.starts_with("default key policy of ")),
        "the default key policy is evaluated as the key's resource-based policy"
    );
    let with_policy = simulate_text(&all[1]);
    assert!(with_policy
        .notes
        .iter()
        .all(|n| n.topic.id() != "kms-default-key-policy"));
}
