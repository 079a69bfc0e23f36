//! An order-preserving JSON pretty-printer.
//!
//! `serde_json::Value` sorts object keys, which would turn a user's
//! `{"Version", "Statement"}` into `{"Statement", "Version"}`. Policies and claims are
//! kept as text taken verbatim from the imported file and only re-indented here, so the
//! editor shows them in the author's order.

/// Re-indents JSON text with two spaces per level, keeping key order and string contents.
/// Text that is not valid JSON is reformatted on a best-effort basis (callers only pass
/// text that `serde_json` has already accepted).
pub fn reindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut depth: usize = 0;
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                copy_string_rest(&mut chars, &mut out);
            }
            '{' | '[' => {
                out.push(c);
                skip_whitespace(&mut chars);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

fn copy_string_rest(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, out: &mut String) {
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '\\' => {
                if let Some(escaped) = chars.next() {
                    out.push(escaped);
                }
            }
            '"' => return,
            _ => {}
        }
    }
}

fn skip_whitespace(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::reindent;

    #[test]
    fn keeps_key_order_and_indents_two_spaces() {
        let text = r#"{ "Version":"2012-10-17",  "Statement":[{"Effect":"Allow","Action":[]}]}"#;
        assert_eq!(
            reindent(text),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": []\n    }\n  ]\n}"
        );
    }

    #[test]
    fn leaves_string_contents_alone() {
        let text = r#"{"a":"x, {y}: \"z\" [ ]"}"#;
        assert_eq!(reindent(text), "{\n  \"a\": \"x, {y}: \\\"z\\\" [ ]\"\n}");
    }

    #[test]
    fn reindent_is_idempotent() {
        let once = reindent(r#"{"a":{"b":[1,2,{}]},"c":null}"#);
        assert_eq!(reindent(&once), once);
        assert!(serde_json::from_str::<serde_json::Value>(&once).is_ok());
    }
}
