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
//! (Tab, Shift+Tab, Enter), [`history`] (undo/redo), [`text`] (UTF-16, byte and
//! line/column positions, the caret across a reformat). Format uses the engine's formatter
//! (`identity_pool::api::format_json`), and [`jump_to`] moves the caret for "jump to
//! statement" links ([`select`] also marks a range).

mod component;
pub mod edit;
pub mod highlight;
pub mod history;
pub mod layout;
pub mod text;
mod view;

pub use component::{jump_to, select, PolicyEditor, PolicyEditorProps};
