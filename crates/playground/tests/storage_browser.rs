//! Autosave against the browser's real local storage (the decisions are tested natively).
//!
//! Run: `cargo test -p playground --target wasm32-unknown-unknown --test storage_browser`.
#![cfg(target_arch = "wasm32")]
// Test code: a panic here is a failed test. clippy.toml allows this inside `#[test]`
// functions only, and `#[wasm_bindgen_test]` helpers are not recognised as such.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a test fails loudly on what it did not expect"
)]

use playground::storage::{browser, SavedState, DISCARDED_KEY, KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn saved_scenario_comes_back_and_clear_forgets_it() {
    browser::clear();
    assert_eq!(browser::load(), SavedState::Nothing);
    browser::save("{\"name\": \"ünïcødé\"}").unwrap();
    match browser::load() {
        SavedState::Restored {
            scenario,
            saved_at_ms,
        } => {
            assert_eq!(scenario, "{\"name\": \"ünïcødé\"}");
            assert!(saved_at_ms.unwrap() > 1.6e12);
        }
        other => panic!("expected a restored scenario, got {other:?}"),
    }
    browser::clear();
    assert_eq!(browser::load(), SavedState::Nothing);
}

#[wasm_bindgen_test]
fn corrupted_state_is_discarded_and_kept_aside() {
    let storage = local_storage();
    storage
        .set_item(KEY, "{\"format\": \"idpool-playground-au")
        .unwrap();
    match browser::load() {
        SavedState::Discarded(reason) => assert_eq!(reason.code, "storage::corrupted"),
        other => panic!("expected a discarded state, got {other:?}"),
    }
    assert_eq!(
        storage.get_item(DISCARDED_KEY).unwrap().as_deref(),
        Some("{\"format\": \"idpool-playground-au")
    );
    // The next start is clean: the notice is shown once.
    assert_eq!(browser::load(), SavedState::Nothing);
}
