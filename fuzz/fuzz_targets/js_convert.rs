//! Fuzz target: the JavaScript binding's value conversion, on value graphs built from the
//! bytes (cycles, shared children, deep chains, throwing getters). It converts or refuses
//! within its bounds, and what it accepts the engine's JSON parser reads (when within the
//! exact size limit, which the loader checks).

#![no_main]

use idpool_js::convert::{to_json, MAX_BYTES};
use idpool_js::graph::Graph;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut graph = Graph::from_bytes(data);
    let converted = to_json(&mut graph, &0);
    assert!(graph.reads <= MAX_BYTES / 2 + 1, "{} reads", graph.reads);
    if let Ok(value) = converted {
        let text = serde_json::to_string(&value).unwrap_or_default();
        // The walk's size bound is a lower estimate (it never refuses what the loader would
        // accept); the exact size is the loader's check, so only a text within it must parse.
        assert!(
            text.len() > MAX_BYTES || iam_policy::json::parse(&text).is_ok(),
            "{text}"
        );
    }
});
