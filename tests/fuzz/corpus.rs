//! The reader of a fuzz target's regression corpus (`tests/fuzz/<target>/`), shared by the
//! crates whose `tests/fuzz_regressions.rs` replay text inputs: each includes this file with
//! `#[path]`, so there is one copy of it. Every crate sits at `crates/<name>`, so the corpus
//! is found from the including crate's manifest directory.

use std::path::{Path, PathBuf};

/// Every file of `tests/fuzz/<target>/` as (path, text, lossily decoded); at least three,
/// so a missing or emptied corpus fails the test instead of passing it vacuously.
pub fn corpus(target: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fuzz")
        .join(target);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            (path, text)
        })
        .collect();
    assert!(files.len() >= 3, "the corpus of {target} is missing");
    files
}
