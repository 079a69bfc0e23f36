//! Diagnostics: errors and warnings as data, with stable codes and source positions.

use serde::Serialize;

/// A byte range in the source text, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A 1-based line and column, with the UTF-16 column the browser editor needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column counted in Unicode scalar values.
    pub column: usize,
    /// 1-based column counted in UTF-16 code units.
    pub utf16_column: usize,
}

/// Whether a diagnostic stops evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document cannot be evaluated.
    Error,
    /// The document can be evaluated but probably does not do what its author meant.
    Warning,
}

/// One finding about a document: a stable code, a one-line lowercase message with the
/// user's text in backticks, an optional help line, and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// Stable code, e.g. `iam::parse::duplicate_key`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// One line, lowercase, no final period.
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Where in the source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Start of the span as line/column (filled in once the source text is known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Position>,
    /// End of the span as line/column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Position>,
}
