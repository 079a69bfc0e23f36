//! Criterion benchmarks of one simulation, natively, for comparison with the in-page
//! timings the browser suite prints (`tests/e2e/specs/app-perf.mjs`): the default example
//! and the large scenario (`tests/perf/large-scenario.json`: a 10,000-character policy and
//! 200 requests, the workload the browser suite builds), each for decisions only (the
//! keystroke's pass) and with every request explained; and the page's keystroke path
//! through a [`Workspace`]: one character typed into the first access policy and the
//! scenario simulated again, every other policy reused as read.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use identity_pool::edit::ScenarioDoc;
use identity_pool::workspace::Workspace;
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

/// A keystroke as the page makes it: the edited scenario model, one policy's text changed
/// (a space typed and deleted in turn), decisions only, through the workspace.
fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(20);
    for (name, path) in [
        ("default", "web/examples/guest-reads-public-picture.json"),
        ("large", "tests/perf/large-scenario.json"),
    ] {
        let doc = ScenarioDoc::from_json(&read(path)).expect("the scenario reads");
        let mut typed = doc.clone();
        let text = typed
            .roles
            .iter_mut()
            .find_map(|role| role.policies.first_mut())
            .map(|policy| &mut policy.text)
            .expect("a role with an access policy");
        text.insert(text.len() - 1, ' ');
        let mut workspace = Workspace::new();
        workspace.simulate(&doc, &Explain::None);
        let mut flip = false;
        group.bench_function(BenchmarkId::new(name, "workspace"), |b| {
            b.iter(|| {
                flip = !flip;
                let next = if flip { &typed } else { &doc };
                workspace.simulate(black_box(next), &Explain::None)
            });
        });
        // The same keystrokes without the workspace: the document written and read whole.
        group.bench_function(BenchmarkId::new(name, "document"), |b| {
            b.iter(|| {
                flip = !flip;
                let next = if flip { &typed } else { &doc };
                simulate_text_with(&black_box(next).to_document().text, &Explain::None)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, simulations, keystrokes);
criterion_main!(benches);
