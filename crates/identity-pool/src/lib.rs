//! The Amazon Cognito identity pool, simulated on top of [`iam_policy`].
//!
//! The path of a scenario through this crate:
//! text → [`scenario::load_scenario`] (positioned diagnostics) → [`Scenario`]
//! → [`simulate`]: `GetId` (guest access, provider token checks) → the minted token
//! ([`token`], its `amr`) → [`role_selection`] → the role's trust policy ([`trust`], via the
//! engine) → the guest scope-down ([`scope_down`]) → the [`session`] → each request through
//! the engine → a [`Report`] with AWS's exact errors, explanations and fixes.
//!
//! [`api`] is the one serde request/answer API the CLI, the playground and the JavaScript
//! binding share; [`check`] verifies a scenario's `expect`s.

// `AwsError` travels by value through a handful of calls once per simulation; boxing it
// would add noise for no measurable gain.
#![allow(
    clippy::result_large_err,
    reason = "the error is a Diagnostic, returned by value on the cold path; boxing it would only add an allocation"
)]

pub mod api;
pub mod catalog_source;
pub mod check;
pub mod coach;
mod compiled;
#[cfg(test)]
mod corpus_support;
pub mod diff;
pub mod edit;
pub mod effective;
pub mod error;
pub mod exercise;
pub mod explain;
pub mod export;
mod flow;
pub mod import;
mod kms_default;
pub mod note;
pub mod placement;
pub mod provider;
mod readings;
pub mod report;
mod requests;
pub mod role_selection;
pub mod scenario;
pub mod scope_down;
pub mod session;
mod simulate;
pub mod token;
pub mod trust;
pub mod workspace;

pub use error::{AwsError, Step};
pub use note::{Confidence, Note};
pub use report::Report;
pub use scenario::{load_scenario, LoadedScenario, Scenario};
pub use simulate::{simulate, simulate_text, simulate_text_with, simulate_with, Explain};
