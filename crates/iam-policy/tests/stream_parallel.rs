//! `evaluate_stream_parallel` answers exactly as `evaluate_stream` does: the same answers
//! (compared as the JSON lines `idpool eval` prints), in the same order, with the same
//! input errors, the same point where the stream stops and the same summary, whatever the
//! number of threads. Inputs: every corpus file, all corpus cases in one array (many
//! batches, each worker with its own policy cache), and streams that stop early.

// Helpers outside `#[test]` functions too: a failed expectation is a failed test.
#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use iam_policy::api::{evaluate_stream, evaluate_stream_parallel, StreamSummary, Streamed};
use std::ops::ControlFlow;
use std::path::Path;

/// One answer as the CLI prints it, and whether it is an input error.
type Line = (String, bool);

fn json(s: &Streamed) -> String {
    serde_json::to_string(&s.answer).expect("an answer serializes")
}

/// The lines of the one-thread stream, stopping after `stop_after` answers if given.
fn alone(text: &str, explain: bool, stop_after: Option<usize>) -> (Vec<Line>, StreamSummary) {
    let mut lines = Vec::new();
    let summary = evaluate_stream(text.as_bytes(), explain, None, |s| {
        lines.push((json(&s), s.input_error));
        stop(&lines, stop_after)
    });
    (lines, summary)
}

fn parallel(
    text: &str,
    explain: bool,
    threads: usize,
    stop_after: Option<usize>,
) -> (Vec<Line>, StreamSummary) {
    let mut lines = Vec::new();
    let summary =
        evaluate_stream_parallel(text.as_bytes(), explain, None, threads, json, |s, j| {
            assert_eq!(j, json(&s), "what was prepared is the answer's line");
            lines.push((j, s.input_error));
            stop(&lines, stop_after)
        });
    (lines, summary)
}

fn stop(lines: &[Line], stop_after: Option<usize>) -> ControlFlow<()> {
    if stop_after.is_some_and(|n| lines.len() >= n) {
        ControlFlow::Break(())
    } else {
        ControlFlow::Continue(())
    }
}

/// Every thread count gives the one-thread stream's lines and summary.
fn same_as_alone(what: &str, text: &str, stop_after: Option<usize>) {
    for explain in [false, true] {
        let expected = alone(text, explain, stop_after);
        for threads in [2, 3] {
            let got = parallel(text, explain, threads, stop_after);
            assert!(
                got == expected,
                "{what}: {threads} threads, explain {explain}: {} answers, {:?}; alone {}, {:?}",
                got.0.len(),
                got.1,
                expected.0.len(),
                expected.1
            );
        }
    }
}

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/iam");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("a corpus file"))
        })
        .collect()
}

/// All corpus cases, repeated `times`, in one compact array.
fn all_cases(times: usize) -> Vec<serde_json::Value> {
    let mut cases = Vec::new();
    for (_, text) in corpus() {
        let file: Vec<serde_json::Value> = serde_json::from_str(&text).expect("an array");
        cases.extend(file);
    }
    cases
        .iter()
        .cycle()
        .take(cases.len() * times)
        .cloned()
        .collect()
}

#[test]
fn every_corpus_file_answers_as_on_one_thread() {
    for (name, text) in corpus() {
        same_as_alone(&name, &text, None);
    }
}

#[test]
fn the_whole_corpus_in_one_stream_answers_as_on_one_thread() {
    // Twice over, so repeated policies are found in each worker's cache across batches.
    let cases = all_cases(2);
    assert!(
        cases.len() > 1_000,
        "{} cases: many batches of 64",
        cases.len()
    );
    let compact = serde_json::to_string(&cases).unwrap();
    same_as_alone("compact", &compact, None);
    let lines: Vec<String> = cases.iter().map(|c| c.to_string()).collect();
    let half = &lines[..lines.len() / 2];
    same_as_alone("JSON Lines", &half.join("\n"), None);
}

#[test]
fn a_stream_stops_where_it_stops_on_one_thread() {
    let cases = all_cases(1);
    let items: Vec<String> = cases.iter().map(|c| c.to_string()).collect();
    // The reader stops taking answers part way, in the first batch and in a later one.
    let array = format!("[{}]", items.join(",\n"));
    for n in [1, 3, 200] {
        same_as_alone(&format!("stop after {n}"), &array, Some(n));
    }
    // A case that is not JSON ends the stream there, with cases cut after it unanswered.
    let broken = format!(
        "{}\n{{\"request\": {{\"action\": \"s3:Get}}\n{}",
        items[..150].join("\n"),
        items.join("\n")
    );
    let (lines, summary) = alone(&broken, false, None);
    assert_eq!(lines.len(), 151, "the broken case is the last answer");
    assert!(lines[150].1, "and an input error");
    assert_eq!(
        summary.input_errors,
        1 + lines[..150].iter().filter(|l| l.1).count()
    );
    same_as_alone("a broken case", &broken, None);
    // A fault of the input around the cases (an unclosed array) comes last, in order.
    let unclosed = format!("[{}", items[..300].join(","));
    same_as_alone("an unclosed array", &unclosed, None);
    // A case over the per-document limit is skipped with an error and the rest still run.
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(1 << 20));
    let with_huge = format!(
        "[{},{huge},{}]",
        items[..100].join(","),
        items[..100].join(",")
    );
    let (lines, _) = alone(&with_huge, false, None);
    assert_eq!(lines.len(), 201);
    same_as_alone("an over-limit case", &with_huge, None);
}
