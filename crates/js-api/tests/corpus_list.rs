//! Keeps the browser corpus test honest: the compiled-in list of IAM corpus files must name
//! every file in `tests/iam/`, so a new file cannot silently skip the browser run.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/iam_corpus.rs"]
mod iam_corpus;

#[test]
fn the_browser_corpus_lists_every_corpus_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/iam");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let listed: Vec<String> = iam_corpus::IAM_CORPUS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(
        listed, on_disk,
        "update crates/js-api/tests/common/iam_corpus.rs to list exactly the files of tests/iam/"
    );
}
