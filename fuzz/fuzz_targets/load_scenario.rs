//! Fuzz target: any text as a scenario file. Loading, simulating and checking never panic,
//! and every diagnostic's span lies in the text.
//!
//! One `check_text` per input: it loads and simulates exactly as `simulate_text` does (the
//! same `load_scenario`, then `simulate`, with the load diagnostics in the report) and then
//! checks the expectations, so calling `simulate_text` as well only did the loading and the
//! simulation twice.

#![no_main]

use identity_pool::check::check_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (result, report) = check_text(&text);
    let reported = report.iter().flat_map(|r| &r.diagnostics);
    for d in result.diagnostics.iter().chain(reported) {
        if let Some(span) = d.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
        }
    }
});
