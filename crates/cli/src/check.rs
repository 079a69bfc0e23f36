//! `idpool check`: a placeholder until the identity-pool simulation lands (another branch
//! replaces this file).

use std::process::ExitCode;

/// Runs the subcommand on its arguments.
pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("idpool check: not yet available");
    ExitCode::from(2)
}
