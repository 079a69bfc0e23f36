//! A segment-at-a-time matcher for the pattern shapes real policies use: literal text and
//! variables separated by `*` (no `?`). It compares whole pieces with slice operations
//! instead of stepping character by character; `None` means "shape not handled, use the
//! general matcher".

use super::Piece;

/// The text of a literal or variable piece (variables resolved through `vals`).
fn text_of<'p>(piece: &'p Piece, vals: &[&'p str]) -> Option<&'p str> {
    match piece {
        Piece::Lit(s) => Some(s),
        Piece::Var { slot, .. } => vals.get(*slot).copied(),
        Piece::Star | Piece::One => None,
    }
}

fn eq(a: &[u8], b: &[u8], fold: bool) -> bool {
    if fold {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

/// Consumes `segment` (pieces without wildcards) from the front of `text`.
fn strip_prefix<'t>(
    segment: &[Piece],
    vals: &[&str],
    text: &'t [u8],
    fold: bool,
) -> Option<&'t [u8]> {
    let mut rest = text;
    for piece in segment {
        let s = text_of(piece, vals)?.as_bytes();
        let (head, tail) = (rest.get(..s.len())?, rest.get(s.len()..)?);
        if !eq(head, s, fold) {
            return None;
        }
        rest = tail;
    }
    Some(rest)
}

/// Consumes `segment` from the back of `text`.
fn strip_suffix<'t>(
    segment: &[Piece],
    vals: &[&str],
    text: &'t [u8],
    fold: bool,
) -> Option<&'t [u8]> {
    let mut rest = text;
    for piece in segment.iter().rev() {
        let s = text_of(piece, vals)?.as_bytes();
        let cut = rest.len().checked_sub(s.len())?;
        if !eq(rest.get(cut..)?, s, fold) {
            return None;
        }
        rest = rest.get(..cut)?;
    }
    Some(rest)
}

/// Matches when the pattern has no `?`, and under `fold` only ASCII. `Some(result)` when
/// handled.
pub(super) fn glob(pieces: &[Piece], vals: &[&str], text: &str, fold: bool) -> Option<bool> {
    if pieces.iter().any(|p| matches!(p, Piece::One)) || (fold && !text.is_ascii()) {
        return None;
    }
    if fold
        && pieces
            .iter()
            .any(|p| text_of(p, vals).is_some_and(|s| !s.is_ascii()))
    {
        return None;
    }
    let mut segments = pieces.split(|p| matches!(p, Piece::Star));
    let first = segments.next().unwrap_or(&[]);
    let bytes = text.as_bytes();
    let Some(mut rest) = strip_prefix(first, vals, bytes, fold) else {
        return Some(false);
    };
    let Some(last) = pieces.iter().rposition(|p| matches!(p, Piece::Star)) else {
        // No star: the first segment is the whole pattern.
        return Some(rest.is_empty());
    };
    let tail = pieces.get(last + 1..).unwrap_or(&[]);
    rest = match strip_suffix(tail, vals, rest, fold) {
        Some(r) => r,
        None => return Some(false),
    };
    // Middle segments: each must occur, leftmost first, in order.
    let middle_count = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Star))
        .count()
        .saturating_sub(1);
    for segment in segments.take(middle_count) {
        match segment {
            [] => {}
            [one] => {
                let needle = text_of(one, vals)?.as_bytes();
                if fold {
                    return None;
                }
                match find(rest, needle) {
                    Some(at) => rest = rest.get(at + needle.len()..)?,
                    None => return Some(false),
                }
            }
            _ => return None,
        }
    }
    Some(true)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}
