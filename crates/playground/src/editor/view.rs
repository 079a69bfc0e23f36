//! The highlighted copy of the text as Yew nodes, one small component per line.
//!
//! Each line gets its text and segments with line-relative offsets as props, so a keystroke
//! re-renders only the line it changed: Yew skips every line whose props are equal. That is
//! what keeps a 10,000-character policy responsive. User text only ever becomes text nodes.

use std::rc::Rc;

use identity_pool::api::{Diagnostic, Severity};
use yew::prelude::*;

use super::highlight::TokenKind;
use super::layout::{layout, Line};

/// A diagnostic mark on a piece of text: its severity (the colour) and hover text.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Mark {
    severity: Severity,
    title: AttrValue,
}

/// A run of one line with one colour, offsets relative to the line's start.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Piece {
    start: usize,
    end: usize,
    kind: TokenKind,
    mark: Option<Mark>,
}

/// Everything one line shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct LineView {
    text: AttrValue,
    pieces: Rc<Vec<Piece>>,
    end_marker: Option<Mark>,
    severity: Option<Severity>,
    /// Characters cut off the end in the read-only view (see [`LineView::clipped`]).
    hidden: usize,
}

/// A line is coloured token by token up to this many bytes; past them, what carries no
/// diagnostic mark is one plain run (as text, no element). The hostile share link's policy
/// written compactly is one line of 60,000 tokens: after "Edit anyway" every keystroke
/// rebuilt and laid out 60,000 spans of that line (about 0.7 s of layout a keystroke);
/// the text stays whole, so the caret and the width still match the textarea's.
pub(super) const COLOURED_BYTES: usize = 2_000;

/// In the read-only view of a long document, a line shows at most this many characters:
/// the hostile policy written compactly is one line of 120,000 characters and 60,000
/// highlighted tokens, which no windowing by lines would shorten.
pub(super) const VIEW_LINE_CHARS: usize = 2_000;

impl LineView {
    /// The line cut after `max_chars` characters, the rest counted (positions before the
    /// cut are unchanged).
    pub(super) fn clipped(&self, max_chars: usize) -> LineView {
        let Some((cut, _)) = self.text.char_indices().nth(max_chars) else {
            return self.clone();
        };
        let pieces = self
            .pieces
            .iter()
            .take_while(|p| p.start < cut)
            .map(|p| Piece {
                end: p.end.min(cut),
                ..p.clone()
            })
            .collect();
        LineView {
            text: AttrValue::from(self.text.get(..cut).unwrap_or_default().to_owned()),
            pieces: Rc::new(pieces),
            end_marker: None,
            severity: self.severity,
            hidden: self.text.get(cut..).unwrap_or_default().chars().count(),
        }
    }
}

/// A text laid out for the highlighted copy: every line's runs (see [`layout`]), each
/// diagnostic's mark and the longest line. The per-line views are made for the lines
/// rendered only: a 30,014-line policy (the hostile share link of issue 13) made 30,014
/// views, each with its own copy of its text, on load and on every keystroke, where a
/// render shows about 180 of them.
pub(super) struct Laid {
    text: AttrValue,
    lines: Vec<Line>,
    marks: Vec<Mark>,
    widest: AttrValue,
}

impl Laid {
    /// Lays out `text` with `diagnostics` (located against it).
    pub fn new(text: &AttrValue, diagnostics: &[Diagnostic]) -> Self {
        let marks = diagnostics
            .iter()
            .map(|d| Mark {
                severity: d.severity,
                title: AttrValue::from(hover_text(d)),
            })
            .collect();
        let lines = layout(text, diagnostics);
        let widest = lines
            .iter()
            .map(|line| line_text(text, line))
            .max_by_key(|line| line.chars().count())
            .unwrap_or_default()
            .to_owned();
        Laid {
            text: text.clone(),
            lines,
            marks,
            widest: AttrValue::from(widest),
        }
    }

    /// How many lines the text has.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The worst severity marked on line `index` (0-based).
    fn severity(&self, index: usize) -> Option<Severity> {
        self.lines.get(index).and_then(|line| line.severity)
    }

    /// What line `index` (0-based) shows.
    fn view(&self, index: usize) -> LineView {
        let Some(line) = self.lines.get(index) else {
            return LineView::default();
        };
        let mark = |index: Option<usize>| self.marks.get(index?).cloned();
        let from = line.segments.first().map_or(0, |s| s.start);
        let mut pieces: Vec<Piece> = Vec::new();
        for s in &line.segments {
            let piece = Piece {
                start: s.start - from,
                end: s.end - from,
                kind: s.kind,
                mark: mark(s.diagnostic),
            };
            match pieces.last_mut() {
                // Past the first `COLOURED_BYTES` of a line, unmarked runs join into one
                // plain run.
                Some(last)
                    if piece.start >= COLOURED_BYTES
                        && piece.mark.is_none()
                        && last.mark.is_none()
                        && last.end == piece.start
                        && (last.start >= COLOURED_BYTES || last.kind == TokenKind::Whitespace) =>
                {
                    last.end = piece.end;
                    last.kind = TokenKind::Whitespace;
                }
                _ => pieces.push(piece),
            }
        }
        LineView {
            text: AttrValue::from(line_text(&self.text, line).to_owned()),
            pieces: Rc::new(pieces),
            end_marker: mark(line.end_marker),
            severity: line.severity,
            hidden: 0,
        }
    }
}

/// The text of one laid-out line.
fn line_text<'a>(text: &'a str, line: &Line) -> &'a str {
    match (line.segments.first(), line.segments.last()) {
        (Some(first), Some(last)) => text.get(first.start..last.end).unwrap_or_default(),
        _ => "",
    }
}

/// Every line's view of `text` (tests look at them all).
#[cfg(test)]
pub(super) fn line_views(text: &str, diagnostics: &[Diagnostic]) -> Vec<LineView> {
    let laid = Laid::new(&AttrValue::from(text.to_owned()), diagnostics);
    (0..laid.len()).map(|i| laid.view(i)).collect()
}

/// Texts longer than this many lines render only the lines around the view (see
/// [`Window`]); shorter ones render every line.
pub(super) const WINDOW_FROM_LINES: usize = 400;

/// Lines rendered above the first line in view.
const WINDOW_BEFORE: usize = 60;

/// Lines rendered from the first line in view on (the box shows about 22).
const WINDOW_AFTER: usize = 120;

/// The lines of a text that are rendered: a 30,000-line policy (a hostile share link) would
/// otherwise be 60,000 elements to build, lay out and diff on every keystroke. The lines
/// outside stand in as empty lines of the same fixed height, so the box keeps its height
/// and the caret its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Window {
    /// The first rendered line (0-based).
    pub first: usize,
    /// One past the last rendered line.
    pub end: usize,
}

impl Window {
    /// Every line of a text of `count` lines.
    pub fn all(count: usize) -> Self {
        Self {
            first: 0,
            end: count,
        }
    }

    /// The lines around `top` (the first line in view) of a text of `count` lines: all of
    /// them for a short text.
    pub fn around(top: usize, count: usize) -> Self {
        if count <= WINDOW_FROM_LINES {
            return Self::all(count);
        }
        Self {
            first: top.saturating_sub(WINDOW_BEFORE).min(count),
            end: top.saturating_add(WINDOW_AFTER).min(count),
        }
    }

    /// The window cut to a text of `count` lines.
    fn within(self, count: usize) -> Self {
        let end = self.end.min(count);
        Self {
            first: self.first.min(end),
            end,
        }
    }

    fn is_all(self, count: usize) -> bool {
        self.first == 0 && self.end >= count
    }
}

/// Blocks as high as `count` lines: one per set bit of `count`, each sized by a class
/// (`pe-skip-K` is 2^K lines high, editor.css), since the page's Content-Security-Policy
/// allows no inline style. A handful of fixed-height boxes are laid out at once, where
/// thousands of empty lines of text would each be a line box.
fn skip(count: usize) -> Html {
    let mut rest = count;
    let mut blocks = Vec::new();
    for k in (0..=SKIP_MAX).rev() {
        let size = 1usize << k;
        while rest >= size {
            rest -= size;
            blocks.push(html! { <div class={format!("pe-skip pe-skip-{k}")}></div> });
        }
    }
    blocks.into_iter().collect()
}

/// The largest `pe-skip-K` class in editor.css.
const SKIP_MAX: u32 = 15;

/// The line numbers, marked where a line has a diagnostic.
pub(super) fn gutter_lines(lines: &Laid, window: Window) -> Html {
    let count = lines.len();
    let window = window.within(count);
    html! {
        <>
            { skip(window.first) }
            { for (window.first..window.end).map(|index| {
                let number = index + 1;
                let class = classes!("pe-gutter-line", lines.severity(index).map(severity_class));
                html! { <div {class} data-line={number.to_string()}>{ number }</div> }
            }) }
            if !window.is_all(count) {
                { skip(count.saturating_sub(window.end)) }
                // The widest number sets the gutter's width, rendered or not.
                <div class="pe-gutter-line pe-measure">{ count }</div>
            }
        </>
    }
}

/// The highlighted copy: one line component each, line breaks between them as text, and
/// a final space so a trailing empty line still takes its height. The lines outside the
/// window are blocks of their height: before them a line ends without its line break.
/// With `clip` (the read-only view), each line shows at most that many characters.
pub(super) fn highlighted(lines: &Laid, window: Window, clip: Option<usize>) -> Html {
    let fit = |line: LineView| match clip {
        Some(max) => line.clipped(max),
        None => line,
    };
    let count = lines.len();
    let window = window.within(count);
    let last = window.end;
    html! {
        <>
            { skip(window.first) }
            { for (window.first..window.end).map(|index| {
                let number = index + 1;
                let end = if number == count { " " } else if number == last { "" } else { "\n" };
                html! {
                    <>
                        <CodeLine line={fit(lines.view(index))} />
                        { end }
                    </>
                }
            }) }
            if !window.is_all(count) {
                { skip(count.saturating_sub(last)) }
                // The longest line sets the box's width, rendered or not.
                <span class="pe-measure">{ lines.widest.clone() }</span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CodeLineProps {
    line: LineView,
}

#[component]
fn CodeLine(props: &CodeLineProps) -> Html {
    let line = &props.line;
    html! {
        <span class={classes!("pe-line", line.severity.map(severity_class))}>
            { for line.pieces.iter().map(|p| piece(&line.text, p)) }
            if let Some(mark) = &line.end_marker {
                <span class={classes!("pe-end-marker", "pe-diag", severity_class(mark.severity))}
                    title={mark.title.clone()}>{ " " }</span>
            }
            if line.hidden > 0 {
                <span class="pe-clipped" data-testid="clipped-line">
                    { format!(" … {} more characters", line.hidden) }
                </span>
            }
        </span>
    }
}

fn piece(text: &str, piece: &Piece) -> Html {
    let content = text.get(piece.start..piece.end).unwrap_or_default();
    match &piece.mark {
        // Plain whitespace needs no element: fewer nodes, faster renders.
        None if piece.kind == TokenKind::Whitespace => html! { { content } },
        None => html! { <span class={piece.kind.class()}>{ content }</span> },
        Some(mark) => html! {
            <span class={classes!(piece.kind.class(), "pe-diag", severity_class(mark.severity))}
                title={mark.title.clone()}>{ content }</span>
        },
    }
}

fn hover_text(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{}: {}\n{}", severity_name(d.severity), d.message, help),
        None => format!("{}: {}", severity_name(d.severity), d.message),
    }
}

/// `error` or `warning`, as shown to users.
pub(super) fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The CSS class for a severity.
pub(super) fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "pe-error",
        Severity::Warning => "pe-warning",
    }
}

#[cfg(test)]
mod tests {
    use identity_pool::api::{Diagnostic, Position, Severity};

    use super::{line_views, Piece, Window, COLOURED_BYTES, WINDOW_FROM_LINES};

    #[test]
    fn the_view_cuts_a_very_long_line_and_counts_the_rest() {
        let text = format!("[{}]", vec!["\"x\""; 1_000].join(","));
        let lines = line_views(&text, &[]);
        let full = lines.first().cloned().unwrap_or_else(|| panic!("one line"));
        let cut = full.clipped(10);
        assert_eq!(cut.text.as_str(), "[\"x\",\"x\",\"");
        assert_eq!(cut.hidden, text.chars().count() - 10);
        assert!(cut.pieces.iter().all(|p| p.end <= 10));
        assert_eq!(cut.pieces.last().map(|p| p.end), Some(10));
        // A short line is left whole.
        assert_eq!(full.clipped(100_000), full);
    }

    #[test]
    fn past_its_first_bytes_a_long_line_is_one_plain_run_but_keeps_its_marks_and_text() {
        let text = format!("[{}\"y\"]", "\"x\",".repeat(5_000));
        let y = text.len() - 4 + 1;
        let mark = Diagnostic {
            code: "test::code".to_owned(),
            severity: Severity::Warning,
            message: "m".to_owned(),
            help: None,
            span: None,
            start: Some(Position {
                line: 1,
                column: y,
                utf16_column: y,
            }),
            end: Some(Position {
                line: 1,
                column: y + 3,
                utf16_column: y + 3,
            }),
        };
        let lines = line_views(&text, &[mark]);
        let line = lines.first().cloned().unwrap_or_else(|| panic!("one line"));
        // Token by token up to the limit, then one plain run, the mark, the bracket.
        let past: Vec<&Piece> = line
            .pieces
            .iter()
            .filter(|p| p.start >= COLOURED_BYTES)
            .collect();
        assert!(past.len() <= 4, "{past:?}");
        assert!(line.pieces.len() < COLOURED_BYTES, "{}", line.pieces.len());
        assert!(line
            .pieces
            .iter()
            .any(|p| p.mark.is_some() && &line.text[p.start..p.end] == "\"y\""));
        // Every byte is in one piece, in order.
        let whole: String = line
            .pieces
            .iter()
            .map(|p| &line.text[p.start..p.end])
            .collect();
        assert_eq!(whole, text);
    }

    #[test]
    fn a_short_text_renders_every_line_a_long_one_the_lines_around_the_view() {
        assert_eq!(Window::around(0, 30), Window::all(30));
        assert_eq!(Window::around(300, WINDOW_FROM_LINES), Window::all(400));
        let long = 30_000;
        let top = Window::around(0, long);
        assert_eq!((top.first, top.end), (0, 120));
        let middle = Window::around(15_000, long);
        assert_eq!((middle.first, middle.end), (14_940, 15_120));
        let bottom = Window::around(29_990, long);
        assert_eq!((bottom.first, bottom.end), (29_930, long));
        assert!(!middle.is_all(long) && Window::all(long).is_all(long));
    }
}
