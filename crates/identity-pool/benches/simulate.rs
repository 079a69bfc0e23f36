//! Criterion benchmarks of one simulation, natively, for comparison with the in-page
//! timings the browser suite prints (`tests/e2e/specs/app-perf.mjs`): the default example
//! and the large scenario (`tests/perf/large-scenario.json`: a 10,000-character policy and
//! 200 requests, the workload the browser suite builds), each for decisions only (the
//! keystroke's pass) and with every request explained; and the page's keystroke path
//! through a [`Workspace`]: one character typed into the first access policy and the
//! scenario simulated again, every other policy reused as read. The group `hostile` is
//! issue 13's share link (`tests/e2e/specs/app-hostile-link.mjs`): the default example whose
//! access policy's `Resource` lists 30,000 more `"x"` (30,000 warnings of one code): the
//! page's first pass on load (a fresh workspace, decisions only), and `Policy::from_json`
//! of that policy's text alone, both in this thread's CPU time (the machine is shared).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

#[path = "../../iam-policy/benches/evaluate/cpu_time.rs"]
mod cpu_time;

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

/// The default example with 30,000 `"x"` more in its first statement's `Resource`, as the
/// browser spec builds its share link.
fn hostile_scenario() -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read("web/examples/guest-reads-public-picture.json")).unwrap();
    let resource =
        &mut doc["roles"][0]["Policies"][0]["PolicyDocument"]["Statement"][0]["Resource"];
    let mut list = match resource.take() {
        serde_json::Value::Array(items) => items,
        one => vec![one],
    };
    list.extend(std::iter::repeat_n(serde_json::Value::from("x"), 30_000));
    *resource = serde_json::Value::Array(list);
    doc.to_string()
}

fn hostile(c: &mut Criterion<cpu_time::CpuTime>) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    let doc = ScenarioDoc::from_json(&hostile_scenario()).expect("the scenario reads");
    group.bench_function("load", |b| {
        b.iter(|| Workspace::new().simulate(black_box(&doc), &Explain::None))
    });
    let text = doc
        .roles
        .iter()
        .find_map(|role| role.policies.first())
        .map(|policy| policy.text.clone())
        .expect("a role with an access policy");
    assert!(text.len() > 120_000, "the policy as the page shows it");
    group.bench_function("from_json", |b| {
        b.iter(|| {
            let node = iam_policy::json::parse(black_box(&text)).expect("JSON");
            iam_policy::Policy::from_json(&node, iam_policy::PolicyKind::Identity)
        })
    });
    group.finish();
}

criterion_group!(benches, simulations, keystrokes);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = hostile
}
criterion_main!(benches, cpu);
