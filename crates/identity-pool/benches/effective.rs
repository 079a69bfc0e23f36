//! Criterion benchmark of the effective-permissions view: a guest (enhanced flow, so the
//! scope-down's 33 services are in play too) whose role's policies mention 10 services,
//! every action of every service decided for the resources the policies name. Prints the
//! number of decisions once, then measures one full recompute (sign-in + every decision),
//! in this thread's CPU time (the machine is shared; wall time measures the others too).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

#[path = "../../iam-policy/benches/evaluate/cpu_time.rs"]
mod cpu_time;

use aws_catalog::Catalog;
use criterion::{criterion_group, criterion_main, Criterion};
use identity_pool::effective::{effective, EffectiveOptions};
use identity_pool::{load_scenario, Scenario};
use std::hint::black_box;

/// The role's policy: 10 services, named resources, a condition and a Deny.
const TEN_SERVICES: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Own", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:List*"],
     "Resource": ["arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*", "arn:aws:s3:::photos"]},
    {"Sid": "Items", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
     "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
     "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"]}}},
    {"Sid": "Invoke", "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:thumb"},
    {"Sid": "Queue", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:uploads"},
    {"Sid": "Topic", "Effect": "Allow", "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:123456789012:events"},
    {"Sid": "Stream", "Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"},
    {"Sid": "Describe", "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"},
    {"Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/app:*"},
    {"Sid": "Metrics", "Effect": "Allow", "Action": "cloudwatch:PutMetricData", "Resource": "*"},
    {"Sid": "NoIam", "Effect": "Deny", "Action": "iam:*", "Resource": "*"}
  ]
}"#;

fn scenario() -> Scenario {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/examples/guest-reads-public-picture.json"
    );
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["roles"][0]["Policies"] = serde_json::json!([
        {"PolicyName": "TenServices", "PolicyDocument": serde_json::from_str::<serde_json::Value>(TEN_SERVICES).unwrap()}
    ]);
    load_scenario(&serde_json::to_string_pretty(&doc).unwrap())
        .scenario
        .unwrap()
}

fn bench(c: &mut Criterion<cpu_time::CpuTime>) {
    let scenario = scenario();
    let catalog = Catalog::embedded();
    let options = EffectiveOptions::default();
    let report = effective(&scenario, catalog, &options);
    println!(
        "effective: {} services, {} decisions ({} allowed, {} removed by session policy, {} explicitly denied), each decided twice (role alone, session)",
        report.services.len(),
        report.totals.total,
        report.totals.allowed,
        report.totals.removed_by_session,
        report.totals.explicitly_denied
    );
    c.bench_function(
        "effective: 10 role services + scope-down, full recompute",
        |b| b.iter(|| effective(black_box(&scenario), catalog, &options)),
    );
    let basic = EffectiveOptions {
        flow: Some(identity_pool::scenario::Flow::Basic),
        ..EffectiveOptions::default()
    };
    c.bench_function("effective: the same guest, basic flow", |b| {
        b.iter(|| effective(black_box(&scenario), catalog, &basic))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = bench
}
criterion_main!(benches);
