//! Picking an example (or the new empty scenario): from the page when it holds the example,
//! fetched next to the page otherwise, the picker showing which one is loading.

use yew::prelude::*;

use super::use_load::Load;
use crate::examples;
use crate::state::empty::{empty_scenario, NEW_ID};
use crate::state::ScenarioDoc;

/// The picker's state and its callback.
pub struct ExamplePick {
    /// The example being fetched, shown in the picker while it loads.
    pub fetching: Option<AttrValue>,
    /// Pick an example by id ([`NEW_ID`] for the new empty scenario).
    pub pick: Callback<String>,
}

/// The picker; `load` replaces the scenario, `notify` shows a notice.
#[hook]
pub fn use_example_pick(load: &Callback<Load>, notify: &Callback<String>) -> ExamplePick {
    let fetching = use_state(|| None::<AttrValue>);
    // A later pick wins over an earlier one still being fetched.
    let picks = use_mut_ref(|| 0u32);
    let pick = {
        let (load, notify, fetching) = (load.clone(), notify.clone(), fetching.clone());
        Callback::from(move |id: String| {
            let pick = {
                let mut picks = picks.borrow_mut();
                *picks = picks.wrapping_add(1);
                *picks
            };
            let now = if id == NEW_ID {
                Some(Ok(new_scenario()))
            } else {
                examples::text(&id).map(|text| read(id.clone(), &text))
            };
            if let Some(now) = now {
                fetching.set(None);
                match now {
                    Ok(loaded) => load.emit(loaded),
                    Err(notice) => notify.emit(notice),
                }
                return;
            }
            fetching.set(Some(AttrValue::from(id.clone())));
            let (load, notify, fetching) = (load.clone(), notify.clone(), fetching.clone());
            let picks = picks.clone();
            yew::platform::spawn_local(async move {
                let fetched = examples::fetch(&id).await;
                if *picks.borrow() != pick {
                    return;
                }
                fetching.set(None);
                match fetched.and_then(|text| read(id, &text)) {
                    Ok(loaded) => load.emit(loaded),
                    Err(notice) => notify.emit(notice),
                }
            });
        })
    };
    ExamplePick {
        fetching: (*fetching).clone(),
        pick,
    }
}

/// The new empty scenario: not an example, so the picker says "(edited scenario)".
fn new_scenario() -> Load {
    Load {
        doc: empty_scenario(),
        what: "The new empty scenario".to_owned(),
        baseline: "the new scenario as created".to_owned(),
        example: AttrValue::default(),
    }
}

/// Example `id` read from its text, or the notice saying why it could not be.
fn read(id: String, text: &str) -> Result<Load, String> {
    match ScenarioDoc::from_json(text) {
        Ok(doc) => Ok(Load {
            doc,
            what: format!("The example `{id}`"),
            baseline: format!("example `{id}` as loaded"),
            example: AttrValue::from(id),
        }),
        Err(e) => Err(format!("example `{id}` could not be read: {}", e.message)),
    }
}
