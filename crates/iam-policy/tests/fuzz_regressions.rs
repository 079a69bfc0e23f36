//! Replays `tests/fuzz/parse_evaluate/` (the engine fuzz target's regression corpus) through
//! the target's calls: the text read as a policy of each kind, compiled and decided both
//! ways, and read as an evaluation-case file. Slow inputs are kept here; their time is
//! printed, never asserted. Inputs too large to keep as files are built by the tests below.

use std::path::Path;
use std::time::Instant;

use iam_policy::api::evaluate_cases_json;
use iam_policy::{
    decide, evaluate, parse_policy, CompiledPolicy, PolicyKind, PolicySet, PolicySource, Request,
};

/// What the fuzz target does with one input, minus the guardrail properties (the property
/// tests cover those): every kind's reading, a decision both ways, the case-file reading.
fn replay(text: &str) {
    let request = Request {
        action: "s3:GetObject".into(),
        resource: "arn:aws:s3:::mybucket/a.txt".into(),
        principal: None,
        account_id: Some("123456789012".into()),
        context: iam_policy::Context::new(),
    };
    for kind in PolicyKind::ALL {
        let parsed = parse_policy(text, kind);
        let Some(policy) = parsed.policy else {
            continue;
        };
        let compiled = CompiledPolicy::compile(
            &policy,
            PolicySource {
                name: "replayed".into(),
                kind,
            },
        );
        let set = PolicySet {
            identity: vec![&compiled],
            ..PolicySet::default()
        };
        assert_eq!(evaluate(&set, &request).decision, decide(&set, &request));
    }
    let _ = evaluate_cases_json(text, true);
}

#[test]
fn every_regression_input_is_read_and_decided() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz/parse_evaluate");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let started = Instant::now();
        replay(&text);
        println!("{}: {:?}", path.display(), started.elapsed());
        count += 1;
    }
    assert!(count >= 1, "the corpus is missing: {count} files");
}

/// A policy whose condition operator, condition key or statement element is a megabyte-long
/// unknown name. Each "did you mean" measured the whole name against every candidate (a
/// full edit-distance table each: minutes for one document); now a candidate that cannot be
/// within the suggestion's bound is not measured.
#[test]
fn megabyte_long_unknown_names_are_read_without_a_suggestion() {
    let long = "StringLike".repeat(100_000);
    let documents = [
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{{"ForAnyValue:{long}":{{"aws:TagKeys":"a*"}}}}}}]}}"#
        ),
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{{"StringLike":{{"aws:{long}":"a*"}}}}}}]}}"#
        ),
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:*","Resource":"*","{long}":1}}]}}"#
        ),
    ];
    for text in &documents {
        let started = Instant::now();
        let parsed = parse_policy(text, PolicyKind::Identity);
        println!("{} bytes: {:?}", text.len(), started.elapsed());
        assert!(!parsed.diagnostics.is_empty());
        assert!(
            parsed.diagnostics.iter().all(|d| !d
                .help
                .as_deref()
                .unwrap_or("")
                .contains("did you mean")),
            "{:?}",
            parsed
                .diagnostics
                .iter()
                .map(|d| &d.help)
                .collect::<Vec<_>>()
        );
        replay(text);
    }
}
