//! Criterion benchmarks: (a) 10,000 evaluations of a precompiled 5-statement identity-pool
//! policy (a `${cognito-identity.amazonaws.com:sub}` resource, a `StringLike` on `s3:prefix`,
//! a `ForAllValues` on `dynamodb:LeadingKeys`), decision only and with explanations;
//! (b) the same 10,000 requests when each evaluation also parses and compiles the policy.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

#[path = "evaluate/cpu_time.rs"]
mod cpu_time;

use criterion::measurement::Measurement;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use iam_policy::{
    decide, evaluate, CompiledPolicy, Context, ContextValue, PolicyKind, PolicySet, PolicySource,
    Request,
};
use std::hint::black_box;

const POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "OwnObjects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
     "Resource": "arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*"},
    {"Sid": "ListOwnPrefix", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::photos",
     "Condition": {"StringLike": {"s3:prefix": ["${cognito-identity.amazonaws.com:sub}/*", ""]}}},
    {"Sid": "OwnItems", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
     "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
     "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"]}}},
    {"Sid": "NoBucketAdmin", "Effect": "Deny", "Action": ["s3:DeleteBucket", "s3:PutBucketPolicy"], "Resource": "*"},
    {"Sid": "Sync", "Effect": "Allow", "Action": "cognito-sync:*",
     "Resource": "arn:aws:cognito-sync:us-east-1:123456789012:identitypool/${cognito-identity.amazonaws.com:aud}/identity/${cognito-identity.amazonaws.com:sub}/*"}
  ]
}"#;

const SUB: &str = "us-east-1:11111111-2222-3333-4444-555555555555";

/// An action, a resource, and perhaps one extra context key.
type Shape<'a> = (&'a str, String, Option<(&'a str, ContextValue)>);

fn requests(n: usize) -> Vec<Request> {
    let shapes: [Shape; 8] = [
        ("s3:GetObject", format!("arn:aws:s3:::photos/{SUB}/a.jpg"), None),
        ("s3:GetObject", "arn:aws:s3:::photos/someone-else/a.jpg".into(), None),
        ("s3:ListBucket", "arn:aws:s3:::photos".into(), Some(("s3:prefix", ContextValue::Single(format!("{SUB}/2024/"))))),
        ("s3:ListBucket", "arn:aws:s3:::photos".into(), Some(("s3:prefix", ContextValue::Single("other/".into())))),
        ("dynamodb:Query", "arn:aws:dynamodb:us-east-1:123456789012:table/Notes".into(), Some(("dynamodb:LeadingKeys", ContextValue::Multi(vec![SUB.into()])))),
        ("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Notes".into(), Some(("dynamodb:LeadingKeys", ContextValue::Multi(vec![SUB.into(), "x".into()])))),
        ("s3:DeleteBucket", "arn:aws:s3:::photos".into(), None),
        ("cognito-sync:ListRecords", format!("arn:aws:cognito-sync:us-east-1:123456789012:identitypool/us-east-1:pool/identity/{SUB}/ds"), None),
    ];
    (0..n)
        .map(|i| {
            let (action, resource, extra) = &shapes[i % shapes.len()];
            let mut context = Context::new();
            context.insert(
                "cognito-identity.amazonaws.com:sub",
                ContextValue::Single(SUB.into()),
            );
            context.insert(
                "cognito-identity.amazonaws.com:aud",
                ContextValue::Single("us-east-1:pool".into()),
            );
            context.insert(
                "cognito-identity.amazonaws.com:amr",
                ContextValue::Multi(vec!["authenticated".into(), "graph.facebook.com".into()]),
            );
            context.insert("aws:SourceIp", ContextValue::Single("203.0.113.7".into()));
            if let Some((k, v)) = extra {
                context.insert(*k, v.clone());
            }
            Request {
                action: (*action).into(),
                resource: resource.clone(),
                principal: None,
                account_id: None,
                context,
            }
        })
        .collect()
}

fn compile() -> CompiledPolicy {
    let source = PolicySource {
        name: "Auth/inline/Photos".into(),
        kind: PolicyKind::Identity,
    };
    CompiledPolicy::from_text(POLICY, source)
        .0
        .expect("the bench policy is valid")
}

fn bench<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let reqs = requests(10_000);
    let policy = compile();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(reqs.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("a_precompiled_decide", reqs.len()), |b| {
        let set = PolicySet {
            identity: vec![&policy],
            ..Default::default()
        };
        b.iter(|| {
            reqs.iter()
                .filter(|r| decide(&set, black_box(r)) == iam_policy::Decision::Allowed)
                .count()
        })
    });
    group.bench_function(
        BenchmarkId::new("a_precompiled_explained", reqs.len()),
        |b| {
            let set = PolicySet {
                identity: vec![&policy],
                ..Default::default()
            };
            b.iter(|| {
                reqs.iter()
                    .map(|r| evaluate(&set, black_box(r)).explanation.statements.len())
                    .sum::<usize>()
            })
        },
    );
    group.sample_size(10);
    group.bench_function(BenchmarkId::new("b_parse_compile_each", reqs.len()), |b| {
        b.iter(|| {
            reqs.iter()
                .filter(|r| {
                    let policy = compile();
                    let set = PolicySet {
                        identity: vec![&policy],
                        ..Default::default()
                    };
                    decide(&set, black_box(r)) == iam_policy::Decision::Allowed
                })
                .count()
        })
    });
    group.finish();
}

/// Checks the bench policy decides as intended, so the numbers measure real work.
fn sanity() {
    let policy = compile();
    let set = PolicySet {
        identity: vec![&policy],
        ..Default::default()
    };
    let got: Vec<_> = requests(8).iter().map(|r| decide(&set, r)).collect();
    use iam_policy::Decision::{Allowed as A, ExplicitDeny as D, ImplicitDeny as I};
    assert_eq!(got, [A, I, A, I, A, I, D, A]);
}

fn wall(c: &mut Criterion) {
    sanity();
    bench(c, "evaluate");
}

/// The same benchmarks timed in this thread's CPU time, which stays meaningful when other
/// processes share the machine's cores (wall time then counts their turns too).
fn cpu(c: &mut Criterion<cpu_time::CpuTime>) {
    bench(c, "evaluate_cpu");
}

criterion_group!(wall_clock, wall);
criterion_group! {
    name = cpu_clock;
    config = Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = cpu
}
criterion_main!(wall_clock, cpu_clock);
