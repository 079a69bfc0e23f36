//! The page's wasm is compiled while it downloads, from the first line of `<head>`.
//!
//! Trunk's loader is a module script: it runs once the document is parsed and the style
//! sheets, the JS glue and its snippets are in, and only then calls
//! `WebAssembly.instantiateStreaming` on the wasm (which its preload has by then downloaded
//! whole), so compilation started after the download instead of during it (app-perf's
//! breakdown, docs/app.md). A classic inline script first in `<head>` starts
//! `WebAssembly.compileStreaming(fetch(wasm))` as the document arrives, and the loader is
//! handed that promise instead of the URL; wasm-bindgen's init instantiates the module it
//! resolves to. If streaming compilation fails (a host that does not send
//! `application/wasm`), the promise falls back to a plain `fetch` of the same URL, which the
//! glue instantiates its own way, as before. Trunk's `<link rel="preload">` of the wasm goes:
//! the early fetch starts sooner, and the browser does not hand a preload carrying an
//! `integrity` to a `fetch()` without one, so both would download it (lazy-module's spec
//! counts the requests).

use crate::process::Result;

/// Where the loader names the wasm: `init({ module_or_path: '<url>' })`.
const LOADER_ARGUMENT: &str = "module_or_path: '";

/// The global the early script leaves the compilation in.
const GLOBAL: &str = "window.__idpoolWasm";

/// Rewrites `file` (the built `index.html`) in place.
pub fn run(file: &std::path::Path) -> Result {
    let html = std::fs::read_to_string(file)
        .map_err(|error| format!("cannot read `{}`: {error}", file.display()))?;
    std::fs::write(file, apply(&html)?)
        .map_err(|error| format!("cannot write `{}`: {error}", file.display()))?;
    println!(
        "early wasm: {} compiles its wasm from the top of <head>",
        file.display()
    );
    Ok(())
}

/// `html` with the early compile script and the loader handed its promise. A page already
/// rewritten is returned unchanged.
pub fn apply(html: &str) -> Result<String> {
    if html.contains(GLOBAL) {
        return Ok(html.to_owned());
    }
    let start = html
        .find(LOADER_ARGUMENT)
        .map(|at| at + LOADER_ARGUMENT.len())
        .ok_or("the page has no Trunk loader naming its wasm (`module_or_path: '…'`)")?;
    let end = html
        .get(start..)
        .and_then(|rest| rest.find('\''))
        .map(|len| start + len)
        .ok_or("the loader's wasm URL is not closed")?;
    let url = html.get(start..end).unwrap_or_default();
    if url.is_empty() || url.contains(['"', '<', '\\']) {
        return Err(format!("unexpected wasm URL `{url}` in the loader"));
    }
    let loader = html.replacen(
        &format!("{LOADER_ARGUMENT}{url}'"),
        &format!("module_or_path: {GLOBAL} || '{url}'"),
        1,
    );
    let loader = without_preload(&loader, url);
    let head = loader
        .find("<head")
        .and_then(|at| loader.get(at..)?.find('>').map(|end| at + end + 1))
        .ok_or("the page has no <head>")?;
    let (before, after) = loader.split_at(head);
    Ok(format!(
        "{before}\n    <script>{GLOBAL} = WebAssembly.compileStreaming(fetch(\"{url}\")).catch(() => fetch(\"{url}\"));</script>{after}"
    ))
}

/// `html` without the `<link rel="preload" href="{url}" …>` Trunk writes for the wasm.
fn without_preload(html: &str, url: &str) -> String {
    let tag = format!("<link rel=\"preload\" href=\"{url}\"");
    match html.find(&tag) {
        Some(start) => match html.get(start..).and_then(|rest| rest.find('>')) {
            Some(len) => format!(
                "{}{}",
                html.get(..start).unwrap_or_default(),
                html.get(start + len + 1..).unwrap_or_default()
            ),
            None => html.to_owned(),
        },
        None => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\" />\n<script type=\"module\">\nimport init, * as bindings from './p-1.js';\nconst wasm = await init({ module_or_path: './p-1_bg.wasm' });\n</script>\n<link rel=\"modulepreload\" href=\"./p-1.js\"><link rel=\"preload\" href=\"./p-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\">\n  </head>\n</html>";

    #[test]
    fn the_wasm_compiles_from_the_top_of_head_and_the_loader_takes_it() {
        let html = apply(PAGE).unwrap();
        let early = html.find("<script>window.__idpoolWasm = WebAssembly.compileStreaming(fetch(\"./p-1_bg.wasm\")).catch(() => fetch(\"./p-1_bg.wasm\"));</script>").unwrap();
        assert!(early < html.find("<meta charset").unwrap());
        assert!(html.contains("init({ module_or_path: window.__idpoolWasm || './p-1_bg.wasm' })"));
        assert!(
            !html.contains("rel=\"preload\""),
            "the early fetch replaces the preload"
        );
        assert!(html.contains("<link rel=\"modulepreload\" href=\"./p-1.js\">\n  </head>"));
        assert_eq!(apply(&html).unwrap(), html, "a second run changes nothing");
    }

    #[test]
    fn a_page_without_the_loader_is_an_error() {
        assert!(apply("<html><head></head></html>").is_err());
    }
}
