//! `idpool export FILE [--format cloudformation|terraform|cli]`: prints the scenario's pool,
//! role attachment, principal tags and roles as a CloudFormation YAML template (default),
//! Terraform, or AWS CLI commands; notes go to stderr.

use std::process::ExitCode;

use identity_pool::api::{
    answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION, MAX_DOCUMENT_BYTES,
};
use identity_pool::export::ExportFormat;

use crate::output::{escape, print_line, read_input};

const USAGE: &str = "usage: idpool export FILE [--format cloudformation|terraform|cli]";

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let (file, format) = match args {
        [file] => (file, "cloudformation"),
        [file, flag, format] if flag == "--format" => (file, format.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let format = match format {
        "cloudformation" | "cfn" => ExportFormat::CloudFormation,
        "terraform" | "tf" => ExportFormat::Terraform,
        "cli" | "aws-cli" => ExportFormat::AwsCli,
        other => {
            eprintln!("idpool: unknown format `{other}`\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(file, MAX_DOCUMENT_BYTES) {
        Ok(text) => text,
        Err(e) => return e.exit(),
    };
    let reply = answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Export {
            scenario: ScenarioInput::Text(text),
            format,
        },
    });
    match reply.body {
        ApiAnswerBody::Export { export } => {
            for note in &export.notes {
                eprintln!("{}: note: {}", escape(file), escape(note));
            }
            match print_line(export.text.trim_end()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(stop) => stop.status(ExitCode::SUCCESS),
            }
        }
        ApiAnswerBody::Error { message } => {
            eprintln!("idpool: `{}`: {}", escape(file), escape(&message));
            ExitCode::from(1)
        }
        _ => {
            eprintln!("idpool: unexpected answer");
            ExitCode::from(2)
        }
    }
}
