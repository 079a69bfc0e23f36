//! Workshop mode's panel (docs/exercises.md), a wasm module of its own: the page loads it
//! only in workshop mode (`playground::workshop_module`), so a visitor of the playground
//! never downloads the goal checklist, the solution diff, the hints and the rest of the panel
//! (docs/bundle.md has the sizes).
//!
//! The page mounts the panel into an element of its results column with [`mount`] and tells
//! it what changed with [`Panel::update`] (`playground::workshop_module::PanelInput`, as
//! JSON); the panel asks the page to load a scenario or names the exercise open
//! (`PanelEvent`, as JSON, through a JS function), and has the page read workshop files and
//! judge goals (answered at once as JSON): the page holds `identity_pool::api` and the
//! simulation already, so the module carries only the panel (one implementation of every
//! format, one compiled copy of it).
//!
//! - [`state`]: what the panel shows, a reducer tested natively.
//! - [`panel`]: the root component and [`hooks`]: its effects (fetch, open, judge, save).
//! - one component per file for each part of the panel.

use std::rc::Rc;

use playground::workshop_module::{PanelEvent, PanelInput, PanelStart};
use wasm_bindgen::prelude::*;
use yew::{AppHandle, AttrValue};

pub mod away_notice;
pub mod exercise_actions;
pub mod exercise_done;
pub mod exercise_list;
pub mod file_picker;
pub mod goal_checklist;
pub mod hint_list;
pub mod hooks;
pub mod instructor;
pub mod line_diff;
pub mod open;
pub mod panel;
pub mod problem_list;
pub mod progress_line;
pub mod shared_note;
pub mod solution_diff;
pub mod state;

use panel::{WorkshopPanel, WorkshopPanelProps};

/// The mounted panel, as the page holds it.
#[wasm_bindgen]
pub struct Panel {
    app: AppHandle<WorkshopPanel>,
    props: WorkshopPanelProps,
}

/// Mounts the panel into `host` for the workshop `start` names
/// (`playground::workshop_module::PanelStart` as JSON); `on_event` is called with each
/// `PanelEvent` as JSON text and returns the page's answer (JSON text).
#[wasm_bindgen]
pub fn mount(
    host: web_sys::Element,
    start: &str,
    on_event: js_sys::Function,
) -> Result<Panel, JsValue> {
    let start: PanelStart = playground::lazy_panel::read_start(start)?;
    let ask = playground::lazy_panel::asker::<PanelEvent>(on_event);
    let props = WorkshopPanelProps {
        start: Rc::new(start),
        scenario: AttrValue::default(),
        revision: 0,
        count: 0,
        detached: 0,
        ask,
    };
    // Slot 0: see `playground::lazy_panel::step_past_subtree_ids`.
    let app = playground::lazy_panel::render::<WorkshopPanel>(host, props.clone(), 0);
    Ok(Panel { app, props })
}

#[wasm_bindgen]
impl Panel {
    /// Tells the panel what changed in the page (`PanelInput` as JSON; an unreadable message
    /// is ignored).
    pub fn update(&mut self, input: &str) {
        let Ok(input) = serde_json::from_str::<PanelInput>(input) else {
            return;
        };
        if let Some(scenario) = input.scenario {
            self.props.scenario = AttrValue::from(scenario);
        }
        self.props.revision = input.revision;
        self.props.count = input.count;
        self.props.detached = input.detached;
        self.app.update(self.props.clone());
    }
}
