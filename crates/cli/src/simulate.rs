//! `idpool simulate`: a placeholder until the identity-pool simulation lands (another branch
//! replaces this file).

use std::process::ExitCode;

/// Runs the subcommand on its arguments.
pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("idpool simulate: not yet available");
    ExitCode::from(2)
}
