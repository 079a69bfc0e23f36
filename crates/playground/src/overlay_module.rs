//! The page's dialogs (keyboard help, import, export as code) live in the second module
//! (crate `review-panel`), which the page loads right after the first decision: a dialog is
//! opened by a click, never before the page is drawn, so the first download carries none of
//! them (docs/bundle.md has the sizes).
//!
//! This is the page's side of the bridge (the plumbing is [`crate::lazy_panel`]'s). The page
//! keeps which dialog is open (its shortcuts open and close them) and the import's work (it
//! owns the scenario), and tells the module what to show ([`OverlayInput`]); the dialogs ask
//! the page to close, to import what the user gave, and for the scenario's JSON
//! ([`OverlayEvent`]). The dialogs are the page library's components, so there is one of
//! each; the module's side is `review_panel::overlays`.

use serde::{Deserialize, Serialize};
use yew::Callback;

use crate::backend::code::ImportAccountView;
use crate::lazy_panel::PanelExport;
use crate::state::import::{Input, Origin};
use crate::state::page::Overlay;

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
    /// The import is reading infrastructure code.
    #[serde(default)]
    pub busy: bool,
    /// What the last import of code took, left out and assumed.
    #[serde(default)]
    pub account: Option<ImportAccountView>,
}

/// What the dialogs ask of the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OverlayEvent {
    /// Close the dialog.
    Close,
    /// The current scenario's JSON (the answer), for export as code.
    Scenario,
    /// Import this: pasted (`file` is `None`) or read from the file `file`; the text, or why
    /// the file could not be read.
    Import {
        /// The file's name, for a file.
        file: Option<String>,
        /// The text, or why there is none.
        text: Result<String, String>,
    },
}

impl OverlayEvent {
    /// The message for an import the dialog hands over.
    pub fn import(input: Input) -> OverlayEvent {
        OverlayEvent::Import {
            file: match input.origin {
                Origin::Pasted => None,
                Origin::File(name) => Some(name),
            },
            text: input.text.map_err(|e| e.message),
        }
    }
}

/// The page's end of the bridge.
pub struct PageSide {
    /// Closes the dialog.
    pub close: Callback<()>,
    /// Imports what the user gave.
    pub import: Callback<Input>,
    /// Writes the current scenario's JSON.
    pub scenario_json: Callback<(), String>,
}

impl PageSide {
    /// The page's answer to the dialogs' message `json` (an unreadable one is ignored): the
    /// scenario's JSON for [`OverlayEvent::Scenario`], empty for the others.
    pub fn answer(&self, json: &str) -> String {
        match serde_json::from_str::<OverlayEvent>(json) {
            Ok(OverlayEvent::Scenario) => return self.scenario_json.emit(()),
            Ok(OverlayEvent::Close) => self.close.emit(()),
            Ok(OverlayEvent::Import { file, text }) => self.import.emit(Input {
                origin: file.map_or(Origin::Pasted, Origin::File),
                text: text.map_err(|message| crate::state::scenario::ReadError { message }),
            }),
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
    use crate::state::scenario::ReadError;

    fn page(log: &Rc<RefCell<Vec<String>>>) -> PageSide {
        let (closes, imports) = (log.clone(), log.clone());
        PageSide {
            close: Callback::from(move |()| closes.borrow_mut().push("close".into())),
            import: Callback::from(move |input: Input| {
                imports.borrow_mut().push(format!("{input:?}"));
            }),
            scenario_json: Callback::from(|()| "{\"name\":\"s\"}".to_owned()),
        }
    }

    #[test]
    fn the_dialogs_messages_close_import_and_read_the_scenario() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let page = page(&log);
        let send = |event: OverlayEvent| page.answer(&serde_json::to_string(&event).unwrap());
        assert_eq!(send(OverlayEvent::Scenario), "{\"name\":\"s\"}");
        assert_eq!(send(OverlayEvent::Close), "");
        let pasted = Input::pasted("{}".into());
        let file = Input {
            origin: Origin::File("roles.json".into()),
            text: Err(ReadError {
                message: "the file `roles.json` is not UTF-8 text".into(),
            }),
        };
        send(OverlayEvent::import(pasted.clone()));
        send(OverlayEvent::import(file.clone()));
        assert_eq!(
            *log.borrow(),
            vec![
                "close".to_owned(),
                format!("{pasted:?}"),
                format!("{file:?}")
            ]
        );
    }

    #[test]
    fn an_unreadable_message_is_ignored_and_the_input_reads_back() {
        let log = Rc::new(RefCell::new(Vec::new()));
        assert_eq!(page(&log).answer("{\"Load\":1}"), "");
        assert_eq!(page(&log).answer("not json"), "");
        assert!(log.borrow().is_empty());
        let input = OverlayInput {
            open: Overlay::Import,
            busy: true,
            account: Some(ImportAccountView {
                format: "CloudFormation template".into(),
                ..ImportAccountView::default()
            }),
        };
        let json = serde_json::to_string(&input).unwrap();
        assert_eq!(serde_json::from_str::<OverlayInput>(&json).unwrap(), input);
    }
}
