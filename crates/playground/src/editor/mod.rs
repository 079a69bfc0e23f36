//! The policy editor: a textarea over a highlighted copy of its text.
//!
//! The shell renders one [`PolicyEditor`] per policy:
//! ```ignore
//! html! {
//!     <PolicyEditor policy_id="Guest:ReadPicture" label="Guest: access policy ReadPicture"
//!         value={text} on_change={on_change} diagnostics={Arc::new(diagnostics)} />
//! }
//! ```
//! `on_change` receives the full text after every edit; store it at once and debounce the
//! evaluation. Everything the component does is built from the pure modules below, which
//! are tested natively: [`highlight`] (tokens), [`layout`] (lines, underlines), [`edit`]
//! (Tab, Shift+Tab, Enter), [`keys`] (what each key does), [`history`] (undo/redo),
//! [`text`] (UTF-16, byte and line/column positions, the caret across a reformat), and
//! [`large`] (a document past [`large::LARGE_FROM_LINES`] lines opens read-only, showing
//! only the lines around the view, with a notice offering "Edit anyway"). Format uses the engine's formatter
//! (`identity_pool::api::format_json`), and [`jump_to`] moves the caret for "jump to
//! statement" links ([`select`] also marks a range).

pub mod action_at;
mod caret;
mod code_box;
mod component;
mod diagnostic_list;
pub mod edit;
mod editing;
pub mod highlight;
pub mod history;
pub mod keys;
pub mod large;
mod large_notice;
pub mod layout;
pub mod text;
mod toolbar;
mod view;

pub use caret::{jump_to, select};
pub use component::{PolicyEditor, PolicyEditorProps};
