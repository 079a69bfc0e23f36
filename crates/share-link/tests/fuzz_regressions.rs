//! Replays `tests/fuzz/share_decode/` (the share-link fuzz target's regression corpus)
//! through the same calls as the target.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a missing corpus is a failed test. clippy.toml allows unwrap inside `#[test]`
// functions only, and `corpus` is a helper.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use share_link::codec::{decode_fragment, encode_fragment, MAX_SCENARIO_LEN};

#[path = "../../../tests/fuzz/corpus.rs"]
mod corpus;
use corpus::corpus;

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
