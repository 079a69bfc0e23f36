//! The example library. `build.rs` writes the picker's list and embeds the default example
//! (the first decision needs it); every other example is fetched on first use from
//! `examples/<id>.json` next to the page, relative to the document's base URL (so a copy
//! of `dist/` under any sub-path works), and kept for the page's life.

use std::cell::RefCell;
use std::rc::Rc;

/// One entry of the example picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExampleInfo {
    /// The file stem, used as the picker's option value and in `#example=<id>` links.
    pub id: &'static str,
    /// The label shown.
    pub title: &'static str,
    /// The group it is listed under (empty: none).
    pub category: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// The example the page opens with when there is no share link and no saved work.
pub const DEFAULT_ID: &str = "guest-reads-public-picture";

thread_local! {
    /// The examples fetched so far, by id.
    static FETCHED: RefCell<Vec<(String, Rc<str>)>> = const { RefCell::new(Vec::new()) };
    /// The reason the last fetch of an example failed, by id (cleared by a success).
    static FAILED: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Whether `id` is in the library.
pub fn known(id: &str) -> bool {
    LIST.iter().any(|e| e.id == id)
}

/// The scenario text of example `id` when the page has it already: the default example,
/// or one fetched before. `None`: it must be fetched ([`fetch`]), or it is unknown.
pub fn text(id: &str) -> Option<Rc<str>> {
    if id == DEFAULT_ID {
        return Some(Rc::from(DEFAULT_TEXT));
    }
    FETCHED.with(|f| {
        f.borrow()
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, t)| t.clone())
    })
}

/// Keeps the text of example `id` for the page's life.
pub fn remember(id: &str, text: Rc<str>) {
    FETCHED.with(|f| f.borrow_mut().push((id.to_owned(), text)));
}

/// Why the last fetch of example `id` failed, when it did.
pub fn failure(id: &str) -> Option<String> {
    FAILED.with(|f| {
        f.borrow()
            .as_ref()
            .filter(|(k, _)| k == id)
            .map(|(_, why)| why.clone())
    })
}

/// Where example `id` is, relative to the page.
pub fn url(id: &str) -> String {
    format!("examples/{id}.json")
}

/// The notice for an id the library does not have.
pub fn unknown(id: &str) -> String {
    format!("there is no example `{id}` in this playground (the link may come from a newer one)")
}

/// The text of example `id`: the page's copy, else fetched (once: a fetched example is kept;
/// a failed fetch is not, so the next try fetches again). Errors are one-line reasons.
pub async fn fetch(id: &str) -> Result<Rc<str>, String> {
    if let Some(text) = text(id) {
        return Ok(text);
    }
    if !known(id) {
        return Err(unknown(id));
    }
    let body: Rc<str> = match crate::net::fetch_text(&url(id)).await {
        Ok(body) => body.into(),
        Err(why) => {
            let why = format!("the example `{id}` could not be loaded: {why}");
            FAILED.with(|f| *f.borrow_mut() = Some((id.to_owned(), why.clone())));
            return Err(why);
        }
    };
    FAILED.with(|f| *f.borrow_mut() = None);
    // Two fetches of the same example may overlap (a link and a pick): keep one copy.
    if text(id).is_none() {
        remember(id, body.clone());
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_every_example_once_with_the_default_first() {
        assert_eq!(LIST.len(), EMBEDDED.len());
        assert_eq!(LIST.first().map(|e| e.id), Some(DEFAULT_ID));
        assert!(LIST.iter().all(|e| !e.title.is_empty()));
        for (id, _) in EMBEDDED {
            assert_eq!(LIST.iter().filter(|e| e.id == *id).count(), 1, "{id}");
        }
    }

    #[test]
    fn only_the_default_is_in_the_page_until_another_is_fetched() {
        let default = EMBEDDED.iter().find(|(id, _)| *id == DEFAULT_ID).unwrap();
        assert_eq!(text(DEFAULT_ID).as_deref(), Some(default.1));
        assert!(known("token-preferred-role"));
        assert!(text("token-preferred-role").is_none());
        assert_eq!(
            url("token-preferred-role"),
            "examples/token-preferred-role.json"
        );
        assert!(!known("no-such-example"));
    }
}
