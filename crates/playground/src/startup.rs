//! Where the first scenario comes from: a share link in the URL fragment, else the
//! autosaved work, else the default example. Every failure becomes a notice and the page
//! still starts with a usable scenario.

use crate::examples;
use crate::share;
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
}

fn default_doc(notices: &mut Vec<String>) -> ScenarioDoc {
    let text = examples::text(examples::DEFAULT_ID)
        .or_else(|| examples::EMBEDDED.first().map(|(_, t)| *t))
        .unwrap_or("{}");
    ScenarioDoc::from_json(text).unwrap_or_else(|e| {
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
        })
        .map_err(|e| e.message)
}

/// Decides the first scenario in the browser.
pub fn start() -> Start {
    let mut notices = Vec::new();
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    match share::decode_fragment(&hash) {
        Ok(Some(json)) => match from_text(&json, &notices) {
            Ok(start) => return start,
            Err(e) => notices.push(format!("the shared scenario could not be read: {e}")),
        },
        Ok(None) => {}
        Err(e) => notices.push(format!("{} ({})", e.message, e.help)),
    }
    if notices.is_empty() {
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

/// Puts the share link for `scenario_json` in the address bar and on the clipboard.
/// Returns the notice to show.
pub fn share(scenario_json: &str) -> String {
    match share::encode_fragment(scenario_json) {
        Ok(fragment) => {
            let window = gloo::utils::window();
            let location = window.location();
            let _ = location.set_hash(&fragment);
            let url = location.href().unwrap_or_default();
            copy_to_clipboard(&window.navigator(), &url);
            format!(
                "share link ready ({} characters): it is in the address bar and was copied",
                url.len()
            )
        }
        Err(e) => format!("{} ({})", e.message, e.help),
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
