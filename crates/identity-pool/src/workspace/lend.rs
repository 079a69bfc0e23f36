//! The workspace's policies lent to the scenario loader while it reads one document: the
//! loader finds the policy at a node by the node's span and takes it read and compiled
//! (moved to where the document holds it) instead of reading it again.
//!
//! Lent through a thread-local slot, as the engine lends its stream cache, so the readers
//! of every part of the scenario do not each carry it in their signatures.

use std::cell::RefCell;

use iam_policy::{CompiledPolicy, Diagnostic, Policy, PolicyKind, PolicySource, Span};

use super::Entry;

/// One policy of the document being read: where its text is, and what reading it gave.
pub(crate) struct Slot {
    /// The policy.
    pub id: crate::placement::PolicyId,
    /// The byte range of the policy text in the document.
    pub span: Span,
    /// The policy, read in its own text's coordinates.
    pub entry: Entry,
}

thread_local! {
    static LENT: RefCell<Option<Vec<Slot>>> = const { RefCell::new(None) };
}

/// Runs `read` with `slots` lent to [`reuse`], and takes them back.
pub(crate) fn with_lent<T>(slots: &mut Vec<Slot>, read: impl FnOnce() -> T) -> T {
    LENT.with(|slot| *slot.borrow_mut() = Some(std::mem::take(slots)));
    let out = read();
    if let Some(back) = LENT.with(|slot| slot.borrow_mut().take()) {
        *slots = back;
    }
    out
}

/// What the loader needs of a policy it does not read again.
pub(crate) struct Reused {
    /// The policy, its spans in the document's coordinates.
    pub policy: Option<Policy>,
    /// Its findings, spans in the document's coordinates (lines and columns left to the
    /// loader, which locates every diagnostic of the document at once).
    pub diagnostics: Vec<Diagnostic>,
    /// Its compiled form under the label `name`.
    pub compiled: Option<CompiledPolicy>,
}

/// The lent policy whose text is `text` at `span` of the document, read as `kind`,
/// compiled with the label `name` (compiled now, once, if it never was under that label).
pub(crate) fn reuse(span: Span, text: &str, kind: PolicyKind, name: &str) -> Option<Reused> {
    LENT.with(|slot| {
        let mut slots = slot.borrow_mut();
        let found = slots
            .as_mut()?
            .iter_mut()
            .find(|s| s.span == span && s.entry.kind == kind && s.entry.text == text)?;
        let entry = &mut found.entry;
        let offset = span.start;
        if entry.compiled_name != name {
            entry.compiled = entry.policy.as_ref().map(|p| {
                CompiledPolicy::compile(
                    p,
                    PolicySource {
                        name: name.to_owned(),
                        kind,
                    },
                )
            });
            entry.compiled_name = name.to_owned();
            entry.compiles += 1;
        }
        let mut policy = entry.policy.clone();
        if let Some(p) = &mut policy {
            p.shift(offset);
        }
        let mut compiled = entry.compiled.clone();
        if let Some(c) = &mut compiled {
            c.shift(offset);
        }
        let diagnostics = entry
            .diagnostics
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.shift(offset);
                d.start = None;
                d.end = None;
                d
            })
            .collect();
        Some(Reused {
            policy,
            diagnostics,
            compiled,
        })
    })
}
