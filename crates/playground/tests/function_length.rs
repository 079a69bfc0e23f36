//! Issue 8 §5: no function of the app is longer than [`LIMIT`] lines, components included.
//! Clippy's `too_many_lines` cannot say it: a `#[component]` function reaches the lint as a
//! proc macro's output, which it skips, and those are exactly the long ones. So this test
//! reads the sources: the code is rustfmt's (the fmt stage checks it), where a function's
//! body ends at the first line that is its own indentation followed by `}`. Like clippy,
//! it counts the lines from `fn` to that brace that are neither blank nor only a comment.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

use std::path::{Path, PathBuf};

/// The most lines a function may have.
const LIMIT: usize = 80;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Whether `line` (trimmed) starts a function item: `fn`, after the qualifiers that may
/// precede it.
fn starts_fn(trimmed: &str) -> bool {
    let mut rest = trimmed;
    loop {
        let before = rest;
        for prefix in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        if rest == before {
            break;
        }
    }
    rest.starts_with("fn ")
}

fn counted(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && !trimmed.starts_with("//")
}

/// `(name, first line, lines)` of each function in `text` with a body.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if !starts_fn(trimmed) {
            continue;
        }
        let indent = &line[..line.len() - trimmed.len()];
        // A declaration without a body (a trait's) or a body on the signature's line.
        let signature_end = lines[start..]
            .iter()
            .position(|l| l.trim_end().ends_with('{') || l.trim_end().ends_with(';'))
            .map(|offset| start + offset);
        let Some(open) = signature_end else { continue };
        if lines[open].trim_end().ends_with(';') || lines[open].trim_end().ends_with("{}") {
            continue;
        }
        let closing = format!("{indent}}}");
        let Some(end) = lines[open..]
            .iter()
            .position(|l| l.trim_end() == closing)
            .map(|offset| open + offset)
        else {
            continue;
        };
        let name = trimmed
            .split("fn ")
            .nth(1)
            .unwrap_or_default()
            .split(['(', '<'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let count = lines[start..=end].iter().filter(|l| counted(l)).count();
        found.push((name, start + 1, count));
    }
    found
}

#[test]
fn no_function_of_the_app_is_longer_than_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    files.sort();
    let mut too_long = Vec::new();
    let mut measured = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (name, line, count) in functions(&text) {
            measured += 1;
            if count > LIMIT {
                let shown = file.strip_prefix(root).unwrap_or(file).display();
                too_long.push(format!("{shown}:{line} `{name}`: {count} lines"));
            }
        }
    }
    assert!(
        measured > 500,
        "the scan finds the app's functions ({measured})"
    );
    assert!(
        too_long.is_empty(),
        "functions over {LIMIT} lines (split them into named view functions or hooks):\n{}",
        too_long.join("\n")
    );
}

#[test]
fn the_scan_measures_a_component_and_skips_declarations() {
    let text = "/// Doc.\n#[component]\npub fn Big(props: &P) -> Html {\n    let a = 1;\n\n    // why\n    html! {\n        <p>{ a }</p>\n    }\n}\n\ntrait T {\n    fn declared(&self);\n    fn empty(&self) {}\n}\n";
    assert_eq!(functions(text), vec![("Big".to_owned(), 3, 6)]);
}
