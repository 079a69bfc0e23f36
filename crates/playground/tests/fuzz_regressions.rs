//! Replays `tests/fuzz/saved_state/` (the saved-state fuzz target's regression corpus)
//! through the same calls as the target.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a missing corpus is a failed test. clippy.toml allows unwrap inside `#[test]`
// functions only, and `corpus` is a helper.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use playground::state::ScenarioDoc;
use playground::storage::{parse_saved, recoverable_text, SavedState};

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
fn saved_states_restore_loadable_scenarios_or_discard_with_one_line() {
    for (path, raw) in corpus("saved_state") {
        match parse_saved(Some(&raw)) {
            SavedState::Restored { scenario, .. } => {
                assert!(
                    ScenarioDoc::from_json(&scenario).is_ok(),
                    "{}",
                    path.display()
                );
            }
            SavedState::Discarded(reason) => {
                assert!(!reason.message.contains('\n'), "{}", path.display());
            }
            SavedState::Nothing => {}
        }
        let _ = recoverable_text(&raw);
    }
}
