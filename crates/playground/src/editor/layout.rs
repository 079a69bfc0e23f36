//! What the highlighted copy of the text shows: lines of coloured segments, some of them
//! underlined for a diagnostic. Pure, so the placement of every underline is tested natively;
//! the component only turns it into `<span>`s.

use identity_pool::api::{Diagnostic, Severity};

use super::highlight::{tokenize, TokenKind};

/// A run of text on one line with one colour and at most one diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First byte in the whole text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its token kind (the colour).
    pub kind: TokenKind,
    /// Index into the diagnostics of the one underlining it (errors win over warnings,
    /// then the earlier one in the list).
    pub diagnostic: Option<usize>,
}

/// One line of the text (without its line break).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    /// The line's segments, in order; empty for an empty line.
    pub segments: Vec<Segment>,
    /// A diagnostic that points at the end of this line (nothing there to underline), shown
    /// as a marker after the last character.
    pub end_marker: Option<usize>,
    /// The worst severity of the diagnostics on this line, for the line-number gutter.
    pub severity: Option<Severity>,
}

/// A diagnostic's byte range in the text and its index; zero-width ones get one character.
#[derive(Clone, Copy, Debug)]
struct Range {
    start: usize,
    end: usize,
    index: usize,
}

/// Lays out `text` with `diagnostics` (those without a position are skipped: the list
/// below the editor still shows them).
pub fn layout(text: &str, diagnostics: &[Diagnostic]) -> Vec<Line> {
    let mut lines = token_lines(text);
    let index_of_lines = LineStarts::new(text);
    let mut ranges = Vec::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let Some(start) = diagnostic.start else {
            continue;
        };
        let from = index_of_lines.byte_at(text, start.line, start.column);
        let to = diagnostic
            .end
            .map_or(from, |end| {
                index_of_lines.byte_at(text, end.line, end.column)
            })
            .max(from);
        let line = index_of_lines.line_of(from);
        if let Some(l) = lines.get_mut(line) {
            l.severity = worse(l.severity, diagnostic.severity);
        }
        if from == to {
            // Nothing to underline: take the character at the spot, or mark the line's end.
            let line_end = index_of_lines.line_end(line, text.len());
            if from < line_end {
                let next = text
                    .get(from..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(from, |c| from + c.len_utf8());
                ranges.push(Range {
                    start: from,
                    end: next,
                    index,
                });
            } else if let Some(l) = lines.get_mut(line) {
                if l.end_marker.is_none_or(|m| outranks(diagnostics, index, m)) {
                    l.end_marker = Some(index);
                }
            }
            continue;
        }
        for l in line..=index_of_lines.line_of(to) {
            if let Some(l) = lines.get_mut(l) {
                l.severity = worse(l.severity, diagnostic.severity);
            }
        }
        ranges.push(Range {
            start: from,
            end: to,
            index,
        });
    }
    // Earlier in this order wins where ranges overlap: errors first, then the rest, each
    // in the diagnostics' order. The ranges were pushed in that order, so a stable
    // partition gives it without a sort (a sort of its own costs the page about 1.8 KB).
    let (mut ranges, others): (Vec<Range>, Vec<Range>) = ranges
        .into_iter()
        .partition(|r| severity_rank(diagnostics, r.index) == 0);
    ranges.extend(others);
    if !ranges.is_empty() {
        for line in &mut lines {
            cut_line(line, &ranges);
        }
    }
    lines
}

/// Where each line starts, found in one pass: a diagnostic's position becomes a byte offset
/// without scanning the text from its start (or a 120,000-character line to its end) each
/// time.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }

    /// The 0-based line of a byte offset.
    fn line_of(&self, byte: usize) -> usize {
        self.0
            .partition_point(|&start| start <= byte)
            .saturating_sub(1)
    }

    /// The byte offset of the line break ending 0-based `line` (or the text's end).
    fn line_end(&self, line: usize, text_len: usize) -> usize {
        self.0.get(line + 1).map_or(text_len, |next| next - 1)
    }

    /// The byte offset of a 1-based line and 1-based column counted in Unicode scalar
    /// values, clamped to that line's end (the text's end past its last line).
    fn byte_at(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.0.get(line.max(1) - 1) else {
            return text.len();
        };
        let end = self.line_end(line.max(1) - 1, text.len());
        let line_text = text.get(start..end).unwrap_or_default();
        line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(end, |(i, _)| start + i)
    }
}

/// The token segments of each line, split at line breaks.
fn token_lines(text: &str) -> Vec<Line> {
    let mut lines = vec![Line::default()];
    for token in tokenize(text) {
        let mut at = token.start;
        let piece = text.get(token.start..token.end).unwrap_or_default();
        for (i, _) in piece.match_indices('\n') {
            let break_at = token.start + i;
            push_segment(&mut lines, at, break_at, token.kind);
            lines.push(Line::default());
            at = break_at + 1;
        }
        push_segment(&mut lines, at, token.end, token.kind);
    }
    lines
}

fn push_segment(lines: &mut [Line], start: usize, end: usize, kind: TokenKind) {
    if end <= start {
        return;
    }
    if let Some(line) = lines.last_mut() {
        line.segments.push(Segment {
            start,
            end,
            kind,
            diagnostic: None,
        });
    }
}

/// Splits the line's segments at the diagnostic boundaries inside them and assigns each
/// piece the first range (in priority order) that covers it.
fn cut_line(line: &mut Line, ranges: &[Range]) {
    let (Some(first), Some(last)) = (line.segments.first(), line.segments.last()) else {
        return;
    };
    let (line_start, line_end) = (first.start, last.end);
    let touching: Vec<&Range> = ranges
        .iter()
        .filter(|r| r.start < line_end && r.end > line_start)
        .collect();
    if touching.is_empty() {
        return;
    }
    // How many of the line's bytes lie under some range before each offset (from the
    // ranges' edges, one pass over the line): a segment is touched when its bytes count
    // any. Asking every range for each segment made a line of 60,000 segments (a hostile
    // policy written compactly) with 101 diagnostics cost 6 million tests.
    let len = line_end - line_start;
    let mut edges = vec![0i32; len + 1];
    for r in &touching {
        let from = r.start.max(line_start) - line_start;
        let to = r.end.min(line_end) - line_start;
        if let Some(edge) = edges.get_mut(from) {
            *edge += 1;
        }
        if let Some(edge) = edges.get_mut(to) {
            *edge -= 1;
        }
    }
    let mut depth = 0;
    let mut covered = 0usize;
    let under: Vec<usize> = std::iter::once(0)
        .chain(edges.iter().take(len).map(|edge| {
            depth += edge;
            covered += usize::from(depth > 0);
            covered
        }))
        .collect();
    let touched = |segment: &Segment| {
        let before = under.get(segment.start - line_start);
        let through = under.get(segment.end - line_start);
        matches!((before, through), (Some(before), Some(through)) if through > before)
    };
    let mut out = Vec::with_capacity(line.segments.len() + 2 * touching.len());
    for segment in &line.segments {
        // Most segments of a long line lie outside every underline: kept whole, with no
        // allocation (a 120,000-character line has 60,000 segments).
        if !touched(segment) {
            out.push(*segment);
            continue;
        }
        let mut cuts = vec![segment.start, segment.end];
        for r in &touching {
            for at in [r.start, r.end] {
                if at > segment.start && at < segment.end {
                    cuts.push(at);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            if let [start, end] = *pair {
                let diagnostic = touching
                    .iter()
                    .find(|r| r.start <= start && end <= r.end)
                    .map(|r| r.index);
                out.push(Segment {
                    start,
                    end,
                    kind: segment.kind,
                    diagnostic,
                });
            }
        }
    }
    line.segments = out;
}

fn severity_rank(diagnostics: &[Diagnostic], index: usize) -> u8 {
    match diagnostics.get(index).map(|d| d.severity) {
        Some(Severity::Error) => 0,
        _ => 1,
    }
}

fn outranks(diagnostics: &[Diagnostic], a: usize, b: usize) -> bool {
    (severity_rank(diagnostics, a), a) < (severity_rank(diagnostics, b), b)
}

fn worse(current: Option<Severity>, new: Severity) -> Option<Severity> {
    match (current, new) {
        (Some(Severity::Error), _) | (_, Severity::Error) => Some(Severity::Error),
        _ => Some(Severity::Warning),
    }
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "layout_tests.rs"]
mod tests;
