//! `idpool eval [--explain] [--threads N] FILE...`: evaluation cases (formats.md section 1),
//! one JSON line per case. A file (or `-`, standard input) holds one case, an array of cases,
//! or one case per line (JSON Lines), of any size: cases are read one at a time, each under
//! the per-document limit, answered on as many threads as the machine has cores (or `N`),
//! and printed in input order, the same lines whatever the number of threads. Exit status: 0 when every `expected` holds, 1 on a mismatch, 2 on
//! a usage or input error (unreadable, empty, not JSON, not a case, over the limit). When the
//! reader closes stdout early (`| head -1`), the program stops quietly with the status of
//! the cases judged so far.

use std::io::Read;
use std::ops::ControlFlow;
use std::process::ExitCode;

use identity_pool::api::{evaluate_stream_parallel, Streamed};

use crate::output::{escape, open_input, Lines, Stop};

const USAGE: &str =
    "usage: idpool eval [--explain] [--threads N] FILE... (FILE `-` is standard input)";

/// The command line, read.
struct Options<'a> {
    explain: bool,
    /// Worker threads: the machine's cores unless `--threads N`.
    threads: usize,
    files: Vec<&'a String>,
}

impl<'a> Options<'a> {
    /// `None` on a usage error.
    fn read(args: &'a [String]) -> Option<Self> {
        let mut options = Options {
            explain: false,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            files: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--explain" => options.explain = true,
                "--threads" => options.threads = args.next()?.parse().ok().filter(|n| *n > 0)?,
                flag if flag.starts_with("--") => return None,
                _ => options.files.push(arg),
            }
        }
        (!options.files.is_empty()).then_some(options)
    }
}

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let Some(Options {
        explain,
        threads,
        files,
    }) = Options::read(args)
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let mut tally = Tally::default();
    let mut out = Lines::stdout();
    for file in files {
        // Cases are read one at a time, each under the per-document limit: a file of any size.
        let stopped = match open_input(file) {
            Ok(input) => eval_input(input, file, (explain, threads), &mut out, &mut tally),
            Err(e) => {
                e.report();
                tally.input_errors += 1;
                None
            }
        };
        if let Some(stop) = stopped.or_else(|| out.flush().err()) {
            return stop.status(tally.status());
        }
    }
    match out.flush() {
        Ok(()) => tally.status(),
        Err(stop) => stop.status(tally.status()),
    }
}

/// What the cases so far came to.
#[derive(Default)]
struct Tally {
    mismatches: usize,
    input_errors: usize,
}

impl Tally {
    /// 2 on any input error, else 1 on any mismatch, else 0.
    fn status(&self) -> ExitCode {
        if self.input_errors > 0 {
            ExitCode::from(2)
        } else if self.mismatches > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Streams the cases of one input (`explain`, on `threads` threads); `Some` when stdout can
/// take no more.
fn eval_input(
    input: impl Read,
    file: &str,
    (explain, threads): (bool, usize),
    out: &mut Lines,
    tally: &mut Tally,
) -> Option<Stop> {
    let mut stopped = None;
    // Each answer is serialized on the thread that answered it; printed here, in order.
    let json = |streamed: &Streamed| serde_json::to_string(&streamed.answer);
    let summary = evaluate_stream_parallel(input, explain, threads, json, |streamed, json| {
        report(file, &streamed);
        match json {
            Ok(line) => {
                if let Err(stop) = out.line(&line) {
                    stopped = Some(stop);
                    return ControlFlow::Break(());
                }
            }
            Err(e) => eprintln!("idpool: cannot print an answer: {e}"),
        }
        ControlFlow::Continue(())
    });
    tally.mismatches += summary.mismatches;
    tally.input_errors += summary.input_errors;
    stopped
}

/// The stderr line for an answer a person must look at: a mismatch or an input error.
fn report(file: &str, streamed: &Streamed) {
    let answer = &streamed.answer;
    let file = escape(file);
    if answer.is_mismatch() {
        eprintln!(
            "{file}: case `{}`: expected {}, got {}",
            escape(&answer.name),
            escape(answer.expected.as_deref().unwrap_or("?")),
            answer.decision.as_str()
        );
    }
    if streamed.input_error {
        let first = answer.diagnostics.iter().find(|d| d.is_error());
        let at = first
            .and_then(|d| d.start)
            .map(|p| format!("{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        let message = first.map_or("the input cannot be read", |d| d.message.as_str());
        eprintln!(
            "{file}:{at}error: case `{}`: {}",
            escape(&answer.name),
            escape(message)
        );
    }
}
