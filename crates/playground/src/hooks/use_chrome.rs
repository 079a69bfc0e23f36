//! Everything around the scenario's panels: notices and dialogs, loading (examples, imports,
//! Undo), share, export, reset and the page-wide shortcuts, wired once for the `App`.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::use_autosave::use_autosave;
use super::use_example_pick::{use_example_pick, ExamplePick};
use super::use_export::use_export;
use super::use_load::{use_load, Loads};
use super::use_share::use_share;
use super::use_shortcuts::{use_shortcuts, Shortcut};
use crate::examples;
use crate::mode::WorkshopLink;
use crate::state::page::{Overlay, Page, PageAction};
use crate::state::Editor;

/// The page's chrome: its state and the callbacks the header, the notices and the dialogs take.
pub struct Chrome {
    /// The open overlay and the notices.
    pub page: UseReducerHandle<Page>,
    /// Changes the overlay or the notices.
    pub to_page: Callback<PageAction>,
    /// Show a notice.
    pub notify: Callback<String>,
    /// Loading and its one step of Undo.
    pub loads: Loads,
    /// The example picker.
    pub picker: ExamplePick,
    /// Copy the share link.
    pub share: Callback<()>,
    /// Download the scenario file.
    pub export: Callback<()>,
    /// Clear the saved work and load the default example.
    pub reset: Callback<()>,
}

impl Chrome {
    /// Open `which` (`Overlay::None` closes).
    pub fn open(&self, which: Overlay) -> Callback<()> {
        self.to_page.reform(move |()| PageAction::Open(which))
    }
}

/// Where the chrome's pieces come from.
pub struct ChromeInputs<'a> {
    /// The scenario being edited.
    pub editor: &'a UseReducerHandle<Editor>,
    /// The picker's value.
    pub selected: &'a UseStateHandle<AttrValue>,
    /// Sets the Changes view's baseline (scenario JSON, label).
    pub set_baseline: &'a Callback<(String, String)>,
    /// Evaluate now (Ctrl+Enter).
    pub evaluate_now: &'a Callback<()>,
    /// Evaluations so far (autosave follows them).
    pub evaluations: u32,
    /// The workshop the page is in, if any.
    pub workshop: Option<Rc<WorkshopLink>>,
    /// The exercise open in that workshop.
    pub exercise_open: &'a Rc<RefCell<Option<String>>>,
}

/// The chrome, starting with the notices startup produced.
#[hook]
pub fn use_chrome(first_notices: &[String], inputs: ChromeInputs<'_>) -> Chrome {
    let in_workshop = inputs.workshop.is_some();
    let page = {
        let notices = first_notices.to_vec();
        use_reducer(move || Page::with_notices(notices))
    };
    let to_page = {
        let page = page.dispatcher();
        Callback::from(move |action| page.dispatch(action))
    };
    let notify = to_page.reform(PageAction::Notify);
    let editor = inputs.editor;
    let loads = use_load(editor, inputs.selected, inputs.set_baseline, in_workshop);
    let picker = use_example_pick(&loads.load, &notify);
    let share = use_share(editor, inputs.workshop, inputs.exercise_open, &notify);
    let export = use_export(editor, &notify);
    use_autosave(editor, inputs.evaluations, !in_workshop, &notify);
    use_shortcuts(shortcuts(inputs.evaluate_now, &share, &export, &to_page));
    let reset = reset(in_workshop, &picker.pick, &notify);
    Chrome {
        page,
        to_page,
        notify,
        loads,
        picker,
        share,
        export,
        reset,
    }
}

/// What each page-wide shortcut does.
fn shortcuts(
    evaluate_now: &Callback<()>,
    share: &Callback<()>,
    export: &Callback<()>,
    to_page: &Callback<PageAction>,
) -> Callback<Shortcut> {
    let (evaluate_now, share, export) = (evaluate_now.clone(), share.clone(), export.clone());
    let to_page = to_page.clone();
    Callback::from(move |shortcut| match shortcut {
        Shortcut::EvaluateNow => evaluate_now.emit(()),
        Shortcut::Share => share.emit(()),
        Shortcut::Export => export.emit(()),
        Shortcut::Help => to_page.emit(PageAction::Toggle(Overlay::Help)),
        Shortcut::Close => to_page.emit(PageAction::Open(Overlay::None)),
    })
}

/// Reset: the playground's saved work cleared and the default example loaded; in a
/// workshop a notice instead, since the playground's saved work is not that page's to clear.
fn reset(in_workshop: bool, pick: &Callback<String>, notify: &Callback<String>) -> Callback<()> {
    let (pick, notify) = (pick.clone(), notify.clone());
    Callback::from(move |()| {
        if in_workshop {
            notify.emit(
                "in a workshop, Reset progress in the workshop panel starts over; the playground's saved work is left alone".to_owned(),
            );
        } else if crate::startup::reset_saved_work() {
            pick.emit(examples::DEFAULT_ID.to_owned());
            notify.emit("saved work cleared: the default example is loaded".to_owned());
        }
    })
}
