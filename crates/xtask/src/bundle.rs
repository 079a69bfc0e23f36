//! The shipped bundle's size: what a visitor downloads, raw and gzipped, in two parts:
//! the initial bundle every visit loads, and the lazily loaded API module
//! ([`crate::lazy_api`]) fetched on first use of import, export or the Permissions panel.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::process::Result;

/// The most the first load may ship, gzipped wasm + JS + CSS, in bytes.
///
/// Issue 9's budget is 402,000 B; the page is above it (docs/bundle.md lists where the
/// bytes are), so this limit holds the measured size plus about 2.7 KB and comes down as
/// parts of the page leave the first load. 542,286 B measured at session 21's end: the
/// example library fetched (-7.9 KB) paid for the read-only view of very large policies
/// and the PolicyEditor split (+3.0 KB), still 4.7 KB under the session's start (546,992 B).
/// Growth past it must be measured and argued in docs/bundle.md.
pub const INITIAL_LIMIT_GZIPPED: u64 = 545_000;

/// The most the lazily loaded module may weigh, gzipped wasm + JS, in bytes.
pub const LAZY_LIMIT_GZIPPED: u64 = 520_000;

/// One shipped file.
struct Asset {
    name: String,
    raw: u64,
    gzipped: u64,
}

/// Prints every wasm, JS and CSS file under `dist` raw and gzipped, then the initial
/// bundle's and the lazy module's totals, and fails when either is over its limit
/// ([`INITIAL_LIMIT_GZIPPED`], [`LAZY_LIMIT_GZIPPED`]).
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
    let (lazy, initial): (Vec<&Asset>, Vec<&Asset>) =
        assets.iter().partition(|asset| is_lazy(&asset.name));
    if lazy.is_empty() {
        return Err(format!(
            "no lazily loaded module (`{}*`) in `{}`: is the post_build hook in Trunk.toml?",
            crate::lazy_api::PREFIX,
            dist.display()
        ));
    }
    let initial_total = part("initial bundle (every visit)", &initial);
    let lazy_total = part("lazy module (on first use)", &lazy);
    println!(
        "  initial gzipped wasm + JS + CSS: {} B (limit {} B); lazy module: {} B (limit {} B)",
        grouped(initial_total),
        grouped(INITIAL_LIMIT_GZIPPED),
        grouped(lazy_total),
        grouped(LAZY_LIMIT_GZIPPED)
    );
    if initial_total > INITIAL_LIMIT_GZIPPED {
        return Err(format!(
            "the initial bundle is {} B gzipped, over the {} B limit",
            grouped(initial_total),
            grouped(INITIAL_LIMIT_GZIPPED)
        ));
    }
    if lazy_total > LAZY_LIMIT_GZIPPED {
        return Err(format!(
            "the lazy module is {} B gzipped, over the {} B limit",
            grouped(lazy_total),
            grouped(LAZY_LIMIT_GZIPPED)
        ));
    }
    Ok(())
}

/// Whether a file (its path under `dist/`) belongs to the lazily loaded module.
fn is_lazy(name: &str) -> bool {
    Path::new(name)
        .file_name()
        .is_some_and(|file| file.to_string_lossy().starts_with(crate::lazy_api::PREFIX))
}

/// Prints one part's wasm and gzipped totals; returns the gzipped total.
fn part(title: &str, assets: &[&Asset]) -> u64 {
    let (wasm_raw, wasm_gz) = assets
        .iter()
        .filter(|asset| asset.name.ends_with(".wasm"))
        .fold((0, 0), |(raw, gz), asset| {
            (raw + asset.raw, gz + asset.gzipped)
        });
    let total: u64 = assets.iter().map(|asset| asset.gzipped).sum();
    println!(
        "  {title}: wasm {} B raw, {} B gzipped; total gzipped {} B",
        grouped(wasm_raw),
        grouped(wasm_gz),
        grouped(total)
    );
    total
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
    fn the_lazy_module_is_told_apart_by_its_name() {
        assert!(is_lazy("idpool-api-0123456789abcdef.js"));
        assert!(is_lazy("idpool-api-0123456789abcdef_bg.wasm"));
        assert!(!is_lazy("playground-0123_bg.wasm"));
        assert!(!is_lazy("snippets/playground-1/inline0.js"));
    }

    #[test]
    fn gzip_shrinks_repetitive_text() {
        let text = "abc".repeat(1000);
        let size = gzip_len(text.as_bytes()).unwrap();
        assert!(size > 0 && size < 100, "{size}");
    }
}
