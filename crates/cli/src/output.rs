//! Writing to stdout without panicking: `println!` panics when the reader has gone away
//! (`idpool eval FILE | head -1`), which ended the program with status 101. Reading the
//! user's input is in `input.rs`.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use identity_pool::api::Diagnostic;

mod input;

pub use input::{open_input, read_input};

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
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(stop)
}

/// Prints located diagnostics of `file` on stderr, one per line, with their help.
pub fn print_diagnostics(file: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let at = d
            .start
            .map(|p| format!("{}:{}:", p.line, p.column))
            .unwrap_or_default();
        eprintln!(
            "{}:{at} {:?}: {} [{}]",
            escape(file),
            d.severity,
            escape(&d.message),
            escape(&d.code)
        );
        if let Some(help) = &d.help {
            eprintln!("  help: {}", escape(help));
        }
    }
}

/// Buffered lines on stdout: one write per buffer, not per line (a flush per answer cost a
/// system call per case), with the same closed-pipe handling as [`print_line`].
pub struct Lines {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl Lines {
    /// Lines to standard output.
    pub fn stdout() -> Self {
        Self {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
        }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Stop> {
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(stop)
    }

    /// Writes out what is buffered.
    pub fn flush(&mut self) -> Result<(), Stop> {
        self.out.flush().map_err(stop)
    }
}

fn stop(e: std::io::Error) -> Stop {
    if e.kind() == ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        eprintln!("idpool: cannot write to stdout: {e}");
        Stop::Failed
    }
}

/// A subcommand's arguments did not parse: the problem (escaped, it may quote what the user
/// typed) and the subcommand's usage on stderr, exit status 2. One shape for every
/// subcommand that reads its arguments with a parser returning the problem as text.
pub fn usage_error(problem: &str, usage: &str) -> ExitCode {
    eprintln!("idpool: {}\n{usage}", escape(problem));
    ExitCode::from(2)
}

/// `text` for a terminal: control characters (ESC, CR, LF, ...) written as `\u{1b}`-style
/// escapes, so a file cannot retitle the terminal, clear the screen or forge CI lines
/// through a case name or a message. JSON output is escaped by JSON already.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
