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
//! counts the requests). The preload's `integrity` (Trunk's SRI hash of the wasm) moves to the
//! early `fetch(url, {integrity})`, so the wasm is still checked: a changed file makes the
//! fetch, and with it the page's start, fail instead of running.

use crate::process::Result;

/// Where the loader names the wasm: `init({ module_or_path: '<url>' })`.
const LOADER_ARGUMENT: &str = "module_or_path: '";

/// The global the early script leaves the compilation in.
const GLOBAL: &str = "window.__idpoolWasm";

/// Rewrites `file` (a built page) in place; a link with one of `redirects`' parameters
/// (parameter, page) leaves for that page before the wasm is fetched.
pub fn run(file: &std::path::Path, redirects: &[(&str, &str)]) -> Result {
    let html = std::fs::read_to_string(file)
        .map_err(|error| format!("cannot read `{}`: {error}", file.display()))?;
    std::fs::write(file, apply(&html, redirects)?)
        .map_err(|error| format!("cannot write `{}`: {error}", file.display()))?;
    println!(
        "early wasm: {} compiles its wasm from the top of <head>",
        file.display()
    );
    Ok(())
}

/// `html` with the early compile script and the loader handed its promise. A page already
/// rewritten is returned unchanged.
///
/// With `redirects` (the full page's: `embed` to `embed.html`, `workshop` to
/// `workshop.html`), a link whose fragment has one of the parameters (`share_link::Fragment`'s
/// test: the key before `=`, exactly; the first listed wins) is sent to its page with its
/// fragment, and the wasm is not fetched: the loader is handed a promise that never settles.
/// Links written before those pages had files of their own keep working, and cost their
/// reader that page's download, not the full page's.
pub fn apply(html: &str, redirects: &[(&str, &str)]) -> Result<String> {
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
    let (loader, integrity) = without_preload(&loader, url)?;
    let options = match integrity {
        Some(hash) => format!(", {{ integrity: \"{hash}\" }}"),
        None => String::new(),
    };
    let head = loader
        .find("<head")
        .and_then(|at| loader.get(at..)?.find('>').map(|end| at + end + 1))
        .ok_or("the page has no <head>")?;
    let (before, after) = loader.split_at(head);
    let compile = format!(
        "{GLOBAL} = WebAssembly.compileStreaming(fetch(\"{url}\"{options})).catch(() => fetch(\"{url}\"{options}));"
    );
    // In a block, so its name stays out of the page's global scope.
    let mut script = String::new();
    if !redirects.is_empty() {
        script.push_str(
            "{ const keys = location.hash.slice(1).split(\"&\").map((p) => p.split(\"=\")[0]); ",
        );
    }
    for (parameter, page) in redirects {
        if [parameter, page]
            .iter()
            .any(|text| text.is_empty() || text.contains(['"', '<', '\\', '\'']))
        {
            return Err(format!("unexpected redirect `{parameter}` to `{page}`"));
        }
        script.push_str(&format!(
            "if (keys.includes(\"{parameter}\")) {{ {GLOBAL} = new Promise(() => {{}}); location.replace(\"{page}\" + location.hash); }} else "
        ));
    }
    let script = match redirects.is_empty() {
        true => compile,
        false => format!("{script}{{ {compile} }} }}"),
    };
    Ok(format!("{before}\n    <script>{script}</script>{after}"))
}

/// `html` without the `<link rel="preload" href="{url}" …>` Trunk writes for the wasm, and
/// that link's `integrity` value (none without a preload or without the attribute).
fn without_preload(html: &str, url: &str) -> Result<(String, Option<String>)> {
    let tag = format!("<link rel=\"preload\" href=\"{url}\"");
    let Some(start) = html.find(&tag) else {
        return Ok((html.to_owned(), None));
    };
    let Some(len) = html.get(start..).and_then(|rest| rest.find('>')) else {
        return Ok((html.to_owned(), None));
    };
    let link = html.get(start..start + len).unwrap_or_default();
    let integrity = attribute(link, "integrity");
    if let Some(hash) = &integrity {
        // It goes into a JS string in an inline script: only the characters of SRI hashes.
        if hash.is_empty()
            || !hash
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=- ".contains(c))
        {
            return Err(format!(
                "unexpected integrity `{hash}` on the wasm's preload"
            ));
        }
    }
    let rest = format!(
        "{}{}",
        html.get(..start).unwrap_or_default(),
        html.get(start + len + 1..).unwrap_or_default()
    );
    Ok((rest, integrity))
}

/// The value of `name="…"` in the opening tag `tag`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag.get(start..)?.find('"')?;
    tag.get(start..start + len).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\" />\n<script type=\"module\">\nimport init, * as bindings from './p-1.js';\nconst wasm = await init({ module_or_path: './p-1_bg.wasm' });\n</script>\n<link rel=\"modulepreload\" href=\"./p-1.js\"><link rel=\"preload\" href=\"./p-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-x\" as=\"fetch\" type=\"application/wasm\">\n  </head>\n</html>";

    #[test]
    fn the_wasm_compiles_from_the_top_of_head_and_the_loader_takes_it() {
        let html = apply(PAGE, &[]).unwrap();
        let early = html.find("<script>window.__idpoolWasm = WebAssembly.compileStreaming(fetch(\"./p-1_bg.wasm\", { integrity: \"sha384-x\" })).catch(() => fetch(\"./p-1_bg.wasm\", { integrity: \"sha384-x\" }));</script>").unwrap();
        assert!(early < html.find("<meta charset").unwrap());
        assert!(html.contains("init({ module_or_path: window.__idpoolWasm || './p-1_bg.wasm' })"));
        assert!(
            !html.contains("rel=\"preload\""),
            "the early fetch replaces the preload"
        );
        assert!(html.contains("<link rel=\"modulepreload\" href=\"./p-1.js\">\n  </head>"));
        assert_eq!(
            apply(&html, &[]).unwrap(),
            html,
            "a second run changes nothing"
        );
    }

    #[test]
    fn without_an_integrity_the_fetch_takes_no_options() {
        let page = PAGE.replace(" integrity=\"sha384-x\"", "");
        let html = apply(&page, &[]).unwrap();
        assert!(html.contains(
            "compileStreaming(fetch(\"./p-1_bg.wasm\")).catch(() => fetch(\"./p-1_bg.wasm\"))"
        ));
    }

    #[test]
    fn an_integrity_that_would_break_out_of_the_script_is_an_error() {
        let page = PAGE.replace("sha384-x", "sha384-x\\\" });alert(1);//");
        assert!(apply(&page, &[]).is_err());
    }

    #[test]
    fn a_page_without_the_loader_is_an_error() {
        assert!(apply("<html><head></head></html>", &[]).is_err());
    }

    #[test]
    fn a_link_for_another_page_leaves_for_it_before_the_wasm_is_fetched() {
        let redirects = [("embed", "embed.html"), ("workshop", "workshop.html")];
        let html = apply(PAGE, &redirects).unwrap();
        let script = "<script>{ const keys = location.hash.slice(1).split(\"&\").map((p) => p.split(\"=\")[0]); if (keys.includes(\"embed\")) { window.__idpoolWasm = new Promise(() => {}); location.replace(\"embed.html\" + location.hash); } else if (keys.includes(\"workshop\")) { window.__idpoolWasm = new Promise(() => {}); location.replace(\"workshop.html\" + location.hash); } else { window.__idpoolWasm = WebAssembly.compileStreaming(";
        assert!(html.contains(script), "{html}");
        assert!(
            html.contains("{ integrity: \"sha384-x\" })); } }</script>"),
            "{html}"
        );
        assert!(html.find(script).unwrap() < html.find("<meta charset").unwrap());
        assert_eq!(apply(&html, &redirects).unwrap(), html);
        assert!(apply(PAGE, &[("embed", "x\"+alert(1)+\"")]).is_err());
    }
}
