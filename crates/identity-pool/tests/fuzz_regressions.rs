//! Replays `tests/fuzz/load_scenario/` (the scenario fuzz target's regression corpus): each
//! file is loaded, simulated and checked as the target does, and every diagnostic's span
//! lies in the text. Slow inputs are here too; their time is printed, never asserted.

use std::path::Path;
use std::time::Instant;

use identity_pool::check::check_text;
use identity_pool::simulate_text;

#[test]
fn every_regression_input_loads_simulates_and_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz/load_scenario");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let started = Instant::now();
        let report = simulate_text(&text);
        for d in &report.diagnostics {
            if let Some(span) = d.span {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "{}: {d:?}",
                    path.display()
                );
            }
        }
        let _ = check_text(&text);
        println!("{}: {:?}", path.display(), started.elapsed());
        count += 1;
    }
    assert!(count >= 5, "the corpus is missing: {count} files");
}
