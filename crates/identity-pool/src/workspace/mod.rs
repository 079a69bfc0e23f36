//! [`Workspace`]: the simulation side of an editing session. Each policy text is read,
//! validated and compiled once per change of its text, cached by its [`PolicyId`]; a
//! keystroke in one policy reads that policy again and reuses every other one as it was.
//!
//! The page (or any front end that edits a scenario) keeps one workspace and calls
//! [`Workspace::simulate`] with the edited [`ScenarioDoc`]: the policies whose text changed
//! are read on their own (their diagnostics, in the policy's own text, are what the editor
//! underlines); the scenario document is written around the verbatim texts and loaded, and
//! the loader takes each policy from the workspace instead of reading it a second time
//! (see `lend`). The report is the one [`crate::simulate_text_with`] gives for the same
//! document.

mod lend;
#[cfg(test)]
mod tests;

pub(crate) use lend::reuse;

use std::collections::HashMap;
use std::sync::Arc;

use iam_policy::{CompiledPolicy, Diagnostic, Policy, PolicyKind};

use crate::edit::{Document, ScenarioDoc};
use crate::placement::PolicyId;
use crate::report::Report;
use crate::simulate::{simulate_text_with, Explain};
use lend::{with_lent, Slot};

/// One policy text, read.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// How it is used.
    pub kind: PolicyKind,
    /// The text as typed.
    pub text: String,
    /// Whether the text is JSON at all (the document embeds it verbatim only then).
    pub json: bool,
    /// The policy, spans in its own text; `None` when it could not be read.
    pub policy: Option<Policy>,
    /// Its findings, located in its own text.
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// Its compiled form (spans in its own text), under the label `compiled_name`.
    pub compiled: Option<CompiledPolicy>,
    /// The label it was compiled under (empty: not compiled yet).
    pub compiled_name: String,
    /// How many times it was compiled (once per label).
    pub compiles: usize,
}

impl Entry {
    fn read(kind: PolicyKind, text: &str) -> Self {
        let (json, parsed) = match iam_policy::json::parse(text) {
            Ok(node) => (true, Policy::from_json(&node, kind)),
            Err(d) => (
                false,
                iam_policy::Parsed {
                    policy: None,
                    diagnostics: vec![d],
                },
            ),
        };
        let mut diagnostics = parsed.diagnostics;
        iam_policy::locate_all(&mut diagnostics, text);
        Self {
            kind,
            text: text.to_owned(),
            json,
            policy: parsed.policy,
            diagnostics: Arc::new(diagnostics),
            compiled: None,
            compiled_name: String::new(),
            compiles: 0,
        }
    }
}

/// Counts of the work a workspace did, for tests and measurements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkCounts {
    /// Policy texts read (parsed and validated).
    pub reads: usize,
    /// Policies compiled.
    pub compiles: usize,
}

/// The policies of an edited scenario, each read once per change of its text.
#[derive(Debug, Default)]
pub struct Workspace {
    entries: HashMap<PolicyId, Entry>,
    reads: usize,
    /// Compiles of entries since dropped (the live ones count their own).
    dropped_compiles: usize,
}

/// One simulation of an edited scenario.
#[derive(Clone, Debug)]
pub struct Simulation {
    /// The document simulated, with the place of every policy text in it: positions in
    /// the report are in this document; [`Document::locator`] turns them into positions
    /// in the policies' own texts.
    pub document: Document,
    /// The report.
    pub report: Report,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the policies of `doc` whose text changed since the last call (or that are
    /// new), and forgets the policies `doc` no longer has.
    pub fn sync(&mut self, doc: &ScenarioDoc) {
        let policies = doc.policies();
        self.entries
            .retain(|id, _| policies.iter().any(|(p, _, _)| p == id));
        for (id, kind, text) in policies {
            let fresh = self
                .entries
                .get(&id)
                .is_some_and(|e| e.kind == kind && e.text == text);
            if !fresh {
                self.reads += 1;
                if let Some(old) = self.entries.insert(id, Entry::read(kind, text)) {
                    self.dropped_compiles += old.compiles;
                }
            }
        }
    }

    /// The findings of policy `id`, located in its own text (what its editor underlines).
    /// `None` for a policy the last [`Workspace::sync`] did not see.
    pub fn diagnostics(&self, id: &PolicyId) -> Option<Arc<Vec<Diagnostic>>> {
        self.entries.get(id).map(|e| e.diagnostics.clone())
    }

    /// Simulates `doc` (after [`Workspace::sync`]ing it), explaining the requests
    /// `explain` covers.
    pub fn simulate(&mut self, doc: &ScenarioDoc, explain: &Explain) -> Simulation {
        self.sync(doc);
        let entries = &self.entries;
        let document = doc.to_document_with(&|id, text| {
            entries.get(id).filter(|e| e.text == text).map(|e| e.json)
        });
        // The entries go to the loader for the time it reads the document, and come back.
        let mut slots: Vec<Slot> = Vec::new();
        for placement in &document.placements.list {
            if let Some(entry) = self.entries.remove(&placement.id) {
                slots.push(Slot {
                    id: placement.id.clone(),
                    span: placement.span,
                    entry,
                });
            }
        }
        let report = with_lent(&mut slots, || simulate_text_with(&document.text, explain));
        for slot in slots {
            self.entries.insert(slot.id, slot.entry);
        }
        Simulation { document, report }
    }

    /// The work done so far.
    pub fn counts(&self) -> WorkCounts {
        WorkCounts {
            reads: self.reads,
            compiles: self.dropped_compiles
                + self.entries.values().map(|e| e.compiles).sum::<usize>(),
        }
    }
}
