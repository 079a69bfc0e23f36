//! The policy editor: a textarea over a highlighted copy of its text.

pub mod highlight;
