//! `idpool`: a thin command line over the shared request/answer API.
//!
//! `idpool eval FILE... [--explain]`, `idpool simulate [--token TOKEN_FILE] FILE`,
//! `idpool import FILE [--into SCENARIO]`, `idpool export FILE [--format F]`,
//! `idpool check FILE...`, `idpool effective FILE [--service PREFIX] [--format table|csv|json|markdown]`,
//! `idpool diff OLD NEW [--format text|json|md] [--allow-grants]`, `idpool coach FILE`,
//! `idpool actions PATTERN... [--limit N] [--format text|json]`.

mod actions;
mod check;
mod coach;
mod diff;
mod effective;
mod eval;
mod export;
mod import;
mod link;
mod output;
mod simulate;

use std::process::ExitCode;

const USAGE: &str =
    "usage: idpool eval FILE... [--explain] [--threads N] | idpool simulate [--token TOKEN_FILE] FILE | idpool import FILE [--into SCENARIO] | idpool export FILE [--format cloudformation|terraform|cli] | idpool check FILE... | idpool link FILE [--embed PARTS] [--base URL] | idpool effective FILE [--service PREFIX]... [--flow enhanced|basic] [--resource ARN] [--format table|csv|json|markdown] | idpool diff OLD NEW [--format text|json|md] [--allow-grants] | idpool coach FILE [--format text|json] | idpool actions PATTERN... [--limit N] [--format text|json]";

/// `idpool --help`: what each command does and its exit statuses.
const HELP: &str = "idpool: evaluate IAM policies and simulate Amazon Cognito identity pools

commands:
  idpool eval [--explain] [--threads N] FILE...
                                     evaluation cases, one JSON answer per line; a FILE (or `-`,
                                     standard input) holds one case, an array of cases or one
                                     case per line (JSON Lines), of any size; answered on N
                                     threads (default: one per core), printed in input order
  idpool simulate [--token TOKEN_FILE] FILE
                                     the simulation report of a scenario, as JSON
  idpool check FILE...              verify each scenario's `expect`
  idpool import FILE [--into SCENARIO]
                                     a scenario from a CloudFormation/SAM template, `cdk synth`
                                     output, Terraform (`terraform show -json` or `.tf` source)
                                     or a CloudTrail event; what was taken, left out and
                                     assumed on stderr
  idpool export FILE [--format cloudformation|terraform|cli]
                                     the pool's roles and policies as code or AWS CLI commands
  idpool link FILE [--embed PARTS] [--base URL]
                                     a share link for a scenario
  idpool effective FILE [--service PREFIX]... [--flow enhanced|basic] [--format table|csv|json|markdown]
                                     every action of the services in play, decided for the sign-in
  idpool diff OLD NEW [--format text|json|md] [--allow-grants]
                                     what the change grants and takes away, per identity;
                                     exit 1 when it grants anything new (unless --allow-grants)
  idpool coach FILE [--format text|json]
                                     least-privilege findings with fixes; exit 1 on a warning
  idpool actions PATTERN... [--limit N] [--format text|json]
                                     the AWS actions an Action pattern (`s3:Get*`, `*`) covers,
                                     by access level; exit 1 when one covers none
  idpool --version | --help

exit status: 0 when everything holds, 1 on a mismatch or a scenario with errors,
2 on a usage or input error (unreadable, empty, not JSON, not a case, over a size limit)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, rest)) if cmd == "eval" => eval::run(rest),
        Some((cmd, rest)) if cmd == "simulate" => simulate::run(rest),
        Some((cmd, rest)) if cmd == "check" => check::run(rest),
        Some((cmd, rest)) if cmd == "effective" => effective::run(rest),
        Some((cmd, rest)) if cmd == "diff" => diff::run(rest),
        Some((cmd, rest)) if cmd == "actions" => actions::run(rest),
        Some((cmd, rest)) if cmd == "coach" => coach::run(rest),
        Some((cmd, rest)) if cmd == "import" => import::run(rest),
        Some((cmd, rest)) if cmd == "export" => export::run(rest),
        Some((cmd, rest)) if cmd == "link" => link::run(rest),
        Some((flag, _)) if flag == "--help" || flag == "-h" || flag == "help" => {
            match output::print_line(HELP) {
                Ok(()) => ExitCode::SUCCESS,
                Err(stop) => stop.status(ExitCode::SUCCESS),
            }
        }
        Some((flag, _)) if flag == "--version" || flag == "-V" => {
            let version = format!(
                "idpool {} (engine {})",
                env!("CARGO_PKG_VERSION"),
                identity_pool::api::ENGINE_VERSION
            );
            match output::print_line(&version) {
                Ok(()) => ExitCode::SUCCESS,
                Err(stop) => stop.status(ExitCode::SUCCESS),
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
