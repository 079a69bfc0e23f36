//! Fuzz target: any text after `#` as a share link. Decoding answers (never panics, never
//! inflates past the cap), and whatever it accepts makes a link that decodes to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use share_link::codec::{decode_fragment, encode_fragment, MAX_SCENARIO_LEN};

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    for candidate in [fragment.to_string(), format!("#s=1.{fragment}")] {
        if let Ok(Some(json)) = decode_fragment(&candidate) {
            assert!(json.len() <= MAX_SCENARIO_LEN);
            if let Ok(again) = encode_fragment(&json) {
                assert_eq!(decode_fragment(&again).ok().flatten(), Some(json));
            }
        }
    }
});
