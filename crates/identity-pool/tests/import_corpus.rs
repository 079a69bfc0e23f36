//! The importer corpus: every input under `tests/import/<topic>/` (CloudFormation/SAM/CDK,
//! Terraform, CloudTrail) has a `<name>.expected.json` beside it (one case or an array of cases), each with a `note`, an AWS
//! `source`, and what the import must give: the exact scenario, the subjects left out and
//! the placeholders, and/or `sameAnswersAs` — an example whose simulation answers (outcome,
//! role, every request's decision) the imported scenario must reproduce when imported into
//! it. All mismatches are collected and printed with the counts.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

use std::fs;
use std::path::PathBuf;

use identity_pool::api::{answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION};
use identity_pool::import::{ImportOptions, Imported};
use serde_json::{json, Value};

mod common;
use common::{answers, workspace_root};

fn import(text: String, into: Option<String>, options: ImportOptions) -> Imported {
    let reply = answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Import {
            text,
            scenario: into.map(ScenarioInput::Text),
            options,
        },
    });
    match reply.body {
        ApiAnswerBody::Import { import } => *import,
        other => panic!("not an import answer: {other:?}"),
    }
}

fn subjects(items: &[identity_pool::import::ImportItem]) -> Value {
    json!(items.iter().map(|i| i.subject.clone()).collect::<Vec<_>>())
}

#[test]
fn importer_corpus() {
    let root = workspace_root();
    let mut failures = Vec::new();
    let mut counts = Vec::new();
    let mut cases = 0;
    for topic in ["cloudformation", "terraform", "cloudtrail"] {
        let dir = root.join("tests/import").join(topic);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut inputs: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
            .collect();
        inputs.sort();
        for input in &inputs {
            let shown = input
                .strip_prefix(&root)
                .unwrap_or(input)
                .display()
                .to_string();
            let expected_path = PathBuf::from(format!(
                "{}.expected.json",
                input.with_extension("").display()
            ));
            let Ok(expected_text) = fs::read_to_string(&expected_path) else {
                failures.push(format!("{shown}: no {}", expected_path.display()));
                continue;
            };
            let expectations = match serde_json::from_str::<Value>(&expected_text).unwrap() {
                Value::Array(items) => items,
                one => vec![one],
            };
            for expected in &expectations {
                assert!(expected["note"].is_string(), "{shown}: no note");
                assert!(
                    expected["source"]
                        .as_str()
                        .is_some_and(|s| s.starts_with("https://")),
                    "{shown}: no source"
                );
                let into = expected["into"]
                    .as_str()
                    .map(|f| fs::read_to_string(root.join(f)).unwrap());
                let options: ImportOptions =
                    serde_json::from_value(expected.get("options").cloned().unwrap_or(json!({})))
                        .unwrap();
                let imported = import(fs::read_to_string(input).unwrap(), into, options);
                if let Some(format) = expected.get("format") {
                    if &json!(imported.format) != format {
                        failures.push(format!(
                            "{shown}: read as {:?}, expected {format}",
                            imported.format
                        ));
                    }
                }
                let codes: Vec<&str> = imported
                    .diagnostics
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect();
                let wanted: Vec<&str> = expected["diagnostics"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if codes != wanted {
                    failures.push(format!(
                        "{shown}: diagnostics {codes:?}, expected {wanted:?}"
                    ));
                }
                if let Some(scenario) = expected.get("scenario") {
                    if &imported.scenario != scenario {
                        failures.push(format!(
                            "{shown}: scenario differs:\n{}",
                            serde_json::to_string_pretty(&imported.scenario).unwrap()
                        ));
                    }
                }
                for (key, got) in [
                    ("leftOut", subjects(&imported.left_out)),
                    ("placeholders", subjects(&imported.placeholders)),
                ] {
                    if let Some(want) = expected.get(key) {
                        if &got != want {
                            failures.push(format!("{shown}: {key} {got}, expected {want}"));
                        }
                    }
                }
                // Code is positioned resource by resource; CloudTrail lists what the event lacks.
                let whole_file = ["AWS::Cognito::IdentityPool", "aws_cognito_identity_pool"];
                if topic != "cloudtrail"
                    && imported
                        .left_out
                        .iter()
                        .any(|i| i.start.is_none() && !whole_file.contains(&i.subject.as_str()))
                {
                    failures.push(format!("{shown}: a left-out item has no position"));
                }
                if let Some(example) = expected["sameAnswersAs"].as_str() {
                    let original = fs::read_to_string(root.join(example)).unwrap();
                    let want = answers(&original);
                    let got = answers(&imported.scenario.to_string());
                    if got != want {
                        failures.push(format!(
                            "{shown}: answers {got}, the example {example} answers {want}"
                        ));
                    }
                }
                cases += 1;
            }
            counts.push(shown);
        }
    }
    println!(
        "importer corpus: {} inputs ({}), {cases} cases, {} failures",
        counts.len(),
        counts.join(", "),
        failures.len()
    );
    assert!(!counts.is_empty());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
