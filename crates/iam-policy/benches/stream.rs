//! Criterion benchmarks of `idpool eval`'s engine side: `evaluate_stream` over files of
//! 1,000 and 10,000 five-statement Cognito cases (benches/evaluate/cognito_cases.rs), laid
//! out pretty (indent 2), compact (one line) and as JSON Lines, and a pretty file whose every
//! case has its own policy text (`distinct`: each policy read and compiled), answers
//! serialized as the CLI prints them. Linear cost shows as the same time per case at both
//! sizes and all layouts. Timed in this thread's CPU time (`evaluate/cpu_time.rs`): on the
//! shared machine, wall time mostly measures the other processes; `idpool eval`'s wall time
//! is in docs/engine.md. The group `parallel` times `evaluate_stream_parallel` on one worker
//! per core in wall time (the workers' CPU time is not this thread's). The group `cut` times
//! the cutter alone (`cut_cases`: the cases found, none answered), the part of `idpool eval`
//! that runs on the calling thread whatever the number of workers, in bytes per second.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

#[path = "evaluate/cognito_cases.rs"]
mod cognito_cases;
#[path = "evaluate/cpu_time.rs"]
mod cpu_time;

use cognito_cases::{write_cases, Layout, Policies};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use iam_policy::api::{cut_cases, evaluate_stream, evaluate_stream_parallel};
use std::ops::ControlFlow;

fn file(n: usize, layout: Layout, policies: Policies) -> Vec<u8> {
    let mut out = Vec::new();
    write_cases(n, layout, policies, &mut out).expect("in memory");
    out
}

/// Streams `input`, serializing every answer; the number of answers that met `expected`.
fn run(input: &[u8]) -> usize {
    let mut met = 0;
    let mut bytes = 0;
    evaluate_stream(input, false, None, |s| {
        met += usize::from(s.answer.matches_expected == Some(true));
        bytes += serde_json::to_string(&s.answer).map_or(0, |l| l.len());
        ControlFlow::Continue(())
    });
    std::hint::black_box(bytes);
    met
}

/// [`run`] with the answers (and their serialization) spread over `threads` workers.
fn run_parallel(input: &[u8], threads: usize) -> usize {
    let mut met = 0;
    let mut bytes = 0;
    let json =
        |s: &iam_policy::api::Streamed| serde_json::to_string(&s.answer).map_or(0, |l| l.len());
    evaluate_stream_parallel(input, false, None, threads, json, |s, len| {
        met += usize::from(s.answer.matches_expected == Some(true));
        bytes += len;
        ControlFlow::Continue(())
    });
    std::hint::black_box(bytes);
    met
}

const FILES: [(&str, Layout, Policies); 5] = [
    ("pretty", Layout::Pretty, Policies::Shared),
    ("indent1", Layout::Indent1, Policies::Shared),
    ("compact", Layout::Compact, Policies::Shared),
    ("lines", Layout::Lines, Policies::Shared),
    ("distinct", Layout::Pretty, Policies::Distinct),
];

fn stream(c: &mut Criterion<cpu_time::CpuTime>) {
    let mut group = c.benchmark_group("stream");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        for (name, layout, policies) in FILES {
            let input = file(n, layout, policies);
            assert_eq!(run(&input), n, "every case meets its expected decision");
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &input, |b, input| {
                b.iter(|| run(input))
            });
        }
    }
    group.finish();
}

fn cut(c: &mut Criterion<cpu_time::CpuTime>) {
    let mut group = c.benchmark_group("cut");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        for (name, layout, policies) in FILES {
            if policies == Policies::Distinct {
                continue;
            }
            let input = file(n, layout, policies);
            assert_eq!(cut_cases(&input[..]), n, "one piece per case");
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &input, |b, input| {
                b.iter(|| cut_cases(&input[..]))
            });
        }
    }
    group.finish();
}

fn parallel(c: &mut Criterion) {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut group = c.benchmark_group("parallel");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        for (name, layout, policies) in FILES {
            if layout == Layout::Indent1 || layout == Layout::Lines {
                continue;
            }
            let input = file(n, layout, policies);
            assert_eq!(run_parallel(&input, threads), n);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &input, |b, input| {
                b.iter(|| run_parallel(input, threads))
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = stream, cut
}
criterion_group!(wall, parallel);
criterion_main!(benches, wall);
