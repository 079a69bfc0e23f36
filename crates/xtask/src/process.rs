//! Running programs: echo the command, stream its output, report failures as errors.

use std::path::Path;
use std::process::{Command, Stdio};

/// A task error: one line saying what failed.
pub type Error = String;

/// The result of a task step.
pub type Result<T = ()> = std::result::Result<T, Error>;

/// Builds a command for `program` with `args`.
pub fn command(program: impl AsRef<std::ffi::OsStr>, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// Runs `command` with inherited stdout/stderr (no stdin: CI has none) and fails
/// when it cannot start or exits unsuccessfully.
pub fn run(command: &mut Command) -> Result {
    let shown = describe(command);
    println!("$ {shown}");
    let status = command
        .stdin(Stdio::null())
        .status()
        .map_err(|error| format!("cannot start `{shown}`: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `command` quietly and returns its trimmed stdout, or `None` when it cannot
/// start or fails. Used to probe installed tools.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The second word of `program --version` (`trunk 0.21.14` → `0.21.14`).
pub fn tool_version(program: &str) -> Option<String> {
    let text = probe(&mut command(program, &["--version"]))?;
    text.split_whitespace().nth(1).map(str::to_owned)
}

/// Whether `program` is found on `PATH`.
pub fn on_path(program: &str) -> bool {
    find_on_path(program).is_some()
}

/// The first executable file named `program` in a `PATH` directory.
pub fn find_on_path(program: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_file(candidate))
}

fn is_file(path: &Path) -> bool {
    path.metadata().map(|meta| meta.is_file()).unwrap_or(false)
}

/// `program arg arg`, for logs.
fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
