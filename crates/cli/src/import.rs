//! `idpool import FILE [--into SCENARIO]`: reads a CloudFormation/SAM template (JSON or
//! YAML, `cdk synth` output), Terraform (a plan or state as JSON, or `.tf` source) or a
//! CloudTrail event, prints the scenario it
//! gives on stdout and the import's account (taken, left out, assumed, placeholders) on
//! stderr. Exit status 0 when the file could be read, 1 when it could not, 2 on usage errors.

use std::process::ExitCode;

use identity_pool::api::{self, ApiAnswerBody, ApiCall, ScenarioInput, MAX_DOCUMENT_BYTES};
use identity_pool::import::{ImportItem, ImportOptions, MAX_IMPORT_BYTES};

use crate::output::{escape, print_diagnostics, print_line, read_input};

const USAGE: &str = "usage: idpool import FILE [--into SCENARIO]";

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let (file, into) = match args {
        [file] => (file, None),
        [file, flag, into] if flag == "--into" => (file, Some(into)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(file, MAX_IMPORT_BYTES) {
        Ok(text) => text,
        Err(e) => return e.exit(),
    };
    let scenario = match into.map(|f| read_input(f, MAX_DOCUMENT_BYTES)) {
        Some(Err(e)) => return e.exit(),
        Some(Ok(s)) => Some(ScenarioInput::Text(s)),
        None => None,
    };
    let reply = api::call(ApiCall::Import {
        text,
        scenario,
        options: ImportOptions::default(),
    });
    let ApiAnswerBody::Import { import } = reply else {
        eprintln!("idpool: unexpected answer");
        return ExitCode::from(2);
    };
    print_diagnostics(file, &import.diagnostics);
    let list = |title: &str, items: &[ImportItem]| {
        for i in items {
            let at = i
                .start
                .map(|p| format!("{}:{}:", p.line, p.column))
                .unwrap_or_default();
            eprintln!(
                "{}:{at} {title}: {}: {}",
                escape(file),
                escape(&i.subject),
                escape(&i.message)
            );
        }
    };
    list("took", &import.took);
    list("left out", &import.left_out);
    list("assumed", &import.assumed);
    list("placeholder", &import.placeholders);
    if !import.diagnostics.is_empty() {
        return ExitCode::from(1);
    }
    match serde_json::to_string_pretty(&import.scenario) {
        Ok(json) => match print_line(&json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(stop) => stop.status(ExitCode::SUCCESS),
        },
        Err(e) => {
            eprintln!("idpool: cannot print the scenario: {e}");
            ExitCode::from(2)
        }
    }
}
