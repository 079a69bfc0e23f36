//! A sweep of every sentence a user can read, for holes (issue 14: "a missing provider is
//! called missing, never a sentence with a hole").
//!
//! Every example of the page's library and every workshop exercise (its starting scenario and
//! its solution) is simulated, with explanations, as written and in the variants a user
//! reaches with one click: the other identity type, the other flow, and no provider chosen.
//! Every text of every answer (outcome, AWS error, steps, explanations, diagnostics, their
//! help lines) is checked for the marks a missing value leaves: an empty code span, a
//! space before a comma or full stop, two spaces, empty brackets, a Rust debug rendering,
//! a format placeholder.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

use std::fs;
use std::path::{Path, PathBuf};

use identity_pool::exercise::{apply_solution, load_exercise_file};
use identity_pool::simulate_text;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| p.file_name().is_some_and(|n| n != "index.json"))
        .collect();
    files.sort();
    files
}

/// Every scenario to sweep: (where it comes from, its text).
fn scenarios() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in json_files(&root().join("web/examples")) {
        out.push((
            file.display().to_string(),
            fs::read_to_string(&file).unwrap(),
        ));
    }
    let workshops = [root().join("web/workshops"), root().join("tests/exercises")];
    for file in workshops.iter().flat_map(|d| json_files(d)) {
        let loaded = load_exercise_file(&fs::read_to_string(&file).unwrap());
        for exercise in loaded.workshop.map(|w| w.exercises).unwrap_or_default() {
            let name = format!("{} exercise {}", file.display(), exercise.id);
            out.push((format!("{name} (start)"), exercise.scenario.clone()));
            if let Ok(solved) = apply_solution(&exercise) {
                out.push((format!("{name} (solution)"), solved));
            }
        }
    }
    out
}

/// The scenario and the variants one click away in the sign-in bar.
fn variants(text: &str) -> Vec<(&'static str, String)> {
    let mut out = vec![("as written", text.to_owned())];
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return out;
    };
    let sign_in = |doc: &Value, key: &str| doc["signIn"][key].as_str().map(str::to_owned);
    let with = |key: &str, value: Value| {
        let mut d = doc.clone();
        if let Some(s) = d.get_mut("signIn").and_then(Value::as_object_mut) {
            s.insert(key.to_owned(), value);
        }
        d.to_string()
    };
    let other_identity = match sign_in(&doc, "identity").as_deref() {
        Some("authenticated") => "unauthenticated",
        _ => "authenticated",
    };
    out.push(("other identity", with("identity", other_identity.into())));
    let other_flow = match sign_in(&doc, "flow").as_deref() {
        Some("basic") => "enhanced",
        _ => "basic",
    };
    out.push(("other flow", with("flow", other_flow.into())));
    let mut no_provider = serde_json::from_str::<Value>(&with("identity", "authenticated".into()))
        .unwrap_or(Value::Null);
    if let Some(s) = no_provider.get_mut("signIn").and_then(Value::as_object_mut) {
        s.insert("provider".to_owned(), "".into());
    }
    out.push(("signed in, no provider", no_provider.to_string()));
    out
}

/// What in `sentence` shows a value was missing when it was written, if anything.
fn hole(sentence: &str) -> Option<&'static str> {
    // Only prose: policy excerpts and pretty JSON keep their own spacing.
    if !sentence.contains(' ') || sentence.contains('\n') || sentence.trim_start().starts_with('{')
    {
        return None;
    }
    let marks: [(&str, &'static str); 12] = [
        ("``", "an empty code span"),
        (" ,", "a space before a comma"),
        (" .", "a space before a full stop"),
        ("  ", "two spaces"),
        ("()", "empty brackets"),
        ("Some(", "a Rust Option"),
        ("None", "a Rust Option"),
        ("{}", "a format placeholder"),
        ("{:?}", "a format placeholder"),
        ("PolicyId {", "a Rust debug rendering"),
        ("Spanned", "a Rust type name"),
        ("\\\"", "escaped JSON in prose"),
    ];
    marks
        .into_iter()
        .find(|(mark, _)| sentence.contains(mark))
        .map(|(_, what)| what)
        .or_else(|| (sentence != sentence.trim()).then_some("space at an end"))
        .or_else(|| ends_mid_sentence(sentence).then_some("a sentence that stops mid-phrase"))
}

/// A sentence ending in a word that needs something after it ("for", "the", "role").
fn ends_mid_sentence(sentence: &str) -> bool {
    let last = sentence
        .trim_end_matches(['.', ':', ';', ','])
        .rsplit(' ')
        .next()
        .unwrap_or("");
    ["for", "the", "a", "an", "of", "to", "in", "and", "or"].contains(&last)
}

/// Every string in an answer, with its JSON path, skipping the user's own data (policy text,
/// claims, ARNs, actions and the scenario's name are the user's words, not ours).
fn texts<'a>(value: &'a Value, path: &mut String, out: &mut Vec<(String, &'a str)>) {
    const USER_DATA: [&str; 9] = [
        "text",
        "claims",
        "action",
        "resource",
        "arn",
        "source",
        "document",
        "name",
        "description",
    ];
    match value {
        Value::String(s) => out.push((path.clone(), s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("/{i}"));
                texts(item, path, out);
                path.truncate(len);
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                if USER_DATA.iter().any(|u| key.eq_ignore_ascii_case(u)) {
                    continue;
                }
                let len = path.len();
                path.push('/');
                path.push_str(key);
                texts(member, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

#[test]
fn no_sentence_a_user_reads_has_a_hole() {
    let mut problems = Vec::new();
    let (mut scenarios_swept, mut sentences) = (0, 0);
    for (origin, text) in scenarios() {
        for (variant, text) in variants(&text) {
            scenarios_swept += 1;
            let answer = serde_json::to_value(simulate_text(&text)).unwrap();
            let mut found = Vec::new();
            texts(&answer, &mut String::new(), &mut found);
            for (path, sentence) in found {
                if !sentence.contains(' ') {
                    continue;
                }
                sentences += 1;
                if let Some(what) = hole(sentence) {
                    problems.push(format!("{origin} [{variant}] {path}: {what}: {sentence}"));
                }
            }
        }
    }
    println!("{scenarios_swept} scenarios, {sentences} sentences swept");
    assert!(
        scenarios_swept >= 100,
        "only {scenarios_swept} scenarios swept"
    );
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} sentences with a hole:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_sweep_sees_the_holes_it_looks_for() {
    for bad in [
        "the role `` is not in the pool",
        "no provider is configured for .",
        "GetId needs a token from ,",
        "Allowed by Some(\"Statement1\")",
        "the value {} is too long",
        "no statement of the role allows the",
    ] {
        assert!(hole(bad).is_some(), "{bad}");
    }
    for good in [
        "no provider is chosen: pick one of the pool's providers",
        "Allowed by statement `ReadOwnPrefix` of `Guest/inline/Access`.",
        "{\n  \"Version\": \"2012-10-17\"\n}",
    ] {
        assert_eq!(hole(good), None, "{good}");
    }
}
