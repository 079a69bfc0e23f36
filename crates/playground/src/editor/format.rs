//! Format (pretty-print) a JSON document without changing anything but whitespace.
//!
//! Working from the highlight tokens rather than through `serde_json::Value` keeps key order
//! and duplicate keys (which the engine reports as diagnostics, so they must stay visible)
//! and keeps each string and number exactly as written (`\u00e9` stays `\u00e9`, `1.0`
//! stays `1.0`).

use super::edit::INDENT;
use super::highlight::{tokenize, TokenKind};

/// Why a document could not be formatted: stable code, one-line lowercase message, help,
/// and where the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// `editor::format::invalid_json`.
    pub code: &'static str,
    /// One line, lowercase, no final period.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem.
    pub column: usize,
}

/// Pretty-prints `text` with two-space indentation, one member per line, `"key": value`,
/// and `{}`/`[]` for empty containers. A final line break is kept if the text had one.
///
/// Fails, changing nothing, when the text is not valid JSON.
pub fn format_json(text: &str) -> Result<String, FormatError> {
    let all = tokenize(text);
    // Our own tokens name a misspelt word or an unterminated string exactly where it is;
    // serde_json then checks the grammar (its position for those is the character after).
    if let Some(bad) = all
        .iter()
        .find(|t| t.kind == TokenKind::Invalid || !t.terminated)
    {
        let piece = text.get(bad.start..bad.end).unwrap_or_default();
        let what = if bad.kind == TokenKind::Invalid {
            format!("`{}` is not a json value", shorten(piece))
        } else {
            format!("the string `{}` has no closing quote", shorten(piece))
        };
        return Err(invalid(text, bad.start, what));
    }
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let reason = e.to_string();
        let reason = reason
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned();
        let at = super::text::byte_at_line_column(text, e.line(), e.column().max(1));
        return Err(invalid(text, at, reason));
    }
    let tokens: Vec<_> = all
        .into_iter()
        .filter(|t| t.kind != TokenKind::Whitespace)
        .collect();
    if let Some(too_deep) = first_too_deep(text, &tokens) {
        return Err(invalid(
            text,
            too_deep,
            format!("nesting is deeper than {MAX_DEPTH} levels"),
        ));
    }
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut depth = 0usize;
    let mut iter = tokens.iter().peekable();
    while let Some(token) = iter.next() {
        let piece = text.get(token.start..token.end).unwrap_or_default();
        match piece {
            "{" | "[" => {
                let closer = if piece == "{" { "}" } else { "]" };
                let empty = iter
                    .peek()
                    .is_some_and(|next| text.get(next.start..next.end) == Some(closer));
                if empty {
                    iter.next();
                    out.push_str(piece);
                    out.push_str(closer);
                } else {
                    depth += 1;
                    out.push_str(piece);
                    line_break(&mut out, depth);
                }
            }
            "}" | "]" => {
                depth = depth.saturating_sub(1);
                line_break(&mut out, depth);
                out.push_str(piece);
            }
            "," => {
                out.push(',');
                line_break(&mut out, depth);
            }
            ":" => out.push_str(": "),
            _ => out.push_str(piece),
        }
    }
    if text.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// `text` with every whitespace token dropped: the smallest form of the same document, keys,
/// duplicates and literals as written. `None` when the text is not valid JSON.
pub fn compact_json(text: &str) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    let mut out = String::with_capacity(text.len());
    for token in tokenize(text) {
        if token.kind != TokenKind::Whitespace {
            out.push_str(text.get(token.start..token.end).unwrap_or_default());
        }
    }
    Some(out)
}

/// Where the caret goes after formatting: just before the same significant (non-whitespace)
/// character it preceded, so formatting does not throw the user to the top.
/// `old_caret` and the result are byte offsets.
pub fn map_caret(old: &str, new: &str, old_caret: usize) -> usize {
    let significant = |c: &char| !c.is_whitespace();
    let before = old
        .get(..old_caret)
        .map_or(0, |head| head.chars().filter(significant).count());
    new.char_indices()
        .filter(|(_, c)| significant(c))
        .nth(before)
        .map_or(new.len(), |(i, _)| i)
}

/// Deeper documents are refused: their indentation alone would grow quadratically.
pub const MAX_DEPTH: usize = 128;

/// The byte offset of the first bracket nested deeper than [`MAX_DEPTH`].
fn first_too_deep(text: &str, tokens: &[super::highlight::Token]) -> Option<usize> {
    let mut depth = 0usize;
    for token in tokens {
        match text.get(token.start..token.end) {
            Some("{" | "[") => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(token.start);
                }
            }
            Some("}" | "]") => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn invalid(text: &str, at: usize, reason: String) -> FormatError {
    let line_start = super::text::line_start_before(text, at);
    let line = text
        .get(..line_start)
        .map_or(0, |head| head.matches('\n').count())
        + 1;
    let column = text
        .get(line_start..at)
        .map_or(0, |head| head.chars().count())
        + 1;
    FormatError {
        code: "editor::format::invalid_json",
        message: format!("cannot format: {reason}"),
        help: "fix the json syntax error first, then format again".to_owned(),
        line,
        column,
    }
}

/// Keeps the user's text in a message to one short line.
fn shorten(piece: &str) -> String {
    const MAX_CHARS: usize = 24;
    if piece.chars().count() <= MAX_CHARS {
        return piece.to_owned();
    }
    let head: String = piece.chars().take(MAX_CHARS).collect();
    format!("{head}…")
}

fn line_break(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "format_tests.rs"]
mod tests;
