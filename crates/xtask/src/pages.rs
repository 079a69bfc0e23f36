//! The build's other pages, one per audience beside the playground's `index.html`, each with
//! a wasm of its own (a binary of the playground crate, built like a lazy module):
//!
//! - [`WIDGET`], `embed.html`: what a documentation page's iframe loads (`web/embed.js`,
//!   `idpool link`'s iframe tag). Embed mode alone ([`crate::lazy_api::EMBED`]): none of the
//!   pool's forms, the roles column, the Permissions panel, the dialogs or workshop mode, so a
//!   widget downloads and compiles less than the full page.
//! - [`WORKSHOP`], `workshop.html`: workshop mode ([`crate::lazy_api::LEARNER`]), the
//!   playground with the workshop panel's host, bridge and exercise reading, which the full
//!   page's wasm therefore leaves out.
//!
//! Each page is Trunk's `index.html` with its wasm in place of the page's: the inlined style
//! sheets it draws with ([`crate::styles`]), the same loader, the same Content-Security-Policy rules (the hook hashes its
//! inline scripts and styles after this step). Its files' preloads carry SHA-256 integrity
//! values of the files as written, so a changed file fails to load, as on the full page.

use std::path::Path;

use crate::install::write;
use crate::lazy_api::{self, Module, EMBED, LEARNER};
use crate::process::Result;
use crate::project::Project;
use crate::sha256;

/// One page of the build besides `index.html`.
pub struct EntryPage {
    /// Its file name, next to `index.html`.
    pub file: &'static str,
    /// The fragment parameter that asks for it: the full page sends a link with it here.
    pub parameter: &'static str,
    /// Its wasm.
    pub module: &'static Module,
    /// Its `<title>` element.
    pub title: &'static str,
    /// The lazy modules' metas it does not keep (a module it never loads).
    pub drop_metas: &'static [&'static str],
}

/// The documentation widget (`share_link::snippet::WIDGET_PAGE`).
pub const WIDGET: EntryPage = EntryPage {
    file: "embed.html",
    parameter: "embed",
    module: &EMBED,
    title: "<title>Identity Pool Playground example</title>",
    drop_metas: &["idpool-workshop", "idpool-review"],
};

/// Workshop mode (the playground's `pages::WORKSHOP_PAGE`).
pub const WORKSHOP: EntryPage = EntryPage {
    file: "workshop.html",
    parameter: "workshop",
    module: &LEARNER,
    title: "<title>Identity Pool Playground workshop</title>",
    drop_metas: &[],
};

/// Every page besides `index.html`, in the order the full page tests its link for them (the
/// order `mode_of` decides in: an `embed` parameter wins over `workshop`).
pub const PAGES: [&EntryPage; 2] = [&WIDGET, &WORKSHOP];

/// Where Trunk's loader imports the page's glue (`'./<stem>.js'`, or under the absolute
/// public URL `cargo xtask build --public-url /tools/idpool/` gives, `'/tools/idpool/<stem>.js'`).
const LOADER_IMPORT: &str = "import init, * as bindings from '";

/// The folder (with its last `/`) and the file stem of the glue the loader of `html` imports.
fn loader_glue(html: &str) -> Option<(&str, &str)> {
    let at = html.find(LOADER_IMPORT)? + LOADER_IMPORT.len();
    let rest = html.get(at..)?;
    let url = rest.find(".js'").and_then(|end| rest.get(..end))?;
    let slash = url.rfind('/')?;
    let (folder, stem) = (url.get(..=slash)?, url.get(slash + 1..)?);
    let plain = |text: &str| !text.contains(['\'', '"', '<', '>', '\\', ' ']);
    (!stem.is_empty() && plain(folder) && plain(stem)).then_some((folder, stem))
}

/// Builds every page's wasm into `dir` and writes each page from `dir/index.html`.
pub fn run_all(project: &Project, dir: &Path) -> Result {
    PAGES.iter().try_for_each(|page| run(project, dir, page))
}

/// Builds `page`'s wasm into `dir` and writes the page from `dir/index.html`.
pub fn run(project: &Project, dir: &Path, page: &EntryPage) -> Result {
    let glue = lazy_api::write_files(project, dir, page.module)?;
    let stem = glue.trim_end_matches(".js");
    let mut files = vec![(glue.clone(), integrity(&read(&dir.join(&glue))?))];
    // The snippets as written, in the module's own folder (`lazy_api::write_files`).
    let folder = format!("{stem}-snippets");
    for (path, text) in lazy_api::snippets(&dir.join(&folder))? {
        files.push((format!("{folder}/{path}"), integrity(&text)));
    }
    let wasm_integrity = integrity(&read(&dir.join(format!("{stem}_bg.wasm")))?);
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read `{}`: {error}", index.display()))?;
    let text = page_text(page, &html, stem, &files, &wasm_integrity)?;
    write(&dir.join(page.file), &text)?;
    println!("{}: loads {glue}", page.file);
    Ok(())
}

/// `index` (Trunk's page, before the early-wasm step) turned into `page`, loading the module
/// `stem` (`idpool-embed-<hash>`): its glue and snippets preloaded as `modules` (path,
/// integrity), its wasm preloaded with `wasm_integrity`.
pub fn page_text(
    page: &EntryPage,
    index: &str,
    stem: &str,
    modules: &[(String, String)],
    wasm_integrity: &str,
) -> Result<String> {
    let (folder, page_stem) =
        loader_glue(index).ok_or("the page has no Trunk loader importing its glue")?;
    let html = index
        .replace(
            &format!("'{folder}{page_stem}.js'"),
            &format!("'{folder}{stem}.js'"),
        )
        .replace(
            &format!("'{folder}{page_stem}_bg.wasm'"),
            &format!("'{folder}{stem}_bg.wasm'"),
        );
    // The page's preloads carry its files' hashes: the widget's own replace them below.
    let html = without_tags(&html, "<link rel=\"modulepreload\"");
    let html = without_tags(&html, "<link rel=\"preload\"");
    if html.contains(&format!("{folder}{page_stem}")) {
        return Err(format!(
            "the page names `{page_stem}` outside its loader and preloads"
        ));
    }
    // Only the style sheets this page draws with (`crate::styles`).
    let html = crate::styles::keep_for(&html, page.parameter);
    let html = page.drop_metas.iter().fold(html, |html, meta| {
        crate::csp::remove_element(&html, &format!("<meta name=\"{meta}\""))
    });
    let html = match (html.find("<title>"), html.find("</title>")) {
        (Some(start), Some(end)) if start < end => format!(
            "{}{}{}",
            html.get(..start).unwrap_or(""),
            page.title,
            html.get(end + "</title>".len()..).unwrap_or("")
        ),
        _ => return Err("the page has no <title>".to_owned()),
    };
    let mut preloads: Vec<String> = modules
        .iter()
        .map(|(path, hash)| {
            format!(
                "<link rel=\"modulepreload\" href=\"{folder}{path}\" crossorigin=\"anonymous\" integrity=\"{hash}\">"
            )
        })
        .collect();
    preloads.push(format!(
        "<link rel=\"preload\" href=\"{folder}{stem}_bg.wasm\" crossorigin=\"anonymous\" integrity=\"{wasm_integrity}\" as=\"fetch\" type=\"application/wasm\">"
    ));
    let head_end = html.find("</head>").ok_or("the page has no </head>")?;
    let (before, after) = html.split_at(head_end);
    Ok(format!(
        "{}\n    {}\n  {after}",
        before.trim_end(),
        preloads.join("")
    ))
}

/// `html` without every tag (up to its `>`) that starts with `start_tag`.
fn without_tags(html: &str, start_tag: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(start_tag) {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start..).unwrap_or("");
        rest = after
            .find('>')
            .and_then(|end| after.get(end + 1..))
            .unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The SRI value of a file's bytes: `sha256-<base64>`.
fn integrity(bytes: &[u8]) -> String {
    format!("sha256-{}", sha256::base64(&sha256::digest(bytes)))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|error| format!("cannot read `{}`: {error}", path.display()))
}

/// Checks that a built `dist` holds every page and the files each loads.
pub fn check_all(dist: &Path) -> Result {
    PAGES.iter().try_for_each(|page| check(dist, page))
}

/// Checks that a built `dist` holds `entry` and the files it loads.
fn check(dist: &Path, entry: &EntryPage) -> Result {
    let page = dist.join(entry.file);
    let html = std::fs::read_to_string(&page).map_err(|error| {
        format!(
            "cannot read `{}` (is the post_build hook in Trunk.toml?): {error}",
            page.display()
        )
    })?;
    let (_, stem) =
        loader_glue(&html).ok_or_else(|| format!("`{}` has no loader", page.display()))?;
    let glue = format!("{stem}.js");
    if !glue.starts_with(entry.module.prefix) {
        return Err(format!(
            "`{}` loads `{glue}`, not its own wasm (`{}…`)",
            page.display(),
            entry.module.prefix
        ));
    }
    let wasm = format!("{stem}_bg.wasm");
    for file in [glue.as_str(), wasm.as_str()] {
        if !dist.join(file).is_file() {
            return Err(format!(
                "`{}` names `{file}`, which is missing",
                page.display()
            ));
        }
    }
    crate::csp::check(&page)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\" />\n    <title>Identity Pool Playground</title>\n    <style>body{}</style>\n<script type=\"module\">\nimport init, * as bindings from './playground-1.js';\nconst wasm = await init({ module_or_path: './playground-1_bg.wasm' });\n</script>\n  <link rel=\"modulepreload\" href=\"./playground-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-a\"><link rel=\"modulepreload\" href=\"./snippets/playground-2/src/page.js\" crossorigin=\"anonymous\" integrity=\"sha384-b\"><link rel=\"preload\" href=\"./playground-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-c\" as=\"fetch\" type=\"application/wasm\">\n    <meta name=\"idpool-api\" content=\"idpool-api-3.js\" />\n    <meta name=\"idpool-workshop\" content=\"idpool-workshop-4.js\" />\n    <meta name=\"idpool-review\" content=\"idpool-review-5.js\" />\n  </head>\n  <body></body>\n</html>";

    fn page() -> String {
        page_text(
            &WIDGET,
            INDEX,
            "idpool-embed-5",
            &[
                ("idpool-embed-5.js".to_owned(), "sha256-j".to_owned()),
                (
                    "idpool-embed-5-snippets/playground-2/src/page.js".to_owned(),
                    "sha256-s".to_owned(),
                ),
            ],
            "sha256-w",
        )
        .unwrap()
    }

    #[test]
    fn the_loader_starts_the_widgets_wasm_and_nothing_of_the_page() {
        let html = page();
        assert!(html.contains("import init, * as bindings from './idpool-embed-5.js';"));
        assert!(html.contains("init({ module_or_path: './idpool-embed-5_bg.wasm' })"));
        assert!(!html.contains("playground-1"), "{html}");
        assert!(
            !html.contains("sha384-"),
            "the page's preloads are gone: {html}"
        );
        assert!(!html.contains("idpool-workshop"));
        assert!(
            !html.contains("idpool-review"),
            "the widget never opens the Permissions panel"
        );
        assert!(html.contains("<meta name=\"idpool-api\" content=\"idpool-api-3.js\" />"));
        assert!(html.contains("<title>Identity Pool Playground example</title>"));
        assert!(html.contains("<style>body{}</style>"), "the styles stay");
    }

    #[test]
    fn the_widgets_files_are_preloaded_with_their_hashes() {
        let html = page();
        assert!(html.contains("<link rel=\"modulepreload\" href=\"./idpool-embed-5.js\" crossorigin=\"anonymous\" integrity=\"sha256-j\">"));
        assert!(html.contains("href=\"./idpool-embed-5-snippets/playground-2/src/page.js\" crossorigin=\"anonymous\" integrity=\"sha256-s\">"));
        assert!(html.contains("<link rel=\"preload\" href=\"./idpool-embed-5_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha256-w\" as=\"fetch\" type=\"application/wasm\">"));
        let head_end = html.find("</head>").unwrap();
        assert!(html.find("rel=\"preload\"").unwrap() < head_end);
    }

    #[test]
    fn the_early_wasm_step_takes_the_widgets_preload() {
        let html = crate::early_wasm::apply(&page(), &[]).unwrap();
        assert!(html.contains("fetch(\"./idpool-embed-5_bg.wasm\", { integrity: \"sha256-w\" })"));
    }

    #[test]
    fn under_an_absolute_public_url_the_files_keep_its_folder() {
        let index = INDEX
            .replace("'./", "'/tools/idpool/")
            .replace("\"./", "\"/tools/idpool/");
        let html = page_text(
            &WIDGET,
            &index,
            "idpool-embed-5",
            &[("idpool-embed-5.js".to_owned(), "sha256-j".to_owned())],
            "sha256-w",
        )
        .unwrap();
        assert!(html.contains("import init, * as bindings from '/tools/idpool/idpool-embed-5.js';"));
        assert!(html.contains("init({ module_or_path: '/tools/idpool/idpool-embed-5_bg.wasm' })"));
        assert!(
            html.contains("<link rel=\"modulepreload\" href=\"/tools/idpool/idpool-embed-5.js\"")
        );
        assert!(
            html.contains("<link rel=\"preload\" href=\"/tools/idpool/idpool-embed-5_bg.wasm\"")
        );
        assert!(!html.contains("playground-1"), "{html}");
    }

    #[test]
    fn a_page_without_a_loader_is_an_error() {
        assert!(page_text(
            &WIDGET,
            "<html><head></head></html>",
            "idpool-embed-5",
            &[],
            "x"
        )
        .is_err());
    }

    #[test]
    fn the_workshop_page_keeps_both_modules_metas() {
        let html = page_text(&WORKSHOP, INDEX, "idpool-learner-6", &[], "sha256-w").unwrap();
        assert!(html.contains("<title>Identity Pool Playground workshop</title>"));
        assert!(html.contains("<meta name=\"idpool-workshop\" content=\"idpool-workshop-4.js\" />"));
        assert!(html.contains("<meta name=\"idpool-api\" content=\"idpool-api-3.js\" />"));
        assert!(html.contains("import init, * as bindings from './idpool-learner-6.js';"));
    }

    #[test]
    fn no_two_files_share_a_prefix() {
        let prefixes: Vec<&str> = lazy_api::MODULES
            .iter()
            .map(|m| m.prefix)
            .chain(PAGES.iter().map(|p| p.module.prefix))
            .collect();
        for a in &prefixes {
            for b in &prefixes {
                assert!(a == b || !a.starts_with(b), "{a} starts with {b}");
            }
        }
    }
}
