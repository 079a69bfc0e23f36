//! The conformance corpus: every file under `tests/iam/` at the repository root is an array of
//! evaluation cases (formats.md, section 1) written from the AWS IAM User Guide's rules.
//!
//! Each file goes through the engine's public `api` exactly as the CLI sends it, and every
//! answer is compared with the case's expectations. All mismatches are collected and printed
//! together before the test fails, so one run shows the whole state of the engine.
//!
//! Corpus-only fields on a case, besides the format's own:
//! - `note` (required): what the case checks, in one sentence;
//! - `rule` (required): the AWS page and rule it checks;
//! - `expected` (required here, optional in the format): the decision, or `Error`;
//! - `source`: the URL of the AWS page the case rests on (`https://docs.aws.amazon.com/...`);
//! - `expectedStatement`: the Sid of a statement the explanation names as deciding;
//! - `expectedLayer`, `expectedLevel`, `expectedRule`: the explanation's `decidingLayer`,
//!   `decidingLevel` and `rule`;
//! - `expectedDiagnostics`: the exact list of diagnostic codes the case produces, each entry a
//!   code string or `{"code", "line"?, "column"?, "at"?}` where `at` is the source text the
//!   diagnostic's span must start with;
//! - `expectedMissingContextKeys`: the keys the context-key discovery says the request lacks;
//! - `expectedBlocking`: every layer the explanation names as blocking, in order (`blocking`
//!   `layer`s; `null` for a rule no policy can change).
//!
//! Files named `catalog*.json` run with the AWS action catalog (`aws-catalog`), so their cases
//! also get the `iam::catalog::*` checks and context-key discovery; the others run without it,
//! as the engine does when no catalog is loaded.

// Test support code outside `#[test]` functions: clippy.toml lets tests panic, but only inside
// the test functions themselves; here too a panic is a failed test, not a crash of the product.
#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use iam_policy::api::evaluate_cases_json_with;
use iam_policy::catalog::Catalog;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Fields the corpus adds to the format; the engine may warn that it does not know them.
const CORPUS_FIELDS: &[&str] = &[
    "note",
    "rule",
    "source",
    "expectedStatement",
    "expectedLayer",
    "expectedLevel",
    "expectedRule",
    "expectedDiagnostics",
    "expectedMissingContextKeys",
];

const DECISIONS: &[&str] = &["Allowed", "ExplicitDeny", "ImplicitDeny", "Error"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/iam")
}

/// One problem found, with enough context to fix either the case or the engine.
struct Failure {
    file: String,
    case: String,
    note: String,
    detail: String,
}

#[derive(Default)]
struct Tally {
    cases: usize,
    passed: usize,
}

#[test]
fn corpus_cases_match_aws_rules() {
    let dir = corpus_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus directory {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();

    let mut failures = Vec::new();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for path in &paths {
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tally = tallies.entry(file.clone()).or_default();
        if let Err(detail) = run_file(path, &file, tally, &mut failures) {
            // The whole file counts as one failed case (or all of its cases, if they were read).
            tally.cases = tally.cases.max(1);
            tally.passed = 0;
            failures.push(Failure {
                file,
                case: "(whole file)".into(),
                note: String::new(),
                detail,
            });
        }
    }

    let total: usize = tallies.values().map(|t| t.cases).sum();
    let passed: usize = tallies.values().map(|t| t.passed).sum();
    println!("conformance corpus: {}", dir.display());
    for (file, t) in &tallies {
        println!(
            "  {file:<36} {:>4} cases, {:>4} pass, {:>4} fail",
            t.cases,
            t.passed,
            t.cases - t.passed
        );
    }
    println!(
        "  {:<36} {total:>4} cases, {passed:>4} pass, {:>4} fail",
        "total",
        total - passed
    );

    assert!(
        total >= 300,
        "the corpus must hold at least 300 cases, it holds {total}"
    );
    if !failures.is_empty() {
        let mut report = format!("{} problem(s) in the conformance corpus:\n", failures.len());
        for f in &failures {
            let _ = writeln!(
                report,
                "\n{} :: {}\n    note: {}\n    {}",
                f.file,
                f.case,
                f.note,
                f.detail.replace('\n', "\n    ")
            );
        }
        panic!("{report}");
    }
}

/// Runs one corpus file. A file that cannot be read as cases is an error (a failure, never a skip).
fn run_file(
    path: &Path,
    file: &str,
    tally: &mut Tally,
    failures: &mut Vec<Failure>,
) -> Result<(), String> {
    if path.extension().and_then(|e| e.to_str()) != Some("json") {
        return Err("only .json case files belong in tests/iam".into());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let cases = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(cases)) if !cases.is_empty() => cases,
        Ok(_) => return Err("a corpus file must be a non-empty array of cases".into()),
        Err(e) => return Err(format!("not valid JSON: {e}")),
    };
    tally.cases = cases.len();

    let catalog = file.starts_with("catalog").then(Catalog::embedded);
    let answers: Vec<Value> = evaluate_cases_json_with(&text, true, catalog)
        .iter()
        .map(|a| serde_json::to_value(a).expect("an answer serializes"))
        .collect();
    if answers.len() != cases.len() {
        return Err(format!(
            "the engine gave {} answers for {} cases",
            answers.len(),
            cases.len()
        ));
    }

    let mut seen_names = BTreeMap::new();
    for (index, (case, answer)) in cases.iter().zip(&answers).enumerate() {
        let name = case
            .get("name")
            .and_then(Value::as_str)
            .map_or_else(|| format!("#{index}"), str::to_string);
        let note = case
            .get("note")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let mut problems = check_case(case, answer, &text);
        if let Some(first) = seen_names.insert(name.clone(), index) {
            problems.push(format!("duplicate case name (first at index {first})"));
        }
        if problems.is_empty() {
            tally.passed += 1;
        } else {
            failures.push(Failure {
                file: file.to_string(),
                case: name,
                note,
                detail: problems.join("\n"),
            });
        }
    }
    Ok(())
}

/// Every way `answer` disagrees with what `case` expects; empty when it agrees.
fn check_case(case: &Value, answer: &Value, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for field in ["name", "note", "rule"] {
        if case
            .get(field)
            .and_then(Value::as_str)
            .is_none_or(|s| s.trim().is_empty())
        {
            problems.push(format!("the case has no `{field}`"));
        }
    }
    let decision = answer
        .get("decision")
        .and_then(Value::as_str)
        .unwrap_or("(none)");
    let diagnostics: Vec<&Value> = answer
        .get("diagnostics")
        .and_then(Value::as_array)
        .map(|ds| ds.iter().filter(|d| !is_corpus_field_warning(d)).collect())
        .unwrap_or_default();

    match case.get("expected").and_then(Value::as_str) {
        None => problems.push("the case has no `expected` decision".into()),
        // A case may test the engine's own check of `expected`; it must then be an Error.
        Some(e) if !DECISIONS.contains(&e) && expects_code(case, "iam::case::invalid_expected") => {
            if decision != "Error" {
                problems.push(format!(
                    "expected Error for the invalid `expected` `{e}`, got {decision}"
                ));
            }
        }
        Some(e) if !DECISIONS.contains(&e) => {
            problems.push(format!("`expected` is `{e}`, not a decision"))
        }
        Some(e) if e != decision => {
            problems.push(format!(
                "expected {e}, got {decision}{}",
                summarize(&diagnostics)
            ));
        }
        Some(_) => {}
    }

    if let Some(sid) = case.get("expectedStatement").and_then(Value::as_str) {
        let sids = deciding_sids(answer);
        if !sids.iter().any(|s| s == sid) {
            problems.push(format!(
                "expected deciding statement `{sid}`, the explanation names {sids:?}"
            ));
        }
    }

    if let Some(source) = case.get("source") {
        if !source
            .as_str()
            .is_some_and(|s| s.starts_with("https://docs.aws.amazon.com/"))
        {
            problems.push(format!(
                "`source` must be an AWS documentation URL, not {source}"
            ));
        }
    }
    let explanation = answer.get("explanation");
    for (field, key) in [
        ("expectedLayer", "decidingLayer"),
        ("expectedLevel", "decidingLevel"),
        ("expectedRule", "rule"),
    ] {
        if let Some(want) = case.get(field) {
            let got = explanation.and_then(|e| e.get(key)).unwrap_or(&Value::Null);
            if want != got {
                problems.push(format!("expected {key} {want}, the explanation has {got}"));
            }
        }
    }
    if let Some(expected) = case.get("expectedBlocking") {
        let got: Vec<Value> = explanation
            .and_then(|e| e.get("blocking"))
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|b| b.get("layer").cloned().unwrap_or(Value::Null))
                    .collect()
            })
            .unwrap_or_default();
        if expected.as_array() != Some(&got) {
            problems.push(format!(
                "expected blocking layers {expected}, the explanation has {}",
                Value::Array(got)
            ));
        }
    }
    if let Some(expected) = case.get("expectedMissingContextKeys") {
        let got = answer.pointer("/contextKeys/missing");
        if got != Some(expected) {
            problems.push(format!(
                "expected missing context keys {expected}, got {}",
                got.map_or_else(|| "none".to_string(), Value::to_string)
            ));
        }
    }

    if let Some(expected) = case.get("expectedDiagnostics") {
        check_diagnostics(expected, &diagnostics, text, &mut problems);
    } else if decision != "Error" {
        // Without expectations, warnings are allowed but errors are not.
        if let Some(d) = diagnostics
            .iter()
            .find(|d| d.get("severity").and_then(Value::as_str) == Some("error"))
        {
            problems.push(format!("unexpected error diagnostic {}", describe(d)));
        }
    }
    problems
}

fn expects_code(case: &Value, code: &str) -> bool {
    case.get("expectedDiagnostics")
        .and_then(Value::as_array)
        .is_some_and(|ds| {
            ds.iter()
                .any(|d| d.as_str().or_else(|| d.get("code").and_then(Value::as_str)) == Some(code))
        })
}

/// The engine may warn about the corpus-only fields; those warnings are not the case's business.
fn is_corpus_field_warning(d: &Value) -> bool {
    let code = d.get("code").and_then(Value::as_str).unwrap_or("");
    let message = d.get("message").and_then(Value::as_str).unwrap_or("");
    code.ends_with("unknown_field")
        && CORPUS_FIELDS
            .iter()
            .any(|f| message.contains(&format!("`{f}`")))
}

fn check_diagnostics(expected: &Value, actual: &[&Value], text: &str, problems: &mut Vec<String>) {
    let Some(expected) = expected.as_array() else {
        problems.push("`expectedDiagnostics` must be an array".into());
        return;
    };
    let code_of = |d: &Value| {
        d.get("code")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let mut want: Vec<String> = expected
        .iter()
        .map(|e| e.as_str().map_or_else(|| code_of(e), str::to_string))
        .collect();
    let mut got: Vec<String> = actual.iter().map(|d| code_of(d)).collect();
    want.sort();
    got.sort();
    if want != got {
        problems.push(format!(
            "expected diagnostics {want:?}, got {got:?}{}",
            summarize(actual)
        ));
        return;
    }
    // Positions: each located expectation must be met by some diagnostic with that code.
    for e in expected.iter().filter(|e| e.is_object()) {
        let code = code_of(e);
        let line = e.get("line").and_then(Value::as_u64);
        let column = e.get("column").and_then(Value::as_u64);
        let at = e.get("at").and_then(Value::as_str);
        let fits = |d: &&Value| {
            let start = d.get("start");
            let d_line = start.and_then(|s| s.get("line")).and_then(Value::as_u64);
            let d_column = start.and_then(|s| s.get("column")).and_then(Value::as_u64);
            let d_offset = d
                .get("span")
                .and_then(|s| s.get("start"))
                .and_then(Value::as_u64);
            code_of(d) == code
                && line.is_none_or(|l| d_line == Some(l))
                && column.is_none_or(|c| d_column == Some(c))
                && at.is_none_or(|a| {
                    d_offset
                        .and_then(|o| text.get(usize::try_from(o).unwrap_or(usize::MAX)..))
                        .is_some_and(|rest| rest.starts_with(a))
                })
        };
        if !actual.iter().any(fits) {
            let mut want = code.clone();
            if let (Some(l), Some(c)) = (line, column) {
                let _ = write!(want, " at {l}:{c}");
            }
            if let Some(a) = at {
                let _ = write!(want, " starting at `{a}`");
            }
            problems.push(format!(
                "expected diagnostic {want}, got{}",
                summarize(actual)
            ));
        }
    }
}

/// The labels (Sid, or `#index` without one) of the statements the explanation names as
/// deciding the request.
fn deciding_sids(answer: &Value) -> Vec<String> {
    let statements = answer
        .get("explanation")
        .and_then(|e| e.get("decidingStatements"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    statements
        .iter()
        .filter_map(|s| {
            s.get("label")
                .or_else(|| s.get("sid"))
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect()
}

fn describe(d: &Value) -> String {
    let code = d.get("code").and_then(Value::as_str).unwrap_or("?");
    let message = d.get("message").and_then(Value::as_str).unwrap_or("");
    let at = d
        .get("start")
        .map(|s| {
            format!(
                " at {}:{}",
                s.get("line").unwrap_or(&Value::Null),
                s.get("column").unwrap_or(&Value::Null)
            )
        })
        .unwrap_or_default();
    format!("{code}{at}: {message}")
}

fn summarize(diagnostics: &[&Value]) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("\n  - {}", describe(d)))
        .collect();
    format!(" with diagnostics:{}", lines.concat())
}
