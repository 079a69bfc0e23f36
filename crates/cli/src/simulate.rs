//! `idpool simulate [--token TOKEN_FILE] FILE`: prints the simulation report as JSON. Exit
//! status 0 when the scenario could be read and simulated, 1 when it has errors, 2 on usage
//! or read errors. With `--token`, the JWT in TOKEN_FILE (decoded locally, never verified)
//! replaces the scenario's sign-in, its warnings go to stderr; without FILE the decoded
//! token is printed.

use std::process::ExitCode;

use identity_pool::api::{
    self, ApiAnswerBody, ApiCall, ApiRequest, Explain, ScenarioInput, API_VERSION,
    MAX_DOCUMENT_BYTES,
};
use identity_pool::import::DecodedToken;

use crate::output::{escape, print_diagnostics, print_line, read_input};

const USAGE: &str = "usage: idpool simulate [--token TOKEN_FILE] FILE";

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let (token_file, file) = match args {
        [file] => (None, Some(file)),
        [flag, token] if flag == "--token" => (Some(token), None),
        [flag, token, file] if flag == "--token" => (Some(token), Some(file)),
        [file, flag, token] if flag == "--token" => (Some(token), Some(file)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(text) = file.map_or(Some(String::new()), |f| read(f)) else {
        return ExitCode::from(2);
    };
    let mut scenario = ScenarioInput::Text(text);
    if let Some(token_file) = token_file {
        let Some(token) = read(token_file) else {
            return ExitCode::from(2);
        };
        let Some(decoded) = decode(token, file.map(|_| scenario.clone())) else {
            return ExitCode::from(2);
        };
        print_diagnostics(token_file, &decoded.diagnostics);
        for note in &decoded.notes {
            eprintln!("{}: note: {}", escape(token_file), escape(note));
        }
        match decoded.scenario {
            Some(merged) => scenario = ScenarioInput::Document(merged),
            None => return print_json(&decoded, ExitCode::SUCCESS),
        }
    }
    let file = file.map_or("-", String::as_str);
    // The whole API (`answer`), not the inlined `call`: its explanations name what each
    // wildcard action entry covers, as the JS package's do.
    let reply = api::answer(&ApiRequest {
        api_version: API_VERSION,
        call: ApiCall::Simulate {
            scenario,
            explain: Explain::All,
        },
    })
    .body;
    let ApiAnswerBody::Simulate { report } = &reply else {
        eprintln!("idpool: unexpected answer");
        return ExitCode::from(2);
    };
    print_diagnostics(file, &report.diagnostics);
    let so_far = if report.diagnostics.iter().any(|d| d.is_error()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    print_json(report, so_far)
}

/// A scenario or token file; the token's own limit is the library's to report.
fn read(file: &str) -> Option<String> {
    read_input(file, MAX_DOCUMENT_BYTES)
        .map_err(|e| e.report())
        .ok()
}

/// Decodes the token through the API, judging `exp` against this machine's clock.
fn decode(token: String, scenario: Option<ScenarioInput>) -> Option<DecodedToken> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok());
    let reply = api::call(ApiCall::DecodeToken {
        token,
        scenario,
        now,
    });
    match reply {
        ApiAnswerBody::DecodeToken { token } => Some(*token),
        _ => {
            eprintln!("idpool: unexpected answer");
            None
        }
    }
}

fn print_json(value: &impl serde::Serialize, so_far: ExitCode) -> ExitCode {
    match serde_json::to_string_pretty(value) {
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
