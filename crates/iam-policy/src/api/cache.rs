//! Policies already read in a stream of cases, by their text: a batch that repeats a policy
//! over many requests (the usual shape of a test file) reads, validates and compiles it once.
//! The cache is used only for answers without explanations: an explanation points at the
//! statements of its own case, and a compiled policy keeps the spans it was read with.
//!
//! The stream lends its cache to the case being read ([`with_cache`]) through a thread-local
//! slot, so the readers of each layer find it without every signature carrying it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::json::{self, JsonNode, UnreadObject};
use crate::{CompiledPolicy, Diagnostic, PolicyKind, Span};

/// Entries kept before the cache starts afresh, and bytes of policy text.
const MAX_ENTRIES: usize = 256;
const MAX_BYTES: usize = 8 << 20;

/// What reading one policy gave: its compiled form (if valid) and its diagnostics, with
/// spans relative to the policy's first byte when they point into the case.
struct Entry {
    kind: PolicyKind,
    name: String,
    /// Shared with every case that uses it: copying a compiled policy per case cost a fifth
    /// of a batch's time.
    compiled: Option<Rc<CompiledPolicy>>,
    diagnostics: Vec<Diagnostic>,
}

/// Policies by source text, for one stream.
#[derive(Default)]
pub(crate) struct PolicyCache {
    entries: HashMap<String, Vec<Entry>, BuildHasherDefault<WordHasher>>,
    count: usize,
    bytes: usize,
    /// Where the current case's text starts in the input (node spans are input offsets).
    pub(crate) base: usize,
    /// The current case's policy objects the parser left unread ([`json::parse_case_at`]):
    /// a repeated one is found by its text, a new one is read here.
    pub(crate) unread: Vec<UnreadObject>,
    /// Whether an unread object of the current case turned out not to be JSON: the case
    /// is then read again whole, so its first error is reported as without the cache.
    pub(crate) unreadable: bool,
}

impl PolicyCache {
    /// The policy at `node` (in the current case's `text`), read by `read` unless a policy
    /// with the same text, kind and name was read before.
    pub(crate) fn get_or_read(
        &mut self,
        node: &JsonNode,
        name: &str,
        kind: PolicyKind,
        text: &str,
        read: impl FnOnce(&JsonNode) -> (Option<CompiledPolicy>, Vec<Diagnostic>),
    ) -> (Option<Rc<CompiledPolicy>>, Vec<Diagnostic>) {
        let start = node.span.start;
        let source =
            text.get(start.saturating_sub(self.base)..node.span.end.saturating_sub(self.base));
        // Taken from the list: what is left there at the end was never read (see the stream).
        let unread = (self.unread.iter())
            .position(|o| o.span == node.span)
            .map(|i| self.unread.swap_remove(i));
        let Some(source) = source else {
            return match unread {
                Some(_) => self.unreadable(node),
                None => shared(read(node)),
            };
        };
        // A policy given as a string is located in that string: its spans do not move.
        let moves = node.as_str().is_none();
        let hit = self
            .entries
            .get(source)
            .and_then(|list| list.iter().find(|e| e.kind == kind && e.name == name));
        if let Some(e) = hit {
            let mut diagnostics = e.diagnostics.clone();
            if moves {
                shift(&mut diagnostics, |at| at + start);
            }
            return (e.compiled.clone(), diagnostics);
        }
        let (compiled, diagnostics) = match unread {
            Some(object) => match json::parse_unread(text, self.base, object) {
                Ok(full) => shared(read(&full)),
                Err(_) => return self.unreadable(node),
            },
            None => shared(read(node)),
        };
        if self.count >= MAX_ENTRIES || self.bytes + source.len() > MAX_BYTES {
            *self = Self {
                base: self.base,
                unread: std::mem::take(&mut self.unread),
                unreadable: self.unreadable,
                ..Self::default()
            };
        }
        let mut kept = diagnostics.clone();
        if moves {
            shift(&mut kept, |at| at.saturating_sub(start));
        }
        self.count += 1;
        self.bytes += source.len();
        self.entries
            .entry(source.to_string())
            .or_default()
            .push(Entry {
                kind,
                name: name.to_string(),
                compiled: compiled.clone(),
                diagnostics: kept,
            });
        (compiled, diagnostics)
    }

    /// An unread object that is not JSON: marks the case for a whole reading.
    fn unreadable(&mut self, node: &JsonNode) -> (Option<Rc<CompiledPolicy>>, Vec<Diagnostic>) {
        self.unreadable = true;
        let d = Diagnostic::error(
            "iam::parse::json",
            "malformed json in a policy",
            Some(node.span),
        );
        (None, vec![d])
    }
}

/// A fast hash of policy texts, eight bytes a step (the `FxHash` mixing step): SipHash cost
/// more than reading the repeated policy's text. Collisions cost only comparisons, and the
/// cache's bounds keep those linear in the input even for texts made to collide.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

thread_local! {
    /// The cache lent to the case being read on this thread, if any.
    static LENT: RefCell<Option<PolicyCache>> = const { RefCell::new(None) };
}

/// Runs `read_case` with `cache` lent to [`read_cached`]; `base` is where the case's text
/// starts in the input.
pub(crate) fn with_cache<T>(
    cache: &mut PolicyCache,
    base: usize,
    read_case: impl FnOnce() -> T,
) -> T {
    cache.base = base;
    LENT.with(|slot| *slot.borrow_mut() = Some(std::mem::take(cache)));
    let out = read_case();
    if let Some(back) = LENT.with(|slot| slot.borrow_mut().take()) {
        *cache = back;
    }
    out
}

/// The policy at `node`, from the lent cache when there is one, else read by `read`.
pub(crate) fn read_cached(
    node: &JsonNode,
    name: &str,
    kind: PolicyKind,
    text: &str,
    read: impl FnOnce(&JsonNode) -> (Option<CompiledPolicy>, Vec<Diagnostic>),
) -> (Option<Rc<CompiledPolicy>>, Vec<Diagnostic>) {
    // Taken out of the slot while in use, so no borrow is held while `read` runs.
    let Some(mut cache) = LENT.with(|slot| slot.borrow_mut().take()) else {
        return shared(read(node));
    };
    let out = cache.get_or_read(node, name, kind, text, read);
    LENT.with(|slot| *slot.borrow_mut() = Some(cache));
    out
}

fn shared(
    (compiled, diagnostics): (Option<CompiledPolicy>, Vec<Diagnostic>),
) -> (Option<Rc<CompiledPolicy>>, Vec<Diagnostic>) {
    (compiled.map(Rc::new), diagnostics)
}

fn shift(diagnostics: &mut [Diagnostic], by: impl Fn(usize) -> usize) {
    for d in diagnostics {
        if let Some(span) = d.span {
            d.span = Some(Span::new(by(span.start), by(span.end)));
        }
    }
}
