//! The page's dialogs (keyboard help, import, export as code) live in the second module
//! (crate `review-panel`), which the page loads right after the first decision: a dialog is
//! opened by a click, never before the page is drawn, so the first download carries none of
//! them (docs/bundle.md has the sizes).
//!
//! This is the page's side of the bridge (the plumbing is [`crate::lazy_panel`]'s). The page
//! keeps which dialog is open (its shortcuts open and close them) and tells the module
//! ([`OverlayInput`]); the dialogs ask the page to close, for the scenario's JSON, to load
//! what an import read, and to show a notice ([`OverlayEvent`]). The import's reading runs
//! in the module, next to its dialog (`hooks::use_import`). The dialogs are the page
//! library's components, so there is one of each; the module's side is
//! `review_panel::overlays`.

use serde::{Deserialize, Serialize};
use yew::{AttrValue, Callback};

use crate::hooks::use_load::Load;
use crate::lazy_panel::PanelExport;
use crate::state::page::Overlay;
use crate::state::ScenarioDoc;

/// Where the dialogs come from: the second module's `mount_overlays` export.
pub const EXPORT: PanelExport = PanelExport {
    meta: crate::review_module::META,
    export: "mount_overlays",
};

/// What the dialogs show: the start message, and each update.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OverlayInput {
    /// The dialog open, if any.
    pub open: Overlay,
}

/// What the dialogs ask of the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OverlayEvent {
    /// Close the dialog.
    Close,
    /// The current scenario's JSON (the answer).
    Scenario,
    /// Replace the scenario with this one, which an import read (undo brings the previous
    /// back); the Changes view compares with it from now on, under `baseline`.
    Load {
        /// The imported scenario's JSON.
        scenario: String,
        /// The baseline's label (`the imported scenario`).
        baseline: String,
    },
    /// Show this notice.
    Notify(String),
}

/// The page's end of the bridge.
pub struct PageSide {
    /// Closes the dialog.
    pub close: Callback<()>,
    /// Writes the current scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// Replaces the scenario (with one step of Undo).
    pub load: Callback<Load>,
    /// Shows a notice.
    pub notify: Callback<String>,
}

impl PageSide {
    /// The page's answer to the dialogs' message `json` (an unreadable one is ignored): the
    /// scenario's JSON for [`OverlayEvent::Scenario`], empty for the others.
    pub fn answer(&self, json: &str) -> String {
        match serde_json::from_str::<OverlayEvent>(json) {
            Ok(OverlayEvent::Scenario) => return self.scenario_json.emit(()),
            Ok(OverlayEvent::Close) => self.close.emit(()),
            Ok(OverlayEvent::Load { scenario, baseline }) => {
                match ScenarioDoc::from_json(&scenario) {
                    Ok(doc) => self.load.emit(Load {
                        doc,
                        what: "The import".to_owned(),
                        baseline,
                        // Not an example: the picker says "(edited scenario)".
                        example: AttrValue::default(),
                    }),
                    Err(e) => self.notify.emit(format!("import failed: {}", e.message)),
                }
            }
            Ok(OverlayEvent::Notify(text)) => self.notify.emit(text),
            Err(_) => {}
        }
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    fn page(log: &Rc<RefCell<Vec<String>>>) -> PageSide {
        let (closes, loads, notices) = (log.clone(), log.clone(), log.clone());
        PageSide {
            close: Callback::from(move |()| closes.borrow_mut().push("close".into())),
            scenario_json: Callback::from(|()| "{\"name\":\"s\"}".to_owned()),
            load: Callback::from(move |load: Load| {
                loads.borrow_mut().push(format!(
                    "load {} as {}: {}",
                    load.doc.name, load.baseline, load.what
                ));
            }),
            notify: Callback::from(move |text: String| notices.borrow_mut().push(text)),
        }
    }

    #[test]
    fn the_dialogs_messages_close_load_notify_and_read_the_scenario() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let page = page(&log);
        let send = |event: OverlayEvent| page.answer(&serde_json::to_string(&event).unwrap());
        assert_eq!(send(OverlayEvent::Scenario), "{\"name\":\"s\"}");
        assert_eq!(send(OverlayEvent::Close), "");
        let mut doc = ScenarioDoc::from_json(crate::examples::DEFAULT_TEXT).unwrap();
        doc.name = "imported".into();
        send(OverlayEvent::Load {
            scenario: doc.to_json(),
            baseline: "the imported scenario".into(),
        });
        send(OverlayEvent::Load {
            scenario: "[]".into(),
            baseline: "the imported scenario".into(),
        });
        send(OverlayEvent::Notify("imported a role".into()));
        let log = log.borrow();
        assert_eq!(log[0], "close");
        assert_eq!(log[1], "load imported as the imported scenario: The import");
        assert!(log[2].starts_with("import failed: "), "{}", log[2]);
        assert_eq!(log[3], "imported a role");
    }

    #[test]
    fn an_unreadable_message_is_ignored_and_the_input_reads_back() {
        let log = Rc::new(RefCell::new(Vec::new()));
        assert_eq!(page(&log).answer("{\"Import\":1}"), "");
        assert_eq!(page(&log).answer("not json"), "");
        assert!(log.borrow().is_empty());
        let input = OverlayInput {
            open: Overlay::Import,
        };
        let json = serde_json::to_string(&input).unwrap();
        assert_eq!(serde_json::from_str::<OverlayInput>(&json).unwrap(), input);
    }
}
