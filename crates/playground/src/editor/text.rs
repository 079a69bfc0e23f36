//! Positions in the editor text: the browser counts in UTF-16 code units, Rust slices in
//! bytes, diagnostics count lines and columns. These conversions are total: an offset past
//! the end clamps to the end and one inside a character moves to its start.

/// The editor's text with its selection, in UTF-16 code units as `textarea.selectionStart`
/// and `selectionEnd` report them. `start <= end` is not assumed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The whole text.
    pub text: String,
    /// Selection start (UTF-16 code units).
    pub start: usize,
    /// Selection end (UTF-16 code units); equal to `start` for a plain caret.
    pub end: usize,
}

impl Snapshot {
    /// A snapshot with the caret at the given UTF-16 offset.
    pub fn with_caret(text: impl Into<String>, caret: usize) -> Self {
        Snapshot {
            text: text.into(),
            start: caret,
            end: caret,
        }
    }

    /// The selection as byte offsets, ordered.
    pub(crate) fn byte_selection(&self) -> (usize, usize) {
        let a = utf16_to_byte(&self.text, self.start);
        let b = utf16_to_byte(&self.text, self.end);
        (a.min(b), a.max(b))
    }

    /// A snapshot of `text` with the selection given in bytes.
    pub(crate) fn from_bytes(text: String, start: usize, end: usize) -> Self {
        let start = byte_to_utf16(&text, start);
        let end = byte_to_utf16(&text, end);
        Snapshot { text, start, end }
    }
}

/// The byte offset of a UTF-16 offset.
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += c.len_utf16();
        if units > utf16 {
            // Inside a surrogate pair: stay before the character.
            return byte;
        }
    }
    text.len()
}

/// The UTF-16 offset of a byte offset.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    text.char_indices()
        .take_while(|(i, _)| *i < byte)
        .map(|(_, c)| c.len_utf16())
        .sum()
}

/// The byte offset where 1-based `line` starts, or the text's end if it has fewer lines.
pub fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// The byte offset of the line break ending the line that contains `byte` (or the text's end).
pub fn line_end_from(text: &str, byte: usize) -> usize {
    let byte = floor_boundary(text, byte);
    text.get(byte..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| byte + i)
}

/// The byte offset where the line containing `byte` starts.
pub fn line_start_before(text: &str, byte: usize) -> usize {
    text.get(..floor_boundary(text, byte))
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// `byte` clamped to the text and moved back to the start of the character it falls in.
fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// The byte offset of a 1-based line and 1-based column counted in Unicode scalar values,
/// clamped to that line's end.
pub fn byte_at_line_column(text: &str, line: usize, column: usize) -> usize {
    let start = line_start(text, line);
    let end = line_end_from(text, start);
    let line_text = text.get(start..end).unwrap_or_default();
    line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(end, |(i, _)| start + i)
}

/// The UTF-16 offset of a 1-based line and 1-based UTF-16 column, clamped to that line's end:
/// where to put the caret for a diagnostic.
pub fn utf16_at_line_column(text: &str, line: usize, utf16_column: usize) -> usize {
    let start = line_start(text, line);
    let end = line_end_from(text, start);
    let line_text = text.get(start..end).unwrap_or_default();
    let within = utf16_to_byte(line_text, utf16_column.saturating_sub(1));
    byte_to_utf16(text, start + within)
}

/// The 0-based line and 0-based column (in characters) of a UTF-16 caret offset: where the
/// caret is drawn in a monospace editor, so its view can follow it.
pub fn caret_line_column(text: &str, utf16: usize) -> (usize, usize) {
    let byte = utf16_to_byte(text, utf16);
    let before = text.get(..byte).unwrap_or(text);
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).unwrap_or_default().chars().count();
    (line, column)
}

/// Where the caret goes after the text is reformatted: just before the same significant
/// (non-whitespace) character it preceded, so formatting does not throw the person to the
/// top. `old_caret` and the result are byte offsets.
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "ab\n€😀x\n\nend";

    #[test]
    fn utf16_and_bytes_convert_both_ways() {
        // a b \n € 😀(2 units) x
        assert_eq!(utf16_to_byte(TEXT, 3), 3);
        assert_eq!(utf16_to_byte(TEXT, 4), 6); // after € (3 bytes)
        assert_eq!(utf16_to_byte(TEXT, 5), 6); // inside the emoji's surrogate pair
        assert_eq!(utf16_to_byte(TEXT, 6), 10);
        assert_eq!(utf16_to_byte(TEXT, 999), TEXT.len());
        assert_eq!(byte_to_utf16(TEXT, 6), 4);
        assert_eq!(byte_to_utf16(TEXT, 10), 6);
        assert_eq!(byte_to_utf16(TEXT, 999), TEXT.encode_utf16().count());
    }

    #[test]
    fn lines_are_found_and_clamped() {
        assert_eq!(line_start(TEXT, 1), 0);
        assert_eq!(line_start(TEXT, 2), 3);
        assert_eq!(line_start(TEXT, 4), 13);
        assert_eq!(line_start(TEXT, 9), TEXT.len());
        assert_eq!(line_end_from(TEXT, 3), 11);
        assert_eq!(line_start_before(TEXT, 8), 3);
        assert_eq!(line_start_before(TEXT, 0), 0);
        assert_eq!(line_end_from(TEXT, 7), 11, "inside the emoji");
    }

    #[test]
    fn line_columns_map_to_offsets() {
        assert_eq!(byte_at_line_column(TEXT, 2, 3), 10); // the `x`
        assert_eq!(byte_at_line_column(TEXT, 2, 99), 11); // clamped to line end
        assert_eq!(utf16_at_line_column(TEXT, 2, 4), 3 + 3); // UTF-16 column 4 is `x`
        assert_eq!(utf16_at_line_column(TEXT, 3, 5), 8); // empty line
    }

    #[test]
    fn the_caret_is_placed_by_line_and_character() {
        assert_eq!(caret_line_column(TEXT, 0), (0, 0));
        assert_eq!(caret_line_column(TEXT, 2), (0, 2));
        assert_eq!(caret_line_column(TEXT, 3), (1, 0));
        assert_eq!(
            caret_line_column(TEXT, 6),
            (1, 2),
            "after the emoji: two characters"
        );
        assert_eq!(caret_line_column(TEXT, 999), (3, 3));
    }

    #[test]
    fn snapshot_selection_is_ordered_in_bytes() {
        let snapshot = Snapshot {
            text: TEXT.to_owned(),
            start: 6,
            end: 3,
        };
        assert_eq!(snapshot.byte_selection(), (3, 10));
        assert_eq!(Snapshot::from_bytes(TEXT.to_owned(), 3, 10).end, 6);
    }
    #[test]
    fn caret_stays_by_the_same_character() {
        let old = "{\"a\":[1,2]}";
        let new = "{\n  \"a\": [\n    1,\n    2\n  ]\n}";
        let caret = old.find('2').unwrap();
        let mapped = map_caret(old, new, caret);
        assert_eq!(&new[mapped..mapped + 1], "2");
        assert_eq!(map_caret(old, new, 0), 0);
        assert_eq!(map_caret(old, new, old.len()), new.len());
    }
}
