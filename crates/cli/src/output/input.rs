//! Reading the user's input: a file, or `-` for standard input. One place for every
//! subcommand, so each refuses the same way: the path escaped in backticks (a file name
//! cannot drive the terminal), a stable code, a help line, exit status 2.

use std::io::Read;
use std::process::ExitCode;

use super::escape;

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Stable: `idpool::input::unreadable`, `idpool::input::not_utf8` or
    /// `idpool::input::too_large`.
    pub code: &'static str,
    /// One line, the path in backticks (escaped).
    pub message: String,
    /// What to do.
    pub help: String,
}

impl InputError {
    /// Prints the error and its help on stderr.
    pub fn report(&self) {
        eprintln!("idpool: {} [{}]", self.message, self.code);
        eprintln!("  help: {}", self.help);
    }

    /// [`InputError::report`], then the exit status for an input error (2).
    pub fn exit(&self) -> ExitCode {
        self.report();
        ExitCode::from(2)
    }
}

/// How the input is named in messages: `` `PATH` `` (escaped), or standard input for `-`.
fn shown(path: &str) -> String {
    if path == "-" {
        "standard input".to_owned()
    } else {
        format!("`{}`", escape(path))
    }
}

fn unreadable(path: &str, e: &std::io::Error) -> InputError {
    InputError {
        code: "idpool::input::unreadable",
        message: format!("cannot read {}: {e}", shown(path)),
        help: "check the path and its permissions; `-` reads standard input".to_owned(),
    }
}

/// An open input: a file, or standard input for `-`.
pub enum Input {
    /// Standard input.
    Stdin(std::io::StdinLock<'static>),
    /// A file.
    File(std::fs::File),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Input::Stdin(s) => s.read(buf),
            Input::File(f) => f.read(buf),
        }
    }
}

/// Opens `path` (`-`: standard input) to read as a stream of any size (`idpool eval`).
pub fn open_input(path: &str) -> Result<Input, InputError> {
    if path == "-" {
        return Ok(Input::Stdin(std::io::stdin().lock()));
    }
    std::fs::File::open(path)
        .map(Input::File)
        .map_err(|e| unreadable(path, &e))
}

/// The whole text of `path` (`-`: standard input), refused when it has more than `limit`
/// bytes (the most one document may have) without reading past the limit, or when it is
/// not UTF-8.
pub fn read_input(path: &str, limit: usize) -> Result<String, InputError> {
    let input = open_input(path)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells "at the limit" from "over it".
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    input
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(path, &e))?;
    if bytes.len() > limit {
        return Err(InputError {
            code: "idpool::input::too_large",
            message: format!(
                "{} has more than {limit} bytes, the most one document may have",
                shown(path)
            ),
            help: "split it into smaller documents".to_owned(),
        });
    }
    String::from_utf8(bytes).map_err(|e| InputError {
        code: "idpool::input::not_utf8",
        message: format!(
            "{} is not UTF-8 text (byte {} is not)",
            shown(path),
            e.utf8_error().valid_up_to()
        ),
        help: "save it as UTF-8".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!("idpool-input-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).ok();
        path
    }

    #[test]
    fn a_missing_file_is_unreadable_with_its_name_escaped() {
        let Err(e) = read_input("/no/such/dir/a\u{1b}[2Jb.json", 10) else {
            panic!("a missing file cannot be read");
        };
        assert_eq!(e.code, "idpool::input::unreadable");
        assert!(e
            .message
            .starts_with("cannot read `/no/such/dir/a\\u{1b}[2Jb.json`: "));
        assert!(!e.message.contains('\u{1b}'));
    }

    #[test]
    fn the_limit_is_inclusive_and_not_utf8_is_refused() {
        let path = temp("limit", b"12345");
        let p = path.to_string_lossy().into_owned();
        assert_eq!(read_input(&p, 5), Ok("12345".to_owned()));
        assert_eq!(
            read_input(&p, 4).map_err(|e| e.code),
            Err("idpool::input::too_large")
        );
        let bad = temp("utf8", b"ab\xffcd");
        let b = bad.to_string_lossy().into_owned();
        let Err(e) = read_input(&b, 100) else {
            panic!("not UTF-8");
        };
        assert_eq!(e.code, "idpool::input::not_utf8");
        assert!(e.message.contains("byte 2"), "{}", e.message);
        let _ = (std::fs::remove_file(path), std::fs::remove_file(bad));
    }
}
