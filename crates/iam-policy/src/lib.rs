//! The IAM policy language, with no knowledge of Cognito or the browser.
//!
//! The path of a policy through this crate:
//! text → [`parse_policy`] (positions kept, [`Diagnostic`]s collected) → [`Policy`]
//! → [`CompiledPolicy::compile`] (patterns, variables and key lookups prepared once)
//! → [`evaluate`] against many [`Request`]s → [`Evaluation`] (a [`Decision`] with its
//! [`Explanation`]).
//!
//! [`api`] holds the serde request/answer types that the CLI, the playground and the
//! JavaScript binding share, so all three give the same answers.

pub mod api;
mod decision;
mod diagnostic;
mod request;

pub use decision::Decision;
pub use diagnostic::{Diagnostic, Position, Severity, Span};
pub use request::{Context, ContextValue, Request, RequestPrincipal};
