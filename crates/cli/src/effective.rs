//! `idpool effective FILE [--service PREFIX]... [--flow enhanced|basic] [--resource ARN]
//! [--format table|csv|json|markdown]`: every action of the services in play, decided for
//! the scenario's sign-in, with what removed it (the AWS action catalog is compiled in).

use std::process::ExitCode;

use identity_pool::api::{answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION};
use identity_pool::effective::{to_csv, to_markdown, to_table};
use identity_pool::scenario::Flow;

use crate::output::print_line;

const USAGE: &str = "usage: idpool effective FILE [--service PREFIX]... [--flow enhanced|basic] [--resource ARN] [--format table|csv|json|markdown]";

struct Args {
    file: String,
    services: Vec<String>,
    flow: Option<Flow>,
    resource: Option<String>,
    format: String,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        file: String::new(),
        services: Vec::new(),
        flow: None,
        resource: None,
        format: "table".to_owned(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || rest.next().cloned().ok_or(format!("`{arg}` needs a value"));
        match arg.as_str() {
            "--service" => out.services.push(value()?),
            "--resource" => out.resource = Some(value()?),
            "--format" => out.format = value()?,
            "--flow" => {
                out.flow = Some(match value()?.as_str() {
                    "enhanced" => Flow::Enhanced,
                    "basic" => Flow::Basic,
                    other => return Err(format!("unknown flow `{other}`")),
                })
            }
            file if out.file.is_empty() && !file.starts_with("--") => out.file = file.to_owned(),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    if out.file.is_empty() {
        return Err("no scenario file".to_owned());
    }
    if !["table", "csv", "json", "markdown"].contains(&out.format.as_str()) {
        return Err(format!("unknown format `{}`", out.format));
    }
    Ok(out)
}

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("idpool: {problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("idpool: cannot read `{}`: {e}", args.file);
            return ExitCode::from(2);
        }
    };
    let reply = answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Effective {
            scenario: ScenarioInput::Text(text),
            flow: args.flow,
            services: args.services,
            resource: args.resource,
            format: None,
        },
    });
    let (report, diagnostics) = match reply.body {
        ApiAnswerBody::Effective {
            effective,
            diagnostics,
            ..
        } => (effective, diagnostics),
        ApiAnswerBody::Error { message } => {
            eprintln!("idpool: {}: {message}", args.file);
            return ExitCode::from(1);
        }
        _ => {
            eprintln!("idpool: unexpected answer");
            return ExitCode::from(2);
        }
    };
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        let at = d
            .start
            .map(|p| format!("{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        eprintln!("{}:{at}{}: {}", args.file, d.code, d.message);
    }
    let Some(report) = report else {
        return ExitCode::from(1);
    };
    let text = match args.format.as_str() {
        "csv" => to_csv(&report),
        "markdown" => to_markdown(&report),
        "json" => serde_json::to_string(&report).unwrap_or_default(),
        _ => to_table(&report),
    };
    let status = if report.outcome == "issued" {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    match print_line(text.trim_end()) {
        Ok(()) => status,
        Err(stop) => stop.status(status),
    }
}
