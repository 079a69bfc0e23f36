//! Hooks shared by the page's components.

pub mod use_catalog;
pub mod use_dialog_focus;
pub mod use_evaluation;
pub mod use_host;
pub mod use_shortcuts;
