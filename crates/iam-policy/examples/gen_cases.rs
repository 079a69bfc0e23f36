//! Writes an evaluation-case file for load tests to stdout, so no large file is committed:
//! `cargo run --release -p iam-policy --example gen_cases -- 10000 pretty > cases.json`.
//! Layouts: `pretty` (indent 2), `indent1`, `compact` (one line), `lines` (JSON Lines); a
//! third argument `distinct` gives every case its own policy text (its first `Sid` numbered).
//! Every case carries its `expected` decision, so `idpool eval` verifies as it goes.

#![allow(
    missing_docs,
    reason = "a benchmark or generator run by hand, not an API: it fails loudly on bad input"
)]

#[path = "../benches/evaluate/cognito_cases.rs"]
mod cognito_cases;

use cognito_cases::{write_cases, Layout, Policies};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = args.first().and_then(|a| a.parse::<usize>().ok());
    let layout = match args.get(1).map_or("pretty", String::as_str) {
        "pretty" => Some(Layout::Pretty),
        "indent1" => Some(Layout::Indent1),
        "compact" => Some(Layout::Compact),
        "lines" => Some(Layout::Lines),
        _ => None,
    };
    let policies = match args.get(2).map(String::as_str) {
        None => Some(Policies::Shared),
        Some("distinct") => Some(Policies::Distinct),
        Some(_) => None,
    };
    let (Some(n), Some(layout), Some(policies)) = (n, layout, policies) else {
        eprintln!("usage: gen_cases COUNT [pretty|indent1|compact|lines] [distinct]");
        return ExitCode::from(2);
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write_cases(n, layout, policies, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_cases: {e}");
            ExitCode::FAILURE
        }
    }
}
