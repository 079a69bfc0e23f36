//! Which `Action` or `NotAction` entry of a policy a position is on, so the editor can show
//! what the entry covers (hover and caret alike). Pure and forgiving, on the highlighter's
//! tokens: a half-typed document still answers for the entries that are whole.

use super::highlight::{tokenize, Token, TokenKind};

/// An `Action`/`NotAction` entry of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionEntry {
    /// The entry, e.g. `s3:Get*` (entries written with JSON escapes are left out: action
    /// names never need them, and decoding them would cost the page a JSON string reader).
    pub pattern: String,
    /// It is a `NotAction` entry: the statement applies to every action but these.
    pub not_action: bool,
    /// Its byte range in the text, quotes included.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// Every `Action`/`NotAction` entry of `text`, in order (one string or an array of them).
pub fn action_entries(text: &str) -> Vec<ActionEntry> {
    let tokens: Vec<Token> = tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Whitespace)
        .collect();
    let slice = |t: &Token| text.get(t.start..t.end).unwrap_or_default();
    let mut out = Vec::new();
    // The key whose value the scan is in, while that value is a string or an array of them.
    let mut key: Option<bool> = None;
    let mut in_array = false;
    let mut previous: Option<&Token> = None;
    for token in &tokens {
        match (token.kind, slice(token)) {
            (TokenKind::Key, k) => {
                key = match k {
                    "\"Action\"" => Some(false),
                    "\"NotAction\"" => Some(true),
                    _ => None,
                };
                in_array = false;
            }
            (TokenKind::String, s) if token.terminated => {
                let after_colon = previous.is_some_and(|p| slice(p) == ":");
                let plain = s
                    .strip_prefix('"')
                    .and_then(|inner| inner.strip_suffix('"'))
                    .filter(|inner| !inner.contains('\\'));
                if let (Some(not_action), Some(pattern)) =
                    (key.filter(|_| in_array || after_colon), plain)
                {
                    out.push(ActionEntry {
                        pattern: pattern.to_owned(),
                        not_action,
                        start: token.start,
                        end: token.end,
                    });
                }
                if !in_array {
                    key = None;
                }
            }
            (TokenKind::Bracket, "[") if previous.is_some_and(|p| slice(p) == ":") => {
                in_array = key.is_some();
            }
            (TokenKind::Punctuation, _) => {}
            _ => {
                key = None;
                in_array = false;
            }
        }
        previous = Some(token);
    }
    out
}

/// The entry the byte offset `at` is on (inside its quotes or on one of them).
pub fn action_at(text: &str, at: usize) -> Option<ActionEntry> {
    action_entries(text)
        .into_iter()
        .find(|e| e.start <= at && at < e.end)
}

// Native only: these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "action_at_tests.rs"]
mod tests;
