//! Every subcommand reads its files the same way (`output::read_input`): a missing file, a
//! hostile file name, an oversized or non-UTF-8 file each give one escaped line with a
//! stable code, a help line, and exit status 2.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::{example, file, idpool, stderr, stdout, TempFile};

/// The argument lists of the nine subcommands that read files, with `PATH` where the file
/// under test goes.
fn commands() -> Vec<Vec<String>> {
    let good = example("guest-reads-public-picture");
    [
        vec!["eval", "PATH"],
        vec!["simulate", "PATH"],
        vec!["check", "PATH"],
        vec!["import", "PATH"],
        vec!["export", "PATH"],
        vec!["link", "PATH"],
        vec!["effective", "PATH"],
        vec!["diff", "PATH", good.as_str()],
        vec!["diff", good.as_str(), "PATH"],
        vec!["coach", "PATH"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(str::to_owned).collect())
    .collect()
}

fn run_with(args: &[String], path: &str) -> std::process::Output {
    let args: Vec<&str> = args
        .iter()
        .map(|a| if a == "PATH" { path } else { a.as_str() })
        .collect();
    idpool(&args)
}

#[test]
fn a_missing_file_is_one_located_line_with_a_code_and_help() {
    let missing = "/no/such/dir/scenario.json";
    for args in commands() {
        let out = run_with(&args, missing);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("idpool: cannot read `{missing}`: ")),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("[idpool::input::unreadable]"),
            "{args:?}: {err}"
        );
        assert!(err.contains("\n  help: "), "{args:?}: {err}");
        // `check` still sums up what it checked ("0 passed, 0 failed"); the rest print nothing.
        if args[0] != "check" {
            assert!(stdout(&out).is_empty(), "{args:?}");
        }
    }
}

#[test]
fn a_hostile_file_name_cannot_drive_the_terminal() {
    // ESC ] 0 ; ... BEL retitles a terminal; ESC [ 2 J clears it; a newline forges a line.
    let hostile = "/no/such/\u{1b}]0;owned\u{7}\u{1b}[2J\nok   all passed.json";
    for args in commands() {
        let out = run_with(&args, hostile);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains(['\u{1b}', '\u{7}']), "{args:?}: {err:?}");
        assert!(
            err.contains("`/no/such/\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{a}ok   all passed.json`"),
            "{args:?}: {err}"
        );
        assert_eq!(
            err.lines().count(),
            2,
            "{args:?}: one message, one help: {err}"
        );
    }
}

#[test]
fn a_hostile_name_of_a_file_that_exists_is_escaped_in_what_it_reports() {
    // A scenario with an error: every subcommand names the file in its diagnostics.
    let broken = file("evil\u{1b}[2J\u{7}.json", "{\n  \"identityPool\": 3\n}");
    let path = broken.to_str().unwrap();
    for args in commands() {
        let out = run_with(&args, path);
        let (err, text) = (stderr(&out), stdout(&out));
        assert!(!err.contains(['\u{1b}', '\u{7}']), "{args:?}: {err:?}");
        assert!(!text.contains(['\u{1b}', '\u{7}']), "{args:?}: {text:?}");
    }
}

#[test]
fn an_oversized_or_non_utf8_file_is_refused_before_it_is_read_whole() {
    let big = file("big.json", &" ".repeat((1 << 20) + 1));
    let out = idpool(&["coach", big.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("has more than 1048576 bytes"), "{err}");
    assert!(err.contains("[idpool::input::too_large]"), "{err}");
    let path = std::env::temp_dir().join(format!("idpool-cli-{}-latin1.json", std::process::id()));
    std::fs::write(&path, b"{\"name\": \"caf\xe9\"}").unwrap();
    let latin1 = TempFile(path);
    let out = idpool(&["simulate", latin1.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is not UTF-8 text (byte 13 is not)"), "{err}");
    assert!(err.contains("[idpool::input::not_utf8]"), "{err}");
}
