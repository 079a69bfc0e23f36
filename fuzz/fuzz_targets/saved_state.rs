//! Fuzz target: any text under the autosave key. Reading it never panics; what it restores
//! is a scenario the page can load; what it discards has a one-line message.

#![no_main]

use libfuzzer_sys::fuzz_target;
use playground::state::ScenarioDoc;
use playground::storage::{parse_saved, recoverable_text, SavedState};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    match parse_saved(Some(&raw)) {
        SavedState::Restored { scenario, .. } => {
            assert!(ScenarioDoc::from_json(&scenario).is_ok());
        }
        SavedState::Discarded(reason) => assert!(!reason.message.contains('\n')),
        SavedState::Nothing => {}
    }
    let _ = recoverable_text(&raw);
});
