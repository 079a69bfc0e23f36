//! `idpool coach FILE [--format text|json]`: the least-privilege coach's findings on a
//! scenario. Exit status 1 when a finding that is not dismissed is a warning.

use std::process::ExitCode;

use identity_pool::api::{
    answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION, MAX_DOCUMENT_BYTES,
};
use identity_pool::coach::{CoachReport, Level};

use crate::output::{escape, print_diagnostics, print_line, read_input};

const USAGE: &str = "usage: idpool coach FILE [--format text|json]";

fn text(file: &str, report: &CoachReport) -> String {
    let mut out = Vec::new();
    for f in &report.findings {
        let at = f
            .position
            .map(|p| format!("{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        let level = match f.level {
            Level::Warning => "warning",
            Level::Info => "info",
        };
        let dismissed = if f.dismissed { " (dismissed)" } else { "" };
        out.push(format!(
            "{}:{at}{level}{dismissed}: {}: {}",
            escape(file),
            f.code,
            escape(&f.message)
        ));
        out.push(format!("  {}", escape(&f.explanation)));
        if let Some(fix) = &f.fix {
            out.push(format!(
                "  fix ({}): {}",
                escape(&fix.policy),
                escape(&fix.title)
            ));
        }
        out.push(format!("  id: {}", escape(&f.id)));
    }
    out.push(format!(
        "{} finding{}, {} open",
        report.findings.len(),
        if report.findings.len() == 1 { "" } else { "s" },
        report.open
    ));
    out.join("\n")
}

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let (file, format) = match args {
        [file] => (file, "text"),
        [file, flag, format] if flag == "--format" && (format == "text" || format == "json") => {
            (file, format.as_str())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let scenario = match read_input(file, MAX_DOCUMENT_BYTES) {
        Ok(text) => text,
        Err(e) => return e.exit(),
    };
    let reply = answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Coach {
            scenario: ScenarioInput::Text(scenario),
        },
    });
    let (report, diagnostics) = match reply.body {
        ApiAnswerBody::Coach { coach, diagnostics } => (coach, diagnostics),
        ApiAnswerBody::Error { message } => {
            eprintln!("idpool: {message}");
            return ExitCode::from(2);
        }
        _ => return ExitCode::from(2),
    };
    let errors: Vec<_> = diagnostics.into_iter().filter(|d| d.is_error()).collect();
    print_diagnostics(file, &errors);
    let Some(report) = report else {
        return ExitCode::from(2);
    };
    let warned = report
        .findings
        .iter()
        .any(|f| !f.dismissed && f.level == Level::Warning);
    let status = if warned {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let printed = match format {
        "json" => serde_json::to_string(&report).unwrap_or_default(),
        _ => text(file, &report),
    };
    match print_line(&printed) {
        Ok(()) => status,
        Err(stop) => stop.status(status),
    }
}
