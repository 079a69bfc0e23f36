//! The highlighted copy of the text as Yew nodes, one small component per line.
//!
//! Each line gets its text and segments with line-relative offsets as props, so a keystroke
//! re-renders only the line it changed: Yew skips every line whose props are equal. That is
//! what keeps a 10,000-character policy responsive. User text only ever becomes text nodes.

use std::rc::Rc;

use identity_pool::api::{Diagnostic, Severity};
use yew::prelude::*;

use super::highlight::TokenKind;
use super::layout::layout;

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
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LineView {
    text: AttrValue,
    pieces: Rc<Vec<Piece>>,
    end_marker: Option<Mark>,
    severity: Option<Severity>,
}

/// Lays out `text` and turns it into per-line views (see [`layout`]).
pub(super) fn line_views(text: &str, diagnostics: &[Diagnostic]) -> Vec<LineView> {
    let titles: Vec<AttrValue> = diagnostics
        .iter()
        .map(|d| AttrValue::from(hover_text(d)))
        .collect();
    let mark = |index: Option<usize>| {
        let index = index?;
        Some(Mark {
            severity: diagnostics.get(index)?.severity,
            title: titles.get(index)?.clone(),
        })
    };
    layout(text, diagnostics)
        .into_iter()
        .map(|line| {
            let (from, to) = match (line.segments.first(), line.segments.last()) {
                (Some(first), Some(last)) => (first.start, last.end),
                _ => (0, 0),
            };
            let pieces = line
                .segments
                .iter()
                .map(|s| Piece {
                    start: s.start - from,
                    end: s.end - from,
                    kind: s.kind,
                    mark: mark(s.diagnostic),
                })
                .collect();
            LineView {
                text: AttrValue::from(text.get(from..to).unwrap_or_default().to_owned()),
                pieces: Rc::new(pieces),
                end_marker: mark(line.end_marker),
                severity: line.severity,
            }
        })
        .collect()
}

/// The line numbers, marked where a line has a diagnostic.
pub(super) fn gutter_lines(lines: &[LineView]) -> Html {
    html! {
        { for lines.iter().enumerate().map(|(n, line)| {
            let class = classes!("pe-gutter-line", line.severity.map(severity_class));
            html! { <div {class}>{ n + 1 }</div> }
        }) }
    }
}

/// The highlighted copy: one line component each, line breaks between them as text, and
/// a final space so a trailing empty line still takes its height.
pub(super) fn highlighted(lines: &[LineView]) -> Html {
    let count = lines.len();
    html! {
        { for lines.iter().enumerate().map(|(n, line)| html! {
            <>
                <CodeLine line={line.clone()} />
                { if n + 1 < count { "\n" } else { " " } }
            </>
        }) }
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
