//! A policy document of the scenario as editable JSON: the text of its span, the statement
//! to change, and the fixed document pretty-printed the way the editors show it.

use std::cell::RefCell;
use std::collections::HashMap;

use iam_policy::{Position, Span};
use serde_json::Value;

use super::Fix;
use crate::scenario::{PolicyDoc, Scenario};

/// The editor of `doc`: `ROLE:POLICY` from the label `ROLE/POLICY`.
pub fn editor_id(doc: &PolicyDoc) -> String {
    doc.name.replacen('/', ":", 1)
}

/// Whether the document is written as an object (its statement spans are in the scenario).
fn is_object(scenario: &Scenario, doc: &PolicyDoc) -> bool {
    scenario
        .source
        .get(doc.span.start..doc.span.end)
        .is_some_and(|t| t.starts_with('{'))
}

/// Where statement `index` is in the scenario text (the document's start for a document
/// given as a string).
pub fn statement_position(scenario: &Scenario, doc: &PolicyDoc, index: usize) -> Option<Position> {
    let statement = doc
        .policy
        .as_ref()
        .and_then(|p| p.statements.get(index))
        .filter(|_| is_object(scenario, doc));
    Some(scenario.position(statement.map_or(doc.span.start, |s| s.span.start)))
}

/// The document as JSON (an object, or the policy inside a JSON string).
pub fn value(scenario: &Scenario, doc: &PolicyDoc) -> Option<Value> {
    let text = scenario.source.get(doc.span.start..doc.span.end)?;
    match serde_json::from_str::<Value>(text).ok()? {
        Value::String(inner) => serde_json::from_str(&inner).ok(),
        object @ Value::Object(_) => Some(object),
        _ => None,
    }
}

/// Pretty text, key order kept, as the editors format policies.
pub fn pretty(value: &Value) -> String {
    let compact = value.to_string();
    iam_policy::format_policy(&compact).unwrap_or(compact)
}

/// Statement `index` of a document (`Statement` as an array, or a single object at 0).
pub fn statement_mut(document: &mut Value, index: usize) -> Option<&mut Value> {
    match document.get_mut("Statement")? {
        Value::Array(items) => items.get_mut(index),
        single @ Value::Object(_) if index == 0 => Some(single),
        _ => None,
    }
}

/// Removes statement `index`; `None` when it is the only one (a policy needs a statement).
pub fn remove_statement(document: &mut Value, index: usize) -> Option<()> {
    match document.get_mut("Statement")? {
        Value::Array(items) if items.len() > 1 && index < items.len() => {
            items.remove(index);
            Some(())
        }
        _ => None,
    }
}

/// A string or a list of strings, as IAM writes one value or several.
pub fn one_or_list(values: &[String]) -> Value {
    match values {
        [one] => Value::String(one.clone()),
        many => Value::Array(many.iter().cloned().map(Value::String).collect()),
    }
}

/// The size up to which a document gets a fix for every finding: IAM's limit for a role's
/// inline policies (10,240 characters without whitespace; managed, trust and boundary
/// policies allow less). A fix carries the whole document before and after, so a fix per
/// statement costs the square of the document; within this size that is bounded.
pub const UNLIMITED_FIXES_UP_TO: usize = 10_240;

/// How many characters of fixes a larger document may carry (before and after counted
/// once each): fixes are written for its findings in order until this is spent, and always
/// for at least one, so a document of any size gets fixes and its fixes cost at most a
/// constant times its size. Applying a fix re-runs the coach, which then offers the next.
pub const LARGE_DOCUMENT_FIX_CHARACTERS: usize = 2 * 1024 * 1024;

/// How many fixes `doc` may carry (see [`LARGE_DOCUMENT_FIX_CHARACTERS`]).
pub fn fix_limit(doc: &PolicyDoc) -> usize {
    if doc.plaintext_len <= UNLIMITED_FIXES_UP_TO {
        usize::MAX
    } else {
        (LARGE_DOCUMENT_FIX_CHARACTERS / (2 * doc.plaintext_len)).max(1)
    }
}

/// The fixes written so far per document, over one run of the coach.
#[derive(Debug, Default)]
pub struct FixBudget {
    /// Per document (by its place in the scenario): fixes written, and whether one was
    /// refused for the limit.
    written: RefCell<HashMap<usize, (usize, bool)>>,
}

impl FixBudget {
    /// Whether `doc` may carry one more fix; when not, notes that one was refused. Asked
    /// before the document is read, so a document whose fixes ran out costs nothing more.
    fn allows(&self, doc: &PolicyDoc) -> bool {
        let mut written = self.written.borrow_mut();
        let entry = written.entry(doc.span.start).or_default();
        entry.1 |= entry.0 >= fix_limit(doc);
        entry.0 < fix_limit(doc)
    }

    /// Counts one fix of `doc` written.
    fn take(&self, doc: &PolicyDoc) {
        if let Some(entry) = self.written.borrow_mut().get_mut(&doc.span.start) {
            entry.0 += 1;
        }
    }

    /// Whether a fix of `doc` was refused for its limit.
    pub fn spent(&self, doc_start: usize) -> bool {
        self.written
            .borrow()
            .get(&doc_start)
            .is_some_and(|(_, refused)| *refused)
    }
}

/// What a finding without a fix on a document whose fixes ran out says about it.
pub fn limit_note(doc: &PolicyDoc) -> String {
    format!(
        " This document has {} characters without whitespace, over IAM's limit of {UNLIMITED_FIXES_UP_TO} for a role's policies: the coach writes at most {} one-click fix(es) for it at a time (each carries the whole document); apply one and the next is offered.",
        doc.plaintext_len,
        fix_limit(doc)
    )
}

/// A fix of `doc`: `edit` changes its JSON; `None` when the document cannot be read as JSON,
/// the edit declines, nothing changes, or the document's fixes ran out (see [`fix_limit`]).
pub fn fix(
    scenario: &Scenario,
    budget: &FixBudget,
    doc: &PolicyDoc,
    title: String,
    edit: impl FnOnce(&mut Value) -> Option<()>,
) -> Option<Fix> {
    if !budget.allows(doc) {
        return None;
    }
    let original = value(scenario, doc)?;
    let mut changed = original.clone();
    edit(&mut changed)?;
    if changed == original {
        return None;
    }
    budget.take(doc);
    Some(Fix {
        title,
        policy: editor_id(doc),
        before: pretty(&original),
        after: pretty(&changed),
        span: Span::new(doc.span.start, doc.span.end),
    })
}
