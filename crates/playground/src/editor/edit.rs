//! The editing commands a JSON editor user expects, as pure functions from one
//! [`Snapshot`] to the next: Tab indents, Shift+Tab dedents, Enter keeps the indentation.

use super::text::{line_end_from, line_start_before, Snapshot};

/// One level of indentation. Two spaces, as the formatter writes.
pub const INDENT: &str = "  ";

/// Tab: with a caret or a selection inside one line, insert [`INDENT`] in place of the
/// selection; with a selection over several lines, indent each of those lines.
pub fn indent(snapshot: &Snapshot) -> Snapshot {
    let text = &snapshot.text;
    let (start, end) = snapshot.byte_selection();
    let Some(lines) = selected_lines(text, start, end) else {
        return replace(text, start, end, INDENT);
    };
    let mut out = String::with_capacity(text.len() + INDENT.len() * lines.len());
    let mut copied = 0;
    for &line in &lines {
        out.push_str(text.get(copied..line).unwrap_or_default());
        out.push_str(INDENT);
        copied = line;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    // A selection that starts at a line's start keeps covering the whole line.
    let first_line = lines.first().copied().unwrap_or(start);
    let new_start = if start == first_line {
        start
    } else {
        start + INDENT.len()
    };
    let new_end = end + INDENT.len() * lines.len();
    Snapshot::from_bytes(out, new_start, new_end)
}

/// Shift+Tab: remove up to one [`INDENT`] (or one tab) from the start of each line the
/// selection touches, or of the caret's line.
pub fn dedent(snapshot: &Snapshot) -> Snapshot {
    let text = &snapshot.text;
    let (start, end) = snapshot.byte_selection();
    let lines =
        selected_lines(text, start, end).unwrap_or_else(|| vec![line_start_before(text, start)]);
    let removals: Vec<(usize, usize)> = lines
        .iter()
        .map(|&line| (line, leading_indent_to_remove(text, line)))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for &(line, removed) in &removals {
        out.push_str(text.get(copied..line).unwrap_or_default());
        copied = line + removed;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    let moved = |offset: usize| {
        removals.iter().fold(offset, |acc, &(line, removed)| {
            // Removed bytes before `offset` pull it left; an offset inside the removed
            // indentation lands on the line's start.
            acc - offset.saturating_sub(line).min(removed)
        })
    };
    Snapshot::from_bytes(out, moved(start), moved(end))
}

/// Enter: a line break, then the current line's indentation; one level more after an
/// opening `{` or `[`, and when the caret sits between a bracket pair, the closing bracket
/// moves to its own line at the original indentation.
pub fn newline(snapshot: &Snapshot) -> Snapshot {
    let text = &snapshot.text;
    let (start, end) = snapshot.byte_selection();
    let line = line_start_before(text, start);
    let before = text.get(line..start).unwrap_or_default();
    let indentation: String = before
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let opener = before.trim_end().chars().last();
    let after = text.get(end..line_end_from(text, end)).unwrap_or_default();
    let closer = after.trim_start().chars().next();
    let mut insert = format!("\n{indentation}");
    if matches!(opener, Some('{' | '[')) {
        insert.push_str(INDENT);
        let caret = start + insert.len();
        if matches!(
            (opener, closer),
            (Some('{'), Some('}')) | (Some('['), Some(']'))
        ) {
            insert.push('\n');
            insert.push_str(&indentation);
        }
        let mut result = replace(text, start, end, &insert);
        result.start = super::text::byte_to_utf16(&result.text, caret);
        result.end = result.start;
        return result;
    }
    replace(text, start, end, &insert)
}

/// Typing `}` or `]` on a line that holds only indentation before the caret: the bracket
/// goes one level left, to line up with its opening line. `None` when there is nothing to
/// adjust, and the browser types the character as usual.
pub fn close_bracket(snapshot: &Snapshot, bracket: char) -> Option<Snapshot> {
    if !matches!(bracket, '}' | ']') {
        return None;
    }
    let text = &snapshot.text;
    let (start, end) = snapshot.byte_selection();
    if start != end {
        return None;
    }
    let line = line_start_before(text, start);
    let before = text.get(line..start)?;
    if before.len() < INDENT.len() || !before.bytes().all(|b| b == b' ') {
        return None;
    }
    let mut closer = [0u8; 4];
    let closer = bracket.encode_utf8(&mut closer);
    Some(replace(text, start - INDENT.len(), start, closer))
}

/// `text` with bytes `start..end` replaced by `insert`, caret after the insertion.
fn replace(text: &str, start: usize, end: usize, insert: &str) -> Snapshot {
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(text.get(..start).unwrap_or_default());
    out.push_str(insert);
    out.push_str(text.get(end..).unwrap_or_default());
    let caret = start + insert.len();
    Snapshot::from_bytes(out, caret, caret)
}

/// The start offsets of the lines a multi-line selection covers, or `None` when the
/// selection is within one line. A selection ending at the very start of a line does not
/// cover that line (as in every code editor).
fn selected_lines(text: &str, start: usize, end: usize) -> Option<Vec<usize>> {
    let first = line_start_before(text, start);
    let last = line_start_before(text, end);
    if first == last {
        return None;
    }
    let last = if last == end && last > start {
        line_start_before(text, last.saturating_sub(1))
    } else {
        last
    };
    let mut lines = vec![first];
    let mut at = first;
    while at < last {
        at = line_end_from(text, at) + 1;
        if at > last || at > text.len() {
            break;
        }
        lines.push(at);
    }
    Some(lines)
}

/// How many bytes of indentation Shift+Tab removes at the start of the line at `line`.
fn leading_indent_to_remove(text: &str, line: usize) -> usize {
    let rest = text.get(line..).unwrap_or_default();
    if rest.starts_with('\t') {
        return 1;
    }
    rest.bytes()
        .take(INDENT.len())
        .take_while(|b| *b == b' ')
        .count()
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "edit_tests.rs"]
mod tests;
