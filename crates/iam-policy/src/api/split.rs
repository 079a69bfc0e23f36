//! Cutting a stream of evaluation cases into one text per case without parsing it: a JSON
//! array of cases (read element by element), one case, or JSON Lines (cases one after another,
//! separated by whitespace). Only the case being cut is held in memory, and no case may grow
//! past the per-document limit, so a file of any size (or `/dev/zero`) is read in bounded
//! memory. Each case is then parsed on its own by the span-keeping parser.

// A fault happens at most once per stream and ends it, so the size of the `Err` variant costs
// nothing that matters; the stream reports a plain `Diagnostic`.
#![allow(
    clippy::result_large_err,
    reason = "the error is a Diagnostic, returned by value on the cold path; boxing it would only add an allocation"
)]

use std::io::{ErrorKind, Read};

use crate::json::MAX_INPUT_BYTES;
use crate::{Diagnostic, Origin, Span};

mod scan;

use scan::Scan;

/// Bytes asked of the reader at a time.
const CHUNK: usize = 1 << 16;

/// What the splitter found next.
#[derive(Debug)]
pub(super) enum Piece {
    /// One case's text, where it starts, and its index among the cases.
    Case {
        /// The case's text.
        text: String,
        /// Where the text starts in the input.
        origin: Origin,
        /// 0-based place among the cases.
        index: usize,
        /// The objects directly under the case's members and in their arrays, as
        /// `(start, end)` offsets in `text`: the parser can pass over them unread.
        objects: Vec<(usize, usize)>,
    },
    /// A case over the per-document limit, skipped without being kept.
    TooLarge {
        /// Where the case starts in the input.
        origin: Origin,
        /// 0-based place among the cases.
        index: usize,
        /// Its length in bytes.
        len: usize,
    },
    /// The input cannot be read on (not JSON around the cases, truncated, not UTF-8, empty):
    /// a located diagnostic. Nothing follows it.
    Fault(Diagnostic),
    /// The input ended after its last case.
    End,
}

/// Where the splitter is between cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Nothing read yet.
    Start,
    /// Inside a top-level array: `first` until its first element is read.
    Array { first: bool },
    /// After the array's `]`: only whitespace may follow.
    AfterArray,
    /// Cases one after another (one case, or JSON Lines).
    Sequence,
    /// A fault or the end was reported.
    Done,
}

/// The number of pieces (cases, over-limit cases, a fault) the cutter of
/// [`super::evaluate_stream`] finds in `input`, none of them answered: what the cutting alone
/// costs, for the benchmark (`benches/stream.rs`, group `cut`).
#[doc(hidden)]
pub fn cut_cases<R: Read>(input: R) -> usize {
    let mut splitter = Splitter::new(input);
    let mut pieces = 0;
    while !matches!(splitter.next_piece(), Piece::End) {
        pieces += 1;
    }
    pieces
}

/// The splitter over `input`.
pub(super) struct Splitter<R> {
    input: R,
    /// Bytes read and not yet consumed start at `buf[start]`.
    buf: Vec<u8>,
    start: usize,
    eof: bool,
    /// The position of `buf[start]` in the input.
    at: Origin,
    mode: Mode,
    cases: usize,
}

impl<R: Read> Splitter<R> {
    /// A splitter reading `input`.
    pub(super) fn new(input: R) -> Self {
        Self {
            input,
            buf: Vec::with_capacity(CHUNK * 2),
            start: 0,
            eof: false,
            at: Origin::default(),
            mode: Mode::Start,
            cases: 0,
        }
    }

    /// The next piece of the input.
    pub(super) fn next_piece(&mut self) -> Piece {
        let piece = self.advance();
        if matches!(piece, Piece::Fault(_) | Piece::End) {
            self.mode = Mode::Done;
        }
        piece
    }

    fn advance(&mut self) -> Piece {
        loop {
            let byte = match self.skip_whitespace() {
                Ok(b) => b,
                Err(fault) => return Piece::Fault(fault),
            };
            match (self.mode, byte) {
                (Mode::Done, _) => return Piece::End,
                (Mode::Start, None) => {
                    return Piece::Fault(self.fault(
                        "the input holds no evaluation case",
                        "give one case object, an array of cases, or one case per line",
                    ))
                }
                (Mode::Start, Some(b'[')) => {
                    self.consume(1);
                    self.mode = Mode::Array { first: true };
                }
                (Mode::Start, Some(_)) => self.mode = Mode::Sequence,
                (Mode::Array { .. }, None) => {
                    return Piece::Fault(self.fault(
                        "malformed json: the array of cases is not closed at the end of the input",
                        "the input may have been cut short; close the array with `]`",
                    ))
                }
                (Mode::Array { first: true }, Some(b']')) => {
                    self.consume(1);
                    self.mode = Mode::AfterArray;
                    return self.empty_or_end();
                }
                (Mode::Array { first: true }, Some(_)) => {
                    self.mode = Mode::Array { first: false };
                    return self.cut();
                }
                (Mode::Array { first: false }, Some(b',')) => {
                    self.consume(1);
                    match self.skip_whitespace() {
                        Ok(Some(b']')) => {
                            return Piece::Fault(self.fault(
                                "malformed json: expected a case after `,`",
                                "remove the trailing comma",
                            ))
                        }
                        Ok(Some(_)) => return self.cut(),
                        Ok(None) => continue,
                        Err(fault) => return Piece::Fault(fault),
                    }
                }
                (Mode::Array { first: false }, Some(b']')) => {
                    self.consume(1);
                    self.mode = Mode::AfterArray;
                }
                (Mode::Array { first: false }, Some(_)) => {
                    return Piece::Fault(self.fault(
                        "malformed json: expected `,` or `]` after a case",
                        "separate the cases with commas",
                    ))
                }
                (Mode::AfterArray, None) | (Mode::Sequence, None) => return self.empty_or_end(),
                (Mode::AfterArray, Some(_)) => {
                    return Piece::Fault(self.fault(
                        "malformed json: unexpected text after the array of cases",
                        "remove it, or put every case in the one array",
                    ))
                }
                (Mode::Sequence, Some(_)) => return self.cut(),
            }
        }
    }

    /// `End`, or a fault when the input held no case at all.
    fn empty_or_end(&mut self) -> Piece {
        if self.cases == 0 {
            Piece::Fault(self.fault(
                "the input holds no evaluation case",
                "give one case object, an array of cases, or one case per line",
            ))
        } else {
            Piece::End
        }
    }

    /// Reads more input; false at its end. Consumed bytes are dropped first, so the buffer
    /// holds only the case being cut.
    fn fill(&mut self) -> Result<bool, Diagnostic> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        loop {
            match self.input.read(self.buf.get_mut(old..).unwrap_or_default()) {
                Ok(n) => {
                    self.buf.truncate(old + n);
                    self.eof = n == 0;
                    return Ok(n > 0);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    self.eof = true;
                    return Err(
                        self.fault(&format!("the input cannot be read: {e}"), "check the file")
                    );
                }
            }
        }
    }

    /// Skips whitespace; the next byte, or `None` at the end of the input.
    fn skip_whitespace(&mut self) -> Result<Option<u8>, Diagnostic> {
        loop {
            let rest = self.buf.get(self.start..).unwrap_or_default();
            match rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            {
                Some(n) => {
                    self.consume(n);
                    return Ok(self.buf.get(self.start).copied());
                }
                None => {
                    self.consume(rest.len());
                    if !self.fill()? {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// Marks `n` bytes from `start` as read, moving the position past them.
    fn consume(&mut self, n: usize) {
        let end = (self.start + n).min(self.buf.len());
        self.at = self
            .at
            .advanced(self.buf.get(self.start..end).unwrap_or_default());
        self.start = end;
    }

    /// A fault at the current position.
    fn fault(&self, message: &str, help: &str) -> Diagnostic {
        let mut d = Diagnostic::error(
            "iam::parse::json",
            message.to_string(),
            Some(Span::new(self.at.offset, self.at.offset)),
        )
        .with_help(help);
        d.start = Some(self.at.at);
        d.end = Some(self.at.at);
        d
    }

    /// Cuts the case starting at `buf[start]`.
    fn cut(&mut self) -> Piece {
        let index = self.cases;
        self.cases += 1;
        let origin = self.at;
        let first = self.buf.get(self.start).copied();
        if !matches!(
            first,
            Some(b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
        ) {
            // Not the start of any JSON value (`/dev/zero` starts with NUL): stop here
            // rather than scan for the end of something that has none.
            return Piece::Fault(self.fault(
                "malformed json: expected a case (a JSON object)",
                "give one case object, an array of cases, or one case per line",
            ));
        }
        let bare = !matches!(first, Some(b'{' | b'[' | b'"'));
        let mut scan = Scan::new(bare);
        // Bytes of the case scanned so far, from `start` (a bare value's first byte is part
        // of it whatever it is, so a stray `]` is a case that fails to parse, not a loop).
        let mut scanned = usize::from(bare);
        // Bytes of an over-limit case already dropped.
        let mut skipped = 0usize;
        loop {
            let from = self.start + scanned;
            let found = scan.run(self.buf.get(from..).unwrap_or_default(), scanned);
            scanned = match found {
                Some(end) => end,
                None => self.buf.len() - self.start,
            };
            if found.is_none() && scan.bare && scanned > MAX_INPUT_BYTES {
                return Piece::Fault(self.fault(
                    "malformed json: expected a case (a JSON object)",
                    "give one case object, an array of cases, or one case per line",
                ));
            }
            let ended = found.is_some()
                || match self.refill(&mut scanned, &mut skipped) {
                    Ok(more) => !more,
                    Err(fault) => return Piece::Fault(fault),
                };
            if skipped > 0 && scan.record {
                scan.record = false;
                scan.objects = Vec::new();
            }
            if ended {
                // At the end of the input inside a case, what there is goes to the parser,
                // which says where it is cut short (a bare value may simply end there).
                if skipped > 0 {
                    self.consume(scanned);
                    return Piece::TooLarge {
                        origin,
                        index,
                        len: skipped + scanned,
                    };
                }
                return self.take(origin, index, self.start + scanned, scan.objects);
            }
        }
    }

    /// Reads more of a case whose first `scanned` bytes are in the buffer; false at the end
    /// of the input. Past the limit the case is dropped as it is read (`skipped` counts it).
    fn refill(&mut self, scanned: &mut usize, skipped: &mut usize) -> Result<bool, Diagnostic> {
        if *scanned + *skipped > MAX_INPUT_BYTES {
            *skipped += *scanned;
            self.consume(*scanned);
            *scanned = 0;
        }
        self.fill()
    }

    /// Takes `buf[start..end]` as the case's text.
    fn take(
        &mut self,
        origin: Origin,
        index: usize,
        end: usize,
        objects: Vec<(usize, usize)>,
    ) -> Piece {
        let bytes = self.buf.get(self.start..end).unwrap_or_default();
        let piece = match std::str::from_utf8(bytes) {
            Ok(text) => Piece::Case {
                text: text.to_string(),
                origin,
                index,
                objects,
            },
            Err(e) => {
                let valid = e.valid_up_to();
                self.consume(valid);
                return Piece::Fault(
                    self.fault("the input is not UTF-8 text", "save the file as UTF-8"),
                );
            }
        };
        self.consume(end - self.start);
        piece
    }
}
