//! Finding where a case ends without parsing it: the nesting depth of `{`/`[`, strings and
//! their escapes, and where the objects under the case's members start and end (the parser
//! may pass over those unread). Inside a case the bytes are taken eight at a time: a word's
//! quotes, backslashes and brackets are found with a few integer operations, which bytes lie
//! inside a string follows from the quotes (a running XOR), and only the brackets outside
//! strings are visited one by one. A pretty-printed case stops a byte-at-a-time scanner at
//! every quote (the cutter was a third of `idpool eval`'s time and bounded its threads);
//! words stop only at brackets. A word holding a backslash goes byte by byte, so escapes
//! (rare in policies) are followed exactly as before.

/// How the case being cut ends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Scan {
    /// Open `{`/`[` not yet closed.
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// A bare value (number, `true`, garbage): it ends before whitespace or `,]}`.
    pub(super) bare: bool,
    /// Objects opened at depth 2 or 3 (a member's value, an item of a member's array), as
    /// `(start, end)` offsets from the case's first byte; `end` is 0 until closed.
    pub(super) objects: Vec<(usize, usize)>,
    /// Where in `objects` the open depth-2 and depth-3 objects are.
    open: [Option<usize>; 2],
    /// Whether objects are recorded (not for a case dropped as over the limit).
    pub(super) record: bool,
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
const LOWS: u64 = !HIGHS;
const BIT5: u64 = u64::from_ne_bytes([0x20; 8]);
/// Bits 1, 2 and 5: with them set, `{` `}` `[` `]` all read 0x7f (so do `Y`, `_`, `y` and
/// DEL, which the visit of each candidate tells apart).
const BRACKET_FOLD: u64 = u64::from_ne_bytes([0x26; 8]);

impl Scan {
    /// A scan of a case starting with an opening bracket or quote, or of a `bare` value.
    pub(super) fn new(bare: bool) -> Self {
        Self {
            bare,
            record: true,
            ..Self::default()
        }
    }

    /// Scans `bytes` (which start at `offset` in the case); the offset just past the case
    /// when it ends within them.
    pub(super) fn run(&mut self, bytes: &[u8], offset: usize) -> Option<usize> {
        self.run_with(bytes, offset, true)
    }

    /// [`Scan::run`], with words (`true`) or byte by byte only (the reference the tests
    /// compare the words with).
    fn run_with(&mut self, bytes: &[u8], offset: usize, words: bool) -> Option<usize> {
        let mut i = 0;
        loop {
            if words && self.depth > 0 && !self.bare && !self.escaped {
                if let Some(end) = self.words(bytes, offset, &mut i) {
                    return Some(end);
                }
            }
            if i >= bytes.len() {
                return None;
            }
            // A word with a backslash, the last few bytes, or a case's first byte.
            let stop = if words { i + 8 } else { bytes.len() };
            if let Some(end) = self.bytewise(bytes, offset, &mut i, stop) {
                return Some(end);
            }
        }
    }

    /// Whole words from `bytes[*i..]` while none holds a backslash (the case is open and
    /// no escape is pending); the offset past the case when it ends in them.
    fn words(&mut self, bytes: &[u8], offset: usize, i: &mut usize) -> Option<usize> {
        // Whether the scan is in a string, as all ones or all zeros: kept in a register, it
        // is the only thing one word hands the next.
        let mut string = if self.in_string { u64::MAX } else { 0 };
        let mut ended = None;
        while let Some(chunk) = bytes.get(*i..*i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            if equal_bytes(w, b'\\') != 0 {
                break;
            }
            // Per byte, whether it lies in a string: an opening quote and what follows it, up
            // to (not including) the closing quote.
            let mut inside = equal_bytes(w, b'"');
            inside ^= inside << 8;
            inside ^= inside << 16;
            inside ^= inside << 32;
            inside ^= string & HIGHS;
            // The last byte's bit says whether the next word starts in a string.
            string = 0u64.wrapping_sub(inside >> 63);
            let mut brackets = equal_bytes(w | BRACKET_FOLD, 0x7f) & !inside;
            while brackets != 0 {
                let k = (brackets.trailing_zeros() / 8) as usize;
                brackets &= brackets - 1;
                let at = offset + *i + k;
                if self.bracket(word.get(k).copied().unwrap_or_default(), at) {
                    ended = Some(at + 1);
                    break;
                }
            }
            if ended.is_some() {
                break;
            }
            *i += 8;
        }
        self.in_string = string != 0;
        ended
    }

    /// Byte by byte from `bytes[*i]` until `*i` reaches `stop` (or the end); the offset past
    /// the case when it ends there. Plain runs are skipped in one step, possibly past `stop`.
    fn bytewise(
        &mut self,
        bytes: &[u8],
        offset: usize,
        i: &mut usize,
        stop: usize,
    ) -> Option<usize> {
        while *i < stop {
            let b = *bytes.get(*i)?;
            if self.bare {
                if matches!(
                    b,
                    b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}' | b'{' | b'[' | b'"'
                ) {
                    return Some(offset + *i);
                }
            } else if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(offset + *i + 1);
                    }
                } else {
                    // Skip the plain run of the string in one step.
                    *i += string_run(bytes.get(*i..).unwrap_or_default());
                    continue;
                }
            } else if b == b'"' {
                self.in_string = true;
            } else if matches!(b, b'{' | b'[' | b'}' | b']') {
                if self.bracket(b, offset + *i) {
                    return Some(offset + *i + 1);
                }
            } else {
                // Skip the run up to the next structural byte in one step.
                *i += plain_run(bytes.get(*i..).unwrap_or_default()).max(1);
                continue;
            }
            *i += 1;
        }
        None
    }

    /// A byte outside strings that may be a bracket at offset `at` in the case: the depth
    /// and the objects it opens or closes. True when it closes the case.
    fn bracket(&mut self, b: u8, at: usize) -> bool {
        match b {
            b'{' | b'[' => {
                self.depth += 1;
                if self.record && b == b'{' && matches!(self.depth, 2 | 3) {
                    let index = self.objects.len();
                    if let Some(slot) = self.open.get_mut(self.depth - 2) {
                        *slot = Some(index);
                    }
                    self.objects.push((at, 0));
                }
                false
            }
            b'}' | b']' => {
                if self.record && matches!(self.depth, 2 | 3) {
                    let slot = self.open.get_mut(self.depth - 2).and_then(Option::take);
                    if let Some(o) = slot.and_then(|k| self.objects.get_mut(k)) {
                        o.1 = at + 1;
                    }
                }
                self.depth = self.depth.saturating_sub(1);
                self.depth == 0
            }
            // `Y`, `_`, `y` or DEL, found with the brackets.
            _ => false,
        }
    }
}

/// Per byte of `word`, the high bit set where it equals `byte` (exact: the high bit of each
/// byte is cleared before the addition, so no carry crosses bytes).
fn equal_bytes(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOWS) + LOWS) | x) & HIGHS
}

/// The length of the run at the start of `bytes` without a byte `hit` finds, eight bytes
/// at a time (`hit` marks candidates in a word), then byte by byte where `is_stop` decides.
/// Short runs are the rule in JSON, so this stays inline rather than call a searcher.
#[inline(always)]
fn run_until(bytes: &[u8], hit: impl Fn(u64) -> u64, is_stop: impl Fn(u8) -> bool) -> usize {
    let mut done = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if hit(u64::from_ne_bytes(word)) != 0 {
            break;
        }
        done += 8;
    }
    done + bytes
        .get(done..)
        .unwrap_or_default()
        .iter()
        .position(|c| is_stop(*c))
        .unwrap_or(bytes.len() - done)
}

/// The length of the run at the start of `bytes` without a structural byte (`"{}[]`):
/// `{`/`[` and `}`/`]` differ only in bit 5, so with that bit set three compares find all
/// five.
fn plain_run(bytes: &[u8]) -> usize {
    run_until(
        bytes,
        |w| {
            let folded = w | BIT5;
            equal_bytes(folded, b'{') | equal_bytes(folded, b'}') | equal_bytes(folded, b'"')
        },
        |c| matches!(c, b'"' | b'{' | b'}' | b'[' | b']'),
    )
}

/// The length of the run at the start of `bytes` inside a string: up to a `"` or `\\`.
fn string_run(bytes: &[u8]) -> usize {
    run_until(
        bytes,
        |w| equal_bytes(w, b'"') | equal_bytes(w, b'\\'),
        |c| c == b'"' || c == b'\\',
    )
}

#[cfg(test)]
mod tests;
