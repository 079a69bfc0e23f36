//! Helpers the CLI tests share: run `idpool`, find an example, read its output, write a
//! temporary input file.

// Each test crate uses some of these; the others would be reported unused.
#![allow(
    dead_code,
    clippy::unwrap_used,
    reason = "shared test helpers: each test file uses some of them, and a test fails loudly on what it did not expect"
)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The path of `web/examples/NAME.json`.
pub fn example(name: &str) -> String {
    format!(
        "{}/../../web/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs `idpool` with `args`.
pub fn idpool(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_idpool"))
        .args(args)
        .output()
        .unwrap()
}

/// Its standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Its standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A file in the temp directory, removed when dropped.
pub struct TempFile(pub PathBuf);

impl TempFile {
    /// Its path as text.
    pub fn to_str(&self) -> Option<&str> {
        self.0.to_str()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Writes `text` to a temporary file named after `name` (unique to this test process).
pub fn file(name: &str, text: &str) -> TempFile {
    let path = std::env::temp_dir().join(format!("idpool-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    TempFile(path)
}
