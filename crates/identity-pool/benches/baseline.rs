//! Criterion benchmark of one comparison with the baseline (issue 15), as the page's Changes
//! view makes it after each pause in typing: the default example (one identity) and
//! `rules-first-match-wins` (five), each with its guest or first role's `s3:GetObject`
//! turned into `s3:PutObject`. Three ways: decided afresh (`diff`), with the baseline side
//! kept in advance or from the previous comparison (`BaselineCache::diff`, the page's
//! module), and a scenario equal to its baseline (an undo back to it); and what keeping the
//! baseline in advance costs (`BaselineCache::keep`, the page's worker before any edit).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark run by hand, not an API: it fails loudly on bad input"
)]

use std::hint::black_box;
use std::time::Duration;

use aws_catalog::Catalog;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use identity_pool::diff::{diff, BaselineCache};
use identity_pool::load_scenario;

fn example(id: &str) -> String {
    let path = format!(
        "{}/../../web/examples/{id}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let mut group = c.benchmark_group("baseline");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for id in ["guest-reads-public-picture", "rules-first-match-wins"] {
        let old_text = example(id);
        let new_text = old_text.replacen("s3:GetObject", "s3:PutObject", 1);
        assert_ne!(old_text, new_text, "{id} grants s3:GetObject");
        let old = load_scenario(&old_text).scenario.unwrap();
        let new = load_scenario(&new_text).scenario.unwrap();
        let fresh = diff(&old, &new, catalog);
        println!(
            "{id}: {} identities, {} newly allowed, {} newly denied",
            fresh.identities.len(),
            fresh.newly_allowed,
            fresh.newly_denied
        );
        group.bench_with_input(BenchmarkId::new("fresh", id), &id, |b, _| {
            b.iter(|| diff(black_box(&old), black_box(&new), catalog))
        });
        // What a page's worker does before the first edit (`keepBaseline`): every baseline
        // side decided, from an empty cache each time.
        group.bench_with_input(BenchmarkId::new("keep in advance", id), &id, |b, _| {
            b.iter(|| BaselineCache::default().keep((&old_text, black_box(&old)), catalog))
        });
        let mut cache = BaselineCache::default();
        cache.keep((&old_text, &old), catalog);
        group.bench_with_input(BenchmarkId::new("baseline kept", id), &id, |b, _| {
            b.iter(|| cache.diff((&old_text, &old), (black_box(&new_text), &new), catalog))
        });
        let mut cache = BaselineCache::default();
        group.bench_with_input(
            BenchmarkId::new("equal to the baseline", id),
            &id,
            |b, _| b.iter(|| cache.diff((&old_text, &old), (black_box(&old_text), &old), catalog)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
