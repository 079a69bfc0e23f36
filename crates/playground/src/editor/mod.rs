//! The policy editor: a textarea over a highlighted copy of its text.

pub mod edit;
pub mod format;
pub mod highlight;
pub mod history;
pub mod text;
