//! Hooks shared by the page's components.

pub mod use_action_hover;
pub mod use_autosave;
pub mod use_baseline;
pub mod use_catalog;
pub mod use_chrome;
pub mod use_dialog_focus;
pub mod use_dispatch;
pub mod use_edited;
pub mod use_evaluation;
pub mod use_example_pick;
pub mod use_export;
pub mod use_host;
pub mod use_import;
pub mod use_load;
pub mod use_panel_mount;
pub mod use_ready_mark;
pub mod use_share;
pub mod use_shortcuts;
pub mod use_start;
