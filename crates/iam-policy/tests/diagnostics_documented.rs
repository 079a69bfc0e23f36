//! Every diagnostic code the engine emits is documented in docs/diagnostics.md and exercised
//! by the conformance corpus (tests/iam), as issue 3 asks.

use std::path::Path;

fn collect(dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            let text = std::fs::read_to_string(&path)?;
            let text = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_string();
            for piece in text.split('"').skip(1).step_by(2) {
                // A piece ending in `::` is a family prefix (`iam::case::`), not a code.
                if piece.starts_with("iam::")
                    && !piece.ends_with(':')
                    && piece
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b':' || b == b'_')
                {
                    out.push(piece.to_string());
                }
            }
        }
    }
    Ok(())
}

/// Every code the engine's sources name, sorted and without repeats.
fn engine_codes() -> std::io::Result<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut codes = Vec::new();
    collect(&root.join("src"), &mut codes)?;
    codes.sort();
    codes.dedup();
    Ok(codes)
}

/// Codes no corpus file can produce: the input limit needs a file over 1 MiB, and is
/// checked in tests/properties.rs instead.
const NOT_IN_CORPUS: &[&str] = &["iam::parse::too_large"];

#[test]
fn every_code_is_exercised_by_the_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/iam");
    let mut corpus = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        corpus.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let codes = engine_codes().unwrap();
    assert!(codes.len() >= 30, "found only {codes:?}");
    let missing: Vec<_> = codes
        .into_iter()
        .filter(|c| !NOT_IN_CORPUS.contains(&c.as_str()))
        .filter(|c| !corpus.contains(&format!("\"{c}\"")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes no corpus case expects: {missing:?}"
    );
}

#[test]
fn every_code_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("../../docs/diagnostics.md")).unwrap();
    let codes = engine_codes().unwrap();
    assert!(codes.len() >= 30, "found only {codes:?}");
    let missing: Vec<_> = codes
        .iter()
        .filter(|c| !doc.contains(&format!("`{c}`")))
        .collect();
    assert!(missing.is_empty(), "undocumented codes: {missing:?}");
}
