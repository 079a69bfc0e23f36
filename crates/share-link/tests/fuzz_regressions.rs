//! Replays `tests/fuzz/share_decode/` (the share-link fuzz target's regression corpus)
//! through the same calls as the target.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a missing corpus is a failed test. clippy.toml allows unwrap inside `#[test]`
// functions only, and `corpus` is a helper.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use share_link::codec::{decode_fragment, encode_fragment, MAX_SCENARIO_LEN};

fn corpus(target: &str) -> Vec<(PathBuf, String)> {
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

#[test]
fn share_links_decode_or_err_and_round_trip() {
    for (path, fragment) in corpus("share_decode") {
        for candidate in [fragment.clone(), format!("#s=1.{fragment}")] {
            if let Ok(Some(json)) = decode_fragment(&candidate) {
                assert!(json.len() <= MAX_SCENARIO_LEN, "{}", path.display());
                if let Ok(again) = encode_fragment(&json) {
                    assert_eq!(decode_fragment(&again).ok().flatten(), Some(json));
                }
            }
        }
    }
}
