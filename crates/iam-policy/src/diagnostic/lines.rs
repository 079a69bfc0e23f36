//! [`LineIndex`]: line and column of any byte offset in O(log n), after one pass over the
//! text. Re-scanning the text from its start for every diagnostic made positioning cost
//! the square of the input (30,000 warnings in a 1 MB text took tens of seconds).

use super::Position;

/// Where each line starts and where the text holds characters wider than one byte, so a
/// column in characters and in UTF-16 units is two binary searches away.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// The length of the text indexed.
    len: usize,
    /// Byte offset of the start of every line; the first is 0.
    line_starts: Vec<usize>,
    /// Every character longer than one byte: its byte offset, and the running totals, up to
    /// and including it, of bytes beyond one per character and of bytes beyond its UTF-16
    /// length. Columns are byte distances minus these totals.
    wide: Vec<Wide>,
    /// Whether `wide` is empty: then columns are plain byte distances.
    text_is_ascii: bool,
}

/// Where a text starts within a larger one (a case within a stream of cases): its byte
/// offset and the line and columns of its first character, so positions found in the text
/// can be given in the coordinates of the whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Byte offset of the text's first byte in the whole.
    pub offset: usize,
    /// Line, column and UTF-16 column of the text's first character in the whole.
    pub at: Position,
}

impl Default for Origin {
    fn default() -> Self {
        Self {
            offset: 0,
            at: Position {
                line: 1,
                column: 1,
                utf16_column: 1,
            },
        }
    }
}

impl Origin {
    /// `local`, a position in the text, as a position in the whole.
    pub fn place(&self, local: Position) -> Position {
        if local.line == 1 {
            Position {
                line: self.at.line,
                column: self.at.column + local.column - 1,
                utf16_column: self.at.utf16_column + local.utf16_column - 1,
            }
        } else {
            Position {
                line: self.at.line + local.line - 1,
                ..local
            }
        }
    }

    /// The origin moved past `bytes`, which follow it in the whole. The counts are plain
    /// passes over the bytes (no per-character branching), so a stream reader can track
    /// where it is at the cost of a memory scan.
    #[must_use]
    pub fn advanced(mut self, bytes: &[u8]) -> Self {
        self.offset += bytes.len();
        let newlines = count_bytes(bytes, |b| b == b'\n');
        // The last line's start, looked for only when there is one (a one-line file is
        // not searched backwards byte by byte for a newline it does not have).
        let (tail, fresh) = match (newlines > 0)
            .then(|| memchr::memrchr(b'\n', bytes))
            .flatten()
        {
            Some(last) => (bytes.get(last + 1..).unwrap_or_default(), true),
            None => (bytes, false),
        };
        // Characters are the bytes that do not continue a UTF-8 sequence; four-byte
        // sequences are two UTF-16 units.
        let chars = count_bytes(tail, |b| (b as i8) >= -0x40);
        let utf16 = chars + count_bytes(tail, |b| b >= 0xF0);
        if fresh {
            self.at = Position {
                line: self.at.line + newlines,
                column: 1 + chars,
                utf16_column: 1 + utf16,
            };
        } else {
            self.at.column += chars;
            self.at.utf16_column += utf16;
        }
        self
    }
}

/// How many of `bytes` satisfy `test`, counted in 8-bit lanes per block of 255 bytes: the
/// compiler turns it into wide vector compares, where a `usize` count per byte would spend
/// most of its time widening.
fn count_bytes(bytes: &[u8], test: impl Fn(u8) -> bool + Copy) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, b| n.wrapping_add(u8::from(test(*b))));
            usize::from(n)
        })
        .sum()
}

#[derive(Clone, Copy, Debug, Default)]
struct Wide {
    at: usize,
    extra_bytes: usize,
    extra_utf16: usize,
    len: usize,
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let text_is_ascii = text.is_ascii();
        let mut wide = Vec::new();
        if !text_is_ascii {
            let (mut extra_bytes, mut extra_utf16) = (0, 0);
            for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                let len = c.len_utf8();
                extra_bytes += len - 1;
                extra_utf16 += len - c.len_utf16();
                wide.push(Wide {
                    at,
                    extra_bytes,
                    extra_utf16,
                    len,
                });
            }
        }
        Self {
            len: text.len(),
            line_starts,
            wide,
            text_is_ascii,
        }
    }

    /// The 1-based line and columns of byte `offset` (clamped to the text and back to a
    /// character boundary, so a bad offset never panics).
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|s| *s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let (bytes_over, utf16_over) = self.extra_between(start, offset);
        let width = offset - start;
        Position {
            line,
            column: width - bytes_over + 1,
            utf16_column: width - utf16_over + 1,
        }
    }

    /// `offset` limited to the text and moved back to the start of the character it is in.
    fn clamp(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        if self.text_is_ascii {
            return offset;
        }
        // The last wide character starting before `offset` may contain it.
        let before = self.wide.partition_point(|w| w.at < offset);
        match before.checked_sub(1).and_then(|i| self.wide.get(i)) {
            Some(w) if offset < w.at + w.len => w.at,
            _ => offset,
        }
    }

    /// The bytes beyond one per character, and beyond UTF-16 units, in `start..end`.
    fn extra_between(&self, start: usize, end: usize) -> (usize, usize) {
        if self.text_is_ascii {
            return (0, 0);
        }
        let totals = |offset: usize| {
            let n = self.wide.partition_point(|w| w.at < offset);
            n.checked_sub(1)
                .and_then(|i| self.wide.get(i))
                .map_or((0, 0), |w| (w.extra_bytes, w.extra_utf16))
        };
        let (b1, u1) = totals(end);
        let (b0, u0) = totals(start);
        (b1 - b0, u1 - u0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position_of;
    use proptest::prelude::*;

    #[test]
    fn lines_and_columns_in_characters_and_utf16() {
        let text = "{\n  \"é😀x\": 1\n}";
        let index = LineIndex::new(text);
        let pos = index.position(text.find('x').unwrap());
        assert_eq!((pos.line, pos.column, pos.utf16_column), (2, 6, 7));
        assert_eq!(index.position(0).line, 1);
        assert_eq!(index.position(text.len()).line, 3);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(99).column, 2);
        assert_eq!(LineIndex::new("ab").position(99).column, 3);
        assert_eq!(LineIndex::new("").position(5).line, 1);
    }

    #[test]
    fn an_origin_moves_positions_into_the_whole() {
        let whole = "[\n  {\"é\": 1},\n {\"x\":\n 2}]";
        let start = whole.find(" {\"x").unwrap() + 1;
        let origin = Origin::default().advanced(&whole.as_bytes()[..start]);
        assert_eq!(origin.at, position_of(whole, start));
        let part = &whole[start..];
        let index = LineIndex::new(part);
        for local in 0..part.len() {
            assert_eq!(
                origin.place(index.position(local)),
                position_of(whole, start + local)
            );
        }
    }

    proptest! {
        /// The index answers exactly what scanning the text from its start answers.
        #[test]
        fn agrees_with_a_scan_from_the_start(text in "[a\n\té😀\u{7ff}\u{10000}]{0,40}", offset in 0usize..200) {
            prop_assert_eq!(LineIndex::new(&text).position(offset), position_of(&text, offset));
        }
    }
}
