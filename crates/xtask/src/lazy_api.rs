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
//!
//! The same step builds the workshop panel's module (crate `workshop-panel`,
//! `idpool-workshop-<hash>.js` named in `<meta name="idpool-workshop">`), which the page
//! loads only in workshop mode, and the second module (crate `review-panel`,
//! `idpool-review-<hash>.js` named in `<meta name="idpool-review">`: the Permissions panel,
//! the pool column, the dialogs and the share link's encoder), which the page loads right
//! after the first decision. [`MODULES`] lists the three.

use std::path::{Path, PathBuf};

use crate::install::write;
use crate::process::{find_on_path, Result};
use crate::project::Project;
use crate::sha256;

/// One lazily loaded module of the page.
pub struct Module {
    /// The cargo package (a `cdylib`, or the playground's widget binary).
    pub krate: &'static str,
    /// The wasm file cargo writes for it.
    pub wasm: &'static str,
    /// Every file of the module starts with this; the size report tells them apart by it.
    pub prefix: &'static str,
    /// The `<meta>` naming the module's JavaScript file, read by the page; none for the
    /// widget page's wasm, which `embed.html` loads itself.
    pub meta: Option<&'static str>,
    /// What it is, for messages.
    pub about: &'static str,
    /// Also write a module Worker script answering the API off the page's thread
    /// (`<name>-worker.js`, see [`worker_script`]).
    pub worker: bool,
}

/// The API module: import, export and the Permissions panel, on first use.
pub const API: Module = Module {
    krate: "idpool-js",
    wasm: "idpool_js.wasm",
    prefix: "idpool-api-",
    meta: Some("idpool-api"),
    about: "lazy API module",
    worker: true,
};

/// Workshop mode's panel, loaded only in workshop mode.
pub const WORKSHOP: Module = Module {
    krate: "workshop-panel",
    wasm: "workshop_panel.wasm",
    prefix: "idpool-workshop-",
    meta: Some("idpool-workshop"),
    about: "workshop module",
    worker: false,
};

/// The second module: what the full page and the workshop page draw below the first
/// decision (the Permissions panel, the pool column, the dialogs) and the share link's
/// encoder, loaded right after the first decision.
pub const REVIEW: Module = Module {
    krate: "review-panel",
    wasm: "review_panel.wasm",
    prefix: "idpool-review-",
    meta: Some("idpool-review"),
    about: "second module",
    worker: false,
};

/// The widget page's wasm (`embed.html`, see [`crate::pages`]): the playground's `embed`
/// binary, embed mode without the full page's panels. Built like a module, but loaded by a
/// page of its own rather than by the playground.
pub const EMBED: Module = Module {
    krate: "playground",
    wasm: "embed.wasm",
    prefix: "idpool-embed-",
    meta: None,
    about: "widget page's wasm",
    worker: false,
};

/// Workshop mode's page's wasm (`workshop.html`, see [`crate::pages`]): the playground's
/// `workshop` binary, the playground with the workshop panel's host and bridge, which the
/// full page's wasm leaves out. Named for the learner who loads it: `idpool-workshop-` is
/// the panel's module, and every file is told apart by its prefix.
pub const LEARNER: Module = Module {
    krate: "playground",
    wasm: "workshop.wasm",
    prefix: "idpool-learner-",
    meta: None,
    about: "workshop page's wasm",
    worker: false,
};

/// Every lazily loaded module, in the order they are built.
pub const MODULES: [&Module; 3] = [&API, &WORKSHOP, &REVIEW];

/// The name wasm-bindgen gives the module's files (`module.js`, `module_bg.wasm`).
const OUT_NAME: &str = "module";

/// Builds every module of [`MODULES`] into `dir` and names each in `dir/index.html`.
pub fn run_all(project: &Project, dir: &Path) -> Result {
    for module in MODULES {
        run(project, dir, module)?;
    }
    Ok(())
}

/// Builds `module` (reusing the last one when the compiled wasm did not change), writes its
/// files into `dir` and names them in `dir/index.html`. Returns the JS file's name.
pub fn run(project: &Project, dir: &Path, module: &Module) -> Result<String> {
    let js = write_files(project, dir, module)?;
    if let Some(meta) = module.meta {
        let index = dir.join("index.html");
        let html = std::fs::read_to_string(&index)
            .map_err(|error| format!("cannot read `{}`: {error}", index.display()))?;
        write(&index, &with_meta(&html, meta, &js)?)?;
    }
    Ok(js)
}

/// Builds `module` (reusing the last one when the compiled wasm did not change) and writes
/// its files into `dir` under a content hash. Returns the JS file's name.
pub fn write_files(project: &Project, dir: &Path, module: &Module) -> Result<String> {
    let wasm = crate::js_package::compile_crate(project, module.krate, module.wasm)?;
    let built = optimized(project, &wasm)?;
    let js = std::fs::read(built.join(format!("{OUT_NAME}.js")))
        .map_err(|error| format!("cannot read the module's JS: {error}"))?;
    let bg = std::fs::read(built.join(format!("{OUT_NAME}_bg.wasm")))
        .map_err(|error| format!("cannot read the module's wasm: {error}"))?;
    let snippets = snippets(&built.join("snippets"))?;
    let mut all = js.clone();
    all.extend_from_slice(&bg);
    for (path, text) in &snippets {
        all.extend_from_slice(path.as_bytes());
        all.extend_from_slice(text);
    }
    let name = format!("{}{}", module.prefix, hex(&sha256::digest(&all)));
    remove_old(dir, module.prefix)?;
    // The glue imports its inline JS from `./snippets/…`, a folder Trunk also writes for the
    // page: the module's go to a folder of its own, named like its files.
    let js = String::from_utf8_lossy(&js).replace("./snippets/", &format!("./{name}-snippets/"));
    copy(js.as_bytes(), &dir.join(format!("{name}.js")))?;
    copy(&bg, &dir.join(format!("{name}_bg.wasm")))?;
    for (path, text) in &snippets {
        let to = dir.join(format!("{name}-snippets")).join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("cannot create `{}`: {error}", parent.display()))?;
        }
        copy(text, &to)?;
    }
    if module.worker {
        copy(
            worker_script(&name).as_bytes(),
            &dir.join(format!("{name}{WORKER_SUFFIX}")),
        )?;
    }
    println!(
        "{}: {name}.js ({} B), {name}_bg.wasm ({} B) and {} snippet(s) in {}",
        module.about,
        js.len(),
        bg.len(),
        snippets.len(),
        dir.display()
    );
    Ok(format!("{name}.js"))
}

/// How a module's worker script is named after its glue (`idpool-api-<hash>.js` →
/// `idpool-api-<hash>-worker.js`): the page finds it from the glue's name, so it needs no
/// `<meta>` of its own, and it is counted and replaced with the module's files.
pub const WORKER_SUFFIX: &str = "-worker.js";

/// The module Worker that answers the API off the page's thread (issue 15: the
/// every-identity comparison and the coach): it imports the same glue, starts the same wasm,
/// and answers each message `[id, request]` (the API's JSON text) with `[id, answer]`, or
/// `[id, null, why]` when the module cannot start or failed, so the page falls back to its
/// own copy (answers are in the order asked: one module answers one request at a time).
/// A same-origin file, so the page's Content-Security-Policy needs nothing new
/// (`worker-src` falls back to `script-src 'self'`); a `blob:` worker would.
pub fn worker_script(name: &str) -> String {
    format!(
        "// The API module's worker (written by `cargo xtask post-build`): answers the page's\n\
         // requests, posted as the API's JSON text, off its thread.\n\
         import init, {{ answerJson }} from './{name}.js';\n\
         const ready = init({{ module_or_path: new URL('./{name}_bg.wasm', import.meta.url) }});\n\
         onmessage = ({{ data: [id, request] }}) => ready.then(() => answerJson(request)).then(\n  \
         (answer) => postMessage([id, answer]),\n  \
         (e) => postMessage([id, null, String(e)]),\n\
         );\n"
    )
}

/// Every file under `dir` (wasm-bindgen's inline JS snippets), by path relative to it.
pub fn snippets(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut found = Vec::new();
    if !dir.is_dir() {
        return Ok(found);
    }
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|error| format!("cannot list `{}`: {error}", folder.display()))?;
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path)
                    .map_err(|error| format!("cannot read `{}`: {error}", path.display()))?;
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                found.push((relative.to_string_lossy().replace('\\', "/"), bytes));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// wasm-bindgen's `--target web` output for `wasm`, shrunk by `wasm-opt -Oz`: from the cache
/// under `target/` when this exact wasm was processed before (wasm-opt alone takes most of a
/// minute, and Trunk runs this hook on every rebuild).
fn optimized(project: &Project, wasm: &Path) -> Result<PathBuf> {
    let bytes = std::fs::read(wasm)
        .map_err(|error| format!("cannot read `{}`: {error}", wasm.display()))?;
    let cache = project
        .scratch()
        .join("lazy-modules")
        .join(hex(&sha256::digest(&bytes)));
    let done = cache.join("done");
    if done.is_file() {
        return Ok(cache);
    }
    let _ = std::fs::remove_dir_all(&cache);
    crate::js_package::bindgen_named(wasm, "web", &cache, OUT_NAME)?;
    let bg = cache.join(format!("{OUT_NAME}_bg.wasm"));
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
fn remove_old(dir: &Path, prefix: &str) -> Result {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot list `{}`: {error}", dir.display()))?;
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            let path = entry.path();
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
        }
    }
    Ok(())
}

/// The meta element `meta` naming a module's glue.
fn meta_element(meta: &str, file: &str) -> String {
    format!("<meta name=\"{meta}\" content=\"{file}\" />")
}

/// `html` with the meta `meta` naming `file` (replacing an earlier one) at the end of `<head>`.
pub fn with_meta(html: &str, meta: &str, file: &str) -> Result<String> {
    let start_tag = format!("<meta name=\"{meta}\"");
    let html = crate::csp::remove_element(html, &start_tag);
    let head_end = html.find("</head>").ok_or("the page has no </head>")?;
    let (before, after) = html.split_at(head_end);
    Ok(format!(
        "{}\n    {}\n  {after}",
        before.trim_end(),
        meta_element(meta, file)
    ))
}

/// Checks that a built `dist` names every lazy module and holds both files of each.
pub fn check(dist: &Path) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read `{}`: {error}", index.display()))?;
    MODULES
        .iter()
        .try_for_each(|module| check_module(dist, &index, &html, module))
}

fn check_module(dist: &Path, index: &Path, html: &str, module: &Module) -> Result {
    let js = module
        .meta
        .and_then(|meta| named_in(html, meta))
        .ok_or_else(|| {
            format!(
                "`{}` names no {} (is the post_build hook in Trunk.toml?)",
                index.display(),
                module.about
            )
        })?;
    let wasm = js.replace(".js", "_bg.wasm");
    let worker = js.replace(".js", WORKER_SUFFIX);
    let files = if module.worker {
        vec![&js, &wasm, &worker]
    } else {
        vec![&js, &wasm]
    };
    for file in files {
        if !dist.join(file).is_file() {
            return Err(format!(
                "`{}` names `{file}`, which is missing",
                index.display()
            ));
        }
    }
    Ok(())
}

/// The JS file the meta `meta` names in a built page, if any.
pub fn named_in(html: &str, meta: &str) -> Option<String> {
    let start = html.find(&format!("<meta name=\"{meta}\" content=\""))?;
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
        let once = with_meta(PAGE, API.meta.unwrap(), "idpool-api-00.js").unwrap();
        assert!(once.find("idpool-api-00.js").unwrap() < once.find("</head>").unwrap());
        let twice = with_meta(&once, API.meta.unwrap(), "idpool-api-11.js").unwrap();
        assert_eq!(twice.matches("<meta name=\"idpool-api\"").count(), 1);
        assert_eq!(
            named_in(&twice, API.meta.unwrap()).as_deref(),
            Some("idpool-api-11.js")
        );
        assert_eq!(
            with_meta(&twice, API.meta.unwrap(), "idpool-api-11.js").unwrap(),
            twice
        );
    }

    #[test]
    fn each_module_has_its_own_meta() {
        let api = with_meta(PAGE, API.meta.unwrap(), "idpool-api-00.js").unwrap();
        let both = with_meta(&api, WORKSHOP.meta.unwrap(), "idpool-workshop-11.js").unwrap();
        assert_eq!(
            named_in(&both, API.meta.unwrap()).as_deref(),
            Some("idpool-api-00.js")
        );
        assert_eq!(
            named_in(&both, WORKSHOP.meta.unwrap()).as_deref(),
            Some("idpool-workshop-11.js")
        );
    }

    #[test]
    fn the_worker_imports_the_module_next_to_it() {
        let script = worker_script("idpool-api-00");
        assert!(script.contains("import init, { answerJson } from './idpool-api-00.js';"));
        assert!(script.contains("new URL('./idpool-api-00_bg.wasm', import.meta.url)"));
        assert!(script.contains("answerJson(request)).then("));
        assert!(!script.contains("blob:"));
    }

    #[test]
    fn a_page_without_the_meta_names_no_module() {
        assert_eq!(named_in(PAGE, API.meta.unwrap()), None);
    }
}
