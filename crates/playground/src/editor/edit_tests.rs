//! Texts are written with the selection marked: `|` is a caret, `«…»` a selection.

use super::*;
use crate::editor::text::{byte_to_utf16, utf16_to_byte};
use proptest::prelude::*;

fn snap(marked: &str) -> Snapshot {
    let text: String = marked.chars().filter(|c| !"|«»".contains(*c)).collect();
    let (start, end) = if let Some(caret) = marked.find('|') {
        (caret, caret)
    } else {
        let open = marked.find('«').unwrap();
        let close = marked.find('»').unwrap() - '«'.len_utf8();
        (open, close)
    };
    Snapshot {
        start: byte_to_utf16(&text, start),
        end: byte_to_utf16(&text, end),
        text,
    }
}

fn show(snapshot: &Snapshot) -> String {
    let start = utf16_to_byte(&snapshot.text, snapshot.start);
    let end = utf16_to_byte(&snapshot.text, snapshot.end);
    let mut out = snapshot.text.clone();
    if start == end {
        out.insert(start, '|');
    } else {
        out.insert(end, '»');
        out.insert(start, '«');
    }
    out
}

#[test]
fn tab_inserts_two_spaces_at_the_caret() {
    assert_eq!(show(&indent(&snap("{|}"))), "{  |}");
    assert_eq!(show(&indent(&snap("\"é|\""))), "\"é  |\"");
}

#[test]
fn tab_replaces_a_selection_within_one_line() {
    assert_eq!(show(&indent(&snap("a«bc»d"))), "a  |d");
}

#[test]
fn tab_indents_every_selected_line() {
    assert_eq!(
        show(&indent(&snap("{\n\"a«\": 1,\n\"b\": 2»\n}"))),
        "{\n  \"a«\": 1,\n  \"b\": 2»\n}"
    );
}

#[test]
fn tab_keeps_whole_line_selections_whole() {
    assert_eq!(
        show(&indent(&snap("x\n«a\nb\n»c"))),
        "x\n«  a\n  b\n»c",
        "the line after a selection ending at column 1 is left alone"
    );
}

#[test]
fn shift_tab_removes_one_level_from_the_caret_line() {
    assert_eq!(show(&dedent(&snap("{\n    \"a|\"\n}"))), "{\n  \"a|\"\n}");
    assert_eq!(show(&dedent(&snap(" |x"))), "|x");
    assert_eq!(show(&dedent(&snap("\t|x"))), "|x");
    assert_eq!(show(&dedent(&snap("|x"))), "|x");
}

#[test]
fn shift_tab_dedents_every_selected_line() {
    assert_eq!(show(&dedent(&snap("  «a\n    b\nc»"))), "«a\n  b\nc»");
    assert_eq!(show(&dedent(&snap("  a«b\n  c»d"))), "a«b\nc»d");
}

#[test]
fn shift_tab_with_caret_inside_the_indentation_lands_at_line_start() {
    assert_eq!(show(&dedent(&snap(" | x"))), "|x");
}

#[test]
fn enter_keeps_the_indentation() {
    assert_eq!(
        show(&newline(&snap("{\n    \"a\": 1,|\n}"))),
        "{\n    \"a\": 1,\n    |\n}"
    );
    assert_eq!(show(&newline(&snap("x|"))), "x\n|");
}

#[test]
fn enter_after_an_opening_bracket_indents_one_more() {
    assert_eq!(show(&newline(&snap("  \"a\": [|1"))), "  \"a\": [\n    |1");
}

#[test]
fn enter_between_brackets_puts_the_closer_on_its_own_line() {
    assert_eq!(show(&newline(&snap("  {|}"))), "  {\n    |\n  }");
    assert_eq!(show(&newline(&snap("[|  ]"))), "[\n  |\n  ]");
}

#[test]
fn enter_replaces_the_selection() {
    assert_eq!(show(&newline(&snap("  a«bc»d"))), "  a\n  |d");
}

#[test]
fn a_closing_bracket_on_a_blank_line_moves_one_level_left() {
    let typed = close_bracket(&snap("{\n  \"a\": [\n    1\n    |"), ']').unwrap();
    assert_eq!(show(&typed), "{\n  \"a\": [\n    1\n  ]|");
    assert_eq!(show(&close_bracket(&snap("[\n  |"), '}').unwrap()), "[\n}|");
}

#[test]
fn a_closing_bracket_after_text_or_without_indentation_is_typed_as_usual() {
    assert_eq!(close_bracket(&snap("  1|"), ']'), None);
    assert_eq!(close_bracket(&snap(" |"), ']'), None);
    assert_eq!(close_bracket(&snap("  «x»"), ']'), None);
    assert_eq!(close_bracket(&snap("\t|"), ']'), None);
    assert_eq!(close_bracket(&snap("    |"), 'x'), None);
}

proptest! {
    /// Indenting then dedenting a multi-line selection gives back the text.
    #[test]
    fn indent_then_dedent_restores_text(lines in prop::collection::vec("[a-z{}\\[\\]\" :,]{0,8}", 2..6)) {
        let text = lines.join("\n");
        let snapshot = Snapshot { start: 0, end: text.encode_utf16().count(), text: text.clone() };
        let back = dedent(&indent(&snapshot));
        prop_assert_eq!(back.text, text);
    }

    /// The commands keep the selection inside the text, whatever the input.
    #[test]
    fn commands_are_total(text in any::<String>(), a in 0usize..64, b in 0usize..64) {
        let snapshot = Snapshot { text, start: a, end: b };
        let closed = close_bracket(&snapshot, '}');
        for result in [indent(&snapshot), dedent(&snapshot), newline(&snapshot)].into_iter().chain(closed) {
            let len = result.text.encode_utf16().count();
            prop_assert!(result.start <= len && result.end <= len);
        }
    }
}
