//! The page's Content-Security-Policy, written into the built `index.html` as a `<meta>`.
//!
//! A static host cannot be relied on to send headers, so the policy travels in the page.
//! Trunk's loader is an inline `<script type="module">` whose text changes with every
//! build (it names the hashed wasm and JS files), so the policy allows it by its SHA-256
//! rather than by `'unsafe-inline'`. Trunk runs `cargo xtask csp` as a `post_build` hook
//! (see `Trunk.toml`), so `trunk build`, `cargo xtask serve` and `cargo xtask test` all
//! ship the same policy.

use std::path::{Path, PathBuf};

use crate::process::Result;
use crate::sha256;

/// The directives besides `script-src` and `style-src`, which get the inline scripts' and
/// style elements' hashes.
///
/// - `script-src 'self'` (in [`policy`]): the page's scripts, including the lazily loaded API
///   module's glue, which the page fetches by a dynamic `import()` from its own folder.
/// - `'wasm-unsafe-eval'`: compiling the page's own wasm modules; nothing else is evaluated.
/// - `style-src 'self'` (in [`policy`]): the page's style sheets, which Trunk inlines as
///   `<style>` elements (`rel="inline"` in `index.html`, so the wasm's download does not share
///   HTTP/1.1's six connections with six style sheets) and the policy allows by their SHA-256;
///   the app sets no `style` attributes.
/// - `img-src 'self'`: the favicon (the style sheets use no images).
/// - `connect-src 'self'`: the wasm fetches, the workshop and catalog files (and Trunk's
///   autoreload socket under `serve`).
/// - `base-uri`, `form-action`: no `<base>` rewriting, no form posting anywhere.
const OTHER_DIRECTIVES: &[&str] = &[
    "default-src 'none'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
];

/// Marks the meta element so a second run replaces it instead of adding another.
const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// `cargo xtask csp [FILE]`: FILE, else `$TRUNK_STAGING_DIR/index.html` (inside a Trunk
/// hook), else `dist/index.html` of the repository.
pub fn run(args: &[String], dist: &Path) -> Result {
    let file = match args {
        [file] => PathBuf::from(file),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| dist.to_path_buf())
            .join("index.html"),
        _ => {
            return Err(format!(
                "unexpected arguments {args:?}; usage: cargo xtask csp [FILE]"
            ))
        }
    };
    let html = std::fs::read_to_string(&file)
        .map_err(|error| format!("cannot read `{}`: {error}", file.display()))?;
    let (with_policy, policy) = apply(&html)?;
    std::fs::write(&file, with_policy)
        .map_err(|error| format!("cannot write `{}`: {error}", file.display()))?;
    println!("csp: {} <- {policy}", file.display());
    Ok(())
}

/// Checks that a built page carries a policy (the build stage calls it).
pub fn check(file: &Path) -> Result {
    let html = std::fs::read_to_string(file)
        .map_err(|error| format!("cannot read `{}`: {error}", file.display()))?;
    let (_, policy) = apply(&html)?;
    match html.contains(&meta(&policy)) {
        true => Ok(()),
        false => Err(format!(
            "`{}` lacks the Content-Security-Policy for its scripts (is the Trunk post_build hook in Trunk.toml?)",
            file.display()
        )),
    }
}

/// The page with its policy meta (replacing an earlier one), and the policy text.
pub fn apply(html: &str) -> Result<(String, String)> {
    let html = remove_meta(html);
    let hash = |text: &&str| {
        format!(
            "'sha256-{}'",
            sha256::base64(&sha256::digest(text.as_bytes()))
        )
    };
    let scripts: Vec<String> = inline_elements(&html, "script").iter().map(hash).collect();
    let styles: Vec<String> = inline_elements(&html, "style").iter().map(hash).collect();
    let policy = policy(&scripts, &styles);
    // The policy only governs what follows it, so it goes first in <head>.
    let head = html
        .find("<head")
        .and_then(|start| html.get(start..)?.find('>').map(|end| start + end + 1))
        .ok_or("the page has no <head>")?;
    let (before, after) = html.split_at(head);
    Ok((format!("{before}\n    {}{after}", meta(&policy)), policy))
}

/// The policy text with `script_hashes` and `style_hashes` (`'sha256-…'` sources) allowed.
pub fn policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    let with = |base: &str, hashes: &[String]| {
        std::iter::once(base.to_owned())
            .chain(hashes.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut directives = vec![OTHER_DIRECTIVES
        .first()
        .copied()
        .unwrap_or_default()
        .to_owned()];
    directives.push(with("script-src 'self' 'wasm-unsafe-eval'", script_hashes));
    directives.push(with("style-src 'self'", style_hashes));
    directives.extend(OTHER_DIRECTIVES.iter().skip(1).map(|d| (*d).to_owned()));
    directives.join("; ")
}

fn meta(policy: &str) -> String {
    format!("{META_START} content=\"{policy}\" />")
}

fn remove_meta(html: &str) -> String {
    remove_element(html, META_START)
}

/// `html` without the self-closing element that starts with `start_tag` (and the blank
/// space before it), if there is one.
pub fn remove_element(html: &str, start_tag: &str) -> String {
    match html.find(start_tag) {
        Some(start) => {
            let end = html
                .get(start..)
                .and_then(|rest| rest.find("/>").map(|e| start + e + 2))
                .unwrap_or(html.len());
            let start = html.get(..start).map_or(start, |b| b.trim_end().len());
            format!(
                "{}{}",
                html.get(..start).unwrap_or(""),
                html.get(end..).unwrap_or("")
            )
        }
        None => html.to_owned(),
    }
}

/// The text of every `<TAG>` element without a `src` (inline scripts, style elements),
/// exactly as the browser hashes it.
fn inline_elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}"));
    let mut bodies = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        // A tag named inside an HTML comment is not an element.
        // Searched only before the tag, so a page without comments is read once, not once
        // per element.
        if let Some(comment) = rest.get(..start).and_then(|before| before.find("<!--")) {
            let after = rest.get(comment..).unwrap_or("");
            rest = after
                .find("-->")
                .map_or("", |end| after.get(end + 3..).unwrap_or(""));
            continue;
        }
        let Some(after_open) = rest.get(start..) else {
            break;
        };
        let Some(open_end) = after_open.find('>') else {
            break;
        };
        let open_tag = after_open.get(..open_end).unwrap_or("");
        let body_and_rest = after_open.get(open_end + 1..).unwrap_or("");
        let Some(end) = body_and_rest.find(&close) else {
            break;
        };
        if !has_src(open_tag) {
            bodies.push(body_and_rest.get(..end).unwrap_or(""));
        }
        rest = body_and_rest.get(end..).unwrap_or("");
    }
    bodies
}

fn has_src(open_tag: &str) -> bool {
    open_tag
        .split(|c: char| c.is_whitespace())
        .any(|attribute| attribute.starts_with("src="))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html><html><head>\n<meta charset=\"utf-8\">\n<!-- a <style> and a <script> named in a comment -->\n<style>body{color:red}</style>\n<script src=\"/a.js\"></script>\n<script type=\"module\">alert('Hello, world.');</script>\n</head><body></body></html>";

    #[test]
    fn hashes_inline_scripts_and_style_elements_and_puts_the_policy_first() {
        let (html, policy) = apply(PAGE).unwrap();
        assert_eq!(
            policy,
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='; style-src 'self' 'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"
        );
        let meta_at = html.find(META_START).unwrap();
        assert!(meta_at < html.find("<meta charset").unwrap());
        assert!(meta_at < html.find("<script").unwrap());
    }

    #[test]
    fn a_second_run_replaces_the_policy() {
        let (once, _) = apply(PAGE).unwrap();
        let (twice, _) = apply(&once).unwrap();
        assert_eq!(once, twice);
        assert_eq!(twice.matches(META_START).count(), 1);
    }

    #[test]
    fn a_page_without_head_is_an_error() {
        assert!(apply("<html><body></body></html>").is_err());
    }
}
