//! The Permissions panel (effective permissions, Changes, coach) lives in the second wasm
//! module (crate `review-panel`, with the pool column and the dialogs, loaded right after the
//! first decision): the page mounts it when the user opens one of the panel's tabs, or in
//! the background once an edit makes the scenario differ from its baseline, the same moments
//! it loads the API module and the AWS action catalog the panel reads (docs/bundle.md has
//! the sizes).
//!
//! This is the page's side of the bridge (the plumbing is [`crate::lazy_panel`]'s): the
//! three messages that cross it, as JSON, and the page's answers. The panel needs little of
//! the page: how many evaluations have run and the baseline ([`ReviewInput`]), the scenario's
//! JSON when it computes ([`ReviewEvent::Scenario`], answered at once), and the four edits it
//! makes ([`ReviewEvent`]: pin a baseline, add a request, dismiss a finding, apply a fix),
//! and the caret it moves into the page's editors (a finding's "show").
//! The panel's side is `review_panel::mount`.

use serde::{Deserialize, Serialize};
use yew::Callback;

use crate::components::review_panel::{Baseline, ReviewTab};
use crate::lazy_panel::PanelExport;
use crate::state::Action;

/// The `<meta>` naming the module's glue (written by `cargo xtask post-build`).
pub const META: &str = "idpool-review";

/// How the panel starts: what made the page load it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewStart {
    /// The tab the user opened, if that is what loaded it.
    #[serde(default)]
    pub tab: Option<ReviewTab>,
    /// The scenario already differs from the baseline (the panel compares at once).
    #[serde(default)]
    pub edited: bool,
}

/// What changed in the page since the last message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewInput {
    /// How many evaluations have run (each may change what the panel shows).
    pub count: u32,
    /// The baseline, when it changed since the last message.
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// A tab the user clicked in the page's stand-in while the module loaded.
    #[serde(default)]
    pub opened: Option<ReviewTab>,
}

/// What the panel asks of the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewEvent {
    /// The current scenario's JSON (the answer).
    Scenario,
    /// Make the current scenario the baseline.
    Pin,
    /// Add a request for `action` on `resource` (the explorer's "ask").
    AddRequestFor(String, String),
    /// Replace the policy in editor `ROLE:POLICY` with a coach fix the user accepted.
    ApplyFix(String, String),
    /// Keep a coach finding's id in `dismissedFindings`.
    DismissFinding(String),
    /// Put the caret on statement `index` (the first when `None`) of the policy editor
    /// `ROLE:POLICY` (a coach finding's "show"): the editors are the page's.
    JumpTo(String, Option<usize>),
}

impl ReviewEvent {
    /// The message for an edit the panel's components dispatch; `None` for an action the
    /// panel never makes.
    pub fn for_action(action: Action) -> Option<ReviewEvent> {
        match action {
            Action::AddRequestFor(action, resource) => {
                Some(ReviewEvent::AddRequestFor(action, resource))
            }
            Action::ApplyFix(editor, after) => Some(ReviewEvent::ApplyFix(editor, after)),
            Action::DismissFinding(id) => Some(ReviewEvent::DismissFinding(id)),
            _ => None,
        }
    }
}

/// The page's end of the bridge: what it hands the panel's messages to.
pub struct PageSide {
    /// Writes the current scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// Pins the current scenario as the baseline.
    pub pin: Callback<()>,
    /// The scenario store.
    pub dispatch: Callback<Action>,
}

impl PageSide {
    /// The page's answer to the panel's message `json` (an unreadable one is ignored): the
    /// scenario's JSON for [`ReviewEvent::Scenario`], empty for the others.
    pub fn answer(&self, json: &str) -> String {
        match serde_json::from_str::<ReviewEvent>(json) {
            Ok(ReviewEvent::Scenario) => return self.scenario_json.emit(()),
            Ok(ReviewEvent::Pin) => self.pin.emit(()),
            Ok(ReviewEvent::JumpTo(policy, index)) => crate::dom::jump_to(&policy, index),
            Ok(ReviewEvent::AddRequestFor(action, resource)) => {
                self.dispatch.emit(Action::AddRequestFor(action, resource));
            }
            Ok(ReviewEvent::ApplyFix(editor, after)) => {
                self.dispatch.emit(Action::ApplyFix(editor, after));
            }
            Ok(ReviewEvent::DismissFinding(id)) => self.dispatch.emit(Action::DismissFinding(id)),
            Err(_) => {}
        }
        String::new()
    }
}

/// A mounted panel.
pub struct Mounted(crate::lazy_panel::Mounted);

/// Loads the module (once) and mounts the panel into `host`, which the page leaves to it;
/// `page` answers the panel's messages. The error says in one line why it failed.
pub async fn mount(
    host: &web_sys::Element,
    start: &ReviewStart,
    page: PageSide,
) -> Result<Mounted, String> {
    let start = serde_json::to_string(start).unwrap_or_default();
    crate::lazy_panel::mount(
        PanelExport {
            meta: META,
            export: "mount",
        },
        // The sentence starts the panel's failure line (`review_tabs::failed_status`).
        "The Permissions panel",
        host,
        &start,
        Box::new(move |json: String| page.answer(&json)),
    )
    .await
    .map(Mounted)
}

impl Mounted {
    /// Tells the panel what changed.
    pub fn update(&self, input: &ReviewInput) {
        self.0
            .update(&serde_json::to_string(input).unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    #[test]
    fn the_panels_edits_cross_as_messages_and_come_back_as_the_same_actions() {
        let applied = Rc::new(RefCell::new(Vec::new()));
        let pins = Rc::new(RefCell::new(0));
        let page = PageSide {
            scenario_json: Callback::from(|()| "{\"name\":\"s\"}".to_owned()),
            pin: {
                let pins = pins.clone();
                Callback::from(move |()| *pins.borrow_mut() += 1)
            },
            dispatch: {
                let applied = applied.clone();
                Callback::from(move |a: Action| applied.borrow_mut().push(a))
            },
        };
        let made = vec![
            Action::AddRequestFor("s3:GetObject".into(), "arn:aws:s3:::b/*".into()),
            Action::ApplyFix("Cognito_Auth:trust".into(), "{}".into()),
            Action::DismissFinding("f1".into()),
        ];
        for action in made.clone() {
            let event = ReviewEvent::for_action(action).expect("the panel makes this edit");
            let json = serde_json::to_string(&event).expect("serializes");
            assert_eq!(page.answer(&json), "");
        }
        assert_eq!(*applied.borrow(), made);
        let ask = serde_json::to_string(&ReviewEvent::Scenario).expect("serializes");
        assert_eq!(page.answer(&ask), "{\"name\":\"s\"}");
        page.answer(&serde_json::to_string(&ReviewEvent::Pin).expect("serializes"));
        assert_eq!(*pins.borrow(), 1);
    }

    #[test]
    fn an_unreadable_message_or_an_edit_the_panel_never_makes_is_ignored() {
        let page = PageSide {
            scenario_json: Callback::from(|()| "x".to_owned()),
            pin: Callback::noop(),
            dispatch: Callback::from(|_: Action| panic!("nothing is dispatched")),
        };
        assert_eq!(page.answer("{\"Load\":1}"), "");
        assert_eq!(page.answer("not json"), "");
        assert_eq!(ReviewEvent::for_action(Action::SetName("n".into())), None);
    }
}
