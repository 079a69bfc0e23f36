//! What the engine gains from the AWS action catalog (`aws-catalog`): checks that need to
//! know every real action ([`check_policy`]), the actions a wildcard covers
//! ([`expansions`]), and the context keys a request's action supports that the policies
//! read ([`context_keys`]).
//!
//! Layering: the engine depends on the catalog crate's *code* (a leaf with no dependencies)
//! and takes its *data* as an optional `&Catalog` wherever it can use one; nothing here runs
//! without it, so the engine works unchanged when no catalog is loaded (the playground
//! before its lazy fetch, the corpus files that do not ask for it).

mod check;
mod discovery;
mod expansion;

pub use aws_catalog::{AccessLevel, ActionRef, Catalog};
pub use check::check_policy;
pub use discovery::{context_keys, ContextKeys, KeyUse};
pub use expansion::{
    coverage_words, expand, expand_limited, expansions, name_coverage, ActionExpansion,
    LevelActions, LISTED,
};

#[cfg(test)]
mod tests;
