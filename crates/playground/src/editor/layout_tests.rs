use super::*;
use identity_pool::api::Position;
use proptest::prelude::*;

fn at(line: usize, column: usize) -> Position {
    Position {
        line,
        column,
        utf16_column: column,
    }
}

fn diagnostic(severity: Severity, start: Position, end: Position) -> Diagnostic {
    Diagnostic {
        code: "test::code".to_owned(),
        severity,
        message: "message".to_owned(),
        help: None,
        span: None,
        start: Some(start),
        end: Some(end),
    }
}

/// The underlined text of each line, joined per diagnostic: `(line number, text, index)`.
fn underlined<'a>(text: &'a str, lines: &[Line]) -> Vec<(usize, &'a str, usize)> {
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        for segment in &line.segments {
            let Some(index) = segment.diagnostic else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.0 == n + 1 && last.3 == index && last.2 == segment.start => {
                    last.2 = segment.end;
                }
                _ => out.push((n + 1, segment.start, segment.end, index)),
            }
        }
    }
    out.into_iter()
        .map(|(n, s, e, i)| (n, &text[s..e], i))
        .collect()
}

#[test]
fn lines_hold_the_text_without_line_breaks() {
    let text = "{\n  \"a\": 1\n}\n";
    let lines = layout(text, &[]);
    assert_eq!(lines.len(), 4);
    let rebuilt: Vec<String> = lines
        .iter()
        .map(|l| l.segments.iter().map(|s| &text[s.start..s.end]).collect())
        .collect();
    assert_eq!(rebuilt, ["{", "  \"a\": 1", "}", ""]);
    assert_eq!(lines[1].segments[1].kind, TokenKind::Key);
}

#[test]
fn underline_covers_exactly_the_range_even_inside_a_token() {
    let text = "{\n  \"Effect\": \"Alow\"\n}";
    let d = diagnostic(Severity::Error, at(2, 13), at(2, 19));
    let lines = layout(text, &[d]);
    assert_eq!(underlined(text, &lines), [(2, "\"Alow\"", 0)]);
    assert_eq!(lines[1].severity, Some(Severity::Error));
    assert_eq!(lines[0].severity, None);

    let inner = diagnostic(Severity::Warning, at(2, 14), at(2, 16));
    assert_eq!(underlined(text, &layout(text, &[inner])), [(2, "Al", 0)]);
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "[\"é😀\", tru]";
    // `tru` starts at character column 8 (bytes would say 12).
    let d = diagnostic(Severity::Error, at(1, 8), at(1, 11));
    assert_eq!(underlined(text, &layout(text, &[d])), [(1, "tru", 0)]);
}

#[test]
fn a_range_over_several_lines_underlines_each_part() {
    let text = "{\n  \"a\": [\n    1\n  ]\n}";
    let d = diagnostic(Severity::Warning, at(2, 8), at(4, 4));
    let lines = layout(text, &[d]);
    assert_eq!(
        underlined(text, &lines),
        [(2, "[", 0), (3, "    1", 0), (4, "  ]", 0)]
    );
    assert!(lines[1..4]
        .iter()
        .all(|l| l.severity == Some(Severity::Warning)));
}

#[test]
fn zero_width_diagnostic_takes_one_character_or_marks_the_line_end() {
    let text = "{\"a\" 1}\n[";
    let inside = diagnostic(Severity::Error, at(1, 6), at(1, 6));
    assert_eq!(underlined(text, &layout(text, &[inside])), [(1, "1", 0)]);
    let at_end = diagnostic(Severity::Error, at(2, 2), at(2, 2));
    let lines = layout(text, &[at_end]);
    assert!(underlined(text, &lines).is_empty());
    assert_eq!(lines[1].end_marker, Some(0));
    assert_eq!(lines[1].severity, Some(Severity::Error));
}

#[test]
fn errors_win_over_warnings_where_they_overlap() {
    let text = "\"abcdef\"";
    let warning = diagnostic(Severity::Warning, at(1, 1), at(1, 9));
    let error = diagnostic(Severity::Error, at(1, 3), at(1, 5));
    assert_eq!(
        underlined(text, &layout(text, &[warning, error])),
        [(1, "\"a", 0), (1, "bc", 1), (1, "def\"", 0)]
    );
}

#[test]
fn positions_out_of_range_are_clamped_not_fatal() {
    let text = "{}";
    let far = diagnostic(Severity::Error, at(40, 3), at(41, 9));
    let lines = layout(text, &[far]);
    assert_eq!(lines.len(), 1);
    let backwards = diagnostic(Severity::Error, at(1, 2), at(1, 1));
    assert_eq!(underlined(text, &layout(text, &[backwards])), [(1, "}", 0)]);
}

#[test]
fn diagnostics_without_position_are_skipped() {
    let mut d = diagnostic(Severity::Error, at(1, 1), at(1, 2));
    d.start = None;
    let lines = layout("{}", &[d]);
    assert!(lines
        .iter()
        .all(|l| l.severity.is_none() && l.end_marker.is_none()));
}

#[test]
fn a_120000_character_line_with_a_hundred_warnings_underlines_each_one() {
    // The hostile share link's policy, compact: 30,000 `"x"` on one line, warned about
    // (capped) for the first hundred. Each warning lands on its own `"x"`; the rest of the
    // line keeps its token segments (printed: how long the layout took).
    let text = format!("[{}]", vec!["\"x\""; 30_000].join(","));
    let warnings: Vec<Diagnostic> = (0..100)
        .map(|k| {
            let column = 2 + 4 * k;
            diagnostic(Severity::Warning, at(1, column), at(1, column + 3))
        })
        .collect();
    let started = std::time::Instant::now();
    let lines = layout(&text, &warnings);
    println!(
        "layout of 120,001 characters, 100 warnings: {:?}",
        started.elapsed()
    );
    let marks = underlined(&text, &lines);
    assert_eq!(marks.len(), 100);
    assert!(
        marks.iter().enumerate().all(|(k, m)| *m == (1, "\"x\"", k)),
        "{:?}",
        marks.first()
    );
    assert_eq!(lines.first().map(|l| l.segments.len()), Some(60_001));
}

#[test]
fn a_long_line_finds_its_few_underlines_among_thousands_of_segments() {
    // `["x","x",...,"y"]` on one line: 2,001 strings, about 4,000 segments.
    let text = format!("[{}\"y\"]", "\"x\",".repeat(2_000));
    let y = text.len() - 4 + 1; // 1-based column of `"y"`
    let last = diagnostic(Severity::Warning, at(1, y), at(1, y + 3));
    let first = diagnostic(Severity::Warning, at(1, 2), at(1, 5));
    // A range over several segments, and one inside it (the error wins where they meet).
    let wide = diagnostic(Severity::Warning, at(1, 10), at(1, 22));
    let inner = diagnostic(Severity::Error, at(1, 14), at(1, 17));
    let lines = layout(&text, &[last, first, wide, inner]);
    assert_eq!(
        underlined(&text, &lines),
        [
            (1, "\"x\"", 1),
            (1, "\"x\",", 2),
            (1, "\"x\"", 3),
            (1, ",\"x\",", 2),
            (1, "\"y\"", 0),
        ]
    );
}

proptest! {
    /// Whatever the text and positions, segments still cover every character of every line.
    #[test]
    fn segments_cover_the_text(
        text in "[{}\\[\\]\" :,a-zé😀\n]{0,40}",
        positions in prop::collection::vec((0usize..6, 0usize..12, 0usize..6, 0usize..12), 0..4),
    ) {
        let diagnostics: Vec<_> = positions
            .iter()
            .map(|&(l1, c1, l2, c2)| diagnostic(Severity::Error, at(l1, c1), at(l2, c2)))
            .collect();
        let lines = layout(&text, &diagnostics);
        let rebuilt: Vec<String> = lines
            .iter()
            .map(|l| l.segments.iter().map(|s| &text[s.start..s.end]).collect())
            .collect();
        prop_assert_eq!(rebuilt.join("\n"), text);
    }
}
