//! The page's components, one per file.

pub mod app;
pub mod aws_error;
pub mod changes_view;
pub mod coach_view;
pub mod embed_app;
pub mod embed_result;
pub mod explorer;
pub mod export_code_dialog;
pub mod flow_steps;
pub mod header;
pub mod help_overlay;
pub mod import_dialog;
pub mod key_value_rows;
pub mod login_providers;
pub mod notice_bar;
pub mod pool_form;
pub mod pool_json;
pub mod request_result;
pub mod requests_panel;
pub mod results_panel;
pub mod review_panel;
pub mod rich_text;
pub mod role_card;
pub mod role_mappings;
pub mod roles_panel;
pub mod root;
pub mod scenario_about;
pub mod scenario_problems;
pub mod scope_down_choice;
pub mod session_view;
pub mod sign_in_bar;
pub mod signin_panel;
pub mod tag_maps;
pub mod token_paste;
pub mod token_times;
pub mod trust_breakdown;
pub mod undo_load;
pub mod unrestored;
pub mod workshop_host;

/// The policy editor every policy field uses.
pub use crate::editor::PolicyEditor;
