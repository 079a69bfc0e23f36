//! What the Changes view compares the scenario with: the scenario as it was loaded, or a
//! snapshot the user pinned.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::review_panel::Baseline;
use crate::state::Editor;

/// The baseline and the two ways to change it.
pub struct BaselineHandle {
    /// The current baseline.
    pub current: Rc<Baseline>,
    /// Replace it with (scenario JSON, what it is): a load does this.
    pub set: Callback<(String, String)>,
    /// Pin the editor's scenario as it is now, numbered "snapshot N".
    pub pin: Callback<()>,
}

/// The baseline, starting at the scenario `opened` gives ("the scenario as opened"); it is
/// called once, on the first render.
#[hook]
pub fn use_baseline<F>(opened: F, editor: &UseReducerHandle<Editor>) -> BaselineHandle
where
    F: FnOnce() -> String + 'static,
{
    let baseline = use_state(move || {
        Rc::new(Baseline {
            json: opened(),
            label: "the scenario as opened".to_owned(),
        })
    });
    let pins = use_mut_ref(|| 0u32);
    let set = {
        let baseline = baseline.clone();
        Callback::from(move |(json, label): (String, String)| {
            baseline.set(Rc::new(Baseline { json, label }));
        })
    };
    let pin = {
        let (editor, set) = (editor.clone(), set.clone());
        Callback::from(move |()| {
            let pinned = {
                let mut pins = pins.borrow_mut();
                *pins = pins.wrapping_add(1);
                *pins
            };
            let label = format!("snapshot {pinned} pinned from the editor");
            set.emit((editor.doc.to_json(), label));
        })
    };
    BaselineHandle {
        current: (*baseline).clone(),
        set,
        pin,
    }
}
