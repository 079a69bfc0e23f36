//! Criterion benchmarks of one simulation, natively, for comparison with the in-page
//! timings the browser suite prints (`tests/e2e/specs/app-perf.mjs`): the default example
//! and the large scenario (`tests/perf/large-scenario.json`: a 10,000-character policy and
//! 200 requests, the workload the browser suite builds), each for decisions only (the
//! keystroke's pass) and with every request explained.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use identity_pool::{simulate_text_with, Explain};
use std::hint::black_box;

fn read(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join(path)).expect("the benchmark scenario is readable")
}

fn simulations(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulate");
    group.sample_size(20);
    for (name, path) in [
        ("default", "web/examples/guest-reads-public-picture.json"),
        ("large", "tests/perf/large-scenario.json"),
    ] {
        let text = read(path);
        for (pass, explain) in [("decisions", Explain::None), ("explained", Explain::All)] {
            group.bench_with_input(BenchmarkId::new(name, pass), &text, |b, text| {
                b.iter(|| simulate_text_with(black_box(text), &explain));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, simulations);
criterion_main!(benches);
