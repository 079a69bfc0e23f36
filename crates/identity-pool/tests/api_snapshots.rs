//! Golden answers of `answer_json`: the wire format every front end reads, pinned.
//!
//! `tests/api/requests.json` lists representative requests (each with a `note` and a
//! `source`); the answer to each is kept, pretty-printed, in `tests/api/answers/NAME.json`.
//! A request may take its scenario from a file (`scenarioFile`, sent as text so positions
//! refer to it) or its `text` from one (`textFile`), both relative to the repository; a
//! `scenarioFile` ending in `#/pointer` takes that part of the file (an exercise's starting
//! scenario), and `exerciseFile` fills a `goals` request's `exercise`.
//! The catalog is loaded first, so the answers are those the CLI, the JS package and the
//! page's module give (the catalog checks, what a wildcard action entry covers) whether or not
//! this run compiles the catalog in (`embedded-catalog` is on in a workspace run, off alone).
//! Run with `UPDATE_SNAPSHOTS=1` to rewrite the answers after an intended change, and
//! read the diff before committing it.

// Helpers outside `#[test]` functions are test code too: a panic is a failed test.
#![expect(
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helpers: a panic or a missing member is a failed test"
)]

use std::path::{Path, PathBuf};

use identity_pool::api::answer_json;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The request as sent: the listed one, with any file it names read into it.
fn request_of(entry: &Value) -> String {
    let mut request = entry["request"].clone();
    if let Some(file) = entry["scenarioFile"].as_str() {
        request["scenario"] = Value::String(match file.split_once('#') {
            Some((file, pointer)) => {
                let whole: Value = serde_json::from_str(&read(&repo().join(file)))
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                let part = &whole[pointer.trim_start_matches('/')];
                serde_json::to_string_pretty(part).unwrap_or_else(|e| panic!("{file}: {e}"))
            }
            None => read(&repo().join(file)),
        });
    }
    if let Some(file) = entry["exerciseFile"].as_str() {
        request["exercise"] = Value::String(read(&repo().join(file)));
    }
    if let Some(file) = entry["textFile"].as_str() {
        request["text"] = Value::String(read(&repo().join(file)));
    }
    request.to_string()
}

#[test]
fn answers_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api");
    identity_pool::catalog_source::load(aws_catalog::EMBEDDED_TEXT).unwrap();
    let entries: Vec<Value> = serde_json::from_str(&read(&dir.join("requests.json"))).unwrap();
    assert!(entries.len() >= 12, "a dozen representative requests");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut differ = Vec::new();
    for entry in &entries {
        let name = entry["name"].as_str().unwrap();
        assert!(
            entry["note"].is_string() && entry["source"].is_string(),
            "{name}: note and source"
        );
        let answer: Value = serde_json::from_str(&answer_json(&request_of(entry))).unwrap();
        let pretty = serde_json::to_string_pretty(&answer).unwrap() + "\n";
        let path = dir.join("answers").join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &pretty).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(pretty.as_str()) {
            differ.push(name.to_owned());
        }
    }
    assert!(
        differ.is_empty(),
        "answers differ from their snapshots (UPDATE_SNAPSHOTS=1 rewrites them; review the diff): {differ:?}"
    );
}
