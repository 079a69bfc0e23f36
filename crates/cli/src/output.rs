//! Writing to stdout without panicking: `println!` panics when the reader has gone away
//! (`idpool eval FILE | head -1`), which ended the program with status 101.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use identity_pool::api::Diagnostic;

/// Why stdout can take no more lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The reader closed the pipe: nobody wants the rest, so end quietly.
    Closed,
    /// Any other write error, already reported on stderr.
    Failed,
}

impl Stop {
    /// The exit status to end with: the status earned so far when the pipe was closed
    /// (the reader chose to stop, the cases printed were still judged), 2 on a real failure.
    pub fn status(self, so_far: ExitCode) -> ExitCode {
        match self {
            Stop::Closed => so_far,
            Stop::Failed => ExitCode::from(2),
        }
    }
}

/// Writes `text` and a newline to stdout, flushing so a closed pipe is seen at once.
pub fn print_line(text: &str) -> Result<(), Stop> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Err(Stop::Closed),
        Err(e) => {
            eprintln!("idpool: cannot write to stdout: {e}");
            Err(Stop::Failed)
        }
    }
}

/// Prints located diagnostics of `file` on stderr, one per line, with their help.
pub fn print_diagnostics(file: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let at = d
            .start
            .map(|p| format!("{}:{}:", p.line, p.column))
            .unwrap_or_default();
        eprintln!("{file}:{at} {:?}: {} [{}]", d.severity, d.message, d.code);
        if let Some(help) = &d.help {
            eprintln!("  help: {help}");
        }
    }
}
