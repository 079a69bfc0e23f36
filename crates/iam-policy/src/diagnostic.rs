//! Diagnostics: errors and warnings as data, with stable codes and source positions.

use serde::{Deserialize, Serialize};

mod cap;
mod lines;

pub(crate) use cap::cap_counting;
pub use cap::{cap_per_code, MAX_PER_CODE, MORE_CODE};
pub use lines::{LineIndex, Origin};

/// A byte range in the source text, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A 1-based line and column, with the UTF-16 column the browser editor needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document cannot be evaluated.
    Error,
    /// The document can be evaluated but probably does not do what its author meant.
    Warning,
}

/// One finding about a document: a stable code, a one-line lowercase message with the
/// user's text in backticks, an optional help line, and where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

impl Diagnostic {
    /// An error: the document cannot be evaluated.
    pub fn error(code: &str, message: impl Into<String>, span: Option<Span>) -> Self {
        Self::new(code, Severity::Error, message.into(), span)
    }

    /// A warning: the document can be evaluated.
    pub fn warning(code: &str, message: impl Into<String>, span: Option<Span>) -> Self {
        Self::new(code, Severity::Warning, message.into(), span)
    }

    fn new(code: &str, severity: Severity, message: String, span: Option<Span>) -> Self {
        Self {
            code: code.to_string(),
            severity,
            message,
            help: None,
            span,
            start: None,
            end: None,
        }
    }

    /// The same diagnostic with a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this diagnostic makes the document unevaluable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Fills in `start` and `end` (line/column) from the span, given the text the span
    /// indexes. This scans the text up to the span: for many diagnostics of one text use
    /// [`locate_all`], which indexes the text once.
    pub fn locate(&mut self, source: &str) {
        if let Some(span) = self.span {
            self.start = Some(position_of(source, span.start));
            self.end = Some(position_of(source, span.end));
        }
    }

    /// Fills in `start` and `end` from the span with a prepared [`LineIndex`].
    pub fn locate_with(&mut self, lines: &LineIndex) {
        if let Some(span) = self.span {
            self.start = Some(lines.position(span.start));
            self.end = Some(lines.position(span.end));
        }
    }

    /// Moves the span by `offset` bytes (for a document embedded at `offset` in a larger text).
    pub fn shift(&mut self, offset: usize) {
        if let Some(span) = &mut self.span {
            span.start += offset;
            span.end += offset;
        }
    }
}

/// Caps `diagnostics` per code ([`cap_per_code`]), then locates those not yet located in
/// `source`, indexing its lines only when one needs it: the cost is one pass over the text
/// plus a binary search per reported diagnostic, whatever the layout of the text.
pub fn locate_all(diagnostics: &mut Vec<Diagnostic>, source: &str) {
    locate_all_at(diagnostics, source, &Origin::default());
}

/// [`locate_all`] for a `source` that starts at `origin` within a larger text, whose spans
/// are already offsets in the whole (see [`crate::json::parse_at`]): positions come out in
/// the coordinates of the whole.
pub fn locate_all_at(diagnostics: &mut Vec<Diagnostic>, source: &str, origin: &Origin) {
    cap_per_code(diagnostics);
    let mut lines = None;
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.start.is_none() && d.span.is_some())
    {
        let lines = lines.get_or_insert_with(|| LineIndex::new(source));
        if let Some(span) = d.span {
            let local = |at: usize| origin.place(lines.position(at.saturating_sub(origin.offset)));
            d.start = Some(local(span.start));
            d.end = Some(local(span.end));
        }
    }
}

/// The 1-based line and columns of byte `offset` in `source` (clamped to the text, and to a
/// character boundary, so a bad offset never panics).
pub fn position_of(source: &str, offset: usize) -> Position {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = source.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_text = before.get(line_start..).unwrap_or("");
    Position {
        line: before.matches('\n').count() + 1,
        column: line_text.chars().count() + 1,
        utf16_column: line_text.encode_utf16().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_utf16_columns() {
        let text = "{\n  \"é😀x\": 1\n}";
        let offset = text.find('x').unwrap();
        let pos = position_of(text, offset);
        assert_eq!(pos.line, 2);
        assert_eq!(pos.column, 6);
        assert_eq!(pos.utf16_column, 7);
    }

    #[test]
    fn locate_fills_start_and_end() {
        let mut d = Diagnostic::error("iam::x", "m", Some(Span::new(0, 3)));
        d.locate("ab\ncd");
        assert_eq!(d.start.unwrap().column, 1);
        assert_eq!(d.end.unwrap().line, 2);
    }

    #[test]
    fn out_of_range_offsets_are_clamped() {
        assert_eq!(position_of("ab", 99).column, 3);
        assert_eq!(position_of("é", 1).column, 1);
    }
}
