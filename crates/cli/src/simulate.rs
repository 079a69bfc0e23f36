//! `idpool simulate FILE`: prints the simulation report as JSON. Exit status 0 when the
//! scenario could be read and simulated, 1 when it has errors, 2 on usage or read errors.

use std::process::ExitCode;

use identity_pool::api::{self, ApiAnswerBody, ApiCall, ScenarioInput};

use crate::output::print_line;

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let [file] = args else {
        eprintln!("usage: idpool simulate FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("idpool: cannot read `{file}`: {e}");
            return ExitCode::from(2);
        }
    };
    let reply = api::call(ApiCall::Simulate {
        scenario: ScenarioInput::Text(text),
    });
    let ApiAnswerBody::Simulate { report } = &reply else {
        eprintln!("idpool: unexpected answer");
        return ExitCode::from(2);
    };
    for d in report.diagnostics.iter() {
        let at = d
            .start
            .map(|p| format!("{}:{}:", p.line, p.column))
            .unwrap_or_default();
        eprintln!("{file}:{at} {:?}: {} [{}]", d.severity, d.message, d.code);
    }
    let so_far = if report.diagnostics.iter().any(|d| d.is_error()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match serde_json::to_string_pretty(report) {
        Ok(json) => match print_line(&json) {
            Ok(()) => so_far,
            Err(stop) => stop.status(so_far),
        },
        Err(e) => {
            eprintln!("idpool: cannot print the report: {e}");
            ExitCode::from(2)
        }
    }
}
