//! The IAM policy language, with no knowledge of Cognito or the browser.
//!
//! The path of a policy through this crate:
//! text → [`parse_policy`] (positions kept, [`Diagnostic`]s collected) → [`Policy`]
//! → [`CompiledPolicy::compile`] (patterns, variables and key lookups prepared once)
//! → [`evaluate`] against many [`Request`]s → [`Evaluation`] (a [`Decision`] with its
//! [`Explanation`]). [`decide`] is the same decision without the explanation, for hot loops.
//!
//! [`api`] holds the serde request/answer types that the CLI, the playground and the
//! JavaScript binding share, so all three give the same answers.

pub mod api;
mod arn;
pub mod catalog;
mod compile;
pub mod condition;
pub mod date;
mod decision;
mod diagnostic;
mod evaluate;
mod explain;
pub mod format;
mod index;
pub mod json;
mod keys;
mod pattern;
mod policy;
mod principal;
mod request;
mod statement;
mod validate;

pub use compile::{CompiledPolicy, PolicySource};
pub use decision::{Decision, Verdict};
pub use diagnostic::{
    cap_per_code, locate_all, locate_all_at, position_of, Diagnostic, LineIndex, Origin, Position,
    Severity, Span, MAX_PER_CODE, MORE_CODE,
};
pub use evaluate::{decide, decide_with_layer, evaluate, OrgLevel, PolicySet};
pub use explain::{
    Blocker, ConditionExplanation, ElementMatch, Evaluation, Explanation, Layer, LayerResult,
    MatchedEntry, Rule, StatementExplanation, StatementRef, Unevaluated,
};
pub use format::format_policy;
pub use policy::{
    parse_policy, ConditionBlock, ConditionEntry, Effect, NameList, Parsed, Policy, PolicyKind,
    PolicyVersion, PrincipalElement, Spanned, Statement,
};
pub use request::{Context, ContextValue, KeyName, Request, RequestPrincipal, MAX_CONTEXT_VALUES};

/// Whether `text` matches `pattern` with IAM's `*`/`?` wildcards (case-sensitive, no policy
/// variables): the matcher `Resource` elements use, for callers that check a resource
/// against a pattern outside a policy (for example a workshop goal).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let template = pattern::Template::compile(pattern, true, false);
    template.matches(text, &Context::default(), false) == pattern::Matched::Yes
}

/// The engine's version, shown by the playground and the CLI.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
