//! Fuzz target: any text as a scenario file. Loading, simulating and checking never panic,
//! and every diagnostic's span lies in the text.

#![no_main]

use identity_pool::check::check_text;
use identity_pool::simulate_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = simulate_text(&text);
    for d in &report.diagnostics {
        if let Some(span) = d.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
        }
    }
    let _ = check_text(&text);
});
