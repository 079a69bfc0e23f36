//! Each page keeps only the style sheets it draws with. Trunk inlines every sheet of
//! `index.html` as a `<style>` element, and the other pages are written from it
//! ([`crate::pages`]); a sheet that only some pages use says which in its first line,
//! `/* pages: embed */` (the names are [`FULL_PAGE`] and each page's fragment parameter,
//! `embed` and `workshop`), and is dropped from the others. A sheet without that line is
//! every page's. The Content-Security-Policy is written afterwards, from the styles kept.

/// The full page's name in a sheet's `pages:` line.
pub const FULL_PAGE: &str = "playground";

/// The marker a page-specific sheet starts with.
const MARKER: &str = "/* pages: ";

/// `html` without the `<style>` elements whose sheet names pages other than `page` only.
pub fn keep_for(html: &str, page: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<style>") {
        let body_at = start + "<style>".len();
        let Some(end) = rest.get(body_at..).and_then(|b| b.find("</style>")) else {
            break;
        };
        let element_end = body_at + end + "</style>".len();
        let body = rest.get(body_at..body_at + end).unwrap_or("");
        out.push_str(rest.get(..start).unwrap_or(""));
        if is_for(body, page) {
            out.push_str(rest.get(start..element_end).unwrap_or(""));
        } else {
            // The line the element stood on goes with it.
            let trimmed = out.trim_end_matches([' ', '\t']).len();
            out.truncate(trimmed);
            if out.ends_with('\n') {
                out.pop();
            }
        }
        rest = rest.get(element_end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Whether a sheet (`body`) is `page`'s: it names no pages, or names that one.
fn is_for(body: &str, page: &str) -> bool {
    let Some(list) = body
        .strip_prefix(MARKER)
        .and_then(|rest| rest.split_once("*/"))
        .map(|(list, _)| list)
    else {
        return true;
    };
    list.split(',').any(|name| name.trim() == page)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = "<head>\n    <style>/* Base */ body{}</style>\n    <style>/* pages: embed */ .embed{}</style>\n    <style>/* pages: playground, workshop */ .review{}</style>\n</head>";

    #[test]
    fn a_page_keeps_the_shared_sheets_and_its_own() {
        let full = keep_for(HTML, FULL_PAGE);
        assert!(
            full.contains("body{}") && full.contains(".review{}"),
            "{full}"
        );
        assert!(!full.contains(".embed{}"), "{full}");
        let widget = keep_for(HTML, "embed");
        assert!(
            widget.contains("body{}") && widget.contains(".embed{}"),
            "{widget}"
        );
        assert!(!widget.contains(".review{}"), "{widget}");
        let workshop = keep_for(HTML, "workshop");
        assert!(workshop.contains(".review{}") && !workshop.contains(".embed{}"));
    }

    #[test]
    fn nothing_else_of_the_page_changes() {
        let kept = keep_for(HTML, "embed");
        assert_eq!(
            kept,
            "<head>\n    <style>/* Base */ body{}</style>\n    <style>/* pages: embed */ .embed{}</style>\n</head>"
        );
        assert_eq!(keep_for("<p>no styles</p>", "embed"), "<p>no styles</p>");
        // An element that does not end is left as it is.
        assert_eq!(
            keep_for("<style>/* pages: x */", "embed"),
            "<style>/* pages: x */"
        );
    }

    #[test]
    fn the_shipped_sheets_say_which_pages_they_are_for() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/styles");
        let first_line = |name: &str| {
            std::fs::read_to_string(root.join(name))
                .expect("the sheet exists")
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(first_line("embed.css"), "/* pages: embed */");
        assert_eq!(first_line("workshop.css"), "/* pages: workshop */");
        assert_eq!(
            first_line("review.css"),
            "/* pages: playground, workshop */"
        );
    }
}
