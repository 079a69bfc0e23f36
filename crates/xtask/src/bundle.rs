//! The shipped bundle's size: what a visitor downloads, raw and gzipped.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::process::Result;

/// The most the page may ship, gzipped wasm + JS + CSS, in bytes (600 KB).
pub const LIMIT_GZIPPED: u64 = 600_000;

/// One shipped file.
struct Asset {
    name: String,
    raw: u64,
    gzipped: u64,
}

/// Prints every wasm, JS and CSS file under `dist` raw and gzipped, the wasm totals and
/// the gzipped total, and fails when that total is over [`LIMIT_GZIPPED`].
pub fn report(dist: &Path) -> Result {
    let mut files = Vec::new();
    collect(dist, &mut files)?;
    files.sort();
    let mut assets = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file)
            .map_err(|error| format!("cannot read `{}`: {error}", file.display()))?;
        let name = file
            .strip_prefix(dist)
            .unwrap_or(&file)
            .display()
            .to_string();
        assets.push(Asset {
            name,
            raw: len(bytes.len()),
            gzipped: gzip_len(&bytes)?,
        });
    }
    if !assets.iter().any(|asset| asset.name.ends_with(".wasm")) {
        return Err(format!(
            "no .wasm file in `{}`: run the build first",
            dist.display()
        ));
    }
    for asset in &assets {
        println!(
            "  {:<48} {:>10} B raw {:>10} B gzip",
            asset.name,
            grouped(asset.raw),
            grouped(asset.gzipped)
        );
    }
    let wasm = assets.iter().filter(|asset| asset.name.ends_with(".wasm"));
    let (wasm_raw, wasm_gz) = wasm.fold((0, 0), |(raw, gz), asset| {
        (raw + asset.raw, gz + asset.gzipped)
    });
    let total: u64 = assets.iter().map(|asset| asset.gzipped).sum();
    println!(
        "  wasm: {} B raw, {} B gzipped",
        grouped(wasm_raw),
        grouped(wasm_gz)
    );
    println!(
        "  total gzipped wasm + JS + CSS: {} B (limit {} B)",
        grouped(total),
        grouped(LIMIT_GZIPPED)
    );
    if total > LIMIT_GZIPPED {
        return Err(format!(
            "the bundle is {} B gzipped, over the {} B limit",
            grouped(total),
            grouped(LIMIT_GZIPPED)
        ));
    }
    Ok(())
}

/// Every `.wasm`, `.js` and `.css` file below `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot list `{}`: {error}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if matches!(
            path.extension().and_then(|ext| ext.to_str()),
            Some("wasm" | "js" | "css")
        ) {
            files.push(path);
        }
    }
    Ok(())
}

/// Size after `gzip -9`, the most a static host would send.
pub fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .map_err(|error| format!("gzip failed: {error}"))?;
    let compressed = encoder
        .finish()
        .map_err(|error| format!("gzip failed: {error}"))?;
    Ok(len(compressed.len()))
}

fn len(size: usize) -> u64 {
    u64::try_from(size).unwrap_or(u64::MAX)
}

/// `1234567` → `1,234,567`.
pub fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(600_000), "600,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn gzip_shrinks_repetitive_text() {
        let text = "abc".repeat(1000);
        let size = gzip_len(text.as_bytes()).unwrap();
        assert!(size > 0 && size < 100, "{size}");
    }
}
