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
use yew::{function_component, html, AppHandle, AttrValue, Callback, Html};

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

/// How many event subtree ids the page's copy of Yew may use (it has one root and no portal
/// today): see [`step_past_page_subtree_ids`].
const PAGE_SUBTREES: u32 = 15;

/// Renders nothing: mounted on a detached element only to use up a subtree id.
#[function_component]
fn Spacer() -> Html {
    html! {}
}

/// Each copy of Yew numbers its event subtrees from 1 and brands the elements it listens on
/// with that number; the page's copy, listening on `<body>`, takes an event whose target is
/// branded with its own number as its own and looks the target's listener up in its own
/// registry (where the panel's listener ids name the page's unrelated listeners). So the
/// panel's root must not share a number with the page's: the first ones are used up here.
fn step_past_page_subtree_ids() {
    for _ in 0..PAGE_SUBTREES {
        if let Ok(detached) = gloo::utils::document().create_element("div") {
            yew::Renderer::<Spacer>::with_root(detached)
                .render()
                .destroy();
        }
    }
}

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
    let start: PanelStart = serde_json::from_str(start)
        .map_err(|e| JsValue::from_str(&format!("the panel's start is not readable: {e}")))?;
    let ask = Callback::from(move |event: PanelEvent| {
        serde_json::to_string(&event)
            .ok()
            .and_then(|json| {
                on_event
                    .call1(&JsValue::NULL, &JsValue::from_str(&json))
                    .ok()
            })
            .and_then(|answer| answer.as_string())
            .unwrap_or_default()
    });
    let props = WorkshopPanelProps {
        start: Rc::new(start),
        scenario: AttrValue::default(),
        revision: 0,
        count: 0,
        detached: 0,
        ask,
    };
    step_past_page_subtree_ids();
    let app = yew::Renderer::<WorkshopPanel>::with_root_and_props(host, props.clone()).render();
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
