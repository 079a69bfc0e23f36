//! `idpool diff OLD NEW [--format text|json|md] [--allow-grants]`: what the change from OLD
//! to NEW changes for every identity the scenario describes. Exit status 1 when it grants
//! anything new (unless `--allow-grants`), so CI can stop a widening change for review.
//! A side may be `-` (standard input), e.g. `git show main:pool.json | idpool diff - pool.json`.

use std::process::ExitCode;

use identity_pool::api::{
    answer, ApiAnswerBody, ApiCall, ApiRequest, DiffFormat, ScenarioInput, API_VERSION,
    MAX_DOCUMENT_BYTES,
};

use crate::output::{print_diagnostics, print_line, read_input, usage_error};

const USAGE: &str =
    "usage: idpool diff OLD NEW [--format text|json|md] [--allow-grants]   (a file may be `-`: standard input)";

struct Args {
    old: String,
    new: String,
    format: String,
    allow_grants: bool,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut files = Vec::new();
    let mut format = "text".to_owned();
    let mut allow_grants = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => {
                format = rest
                    .next()
                    .cloned()
                    .ok_or("`--format` needs a value".to_owned())?
            }
            "--allow-grants" => allow_grants = true,
            flag if flag.starts_with("--") => return Err(format!("unexpected argument `{flag}`")),
            file => files.push(file.to_owned()),
        }
    }
    if !["text", "json", "md", "markdown"].contains(&format.as_str()) {
        return Err(format!("unknown format `{format}`"));
    }
    match <[String; 2]>::try_from(files) {
        Ok([old, new]) => Ok(Args {
            old,
            new,
            format,
            allow_grants,
        }),
        Err(files) => Err(format!(
            "two scenario files are needed, {} given",
            files.len()
        )),
    }
}

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(problem) => return usage_error(&problem, USAGE),
    };
    let (old, new) = match (
        read_input(&args.old, MAX_DOCUMENT_BYTES),
        read_input(&args.new, MAX_DOCUMENT_BYTES),
    ) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(e), _) | (_, Err(e)) => return e.exit(),
    };
    let format = match args.format.as_str() {
        "json" => None,
        "md" | "markdown" => Some(DiffFormat::Markdown),
        _ => Some(DiffFormat::Text),
    };
    let reply = answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Diff {
            old: ScenarioInput::Text(old),
            new: ScenarioInput::Text(new),
            format,
        },
    });
    let (report, text, old_diagnostics, new_diagnostics) = match reply.body {
        ApiAnswerBody::Diff {
            diff,
            text,
            old_diagnostics,
            new_diagnostics,
        } => (diff, text, old_diagnostics, new_diagnostics),
        ApiAnswerBody::Error { message } => {
            eprintln!("idpool: {message}");
            return ExitCode::from(2);
        }
        _ => {
            eprintln!("idpool: unexpected answer");
            return ExitCode::from(2);
        }
    };
    for (file, diagnostics) in [(&args.old, old_diagnostics), (&args.new, new_diagnostics)] {
        let errors: Vec<_> = diagnostics.into_iter().filter(|d| d.is_error()).collect();
        print_diagnostics(file, &errors);
    }
    let Some(report) = report else {
        return ExitCode::from(2);
    };
    let printed = match text {
        Some(text) => text,
        None => serde_json::to_string(&report).unwrap_or_default(),
    };
    let status = if report.grants_new && !args.allow_grants {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match print_line(printed.trim_end()) {
        Ok(()) => status,
        Err(stop) => stop.status(status),
    }
}
