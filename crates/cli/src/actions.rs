//! `idpool actions PATTERN... [--limit N] [--format text|json]`: the AWS actions each
//! `Action` pattern covers (`s3:Get*`, `*`), by access level (the catalog is compiled in).

use std::process::ExitCode;

use identity_pool::api::{answer, ApiAnswerBody, ApiCall, ApiRequest, API_VERSION};

use crate::output::{escape, print_line, usage_error};

const USAGE: &str = "usage: idpool actions PATTERN... [--limit N] [--format text|json]";

struct Args {
    patterns: Vec<String>,
    limit: Option<usize>,
    json: bool,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        patterns: Vec::new(),
        limit: None,
        json: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || rest.next().cloned().ok_or(format!("`{arg}` needs a value"));
        match arg.as_str() {
            "--limit" => {
                let v = value()?;
                out.limit = Some(v.parse().map_err(|_| format!("`{v}` is not a count"))?);
            }
            "--format" => match value()?.as_str() {
                "text" => out.json = false,
                "json" => out.json = true,
                other => return Err(format!("unknown format `{other}`")),
            },
            flag if flag.starts_with("--") => return Err(format!("unexpected argument `{flag}`")),
            pattern => out.patterns.push(pattern.to_owned()),
        }
    }
    if out.patterns.is_empty() {
        return Err("no action pattern".to_owned());
    }
    Ok(out)
}

/// Runs the subcommand: exit 1 when a pattern covers no action.
pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(problem) => return usage_error(&problem, USAGE),
    };
    let mut status = ExitCode::SUCCESS;
    for pattern in args.patterns {
        let reply = answer(&ApiRequest {
            api_version: API_VERSION,
            call: ApiCall::ExpandAction {
                pattern,
                limit: args.limit,
            },
        });
        let (expansion, text) = match reply.body {
            ApiAnswerBody::ExpandAction { expansion, text } => (expansion, text),
            ApiAnswerBody::Error { message } => {
                eprintln!("idpool: {}", escape(&message));
                return ExitCode::from(2);
            }
            _ => {
                eprintln!("idpool: unexpected answer");
                return ExitCode::from(2);
            }
        };
        if expansion.count == 0 {
            status = ExitCode::from(1);
        }
        let text = if args.json {
            serde_json::to_string(&expansion).unwrap_or_default()
        } else {
            text
        };
        if let Err(stop) = print_line(text.trim_end()) {
            return stop.status(status);
        }
    }
    status
}
