//! What a documentation author pastes: the link, an iframe tag, and the loader snippet
//! (`embed.js` turns each `<div data-idpool-embed>` into a sized iframe).

use crate::fragment::Fragment;

/// The three ways to use one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippets {
    /// The full playground, opened on the scenario.
    pub link: String,
    /// The embed as a plain iframe (fixed height; the loader sizes it instead).
    pub iframe: String,
    /// A marked element plus the loader script: sized to its content, several per page.
    pub loader: String,
}

/// The widget page, published next to the full page's `index.html`: embed mode with a
/// wasm of its own, smaller than the full page's (the playground's `src/bin/embed.rs`).
pub const WIDGET_PAGE: &str = "embed.html";

/// The default height of a plain iframe, in CSS pixels.
pub const IFRAME_HEIGHT: u32 = 420;

/// Builds the snippets for `fragment` on the playground published at `base` (a URL or path
/// ending in `/`; one is added when missing). The link drops the embed parameters; the iframe
/// and the loader keep them.
pub fn embed_snippets(base: &str, fragment: &Fragment) -> Snippets {
    let base = if base.ends_with('/') || base.is_empty() {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let full_page = Fragment {
        embed: None,
        readonly: false,
        id: None,
        theme: None,
        ..fragment.clone()
    };
    let embed = fragment.to_hash();
    let src = attribute(&format!("{base}{WIDGET_PAGE}{embed}"));
    Snippets {
        link: format!("{base}{}", full_page.to_hash()),
        iframe: format!(
            "<iframe src=\"{src}\" title=\"Identity Pool Playground example\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>"
        ),
        loader: format!(
            "<div data-idpool-embed=\"{}\"></div>\n<script src=\"{}embed.js\" defer></script>",
            attribute(&embed),
            attribute(&base)
        ),
    }
}

/// Escapes text for a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fragment::EmbedPart;

    #[test]
    fn the_link_is_the_full_page_and_the_embeds_keep_their_parts() {
        let fragment = Fragment {
            scenario: Some("1.xyz".to_owned()),
            embed: Some(Ok(vec![EmbedPart::Trust, EmbedPart::Result])),
            ..Fragment::default()
        };
        let s = embed_snippets("https://example.org/tools/idpool", &fragment);
        assert_eq!(s.link, "https://example.org/tools/idpool/#s=1.xyz");
        assert!(s.iframe.contains(
            "src=\"https://example.org/tools/idpool/embed.html#embed=trust,result&amp;s=1.xyz\""
        ));
        assert_eq!(
            s.loader,
            "<div data-idpool-embed=\"#embed=trust,result&amp;s=1.xyz\"></div>\n<script src=\"https://example.org/tools/idpool/embed.js\" defer></script>"
        );
    }
}
