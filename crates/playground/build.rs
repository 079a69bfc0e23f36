//! Embeds the example library (`web/examples/*.json`) into the page at build time, so the
//! page needs no fetch (and its Content-Security-Policy no `connect-src`). When the folder
//! is missing, the built-in copy of the default example in `fallback/` is embedded instead.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let examples = manifest.join("../../web/examples");
    let fallback = manifest.join("fallback");
    println!("cargo:rerun-if-changed={}", examples.display());
    println!("cargo:rerun-if-changed={}", fallback.display());
    let mut files = json_files(&examples);
    let index = examples.join("index.json");
    let index_text = if index.is_file() {
        println!("cargo:rerun-if-changed={}", index.display());
        format!("Some(include_str!({:?}))", index.display().to_string())
    } else {
        "None".to_string()
    };
    if files.is_empty() {
        files = json_files(&fallback);
    }
    let mut out =
        String::from("/// Every embedded example as (id, scenario text), sorted by id.\n");
    out.push_str("pub const EMBEDDED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({id:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n/// `web/examples/index.json`, when present.\n");
    let _ = writeln!(out, "pub const INDEX: Option<&str> = {index_text};");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("examples.rs");
    if let Err(error) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {error}", dest.display());
    }
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter(|p| p.file_name().is_some_and(|n| n != "index.json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
