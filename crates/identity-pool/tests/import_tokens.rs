//! The token corpus (`tests/import/tokens.json`): each case builds or gives a JWT, decodes it
//! through the API (optionally against an example scenario, at a given time) and checks the
//! recognised provider and the exact set of warning codes. Mismatches are collected and
//! printed together with the counts.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

use std::fs;
use std::path::{Path, PathBuf};

use identity_pool::api::{answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION};
use identity_pool::import::base64url::encode;
use serde_json::{json, Value};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn token_text(case: &Value) -> String {
    if let Some(text) = case["text"].as_str() {
        return text.to_owned();
    }
    let header = case
        .get("header")
        .cloned()
        .unwrap_or(json!({"alg": "RS256", "kid": "k"}));
    format!(
        "{}.{}.c2lnbmF0dXJl",
        encode(header.to_string().as_bytes()),
        encode(case["claims"].to_string().as_bytes())
    )
}

#[test]
fn token_corpus() {
    let root = workspace_root();
    let text = fs::read_to_string(root.join("tests/import/tokens.json")).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let note = case["note"].as_str().unwrap();
        assert!(
            case["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("https://")),
            "{note}: no source"
        );
        let scenario = case["scenario"]
            .as_str()
            .map(|file| ScenarioInput::Text(fs::read_to_string(root.join(file)).unwrap()));
        let reply = answer(&ApiRequest {
            api_version: API_VERSION,
            call: ApiCall::DecodeToken {
                token: token_text(case),
                scenario,
                now: case["now"].as_i64(),
            },
        });
        let ApiAnswerBody::DecodeToken { token } = reply.body else {
            panic!("{note}: not a decodeToken answer");
        };
        let expect = &case["expect"];
        let codes: Vec<&str> = token.diagnostics.iter().map(|d| d.code.as_str()).collect();
        let wanted: Vec<&str> = expect["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        if codes != wanted {
            failures.push(format!(
                "{note}: diagnostics {codes:?}, expected {wanted:?}"
            ));
        }
        if let Some(kind) = expect["kind"].as_str() {
            let got = token.issuer.as_ref().map(|i| json!(i.kind));
            if got != Some(json!(kind)) {
                failures.push(format!("{note}: kind {got:?}, expected {kind}"));
            }
        }
        if let Some(key) = expect["loginsKey"].as_str() {
            let got = token.issuer.as_ref().map(|i| i.logins_key.as_str());
            if got != Some(key) {
                failures.push(format!("{note}: Logins key {got:?}, expected {key}"));
            }
        }
        if let Some(column) = expect["column"].as_u64() {
            let got = token
                .diagnostics
                .first()
                .and_then(|d| d.start)
                .map(|p| p.column);
            if got != Some(column as usize) {
                failures.push(format!("{note}: column {got:?}, expected {column}"));
            }
        }
        if case["claims"].is_object()
            && token.claims.as_ref().map(|c| json!(c)) != Some(case["claims"].clone())
        {
            failures.push(format!("{note}: the claims did not come back as given"));
        }
        if !token.notes.iter().any(|n| n.contains("NOT checked")) {
            failures.push(format!(
                "{note}: no note that the signature was not checked"
            ));
        }
    }
    println!(
        "token corpus: {} cases, {} failures",
        cases.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
