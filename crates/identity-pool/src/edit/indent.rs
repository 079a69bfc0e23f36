//! How a policy text sits inside a scenario file: a file nests it, indenting every line
//! after its first to the member's depth; reading takes that indentation away again. The
//! two are inverses, so a policy keeps its formatting and line numbers through export,
//! import, share links and the autosave (issue 14).

/// The text of a JSON value as written in a file, without the indentation the file's
/// nesting added: the smallest indentation of its lines after the first (blank lines do
/// not count) is removed from each of them. A pretty-printed file gives the value as if
/// written at the left margin; a value written on one line is kept as it is.
pub fn dedent(raw: &str) -> String {
    let mut lines = raw.split('\n');
    let first = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    let margin = rest
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| leading_blanks(line))
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(raw.len());
    out.push_str(first);
    for line in rest {
        out.push('\n');
        // A blank line may be shorter than the margin: it loses what blanks it has.
        let cut = leading_blanks(line).min(margin);
        out.push_str(line.get(cut..).unwrap_or_default());
    }
    out
}

/// `text` with `prefix` put before every line after the first: the text nested in a file
/// at the depth `prefix` stands for.
pub fn indent_after_first(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + prefix.len() * text.matches('\n').count());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(prefix);
        }
        out.push_str(line);
    }
    out
}

/// `text` nested at `prefix` (see [`indent_after_first`]), when reading it back as a file's
/// JSON value (which has no blanks around it) gives `text` again; `None` when every line
/// after the first is itself indented, or when the text starts or ends with blanks.
pub fn nested_if_faithful(text: &str, prefix: &str) -> Option<String> {
    let nested = indent_after_first(text, prefix);
    (dedent(nested.trim_matches(is_json_blank)) == text).then_some(nested)
}

fn is_json_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Bytes of spaces and tabs that start `line`.
fn leading_blanks(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pretty_printed_member_reads_as_if_written_at_the_margin() {
        let raw = "{\n        \"Version\": \"2012-10-17\",\n\n        \"Statement\": []\n      }";
        assert_eq!(
            dedent(raw),
            "{\n  \"Version\": \"2012-10-17\",\n\n  \"Statement\": []\n}"
        );
    }

    #[test]
    fn nesting_then_reading_gives_the_text_back() {
        let text = "{\n    \"Version\": \"2012-10-17\",\n\n  \"Statement\": [ {\"Effect\":\"Allow\"}\n  ]\n}";
        for prefix in ["", "  ", "        ", "\t"] {
            assert!(nested_if_faithful(text, prefix).is_some(), "{prefix:?}");
            assert_eq!(dedent(&indent_after_first(text, prefix)), text);
        }
        assert!(nested_if_faithful("{\"Version\":\"2012-10-17\"}", "    ").is_some());
    }

    #[test]
    fn texts_that_whitespace_cannot_carry_are_recognised() {
        // Every line after the first indented: reading would take the indentation away.
        assert!(nested_if_faithful("{\n  \"a\": 1\n  }", "  ").is_none());
        // Blanks around the value: a file's JSON value has none.
        assert!(nested_if_faithful("\n{}", "  ").is_none());
        assert!(nested_if_faithful("{}\n", "  ").is_none());
    }

    #[test]
    fn crlf_lines_keep_their_returns() {
        let text = "{\r\n  \"a\": 1\r\n}";
        assert!(nested_if_faithful(text, "    ").is_some());
    }
}
