//! Every diagnostic code the engine emits is documented in docs/diagnostics.md.

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
                if piece.starts_with("iam::")
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

#[test]
fn every_code_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("../../docs/diagnostics.md")).unwrap();
    let mut codes = Vec::new();
    collect(&root.join("src"), &mut codes).unwrap();
    codes.sort();
    codes.dedup();
    assert!(codes.len() >= 30, "found only {codes:?}");
    let missing: Vec<_> = codes
        .iter()
        .filter(|c| !doc.contains(&format!("`{c}`")))
        .collect();
    assert!(missing.is_empty(), "undocumented codes: {missing:?}");
}
