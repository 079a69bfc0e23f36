//! Export, re-import, same answers: every playground example is exported as a CloudFormation
//! template and as Terraform source, each is imported back into the example (keeping its
//! sign-in and requests), and the simulation must answer exactly as for the example (outcome,
//! role, every request's decision). The CLI export is checked to mention every role.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

use std::fs;

use identity_pool::api::{answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION};
use identity_pool::export::ExportFormat;
use identity_pool::import::ImportOptions;
use serde_json::Value;

mod common;
use common::{answers, workspace_root};

fn call(call: ApiCall) -> ApiAnswerBody {
    answer(&ApiRequest {
        api_version: API_VERSION,
        call,
    })
    .body
}

#[test]
fn every_example_survives_export_and_import() {
    let dir = workspace_root().join("web/examples");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut round_trips = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json"))
    {
        let text = fs::read_to_string(path).unwrap();
        let scenario: Value = serde_json::from_str(&text).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for format in [ExportFormat::CloudFormation, ExportFormat::Terraform] {
            let ApiAnswerBody::Export { export } = call(ApiCall::Export {
                scenario: ScenarioInput::Document(scenario.clone()),
                format,
            }) else {
                panic!("{name}: not an export answer");
            };
            let ApiAnswerBody::Import { import } = call(ApiCall::Import {
                text: export.text.clone(),
                scenario: Some(ScenarioInput::Text(text.clone())),
                options: ImportOptions::default(),
            }) else {
                panic!("{name}: not an import answer");
            };
            if !import.diagnostics.is_empty() || !import.placeholders.is_empty() {
                failures.push(format!(
                    "{name}: the {format:?} export does not import cleanly: {:?} {:?}\n{}",
                    import.diagnostics, import.placeholders, export.text
                ));
            }
            let want = answers(&text);
            let got = answers(&import.scenario.to_string());
            if got != want {
                failures.push(format!(
                    "{name}: after {format:?} export and import {got}\nthe example answers {want}\n{}",
                    export.text
                ));
            }
            round_trips += 1;
        }
        {
            let format = ExportFormat::AwsCli;
            let ApiAnswerBody::Export { export } = call(ApiCall::Export {
                scenario: ScenarioInput::Document(scenario.clone()),
                format,
            }) else {
                panic!("{name}: not an export answer");
            };
            for role in scenario["roles"].as_array().into_iter().flatten() {
                let role_name = role["RoleName"].as_str().unwrap_or_default();
                if !export.text.contains(role_name) {
                    failures.push(format!(
                        "{name}: the {format:?} export does not mention role `{role_name}`"
                    ));
                }
            }
        }
        checked += 1;
    }
    println!(
        "export round trip: {checked} examples, {round_trips} round trips (CloudFormation and Terraform), {} failures",
        failures.len()
    );
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
