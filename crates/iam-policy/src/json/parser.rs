//! The recursive-descent reader behind [`parse`]. Depth and size are bounded, so hostile input
//! gets a diagnostic, never a stack overflow.

// A parse error happens at most once per document and ends the parse, so the size of the
// `Err` variant costs nothing that matters; the contract returns a plain `Diagnostic`.
#![allow(
    clippy::result_large_err,
    reason = "the error is a Diagnostic, returned by value on the cold path; boxing it would only add an allocation"
)]

use super::{JsonMember, JsonNode, JsonValue};
use crate::{Diagnostic, Span};

/// Nesting deeper than this is rejected (IAM documents are shallow).
pub const MAX_DEPTH: usize = 64;
/// Inputs larger than this are rejected before parsing (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Parses `text` as one JSON value with spans. Errors carry the byte position of the fault.
pub fn parse(text: &str) -> Result<JsonNode, Diagnostic> {
    parse_at(text, 0)
}

/// [`parse`] for a `text` that starts at byte `base` of a larger input (one case of a stream):
/// every span is an offset in that input.
pub fn parse_at(text: &str, base: usize) -> Result<JsonNode, Diagnostic> {
    check_size(text, base)?;
    parse_whole(text, base)
}

/// [`parse`] without the size limit, for a tool that only re-spaces a document (the
/// formatter): its cost is linear and nothing is evaluated, and a scenario under the
/// limit as given may be over it once its policies are indented. Depth is still bounded.
pub fn parse_any_size(text: &str) -> Result<JsonNode, Diagnostic> {
    parse_whole(text, 0)
}

/// Objects [`parse_case_at`] may leave unread: the values of the root object's members
/// named in `values`, the items of those named in `items`, when the caller already knows
/// where they end.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unread<'a> {
    /// Root members whose value, if an object, may be left unread.
    pub values: &'a [&'a str],
    /// Root members whose value, if an array, may have its object items left unread.
    pub items: &'a [&'a str],
    /// `(start, end)` byte offsets in the text of objects whose extent is known (their `{`
    /// and just past their `}`), sorted by start: the splitter found them while cutting.
    pub known: &'a [(usize, usize)],
}

/// An object [`parse_case_at`] left unread: its node is a `Null` placeholder with the
/// object's span; [`parse_unread`] reads it when it is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnreadObject {
    /// The object's span (input offsets).
    pub span: Span,
    /// Its nesting depth (the root is 0), so reading it later applies the same depth limit.
    pub depth: usize,
}

/// [`parse_at`] for one evaluation case of a stream, leaving the objects `unread` allows as
/// `Null` placeholders (listed in the second value) instead of building their trees: a batch
/// that repeats one policy over many requests then reads each repetition's text only to
/// compare it with the cached one. The text of an unread object is not checked; whoever
/// needs it reads it with [`parse_unread`], and on an error there reads the whole case again
/// with [`parse_at`] so the user sees the same first error.
pub fn parse_case_at(
    text: &str,
    base: usize,
    unread: Unread<'_>,
) -> Result<(JsonNode, Vec<UnreadObject>), Diagnostic> {
    check_size(text, base)?;
    let mut p = Parser::new(text, base);
    p.unread = unread;
    let node = p.whole()?;
    Ok((node, p.skipped))
}

/// Reads an object [`parse_case_at`] left unread; `text` is the case's text starting at
/// input offset `base`.
pub fn parse_unread(text: &str, base: usize, object: UnreadObject) -> Result<JsonNode, Diagnostic> {
    let local = object.span.start.saturating_sub(base)..object.span.end.saturating_sub(base);
    let Some(inner) = text.get(local) else {
        return Err(Diagnostic::error(
            "iam::parse::json",
            "malformed json: an object ends outside its case",
            Some(object.span),
        ));
    };
    let mut p = Parser::new(inner, object.span.start);
    let node = p.value(object.depth)?;
    if p.pos < p.bytes.len() {
        return Err(p.fault("expected the end of the object", "check the brackets"));
    }
    Ok(node)
}

fn check_size(text: &str, base: usize) -> Result<(), Diagnostic> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Diagnostic::error(
            "iam::parse::too_large",
            format!(
                "the input is {} bytes, over the {MAX_INPUT_BYTES}-byte limit",
                text.len()
            ),
            Some(Span::new(base, base)),
        ));
    }
    Ok(())
}

fn parse_whole(text: &str, base: usize) -> Result<JsonNode, Diagnostic> {
    Parser::new(text, base).whole()
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Added to every span: where `text` starts in the input.
    base: usize,
    /// Objects that may be left unread, and those that were.
    unread: Unread<'a>,
    skipped: Vec<UnreadObject>,
}

/// The longest bare word a syntax error names (the rest of a long run is not shown).
const MAX_WORD: usize = 32;

impl<'a> Parser<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            base,
            unread: Unread::default(),
            skipped: Vec::new(),
        }
    }

    fn whole(&mut self) -> Result<JsonNode, Diagnostic> {
        let p = self;
        // A leading byte-order mark is harmless; skip it.
        if p.text.starts_with('\u{feff}') {
            p.pos = 3;
        }
        let node = p.value(0)?;
        p.skip_ws();
        if p.pos < p.bytes.len() {
            return Err(p.fault(
                "unexpected text after the JSON value",
                "remove it, or wrap both values in an array",
            ));
        }
        Ok(node)
    }

    /// A value that may be left unread (`whole`) or whose items may be (`items`).
    fn value_maybe_unread(
        &mut self,
        depth: usize,
        whole: bool,
        items: bool,
    ) -> Result<JsonNode, Diagnostic> {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            Some(b'{') if whole => {
                let known = self.unread.known;
                if let Ok(i) = known.binary_search_by_key(&start, |(s, _)| *s) {
                    if let Some(&(_, end)) = known.get(i) {
                        if end > start && end <= self.bytes.len() {
                            self.pos = end;
                            let span = Span::new(self.base + start, self.base + end);
                            self.skipped.push(UnreadObject { span, depth });
                            return Ok(JsonNode {
                                span,
                                value: JsonValue::Null,
                            });
                        }
                    }
                }
                self.value(depth)
            }
            Some(b'[') if items => {
                let value = self.array(depth, true)?;
                Ok(JsonNode {
                    span: Span::new(self.base + start, self.base + self.pos),
                    value,
                })
            }
            _ => self.value(depth),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn fault(&self, what: &str, help: &str) -> Diagnostic {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        // A bare word (`Allow` typed without quotes, `tru`) is named whole, so the message
        // shows what the person typed; anything else by its first character.
        let word = match rest.bytes().next() {
            Some(b) if b.is_ascii_alphabetic() => rest
                .bytes()
                .take(MAX_WORD)
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count(),
            _ => 0,
        };
        let end = match rest.chars().next() {
            _ if word > 0 => self.pos + word,
            Some(c) => self.pos + c.len_utf8(),
            None => self.pos,
        };
        let found = match self.text.get(self.pos..end) {
            Some(s) if !s.is_empty() => format!(" at `{s}`"),
            _ => " at the end of the input".to_string(),
        };
        Diagnostic::error(
            "iam::parse::json",
            format!("malformed json: {what}{found}"),
            Some(Span::new(self.base + self.pos, self.base + end)),
        )
        .with_help(help)
    }

    /// A fault about the escape `text[start..self.pos]` (e.g. `\ud800`), spanning it, rather
    /// than about the character after it.
    fn escape_fault(&self, start: usize, what: &str, help: &str) -> Diagnostic {
        let escape = self.text.get(start..self.pos).unwrap_or("");
        Diagnostic::error(
            "iam::parse::json",
            format!("malformed json: {what} at `{escape}`"),
            Some(Span::new(self.base + start, self.base + self.pos)),
        )
        .with_help(help)
    }

    fn value(&mut self, depth: usize) -> Result<JsonNode, Diagnostic> {
        self.skip_ws();
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth, false)?,
            Some(b'"') => JsonValue::String(self.string()?),
            Some(b't') => self.word("true", JsonValue::Bool(true))?,
            Some(b'f') => self.word("false", JsonValue::Bool(false))?,
            Some(b'n') => self.word("null", JsonValue::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => {
                return Err(self.fault(
                    "expected a value",
                    "a value is a string, number, object, array, true, false or null",
                ))
            }
        };
        Ok(JsonNode {
            span: Span::new(self.base + start, self.base + self.pos),
            value,
        })
    }

    fn word(&mut self, word: &str, value: JsonValue) -> Result<JsonValue, Diagnostic> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.fault("expected a value", "strings need double quotes"))
        }
    }

    fn number(&mut self) -> Result<JsonValue, Diagnostic> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if !self.digits() {
            return Err(self.fault("expected a digit", "numbers look like 12, -3 or 1.5e3"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.digits() {
                return Err(self.fault("expected a digit after `.`", "numbers look like 1.5"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.digits() {
                return Err(self.fault("expected an exponent", "numbers look like 1e3"));
            }
        }
        Ok(JsonValue::Number(
            self.text.get(start..self.pos).unwrap_or("").to_string(),
        ))
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn string(&mut self) -> Result<String, Diagnostic> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return Err(self.fault(
                        "control character in a string",
                        "write newlines and tabs as \\n and \\t",
                    ))
                }
                None => return Err(self.fault("unterminated string", "close the string with `\"`")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Diagnostic> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                // Surrogate faults point at the escape itself, where the user must look.
                let start = self.pos.saturating_sub(1);
                self.pos += 1;
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by a low one.
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.escape_fault(
                            start,
                            "lone surrogate in \\u escape",
                            "pair it with a low surrogate (\\udc00 to \\udfff)",
                        ));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.escape_fault(
                            start,
                            "invalid surrogate pair",
                            "use a valid UTF-16 pair",
                        ));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                let c = char::from_u32(code).ok_or_else(|| {
                    self.escape_fault(
                        start,
                        "lone surrogate in \\u escape",
                        "a low surrogate (\\udc00 to \\udfff) must follow a high one (\\ud800 to \\udbff)",
                    )
                })?;
                out.push(c);
                return Ok(());
            }
            _ => {
                return Err(self.fault(
                    "invalid escape",
                    "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                ))
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Diagnostic> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = digits.and_then(|s| u32::from_str_radix(s, 16).ok());
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.fault("expected four hex digits", "write \\u00e9")),
        }
    }

    fn too_deep(&self, depth: usize) -> Result<(), Diagnostic> {
        if depth >= MAX_DEPTH {
            return Err(self.fault("nesting too deep", "IAM documents are never this deep"));
        }
        Ok(())
    }

    /// An array; `unread_items`: its object items may be left unread.
    fn array(&mut self, depth: usize, unread_items: bool) -> Result<JsonValue, Diagnostic> {
        self.too_deep(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(JsonValue::Array(items));
        }
        loop {
            items.push(if unread_items {
                self.value_maybe_unread(depth + 1, true, false)?
            } else {
                self.value(depth + 1)?
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(JsonValue::Array(items));
                }
                _ => {
                    return Err(
                        self.fault("expected `,` or `]`", "separate array items with commas")
                    )
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<JsonValue, Diagnostic> {
        self.too_deep(depth)?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                let help = if self.peek() == Some(b'}') {
                    "remove the trailing comma"
                } else {
                    "keys need double quotes"
                };
                return Err(self.fault("expected a key", help));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(self.base + key_start, self.base + self.pos);
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.fault("expected `:`", "write `\"key\": value`"));
            }
            self.pos += 1;
            let whole = self.unread.values.contains(&key.as_str());
            let items = self.unread.items.contains(&key.as_str());
            let value = if depth == 0 && (whole || items) {
                self.value_maybe_unread(depth + 1, whole, items)?
            } else {
                self.value(depth + 1)?
            };
            members.push(JsonMember {
                key,
                key_span,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(JsonValue::Object(members));
                }
                _ => return Err(self.fault("expected `,` or `}`", "separate members with commas")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_with_spans() {
        let text = r#" {"k": ["a\u00e9\ud83d\ude00", -1.5e3, true, null]} "#;
        let node = parse(text).unwrap();
        assert_eq!(node.span, Span::new(1, text.len() - 1));
        let member = &node.as_object().unwrap()[0];
        assert_eq!(member.key_span, Span::new(2, 5));
        let JsonValue::Array(items) = &member.value.value else {
            panic!()
        };
        assert_eq!(items[0].as_str(), Some("aé😀"));
        assert_eq!(items[1].value, JsonValue::Number("-1.5e3".into()));
    }

    #[test]
    fn errors_carry_positions() {
        for (text, at) in [
            ("{\"a\": }", 6),
            ("[1, 2", 5),
            ("{\"a\" 1}", 5),
            ("\"abc", 4),
            ("{\"a\":1,}", 7),
            ("[1] x", 4),
            ("tru", 0),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.code, "iam::parse::json");
            assert_eq!(err.span.unwrap().start, at, "{text}");
        }
    }

    #[test]
    fn a_lone_surrogate_is_reported_at_its_escape() {
        for (text, at, escape) in [
            (r#"["ab\ud800cd"]"#, 4, r"\ud800"),
            (r#"["\udc00"]"#, 2, r"\udc00"),
            (r#"["x\ud800\u0041"]"#, 3, r"\ud800\u0041"),
        ] {
            let err = parse(text).unwrap_err();
            let span = err.span.unwrap();
            assert_eq!(span.start, at, "{text}: {}", err.message);
            assert_eq!(&text[span.start..span.end], escape, "{text}");
            assert!(err.message.contains(escape), "{}", err.message);
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).unwrap_err().message.contains("too deep"));
    }

    #[test]
    fn bad_escapes_are_errors() {
        for text in [r#""\x""#, r#""\ud800""#, r#""\u12""#, "\"a\nb\""] {
            assert!(parse(text).is_err(), "{text}");
        }
    }
}
