//! Helpers the import and export tests share.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    dead_code,
    reason = "shared test helpers: each test file uses some of them, and a test fails loudly on what it did not expect"
)]

use std::path::{Path, PathBuf};

use identity_pool::simulate_text;
use serde_json::{json, Value};

/// The workspace root, from this crate's manifest directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What a simulation answers, in the terms a user compares: outcome, role, decisions.
pub fn answers(scenario_text: &str) -> Value {
    let report = serde_json::to_value(simulate_text(scenario_text)).unwrap();
    let decisions: Vec<Value> = report["requests"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|r| json!([r["action"], r["resource"], r["decision"]]))
                .collect()
        })
        .unwrap_or_default();
    json!({"outcome": report["outcome"], "role": report["session"]["roleArn"], "decisions": decisions})
}
