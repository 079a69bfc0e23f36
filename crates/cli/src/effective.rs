//! `idpool effective FILE [--service PREFIX]... [--flow enhanced|basic] [--resource ARN]
//! [--format table|csv|json|markdown]`: every action of the services in play, decided for
//! the scenario's sign-in, with what removed it (the AWS action catalog is compiled in).

use std::process::ExitCode;

use identity_pool::api::{
    answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION, MAX_DOCUMENT_BYTES,
};
use identity_pool::effective::{to_csv, to_markdown, to_table};
use identity_pool::scenario::Flow;

use crate::output::{escape, print_diagnostics, print_line, read_input, usage_error};

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
        Err(problem) => return usage_error(&problem, USAGE),
    };
    let text = match read_input(&args.file, MAX_DOCUMENT_BYTES) {
        Ok(text) => text,
        Err(e) => return e.exit(),
    };
    let reply = answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Effective {
            scenario: ScenarioInput::Text(text),
            flow: args.flow,
            services: args.services,
            resource: args.resource,
            rows_for: None,
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
            eprintln!("idpool: `{}`: {}", escape(&args.file), escape(&message));
            return ExitCode::from(1);
        }
        _ => {
            eprintln!("idpool: unexpected answer");
            return ExitCode::from(2);
        }
    };
    let errors: Vec<_> = diagnostics.into_iter().filter(|d| d.is_error()).collect();
    print_diagnostics(&args.file, &errors);
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
