//! The scenario corpus: every playground example (`web/examples/*.json`) and every corpus file
//! (`tests/scenarios/*.json`) is run through the library's `check`, and every `expect` must hold.
//!
//! The runner collects ALL mismatches before failing, so one run shows the whole picture, and it
//! prints counts so a reader can see how much was checked. A second test keeps the example
//! library's index and the files in `web/examples/` in step.

use std::fs;
use std::path::{Path, PathBuf};

use iam_policy::Severity;
use identity_pool::check::{check_file, CheckResult};
use serde_json::Value;

/// The workspace root, from this crate's manifest directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `*.json` files of a directory, sorted, without `index.json`.
fn scenario_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        let is_json = path.extension().is_some_and(|ext| ext == "json");
        let is_index = path.file_name().is_some_and(|n| n == "index.json");
        if is_json && !is_index {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// What one directory's files gave.
#[derive(Default)]
struct Tally {
    files: usize,
    scenarios: usize,
    expectations: usize,
    failures: Vec<String>,
}

impl Tally {
    /// Records one scenario's verdict; every mismatch becomes its own line.
    fn record(&mut self, shown: &str, result: &CheckResult) {
        self.scenarios += 1;
        self.expectations += result.checked;
        let name = result.name.as_deref().unwrap_or("<unnamed>");
        for mismatch in &result.mismatches {
            self.failures
                .push(format!("{shown}: scenario `{name}`: {mismatch}"));
        }
        if !result.passed && result.mismatches.is_empty() {
            // Failed without a mismatch: the load diagnostics say why.
            let errors: Vec<String> = result
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| {
                    let at = d
                        .start
                        .map(|p| format!("{}:{}: ", p.line, p.column))
                        .unwrap_or_default();
                    format!("{at}{}: {}", d.code, d.message)
                })
                .collect();
            self.failures.push(format!(
                "{shown}: scenario `{name}` does not load: {}",
                if errors.is_empty() {
                    "failed without a reason".to_owned()
                } else {
                    errors.join("; ")
                }
            ));
        }
    }
}

/// Checks every scenario file of `dir` with the library's `check`.
fn run_directory(dir: &Path, tally: &mut Tally) {
    let files = match scenario_files(dir) {
        Ok(files) => files,
        Err(e) => {
            tally.failures.push(e);
            return;
        }
    };
    for file in files {
        tally.files += 1;
        let shown = file
            .strip_prefix(workspace_root())
            .unwrap_or(&file)
            .display()
            .to_string();
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => {
                tally.failures.push(format!("{shown}: cannot read: {e}"));
                continue;
            }
        };
        let results = check_file(&text);
        if results.is_empty() {
            tally.failures.push(format!("{shown}: holds no scenario"));
        }
        for result in &results {
            tally.record(&shown, result);
        }
    }
}

#[test]
fn every_example_and_corpus_scenario_meets_its_expectations() {
    let root = workspace_root();
    let mut examples = Tally::default();
    run_directory(&root.join("web/examples"), &mut examples);
    let mut corpus = Tally::default();
    run_directory(&root.join("tests/scenarios"), &mut corpus);

    for (label, tally) in [("web/examples", &examples), ("tests/scenarios", &corpus)] {
        println!(
            "{label}: {} files, {} scenarios, {} expectations checked, {} mismatches",
            tally.files,
            tally.scenarios,
            tally.expectations,
            tally.failures.len()
        );
    }
    let total = examples.scenarios + corpus.scenarios;
    let failures: Vec<&String> = examples.failures.iter().chain(&corpus.failures).collect();
    println!("total: {total} scenarios, {} mismatches", failures.len());
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n{}",
        failures.len(),
        failures
            .iter()
            .map(|f| format!("  - {f}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        total >= 70,
        "the corpus promises at least 70 scenarios, found {total}"
    );
}

#[test]
fn example_index_lists_exactly_the_example_files() {
    let dir = workspace_root().join("web/examples");
    let index: Value = serde_json::from_str(
        &fs::read_to_string(dir.join("index.json")).expect("web/examples/index.json exists"),
    )
    .expect("index.json is JSON");
    let entries = index.as_array().expect("index.json is an array");

    let mut listed: Vec<String> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for entry in entries {
        for field in ["id", "title", "category"] {
            if entry
                .get(field)
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                problems.push(format!("index entry {entry} lacks a non-empty `{field}`"));
            }
        }
        if let Some(id) = entry.get("id").and_then(Value::as_str) {
            if listed.iter().any(|seen| seen == id) {
                problems.push(format!("`{id}` is listed twice"));
            }
            listed.push(id.to_owned());
        }
    }

    let on_disk: Vec<String> = scenario_files(&dir)
        .expect("web/examples is readable")
        .iter()
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    for id in &listed {
        if !on_disk.contains(id) {
            problems.push(format!(
                "index lists `{id}` but web/examples/{id}.json does not exist"
            ));
        }
    }
    for stem in &on_disk {
        if !listed.contains(stem) {
            problems.push(format!(
                "web/examples/{stem}.json is not listed in index.json"
            ));
        }
    }
    if listed.first().map(String::as_str) != Some("guest-reads-public-picture") {
        problems.push("the default page `guest-reads-public-picture` must come first".to_owned());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_example_is_one_complete_scenario_with_expectations() {
    let dir = workspace_root().join("web/examples");
    let mut problems: Vec<String> = Vec::new();
    for file in scenario_files(&dir).expect("web/examples is readable") {
        let shown = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let value: Value = match fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(value) => value,
            Err(e) => {
                problems.push(format!("{shown}: {e}"));
                continue;
            }
        };
        if !value.is_object() {
            problems.push(format!(
                "{shown}: an example is one scenario object, not an array"
            ));
            continue;
        }
        for field in [
            "name",
            "description",
            "identityPool",
            "identityPoolRoles",
            "roles",
            "signIn",
            "requests",
        ] {
            if value.get(field).is_none() {
                problems.push(format!("{shown}: missing `{field}`"));
            }
        }
        let expect = value.get("expect");
        let issued = expect.and_then(|e| e.get("credentials")).is_some();
        let failed = expect.and_then(|e| e.get("error")).is_some();
        if issued == failed {
            problems.push(format!(
                "{shown}: `expect` must name either `credentials` or `error`"
            ));
        }
        let requests = value
            .get("requests")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if issued && requests.is_empty() {
            problems.push(format!(
                "{shown}: credentials are issued but no request shows what they allow"
            ));
        }
        if issued && requests.iter().any(|r| r.get("expect").is_none()) {
            problems.push(format!(
                "{shown}: every request needs an `expect` when credentials are issued"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
