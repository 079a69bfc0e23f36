//! Replays `tests/fuzz/saved_state/` (the saved-state fuzz target's regression corpus)
//! through the same calls as the target.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a missing corpus is a failed test. clippy.toml allows unwrap inside `#[test]`
// functions only, and `corpus` is a helper.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use playground::state::ScenarioDoc;
use playground::storage::{parse_saved, recoverable_text, SavedState};

#[path = "../../../tests/fuzz/corpus.rs"]
mod corpus;
use corpus::corpus;

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
