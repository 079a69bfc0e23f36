//! Where the first scenario comes from: a share link in the URL fragment, else the
//! autosaved work, else the default example. Every failure becomes a notice and the page
//! still starts with a usable scenario.

use share_link::Fragment;

use crate::examples;
use crate::share;
use crate::share_module::Around;
use crate::state::ScenarioDoc;
use crate::storage::{browser, SavedState};

/// The first scenario, the id of the example it is (empty when it is not one), and notices.
pub struct Start {
    /// The scenario to edit.
    pub doc: ScenarioDoc,
    /// The example id, when the scenario is an unmodified example.
    pub example: String,
    /// Notices to show.
    pub notices: Vec<String>,
    /// The scenario came from a share link (`s=`) in the URL.
    pub shared: bool,
}

fn default_doc(notices: &mut Vec<String>) -> ScenarioDoc {
    ScenarioDoc::from_json(examples::DEFAULT_TEXT).unwrap_or_else(|e| {
        notices.push(format!(
            "the default example could not be read: {}",
            e.message
        ));
        ScenarioDoc::default()
    })
}

/// A start from scenario text that is not an example.
fn from_text(json: &str, notices: &[String]) -> Result<Start, String> {
    ScenarioDoc::from_json(json)
        .map(|doc| Start {
            doc,
            example: String::new(),
            notices: notices.to_vec(),
            shared: false,
        })
        .map_err(|e| e.message)
}

/// A start from the example `id` of a `#example=<id>` link (the page fetched it before
/// starting: `components::root`), or the notice saying why it could not be opened.
pub fn example_start(id: &str) -> Result<Start, String> {
    let text = examples::text(id).ok_or_else(|| {
        let why = examples::failure(id).unwrap_or_else(|| examples::unknown(id));
        format!("{why}; the default example was loaded (pick it in the list to try again)")
    })?;
    let doc = ScenarioDoc::from_json(&text)
        .map_err(|e| format!("the example `{id}` could not be read: {}", e.message))?;
    Ok(Start {
        doc,
        example: id.to_owned(),
        notices: Vec::new(),
        shared: false,
    })
}

/// Decides the first scenario in the browser: a share link, else an example link
/// (`#example=<id>`), else the autosaved work (only when `restore_saved`: an embedded
/// widget or a workshop never reads the playground's autosave), else the default example.
/// With `link_notices`, notices about the link's other parameters (`mode_of`'s: a workshop
/// id that cannot name a file) come first; unlike a link's scenario that could not be read,
/// they do not keep the autosave from being restored.
pub fn start(restore_saved: bool, link_notices: bool) -> Start {
    let start = start_from_link(restore_saved);
    if !link_notices {
        return start;
    }
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let (_, _, mut notices) = crate::mode::mode_of(&share_link::Fragment::parse(&hash));
    notices.extend(start.notices);
    Start { notices, ..start }
}

/// [`start`] without the link's other notices.
fn start_from_link(restore_saved: bool) -> Start {
    let mut notices = Vec::new();
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    match share::decode_fragment(&hash) {
        Ok(Some(json)) => match from_text(&json, &notices) {
            Ok(start) => {
                return Start {
                    shared: true,
                    ..start
                }
            }
            Err(e) => notices.push(format!("the shared scenario could not be read: {e}")),
        },
        Ok(None) => {}
        Err(e) => notices.push(format!("{} ({})", e.message, e.help)),
    }
    let fragment = Fragment::parse(&hash);
    if let Some(id) = &fragment.example {
        match example_start(id) {
            Ok(start) => return start,
            Err(notice) => notices.push(notice),
        }
    }
    if restore_saved && notices.is_empty() {
        match browser::load() {
            SavedState::Restored { scenario, .. } => match from_text(&scenario, &notices) {
                Ok(start) => return start,
                Err(e) => notices.push(format!(
                    "the saved scenario could not be read and the default example was loaded: {e}"
                )),
            },
            SavedState::Discarded(reason) => {
                notices.push(format!("{} ({})", reason.message, reason.help));
            }
            SavedState::Nothing => {}
        }
    }
    Start {
        doc: default_doc(&mut notices),
        example: examples::DEFAULT_ID.to_string(),
        notices,
        shared: false,
    }
}

/// After the user confirms, forgets the autosaved scenario and any share link in the
/// address bar (so a reload starts from the default example too). Returns whether the
/// user confirmed; the caller then loads the default example.
pub fn reset_saved_work() -> bool {
    let confirmed = gloo::dialogs::confirm(
        "Reset to the default example? The work saved in this browser is discarded \
         (use Export first to keep it).",
    );
    if confirmed {
        browser::clear();
        let location = gloo::utils::window().location();
        if location.hash().is_ok_and(|hash| !hash.is_empty()) {
            let _ = location.set_hash("");
        }
    }
    confirmed
}

/// What a share link holds, for its notice: in a workshop the link keeps the recipient in
/// the workshop, at the learner's exercise with their version (where the recipient has no
/// version of that exercise yet, it opens as theirs).
pub fn share_what(around: &Around) -> String {
    match (&around.workshop, &around.exercise) {
        (None, _) => "share link ready".to_owned(),
        (Some(_), Some(id)) => format!("workshop link with your version of exercise `{id}` ready"),
        (Some(_), None) => "workshop link with your version ready".to_owned(),
    }
}

/// Puts an encoded link (`share_module`) in the address bar and on the clipboard; the
/// notice says `what`, or why the link could not be made.
pub fn publish(encoded: Result<String, String>, what: &str) -> String {
    match encoded {
        Ok(fragment) => {
            let window = gloo::utils::window();
            let location = window.location();
            let _ = location.set_hash(&fragment);
            let url = location.href().unwrap_or_default();
            copy_to_clipboard(&window.navigator(), &url);
            format!(
                "{what} ({} characters): it is in the address bar and was copied",
                url.len()
            )
        }
        Err(reason) => reason,
    }
}

/// Best effort: the clipboard API is missing outside secure contexts and may refuse.
fn copy_to_clipboard(navigator: &web_sys::Navigator, text: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let present = js_sys::Reflect::get(navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return;
    }
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = navigator.clipboard().write_text(text).catch(&ignore);
    // One tiny closure per share click; it must outlive the promise.
    ignore.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_link_opens_that_example_once_fetched() {
        let id = "token-preferred-role";
        assert!(
            example_start(id).is_err(),
            "not in the page before it is fetched"
        );
        let (_, text) = examples::EMBEDDED.iter().find(|(k, _)| *k == id).unwrap();
        examples::remember(id, (*text).into());
        let start = example_start(id).unwrap();
        assert_eq!(start.example, "token-preferred-role");
        assert!(start.notices.is_empty());
    }

    #[test]
    fn an_unknown_example_is_a_notice_naming_it() {
        let Err(notice) = example_start("no-such-example") else {
            panic!("an unknown id must not open");
        };
        assert!(
            notice.starts_with("there is no example `no-such-example`"),
            "{notice}"
        );
    }
}
