//! Replacing the whole scenario (an example picked, the new empty scenario, an import):
//! one path, so each of them keeps the replaced work for one step of Undo and resets the
//! Changes baseline and the picker the same way.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, Editor, ScenarioDoc};

/// One replacement of the scenario.
pub struct Load {
    /// The scenario loaded.
    pub doc: ScenarioDoc,
    /// What replaced the scenario, for the undo bar ("The example `x`").
    pub what: String,
    /// What the Changes view compares with from now on ("example `x` as loaded").
    pub baseline: String,
    /// The picker's selection afterwards: the example's id, or empty ("(edited scenario)").
    pub example: AttrValue,
}

/// Loading, and the one step back from the last load.
pub struct Loads {
    /// Replace the scenario.
    pub load: Callback<Load>,
    /// What the last load replaced, and what replaced it, until undone or kept.
    pub previous: Option<(AttrValue, Rc<ScenarioDoc>)>,
    /// Bring the replaced scenario back.
    pub undo: Callback<()>,
    /// Keep the loaded scenario (the undo bar goes away).
    pub keep: Callback<()>,
    /// In a workshop: bumped whenever the editor gets something other than the exercise, so
    /// the workshop panel stops judging and keeping it (the learner's version is safe).
    pub detached: u32,
}

/// The loader; `set_baseline` takes (scenario JSON, label), `selected` is the picker's value.
#[hook]
pub fn use_load(
    editor: &UseReducerHandle<Editor>,
    selected: &UseStateHandle<AttrValue>,
    set_baseline: &Callback<(String, String)>,
    in_workshop: bool,
) -> Loads {
    let previous = use_state(|| None::<(AttrValue, Rc<ScenarioDoc>)>);
    let detached = use_state(|| 0u32);
    let bump = {
        let detached = detached.clone();
        move || {
            if in_workshop {
                detached.set(detached.wrapping_add(1));
            }
        }
    };
    let load = {
        let (editor, selected, previous) = (editor.clone(), selected.clone(), previous.clone());
        let (set_baseline, bump) = (set_baseline.clone(), bump.clone());
        Callback::from(move |load: Load| {
            previous.set(Some((
                AttrValue::from(load.what),
                Rc::new(editor.doc.clone()),
            )));
            bump();
            set_baseline.emit((load.doc.to_json(), load.baseline));
            selected.set(load.example);
            editor.dispatch(Action::Load(Box::new(load.doc)));
        })
    };
    let undo = {
        let (editor, selected, previous) = (editor.clone(), selected.clone(), previous.clone());
        Callback::from(move |()| {
            if let Some((_, before)) = &*previous {
                bump();
                selected.set(AttrValue::default());
                editor.dispatch(Action::Load(Box::new((**before).clone())));
                previous.set(None);
            }
        })
    };
    let keep = {
        let previous = previous.clone();
        Callback::from(move |()| previous.set(None))
    };
    Loads {
        load,
        previous: (*previous).clone(),
        undo,
        keep,
        detached: *detached,
    }
}
