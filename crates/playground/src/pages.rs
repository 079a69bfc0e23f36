//! The build's three pages, one per audience, each with a wasm of its own: the playground
//! (`index.html`, served as the folder), the documentation widget (`embed.html`) and
//! workshop mode (`workshop.html`). A link reaches the page its fragment asks for: each page
//! sends a link meant for another to it, fragment kept (the full page from its first inline
//! script, before its wasm is fetched; see `cargo xtask`'s `early_wasm`). Plain string
//! work on the page's `href`, tested natively.

use crate::mode::Mode;

/// The widget page's file, next to the full page (`share_link::snippet::WIDGET_PAGE`).
pub const WIDGET_PAGE: &str = share_link::snippet::WIDGET_PAGE;

/// Workshop mode's page, next to the full page.
pub const WORKSHOP_PAGE: &str = "workshop.html";

/// One of the build's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The playground: the folder itself.
    Full,
    /// The documentation widget.
    Widget,
    /// Workshop mode.
    Workshop,
}

impl Page {
    /// The page a mode is shown on.
    pub fn of(mode: &Mode) -> Page {
        match mode {
            Mode::Full => Page::Full,
            Mode::Embed(_) => Page::Widget,
            Mode::Workshop(_) => Page::Workshop,
        }
    }

    /// Its file name after the folder (none for the full page: the folder serves it).
    pub fn file(self) -> &'static str {
        match self {
            Page::Full => "",
            Page::Widget => WIDGET_PAGE,
            Page::Workshop => WORKSHOP_PAGE,
        }
    }

    /// This page next to the page at `href`, with the same fragment.
    pub fn url(self, href: &str) -> String {
        format!("{}{}{}", folder_of(href), self.file(), fragment_of(href))
    }

    /// What it is, for the line shown while the browser leaves for it.
    pub fn name(self) -> &'static str {
        match self {
            Page::Full => "the playground",
            Page::Widget => "the widget",
            Page::Workshop => "the workshop",
        }
    }
}

/// `href` up to its last `/` before any query or fragment: the folder the pages are
/// published in, which serves the full page.
pub fn folder_of(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = href.get(..end).unwrap_or(href);
    path.rfind('/')
        .and_then(|slash| href.get(..=slash))
        .unwrap_or(path)
}

/// The fragment of `href` with its `#`, or nothing.
fn fragment_of(href: &str) -> &str {
    href.find('#').and_then(|at| href.get(at..)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_is_next_to_the_page_at_href_with_the_same_fragment() {
        let href = "https://example.org/tools/idpool/#embed=result&id=w1";
        assert_eq!(
            Page::Widget.url(href),
            "https://example.org/tools/idpool/embed.html#embed=result&id=w1"
        );
        assert_eq!(
            Page::Workshop.url("https://example.org/tools/idpool/index.html#workshop=iam-roles"),
            "https://example.org/tools/idpool/workshop.html#workshop=iam-roles"
        );
        assert_eq!(
            Page::Full.url("https://example.org/tools/idpool/embed.html#s=1.abc"),
            "https://example.org/tools/idpool/#s=1.abc"
        );
        assert_eq!(
            Page::Full.url("https://example.org/tools/idpool/workshop.html"),
            "https://example.org/tools/idpool/"
        );
    }

    #[test]
    fn a_query_is_dropped_and_a_slash_in_the_fragment_is_not_the_folder() {
        assert_eq!(
            Page::Widget.url("http://127.0.0.1:8080/index.html?x=1#embed=trust"),
            "http://127.0.0.1:8080/embed.html#embed=trust"
        );
        assert_eq!(
            Page::Widget.url("https://example.org/a/b#c/d"),
            "https://example.org/a/embed.html#c/d"
        );
    }
}
