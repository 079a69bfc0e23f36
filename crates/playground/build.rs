//! The example library at build time: writes the picker's list (id, title, category) from
//! `web/examples/index.json` and the files next to it, and embeds the text of the default
//! example only. Every other example is fetched by the page from `examples/<id>.json` next
//! to it (Trunk copies `web/examples/`), so the library does not weigh on the first load.
//! Unit tests (`cfg(test)`) also get every example's text, to check each one natively.
//! When the folder is missing, the built-in copy of the default example in `fallback/` is
//! the whole library.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Must match `examples::DEFAULT_ID`: the example the page opens with.
const DEFAULT_ID: &str = "guest-reads-public-picture";

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let examples = manifest.join("../../web/examples");
    let fallback = manifest.join("fallback");
    println!("cargo:rerun-if-changed={}", examples.display());
    println!("cargo:rerun-if-changed={}", fallback.display());
    let mut files = json_files(&examples);
    let index_path = examples.join("index.json");
    let index = if index_path.is_file() {
        println!("cargo:rerun-if-changed={}", index_path.display());
        read_index(&std::fs::read_to_string(&index_path).unwrap_or_default())
    } else {
        Vec::new()
    };
    if files.is_empty() {
        files = json_files(&fallback);
    }
    let entries = listed(&index, &files);

    let mut out = String::from(
        "/// The picker's list, in the order of `index.json` (files it does not list come after, by id).\n",
    );
    out.push_str("pub const LIST: &[ExampleInfo] = &[\n");
    for (id, title, category) in &entries {
        let _ = writeln!(
            out,
            "    ExampleInfo {{ id: {id:?}, title: {title:?}, category: {category:?} }},"
        );
    }
    out.push_str("];\n");
    let default = files
        .iter()
        .find(|p| stem(p) == DEFAULT_ID)
        .or_else(|| files.first());
    let default_text = default.map_or_else(
        || "\"{}\"".to_string(),
        |p| format!("include_str!({:?})", p.display().to_string()),
    );
    out.push_str("/// The text of the default example, the only one in the page.\n");
    let _ = writeln!(out, "pub const DEFAULT_TEXT: &str = {default_text};");
    out.push_str(
        "/// Every example as (id, scenario text), sorted by id: for the native tests only.\n",
    );
    out.push_str("#[cfg(test)]\npub const EMBEDDED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            stem(path),
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("examples.rs");
    if let Err(error) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {error}", dest.display());
    }
}

/// (id, title, category) of every file: in the index's order first, then the rest by id.
/// A title comes from the index, else from the scenario's `name`, else it is the id.
fn listed(
    index: &[(String, Option<String>, Option<String>)],
    files: &[PathBuf],
) -> Vec<(String, String, String)> {
    let file_of = |id: &str| files.iter().find(|p| stem(p) == id);
    let mut out = Vec::new();
    for (id, title, category) in index {
        if let Some(path) = file_of(id) {
            let title = title.clone().unwrap_or_else(|| name_of(path, id));
            out.push((id.clone(), title, category.clone().unwrap_or_default()));
        }
    }
    for path in files {
        let id = stem(path);
        if !out.iter().any(|(listed, _, _)| listed == id) {
            out.push((id.to_string(), name_of(path, id), String::new()));
        }
    }
    out
}

fn stem(path: &Path) -> &str {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
}

/// The scenario's `name`, else `id`.
fn name_of(path: &Path, id: &str) -> String {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .unwrap_or_else(|| id.to_string())
}

/// Reads the index leniently: a list (or `{"examples": [...]}`) of ids or of objects with
/// an `id` (or `file`) and an optional `title` (or `name`) and `category`.
fn read_index(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let list = value
        .as_array()
        .or_else(|| value.get("examples").and_then(|e| e.as_array()))
        .cloned()
        .unwrap_or_default();
    list.iter()
        .filter_map(|entry| {
            let field = |k: &str| entry.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let id = entry
                .as_str()
                .map(str::to_string)
                .or_else(|| field("id"))
                .or_else(|| field("file").map(|f| f.trim_end_matches(".json").to_string()))?;
            Some((
                id,
                field("title").or_else(|| field("name")),
                field("category"),
            ))
        })
        .collect()
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
