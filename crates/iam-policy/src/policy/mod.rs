//! The policy document as the user wrote it, with positions: the AST that [`parse_policy`]
//! produces and [`crate::CompiledPolicy::compile`] consumes.

mod parse;
mod shift;

pub use parse::parse_policy;

use crate::{Diagnostic, Span};
use serde::{Deserialize, Serialize};

/// Which place a policy document sits in; validation depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PolicyKind {
    /// An identity-based policy (inline or managed) attached to a user, group or role.
    Identity,
    /// A resource-based policy (bucket policy, queue policy, ...).
    Resource,
    /// A role's trust policy (`AssumeRolePolicyDocument`).
    Trust,
    /// A session policy passed to `AssumeRole*`.
    Session,
    /// A permissions boundary.
    PermissionsBoundary,
    /// An AWS Organizations service control policy.
    ServiceControl,
    /// An AWS Organizations resource control policy: `Principal` is always `"*"`.
    ResourceControl,
    /// A VPC endpoint policy: like a resource-based policy, it names principals.
    VpcEndpoint,
}

impl PolicyKind {
    /// Every kind, in declaration order: for tools that try a document in each place.
    pub const ALL: [PolicyKind; 8] = [
        PolicyKind::Identity,
        PolicyKind::Resource,
        PolicyKind::Trust,
        PolicyKind::Session,
        PolicyKind::PermissionsBoundary,
        PolicyKind::ServiceControl,
        PolicyKind::ResourceControl,
        PolicyKind::VpcEndpoint,
    ];
}

/// A value with the span of its source text (the one `Spanned` of the project: the
/// simulation's scenario model uses it too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `value` with `span`.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// The policy language version, which decides whether `${...}` is a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PolicyVersion {
    /// `"2012-10-17"`: policy variables are substituted.
    V2012_10_17,
    /// `"2008-10-17"`: `${...}` is literal text.
    V2008_10_17,
    /// No `Version` element: treated like 2008-10-17.
    Absent,
}

impl PolicyVersion {
    /// Whether `${...}` is substituted.
    pub fn substitutes_variables(self) -> bool {
        self == Self::V2012_10_17
    }
}

/// A parsed policy document.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// The kind it was read as.
    pub kind: PolicyKind,
    /// The language version.
    pub version: PolicyVersion,
    /// The `Id` element.
    pub id: Option<Spanned<String>>,
    /// The statements in order.
    pub statements: Vec<Statement>,
    /// The whole document.
    pub span: Span,
}

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Effect {
    /// Grants.
    Allow,
    /// Denies, overriding any allow.
    Deny,
}

/// A string-or-array element (`Action`, `NotAction`, `Resource`, `NotResource`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameList {
    /// Whether it was the `Not...` form.
    pub negated: bool,
    /// The entries.
    pub values: Vec<Spanned<String>>,
    /// The span of the element's key.
    pub key_span: Span,
}

/// A `Principal` or `NotPrincipal` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipalElement {
    /// Whether it was `NotPrincipal`.
    pub negated: bool,
    /// `"*"` as a bare string: everyone.
    pub any: bool,
    /// `{"AWS": ..., "Federated": ..., ...}` entries: (type, values).
    pub entries: Vec<(Spanned<String>, Vec<Spanned<String>>)>,
    /// The span of the element's key.
    pub key_span: Span,
}

/// One `"Operator": { "key": values }` block of a `Condition`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionBlock {
    /// The operator as written, e.g. `ForAnyValue:StringLike`.
    pub operator: Spanned<String>,
    /// Its keys, each with one or more values (numbers and booleans as their text).
    pub entries: Vec<ConditionEntry>,
}

/// One key of a condition block with its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionEntry {
    /// The condition key as written.
    pub key: Spanned<String>,
    /// The values; several are ORed.
    pub values: Vec<Spanned<String>>,
}

/// One statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Position in the `Statement` array (0-based).
    pub index: usize,
    /// The `Sid`.
    pub sid: Option<Spanned<String>>,
    /// The effect.
    pub effect: Spanned<Effect>,
    /// `Principal` / `NotPrincipal`.
    pub principal: Option<PrincipalElement>,
    /// `Action` / `NotAction`.
    pub action: Option<NameList>,
    /// `Resource` / `NotResource`.
    pub resource: Option<NameList>,
    /// `Condition` blocks.
    pub conditions: Vec<ConditionBlock>,
    /// The whole statement object.
    pub span: Span,
}

impl Statement {
    /// The label explanations use: the `Sid`, or `#index`.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(sid) if !sid.value.is_empty() => sid.value.clone(),
            _ => format!("#{}", self.index),
        }
    }
}

/// The outcome of reading a policy: the document when it can be evaluated, and findings.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// `None` only when an error makes the document unevaluable.
    pub policy: Option<Policy>,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}
