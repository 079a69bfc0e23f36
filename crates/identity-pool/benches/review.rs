//! Criterion benchmark of the review tools, `diff` and `coach`, on a guest role of 200,
//! 2,000 and 20,000 statements: each statement grants `s3:*` (even ones) or
//! `s3:GetObject` + `s3:PutObject` (odd ones) on its own prefix `arn:aws:s3:::mybucket/pN/*`,
//! and the "new" side of the diff replaces every `s3:*` with `dynamodb:GetItem`. Both grew
//! with the square of the statements (800: 19 s for the diff, 18 s for the coach); the
//! figures here should grow tenfold per row.
//!
//! At these sizes the one policy is over IAM's size limit, so the coach writes fixes for it
//! only up to its budget (`coach::doc::LARGE_DOCUMENT_FIX_CHARACTERS`: a fix holds its whole
//! document twice, so one per statement would cost the square). The cost of fixes is also
//! measured on the largest guest role a scenario may hold within IAM's limits: 20 policies
//! of 40 statements, every finding with a fix.
//!
//! With `REVIEW_BENCH_DIR` set, the generated scenarios are also written there, compact
//! (`sN.json`, `tN.json`, `spreadN.json`), for whole-process timings of `idpool` (which
//! reads files up to 1 MiB: up to about 10,000 statements written compact).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

use std::hint::black_box;
use std::time::Duration;

use aws_catalog::Catalog;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use identity_pool::coach::coach;
use identity_pool::diff::diff;
use identity_pool::scenario::load_scenario_any_size;
use identity_pool::Scenario;
use serde_json::{json, Value};

const SIZES: [usize; 3] = [200, 2_000, 20_000];

/// Statements per policy in the spread layout (about 4,000 characters: within IAM's limit).
const PER_POLICY: usize = 40;

/// Policies a role may have (`MAX_POLICIES_PER_ROLE`): the spread layout's size.
const SPREAD: usize = 20 * PER_POLICY;

fn statement(i: usize, new: bool) -> Value {
    let actions = match (i % 2, new) {
        (0, false) => json!(["s3:*"]),
        (0, true) => json!(["dynamodb:GetItem"]),
        _ => json!(["s3:GetObject", "s3:PutObject"]),
    };
    json!({
        "Action": actions,
        "Effect": "Allow",
        "Resource": [format!("arn:aws:s3:::mybucket/p{i}/*")],
        "Sid": format!("S{i}"),
    })
}

/// The guest example with its guest role's policies replaced by `n` statements, in one
/// policy or in policies of [`PER_POLICY`].
fn grown(n: usize, new: bool, spread: bool) -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/examples/guest-reads-public-picture.json"
    );
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let statements: Vec<Value> = (0..n).map(|i| statement(i, new)).collect();
    let chunk = if spread { PER_POLICY } else { n.max(1) };
    let policies: Vec<Value> = statements
        .chunks(chunk)
        .enumerate()
        .map(|(k, part)| {
            let name = if spread {
                format!("ReadPicture{k}")
            } else {
                "ReadPicture".to_owned()
            };
            json!({"PolicyName": name, "PolicyDocument": {"Version": "2012-10-17", "Statement": part}})
        })
        .collect();
    let roles = doc["roles"].as_array_mut().unwrap();
    let guest = roles.iter_mut().find(|r| r["RoleName"] == "Guest").unwrap();
    guest["Policies"] = Value::Array(policies);
    serde_json::to_string_pretty(&doc).unwrap()
}

/// 20,000 statements are about 6 MB, over the 1 MiB a user's scenario file may have.
fn load(text: &str) -> Scenario {
    load_scenario_any_size(text).scenario.unwrap()
}

fn write(dir: Option<&std::ffi::OsStr>, name: &str, text: &str) {
    if let Some(dir) = dir {
        let dir = std::path::Path::new(dir);
        std::fs::create_dir_all(dir).unwrap();
        let compact = serde_json::from_str::<Value>(text).unwrap().to_string();
        std::fs::write(dir.join(format!("{name}.json")), compact).unwrap();
    }
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let dir = std::env::var_os("REVIEW_BENCH_DIR");
    let mut group = c.benchmark_group("review");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in SIZES {
        let (old_text, new_text) = (grown(n, false, false), grown(n, true, false));
        write(dir.as_deref(), &format!("s{n}"), &old_text);
        write(dir.as_deref(), &format!("t{n}"), &new_text);
        let (old, new) = (load(&old_text), load(&new_text));
        let changes = diff(&old, &new, catalog);
        let findings = coach(&old, catalog).findings;
        println!(
            "{n} statements: diff {} newly denied; coach {} findings, {} with a fix",
            changes.newly_denied,
            findings.len(),
            findings.iter().filter(|f| f.fix.is_some()).count(),
        );
        group.bench_with_input(BenchmarkId::new("diff", n), &n, |b, _| {
            b.iter(|| diff(black_box(&old), black_box(&new), catalog))
        });
        group.bench_with_input(BenchmarkId::new("coach", n), &n, |b, _| {
            b.iter(|| coach(black_box(&old), catalog))
        });
    }
    let spread_text = grown(SPREAD, false, true);
    write(dir.as_deref(), &format!("spread{SPREAD}"), &spread_text);
    let spread = load(&spread_text);
    let findings = coach(&spread, catalog).findings;
    println!(
        "{SPREAD} statements in policies of {PER_POLICY}: coach {} findings, {} with a fix",
        findings.len(),
        findings.iter().filter(|f| f.fix.is_some()).count()
    );
    group.bench_with_input(
        BenchmarkId::new("coach with fixes, policies of 40", SPREAD),
        &SPREAD,
        |b, _| b.iter(|| coach(black_box(&spread), catalog)),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
