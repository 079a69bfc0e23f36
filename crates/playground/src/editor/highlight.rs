//! A forgiving JSON tokenizer for syntax highlighting.
//!
//! It never fails and never panics: every byte of the input lands in exactly one token, in
//! order, so the highlighted copy of the text has the same characters as the text itself.
//! Text that is not JSON becomes [`TokenKind::Invalid`] tokens instead of an error, because
//! the editor highlights half-typed documents on every keystroke.

/// What a token is, which decides its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Spaces, tabs and line breaks.
    Whitespace,
    /// `{`, `}`, `[`, `]`.
    Bracket,
    /// `:` and `,`.
    Punctuation,
    /// A string in key position (followed by a `:`).
    Key,
    /// Any other string, including an unterminated one (which stops at the end of its line).
    String,
    /// A number in JSON syntax.
    Number,
    /// `true`, `false` or `null`.
    Literal,
    /// Anything else: a misspelt literal, a comment, a stray character.
    Invalid,
}

impl TokenKind {
    /// The CSS class the editor gives this kind (see `web/styles/editor.css`).
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Whitespace => "tok-ws",
            TokenKind::Bracket => "tok-bracket",
            TokenKind::Punctuation => "tok-punct",
            TokenKind::Key => "tok-key",
            TokenKind::String => "tok-string",
            TokenKind::Number => "tok-number",
            TokenKind::Literal => "tok-literal",
            TokenKind::Invalid => "tok-invalid",
        }
    }
}

/// One token: its kind and its byte range in the text (end exclusive, always on char boundaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// For strings: whether the closing quote is there.
    pub terminated: bool,
}

/// Splits `text` into tokens covering every byte, in order. Never inlined: the highlighter
/// and the action hover's entry scan share one copy in the page's wasm.
#[inline(never)]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        let (kind, end, terminated) = match c {
            '{' | '}' | '[' | ']' => (TokenKind::Bracket, start + 1, true),
            ':' | ',' => (TokenKind::Punctuation, start + 1, true),
            ' ' | '\t' | '\n' | '\r' => {
                let mut end = start + 1;
                while let Some(&(i, n)) = rest.peek() {
                    if !matches!(n, ' ' | '\t' | '\n' | '\r') {
                        break;
                    }
                    end = i + n.len_utf8();
                    rest.next();
                }
                (TokenKind::Whitespace, end, true)
            }
            '"' => {
                // A JSON string cannot hold a raw line break, so an unterminated string
                // stops at the end of its line and the next line highlights normally.
                let mut end = start + 1;
                let mut escaped = false;
                let mut closed = false;
                while let Some(&(i, n)) = rest.peek() {
                    if n == '\n' || n == '\r' {
                        break;
                    }
                    rest.next();
                    end = i + n.len_utf8();
                    if escaped {
                        escaped = false;
                    } else if n == '\\' {
                        escaped = true;
                    } else if n == '"' {
                        closed = true;
                        break;
                    }
                }
                (TokenKind::String, end, closed)
            }
            _ => {
                // A word: everything up to the next structural character or whitespace.
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = rest.peek() {
                    if is_word_end(n) {
                        break;
                    }
                    end = i + n.len_utf8();
                    rest.next();
                }
                let word = text.get(start..end).unwrap_or_default();
                (classify_word(word), end, true)
            }
        };
        tokens.push(Token {
            kind,
            start,
            end,
            terminated,
        });
    }
    mark_keys(text, &mut tokens);
    tokens
}

fn is_word_end(c: char) -> bool {
    matches!(
        c,
        '{' | '}' | '[' | ']' | ':' | ',' | '"' | ' ' | '\t' | '\n' | '\r'
    )
}

fn classify_word(word: &str) -> TokenKind {
    match word {
        "true" | "false" | "null" => TokenKind::Literal,
        _ if is_json_number(word) => TokenKind::Number,
        _ => TokenKind::Invalid,
    }
}

/// The JSON number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(word: &str) -> bool {
    let mut bytes = word.bytes().peekable();
    if bytes.peek() == Some(&b'-') {
        bytes.next();
    }
    match bytes.next() {
        Some(b'0') => {}
        Some(b'1'..=b'9') => while bytes.next_if(u8::is_ascii_digit).is_some() {},
        _ => return false,
    }
    if bytes.next_if_eq(&b'.').is_some() {
        if bytes.next_if(u8::is_ascii_digit).is_none() {
            return false;
        }
        while bytes.next_if(u8::is_ascii_digit).is_some() {}
    }
    if bytes.next_if(|b| *b == b'e' || *b == b'E').is_some() {
        bytes.next_if(|b| *b == b'+' || *b == b'-');
        if bytes.next_if(u8::is_ascii_digit).is_none() {
            return false;
        }
        while bytes.next_if(u8::is_ascii_digit).is_some() {}
    }
    bytes.next().is_none()
}

/// A string is a key when the next token that is not whitespace is a `:`.
fn mark_keys(text: &str, tokens: &mut [Token]) {
    let mut next_significant: Option<&str> = None;
    for token in tokens.iter_mut().rev() {
        if token.kind == TokenKind::Whitespace {
            continue;
        }
        if token.kind == TokenKind::String && next_significant == Some(":") {
            token.kind = TokenKind::Key;
        }
        next_significant = text.get(token.start..token.end);
    }
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "highlight_tests.rs"]
mod tests;
