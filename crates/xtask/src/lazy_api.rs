//! The page's second, lazily loaded module: the JavaScript API (crate `idpool-js`, the same
//! `identity_pool::api` the CLI and the npm package answer with) built for the web.
//!
//! The playground's first load ships only what the first decision needs; import, export,
//! effective permissions, the diff and the coach are asked of this module, which the page
//! fetches with a dynamic `import()` on first use. It is written next to `index.html` with a
//! content hash in its name (`idpool-api-<hash>.js` and `idpool-api-<hash>_bg.wasm`), so a
//! new build is never mixed with a cached old one, and the page learns the name from a
//! `<meta name="idpool-api">` in `index.html`. Trunk runs this as its `post_build` hook
//! (`cargo xtask post-build`, see `Trunk.toml`), so every build of the page carries it.

use std::path::{Path, PathBuf};

use crate::install::write;
use crate::process::{find_on_path, Result};
use crate::project::Project;
use crate::sha256;

/// Every file of the lazy module starts with this; the size report tells them apart by it.
pub const PREFIX: &str = "idpool-api-";

/// The `<meta>` naming the module's JavaScript file, read by the page.
pub const META_NAME: &str = "idpool-api";

/// Builds the module (reusing the last one when the compiled wasm did not change), writes
/// its two files into `dir` and names them in `dir/index.html`. Returns the JS file's name.
pub fn run(project: &Project, dir: &Path) -> Result<String> {
    let wasm = crate::js_package::compile(project)?;
    let built = optimized(project, &wasm)?;
    let js = std::fs::read(built.join("idpool.js"))
        .map_err(|error| format!("cannot read the module's JS: {error}"))?;
    let bg = std::fs::read(built.join("idpool_bg.wasm"))
        .map_err(|error| format!("cannot read the module's wasm: {error}"))?;
    let mut both = js.clone();
    both.extend_from_slice(&bg);
    let name = format!("{PREFIX}{}", hex(&sha256::digest(&both)));
    remove_old(dir)?;
    copy(&js, &dir.join(format!("{name}.js")))?;
    copy(&bg, &dir.join(format!("{name}_bg.wasm")))?;
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read `{}`: {error}", index.display()))?;
    write(&index, &with_meta(&html, &format!("{name}.js"))?)?;
    println!(
        "lazy module: {name}.js ({} B) and {name}_bg.wasm ({} B) in {}",
        js.len(),
        bg.len(),
        dir.display()
    );
    Ok(format!("{name}.js"))
}

/// wasm-bindgen's `--target web` output for `wasm`, shrunk by `wasm-opt -Oz`: from the cache
/// under `target/` when this exact wasm was processed before (wasm-opt alone takes most of a
/// minute, and Trunk runs this hook on every rebuild).
fn optimized(project: &Project, wasm: &Path) -> Result<PathBuf> {
    let bytes = std::fs::read(wasm)
        .map_err(|error| format!("cannot read `{}`: {error}", wasm.display()))?;
    let cache = project
        .scratch()
        .join("lazy-api")
        .join(hex(&sha256::digest(&bytes)));
    let done = cache.join("done");
    if done.is_file() {
        return Ok(cache);
    }
    let _ = std::fs::remove_dir_all(&cache);
    crate::js_package::bindgen(wasm, "web", &cache)?;
    let bg = cache.join("idpool_bg.wasm");
    match find_on_path("wasm-opt") {
        Some(wasm_opt) => crate::js_package::optimize(&wasm_opt, &bg)?,
        None => return Err("wasm-opt not found: run `cargo xtask install`".to_owned()),
    }
    write(&done, "")?;
    Ok(cache)
}

/// The first 16 hex digits of a digest: enough to tell builds apart.
fn hex(digest: &[u8; 32]) -> String {
    digest
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn copy(bytes: &[u8], to: &Path) -> Result {
    std::fs::write(to, bytes).map_err(|error| format!("cannot write `{}`: {error}", to.display()))
}

/// Earlier builds' module files (a staging folder is fresh, but `dist/` may be reused).
fn remove_old(dir: &Path) -> Result {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot list `{}`: {error}", dir.display()))?;
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(PREFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// The meta element naming the module.
fn meta(file: &str) -> String {
    format!("<meta name=\"{META_NAME}\" content=\"{file}\" />")
}

/// `html` with the module's meta (replacing an earlier one) at the end of `<head>`.
pub fn with_meta(html: &str, file: &str) -> Result<String> {
    let start_tag = format!("<meta name=\"{META_NAME}\"");
    let html = crate::csp::remove_element(html, &start_tag);
    let head_end = html.find("</head>").ok_or("the page has no </head>")?;
    let (before, after) = html.split_at(head_end);
    Ok(format!(
        "{}\n    {}\n  {after}",
        before.trim_end(),
        meta(file)
    ))
}

/// Checks that a built `dist` names its lazy module and holds both of its files.
pub fn check(dist: &Path) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read `{}`: {error}", index.display()))?;
    let js = named_in(&html).ok_or_else(|| {
        format!(
            "`{}` names no lazy API module (is the post_build hook in Trunk.toml?)",
            index.display()
        )
    })?;
    let wasm = js.replace(".js", "_bg.wasm");
    for file in [&js, &wasm] {
        if !dist.join(file).is_file() {
            return Err(format!(
                "`{}` names `{file}`, which is missing",
                index.display()
            ));
        }
    }
    Ok(())
}

/// The module's JS file named in a built page, if any.
pub fn named_in(html: &str) -> Option<String> {
    let start = html.find(&format!("<meta name=\"{META_NAME}\" content=\""))?;
    let rest = html.get(start..)?;
    let open = rest.find("content=\"")? + "content=\"".len();
    let value = rest.get(open..)?;
    value
        .find('"')
        .and_then(|end| value.get(..end))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head>\n<title>t</title>\n</head><body></body></html>";

    #[test]
    fn the_meta_goes_into_the_head_once() {
        let once = with_meta(PAGE, "idpool-api-00.js").unwrap();
        assert!(once.find("idpool-api-00.js").unwrap() < once.find("</head>").unwrap());
        let twice = with_meta(&once, "idpool-api-11.js").unwrap();
        assert_eq!(twice.matches("<meta name=\"idpool-api\"").count(), 1);
        assert_eq!(named_in(&twice).as_deref(), Some("idpool-api-11.js"));
        assert_eq!(with_meta(&twice, "idpool-api-11.js").unwrap(), twice);
    }

    #[test]
    fn a_page_without_the_meta_names_no_module() {
        assert_eq!(named_in(PAGE), None);
    }
}
