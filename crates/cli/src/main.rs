//! `idpool`: a thin command line over the shared request/answer API.
//!
//! `idpool eval FILE... [--explain]`, `idpool simulate [--token TOKEN_FILE] FILE`,
//! `idpool import FILE [--into SCENARIO]`, `idpool export FILE [--format F]`,
//! `idpool check FILE...`.

mod check;
mod eval;
mod export;
mod import;
mod link;
mod output;
mod simulate;

use std::process::ExitCode;

const USAGE: &str =
    "usage: idpool eval FILE... [--explain] | idpool simulate [--token TOKEN_FILE] FILE | idpool import FILE [--into SCENARIO] | idpool export FILE [--format cloudformation|terraform|cli] | idpool check FILE... | idpool link FILE [--embed PARTS] [--base URL]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, rest)) if cmd == "eval" => eval::run(rest),
        Some((cmd, rest)) if cmd == "simulate" => simulate::run(rest),
        Some((cmd, rest)) if cmd == "check" => check::run(rest),
        Some((cmd, rest)) if cmd == "import" => import::run(rest),
        Some((cmd, rest)) if cmd == "export" => export::run(rest),
        Some((cmd, rest)) if cmd == "link" => link::run(rest),
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
