//! `idpool eval FILE... [--explain]`: evaluation cases (formats.md section 1), one JSON line
//! per case. Exit status: 0 when every `expected` holds, 1 on a mismatch, 2 on a usage or
//! read error. When the reader closes stdout early (`| head -1`), the program stops quietly
//! with the status of the cases judged so far.

use identity_pool::api::{self, ApiAnswerBody, ApiCall, EvalAnswer};
use std::process::ExitCode;

use crate::output::print_line;

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let explain = args.iter().any(|a| a == "--explain");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--explain").collect();
    if files.is_empty() || files.iter().any(|f| f.starts_with("--")) {
        eprintln!("usage: idpool eval FILE... [--explain]");
        return ExitCode::from(2);
    }
    let mut mismatches = 0usize;
    let mut unreadable = false;
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("idpool: cannot read `{file}`: {e}");
                unreadable = true;
                continue;
            }
        };
        for answer in evaluate_cases(text, explain) {
            if answer.is_mismatch() {
                mismatches += 1;
                eprintln!(
                    "{file}: case `{}`: expected {}, got {}",
                    answer.name,
                    answer.expected.as_deref().unwrap_or("?"),
                    answer.decision
                );
            }
            match serde_json::to_string(&answer) {
                Ok(line) => {
                    if let Err(stop) = print_line(&line) {
                        return stop.status(status(unreadable, mismatches));
                    }
                }
                Err(e) => eprintln!("idpool: cannot print an answer: {e}"),
            }
        }
    }
    status(unreadable, mismatches)
}

/// The answers for one file's cases, through the API.
fn evaluate_cases(text: String, explain: bool) -> Vec<EvalAnswer> {
    match api::call(ApiCall::EvaluateCases { text, explain }) {
        ApiAnswerBody::EvaluateCases { answers } => answers,
        _ => Vec::new(),
    }
}

/// The exit status for what has been seen so far.
fn status(unreadable: bool, mismatches: usize) -> ExitCode {
    if unreadable {
        ExitCode::from(2)
    } else if mismatches > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
