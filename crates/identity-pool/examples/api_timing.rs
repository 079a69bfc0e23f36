//! The native side of the wasm/native ratio (issue 8 §2): the large scenario
//! (`tests/perf/large-scenario.json`, a 10,000-character policy and 200 requests) through
//! `api::answer_json`, the call the browser suite times in the page's API module
//! (`tests/e2e/specs/app-perf.mjs`, "wasm/native"), so both sides run the same code on the
//! same request: decisions only, then every request explained. Prints the median of 31
//! runs of each.
//!
//! `cargo run --release -p identity-pool --example api_timing` builds it as the wasm is
//! built (opt-level "z"); `--profile native` at opt-level 3, as the CLI ships.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a measurement run by hand, not an API: it fails loudly on bad input"
)]

use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(root.join("tests/perf/large-scenario.json"))
        .expect("the large scenario is readable");
    for explain in ["none", "all"] {
        let request = serde_json::json!({
            "apiVersion": 1, "op": "simulate", "scenario": text, "explain": explain,
        })
        .to_string();
        let mut runs: Vec<f64> = (0..31)
            .map(|_| {
                let started = Instant::now();
                let answer = identity_pool::api::answer_json(std::hint::black_box(&request));
                std::hint::black_box(answer);
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!(
            "large scenario, explain {explain}: median {:.2} ms (min {:.2}, of 31)",
            runs[15], runs[0]
        );
    }
}
