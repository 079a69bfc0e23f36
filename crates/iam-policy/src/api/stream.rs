//! [`evaluate_stream`]: evaluation cases read from a stream of any size, one at a time, each
//! answered as soon as it is read. Limits stay per document (one case, one policy), memory
//! stays that of one case, and the answers are those of [`super::evaluate_cases_json`] on
//! each case, located in the whole input.

use std::io::Read;
use std::ops::ControlFlow;

use super::cache::{with_cache, PolicyCache};
use super::split::{Piece, Splitter};
use super::{error_answer, evaluate_case_node, EvalAnswer};
use crate::catalog::Catalog;
use crate::json::{self, MAX_INPUT_BYTES};
use crate::{Diagnostic, Origin, Span};

/// One answer of a stream, and whether it reports a fault of the input itself rather than a
/// decision: text that is not JSON, a case over the size limit, a case that is not a case
/// (`null`, `42`, `"expected": 5`, no `request`), an empty input. A front end exits with
/// a failure status on these, so a batch of garbage never passes as a batch of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Streamed {
    /// The answer, as [`super::evaluate_cases_json`] gives it.
    pub answer: EvalAnswer,
    /// Whether the answer is an input error.
    pub input_error: bool,
}

/// What a stream held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Answers given.
    pub answers: usize,
    /// Answers whose decision differs from their `expected`.
    pub mismatches: usize,
    /// Answers that report an input error.
    pub input_errors: usize,
}

/// Reads evaluation cases from `input` (a JSON array of cases, one case, or JSON Lines) and
/// hands each answer to `each` in order (with a `catalog`, every policy also gets the
/// `iam::catalog::*` checks, as [`super::evaluate_cases_json_with`] does), until the input ends, a fault stops it, or `each`
/// breaks. A case that cannot be read as JSON ends the stream (where the next case starts is
/// then unknown); any other bad case gets its `Error` answer and the rest still run.
pub fn evaluate_stream<R: Read>(
    input: R,
    explain: bool,
    catalog: Option<&Catalog>,
    mut each: impl FnMut(Streamed) -> ControlFlow<()>,
) -> StreamSummary {
    let mut splitter = Splitter::new(input);
    let mut summary = StreamSummary::default();
    let mut cache = PolicyCache::default();
    loop {
        let piece = splitter.next_piece();
        let Some(answered) = answer_piece(piece, summary.answers, explain, catalog, &mut cache)
        else {
            return summary;
        };
        if summary.take(answered, &mut each).is_break() {
            return summary;
        }
    }
}

impl StreamSummary {
    /// Counts `streamed` and hands it to `each`; `Break` when the stream ends there (`each`
    /// broke, or the answer was the stream's last).
    fn take(
        &mut self,
        (streamed, last): (Streamed, bool),
        each: impl FnOnce(Streamed) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        self.answers += 1;
        self.mismatches += usize::from(streamed.answer.is_mismatch());
        self.input_errors += usize::from(streamed.input_error);
        if each(streamed).is_break() || last {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// The answer for one piece of the input (`None` at its end), `seen` pieces into the
/// stream; true when the stream cannot go on after it.
fn answer_piece(
    piece: Piece,
    seen: usize,
    explain: bool,
    catalog: Option<&Catalog>,
    cache: &mut PolicyCache,
) -> Option<(Streamed, bool)> {
    Some(match piece {
        Piece::End => return None,
        Piece::Case {
            text,
            origin,
            index,
            objects,
        } => answer_case(&text, &origin, index, &objects, explain, catalog, cache),
        Piece::TooLarge { origin, index, len } => (too_large(&origin, index, len), false),
        Piece::Fault(d) => {
            let answer = error_answer(format!("#{seen}"), None, vec![d], "", &Origin::default());
            let streamed = Streamed {
                answer,
                input_error: true,
            };
            (streamed, true)
        }
    })
}

/// The case members whose policy documents the parser may leave unread for the cache: the
/// lists of policies, and the single ones.
const POLICY_LISTS: &[&str] = &[
    "identityPolicies",
    "sessionPolicies",
    "permissionBoundaries",
    "endpointPolicies",
];
const POLICY_VALUES: &[&str] = &["resourcePolicy", "trustPolicy"];

/// The answer for one case's text (`objects`: where its policy objects end, from the
/// splitter); true when the stream cannot go on after it.
fn answer_case(
    text: &str,
    origin: &Origin,
    index: usize,
    objects: &[(usize, usize)],
    explain: bool,
    catalog: Option<&Catalog>,
    cache: &mut PolicyCache,
) -> (Streamed, bool) {
    let answered = |answer: EvalAnswer| {
        let input_error = is_input_error(&answer);
        (
            Streamed {
                answer,
                input_error,
            },
            false,
        )
    };
    // Explanations point into their own case, so only bare decisions share policies; they
    // need not even read a policy whose text was read before.
    let parsed = if explain {
        json::parse_at(text, origin.offset).map(|node| (node, Vec::new()))
    } else {
        let unread = json::Unread {
            values: POLICY_VALUES,
            items: POLICY_LISTS,
            known: objects,
        };
        json::parse_case_at(text, origin.offset, unread)
    };
    let whole = || match json::parse_at(text, origin.offset) {
        Ok(node) => answered(evaluate_case_node(
            &node, index, text, origin, explain, catalog,
        )),
        Err(d) => unparsable(d, index, text, origin),
    };
    match parsed {
        Ok((node, _)) if explain => answered(evaluate_case_node(
            &node, index, text, origin, explain, catalog,
        )),
        Ok((node, unread)) => {
            cache.unread = unread;
            let answer = with_cache(cache, origin.offset, || {
                evaluate_case_node(&node, index, text, origin, explain, catalog)
            });
            // An object the case never read (a repeated key, a list of the wrong type) must
            // still be JSON, as the user would be told without the cache.
            let base = origin.offset;
            let unchecked = std::mem::take(&mut cache.unread);
            let broken = unchecked
                .into_iter()
                .any(|o| json::parse_unread(text, base, o).is_err());
            if std::mem::take(&mut cache.unreadable) || broken {
                // A policy left unread is not JSON: the case's first error, read whole.
                return whole();
            }
            answered(answer)
        }
        // Read whole again: an unread object's end may have been misplaced by broken
        // brackets, and the error must be the one the user sees without the cache.
        Err(_) if !explain => whole(),
        Err(d) => unparsable(d, index, text, origin),
    }
}

/// The answer for a case that is not JSON; true when the stream stops there.
fn unparsable(d: Diagnostic, index: usize, text: &str, origin: &Origin) -> (Streamed, bool) {
    let stop = d.code != "iam::parse::too_large";
    let answer = error_answer(format!("#{index}"), None, vec![d], text, origin);
    (
        Streamed {
            answer,
            input_error: true,
        },
        stop,
    )
}

/// Whether a case was refused as a case (its own fields wrong), and did not expect it.
fn is_input_error(answer: &EvalAnswer) -> bool {
    answer.matches_expected != Some(true)
        && answer
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.code.starts_with("iam::case::"))
}

fn too_large(origin: &Origin, index: usize, len: usize) -> Streamed {
    let mut d = Diagnostic::error(
        "iam::parse::too_large",
        format!("case #{index} is {len} bytes, over the {MAX_INPUT_BYTES}-byte limit for one case"),
        Some(Span::new(origin.offset, origin.offset + 1)),
    )
    .with_help("split the case: the limit applies to each case, not to the file");
    d.start = Some(origin.at);
    d.end = Some(origin.at);
    Streamed {
        answer: error_answer(format!("#{index}"), None, vec![d], "", &Origin::default()),
        input_error: true,
    }
}

mod parallel;

pub use parallel::evaluate_stream_parallel;

#[cfg(test)]
mod tests;
