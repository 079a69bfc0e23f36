//! `idpool check FILE...`: simulates each scenario and verifies every `expect`, naming each
//! mismatch. Exit status 0 when all hold, 1 on any mismatch, 2 on usage or read errors.

use std::process::ExitCode;

use identity_pool::api::{self, ApiAnswerBody, ApiCall, MAX_DOCUMENT_BYTES};
use identity_pool::check::CheckResult;

use crate::output::{escape, print_line, read_input};

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    if args.is_empty() || args.iter().any(|a| a.starts_with("--")) {
        eprintln!("usage: idpool check FILE...");
        return ExitCode::from(2);
    }
    let (mut passed, mut failed, mut unreadable) = (0usize, 0usize, false);
    for file in args {
        let text = match read_input(file, MAX_DOCUMENT_BYTES) {
            Ok(text) => text,
            Err(e) => {
                e.report();
                unreadable = true;
                continue;
            }
        };
        let results = check_file(text);
        let several = results.len() > 1;
        for (i, result) in results.iter().enumerate() {
            // Names and values come from the file: escaped, so they cannot drive the terminal.
            let shown = escape(file);
            let label = match (several, &result.name) {
                (true, Some(name)) => format!("{shown} [{i}: {}]", escape(name)),
                (true, None) => format!("{shown} [{i}]"),
                (false, _) => shown.to_string(),
            };
            let printed = if result.passed {
                passed += 1;
                print_line(&format!("ok   {label} ({} expectations)", result.checked))
            } else {
                failed += 1;
                print_line(&format!("FAIL {label}")).and_then(|()| {
                    result.mismatches.iter().try_for_each(|m| {
                        print_line(&format!("     {shown}:{}", escape(&m.to_string())))
                    })
                })
            };
            if let Err(stop) = printed {
                return stop.status(status(unreadable, failed));
            }
        }
    }
    let so_far = status(unreadable, failed);
    match print_line(&format!("{passed} passed, {failed} failed")) {
        Ok(()) => so_far,
        Err(stop) => stop.status(so_far),
    }
}

/// The verdicts for one file's scenarios, through the API.
fn check_file(text: String) -> Vec<CheckResult> {
    match api::call(ApiCall::CheckFile { text }) {
        ApiAnswerBody::CheckFile { results } => results,
        _ => Vec::new(),
    }
}

/// The exit status for what has been seen so far.
fn status(unreadable: bool, failed: usize) -> ExitCode {
    if unreadable {
        ExitCode::from(2)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
