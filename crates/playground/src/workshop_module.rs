//! Workshop mode's panel lives in a wasm module of its own (crate `workshop-panel`), loaded
//! only in workshop mode: a visitor of the playground never downloads it (docs/bundle.md).
//! This is the page's side of the bridge: the two messages that cross it, as JSON, and the
//! calls that load the module, mount the panel into an element of the page and tell it what
//! changed. The panel's side is `workshop_panel::mount`.
//!
//! The panel renders inside the page (next to the results) and needs only a little of the
//! page: the learner's scenario as JSON text after each evaluation, the editor's revision,
//! the evaluation count and the "away" counter ([`PanelInput`]). It asks the page
//! ([`PanelEvent`], answered at once as JSON text) to load a scenario, to read a workshop
//! file and to judge the learner's scenario, and says which exercise is open. Reading and
//! judging stay in the page, which holds the simulation and `identity_pool::api` already:
//! a module doing them itself carried a second compiled copy of the scenario reader and the
//! simulation (measured: 323,561 B gzipped instead of the panel's own bytes; docs/bundle.md).

use identity_pool::exercise::WorkshopView;
use serde::{Deserialize, Serialize};

/// The `<meta>` naming the module's glue (written by `cargo xtask post-build`).
pub const META: &str = "idpool-workshop";

/// Fixed for the panel's life: which workshop and exercise the link names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PanelStart {
    /// The workshop id (its file is `workshops/<id>.json` next to the page).
    pub workshop: String,
    /// The exercise the link names.
    #[serde(default)]
    pub exercise: Option<String>,
    /// The scenario the link carried (a learner's shared version of that exercise).
    #[serde(default)]
    pub shared: Option<String>,
}

/// What changed in the page since the last message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PanelInput {
    /// The learner's scenario as JSON text, written after an evaluation; absent when it was
    /// not written again since the last message (a keystroke only bumps `revision`).
    #[serde(default)]
    pub scenario: Option<String>,
    /// The editor's revision (bumped by every edit).
    pub revision: u64,
    /// How many evaluations have run: the goals are judged after each.
    pub count: u32,
    /// Bumped whenever the page loads something other than the exercise (an example, an
    /// import, a new scenario): the panel then stops judging and keeping the editor's
    /// scenario until the learner goes back.
    pub detached: u32,
}

/// A workshop file read: the workshop, or its problems as `name:line:column message` lines.
pub type ReadAnswer = Result<WorkshopView, Vec<String>>;

/// Reads the workshop file `name` holding `text` (through `identity_pool::api`). The panel's
/// module calls it itself: the file is the panel's business, and the reader stays out of
/// the workshop page's first download (judging a scenario stays the page's, which holds
/// the simulation).
pub fn read(name: &str, text: &str) -> ReadAnswer {
    crate::backend::load_workshop(text).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| format!("{name}:{p}"))
            .collect()
    })
}

/// What the panel asks of the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PanelEvent {
    /// Load this scenario (JSON text) into the editor: an exercise opened, or its solution.
    Load(String),
    /// This exercise (its id) is open: the page's Share names it.
    Opened(String),
    /// Judge `scenario` against an exercise's goals; answered with a
    /// `identity_pool::exercise::GoalsVerdict`.
    Judge {
        /// The exercise's text (`ExerciseView::source`), as `identity_pool::api` takes it.
        source: String,
        /// The learner's scenario as JSON text.
        scenario: String,
    },
}

/// The page's answer to `event`, as JSON text (empty for the events that need none).
pub fn answer(event: PanelEvent, on_other: &dyn Fn(PanelEvent)) -> String {
    match event {
        PanelEvent::Judge { source, scenario } => {
            serde_json::to_string(&crate::backend::judge(&source, &scenario)).unwrap_or_default()
        }
        other => {
            on_other(other);
            String::new()
        }
    }
}

/// A mounted panel.
pub struct Mounted(crate::lazy_panel::Mounted);

/// Loads the module (once) and mounts the panel into `host`, which the page leaves to it;
/// reads and judgements are answered here ([`answer`]), `on_event` gets the other events.
/// The error says in one line why it failed.
pub async fn mount(
    host: &web_sys::Element,
    start: &PanelStart,
    on_event: impl Fn(PanelEvent) + 'static,
) -> Result<Mounted, String> {
    let start = serde_json::to_string(start).unwrap_or_default();
    let on_event = move |json: String| match serde_json::from_str::<PanelEvent>(&json) {
        Ok(event) => answer(event, &on_event),
        Err(_) => String::new(),
    };
    crate::lazy_panel::mount(
        crate::lazy_panel::PanelExport {
            meta: META,
            export: "mount",
        },
        "the workshop panel",
        host,
        &start,
        Box::new(on_event),
    )
    .await
    .map(Mounted)
}

impl Mounted {
    /// Tells the panel what changed.
    pub fn update(&self, input: &PanelInput) {
        self.0
            .update(&serde_json::to_string(input).unwrap_or_default());
    }
}
