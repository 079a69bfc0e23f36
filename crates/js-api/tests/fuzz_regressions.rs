//! Replays `tests/fuzz/js_convert/` (the value-conversion fuzz target's regression corpus):
//! each file's value graph converts or is refused within the bounds.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use idpool_js::convert::{to_json, MAX_BYTES};
use idpool_js::graph::Graph;

#[test]
fn every_regression_graph_converts_or_is_refused_within_bounds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz/js_convert");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let mut graph = Graph::from_bytes(&std::fs::read(&path).unwrap());
        let converted = to_json(&mut graph, &0);
        assert!(graph.reads <= MAX_BYTES / 2 + 1, "{}", path.display());
        if let Ok(value) = converted {
            let text = serde_json::to_string(&value).unwrap();
            let loaded = identity_pool::load_scenario(&text);
            assert!(
                !loaded
                    .diagnostics
                    .iter()
                    .any(|d| d.code == "iam::parse::json"),
                "{}",
                path.display()
            );
        }
        count += 1;
    }
    assert!(count >= 4, "the corpus is missing: {count} files");
}
