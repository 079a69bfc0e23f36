//! A policy document of the scenario as editable JSON: the text of its span, the statement
//! to change, and the fixed document pretty-printed the way the editors show it.

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

/// The largest document a fix is written for: IAM's limit for a role's inline policies
/// (10,240 characters without whitespace; managed, trust and boundary policies allow less),
/// so IAM refuses any role document above it. A fix carries the whole document before and
/// after, so fixes for every statement of a document over the limit would cost the square of
/// the document (2,000 statements: gigabytes); such a document gets findings without fixes.
pub const MAX_FIX_DOCUMENT: usize = 10_240;

/// Whether `doc` is small enough for fixes (see [`MAX_FIX_DOCUMENT`]).
pub fn fixable(doc: &PolicyDoc) -> bool {
    doc.plaintext_len <= MAX_FIX_DOCUMENT
}

/// What a finding on a document too large for fixes says about it.
pub fn too_large_note(doc: &PolicyDoc) -> String {
    format!(
        " No one-click fix is offered: the document has {} characters without whitespace, over IAM's limit of {MAX_FIX_DOCUMENT} for a role's policies, so IAM would refuse it; split it first.",
        doc.plaintext_len
    )
}

/// A fix of `doc`: `edit` changes its JSON; `None` when the document cannot be read as JSON,
/// is too large for fixes, the edit declines, or nothing changes.
pub fn fix(
    scenario: &Scenario,
    doc: &PolicyDoc,
    title: String,
    edit: impl FnOnce(&mut Value) -> Option<()>,
) -> Option<Fix> {
    if !fixable(doc) {
        return None;
    }
    let original = value(scenario, doc)?;
    let mut changed = original.clone();
    edit(&mut changed)?;
    if changed == original {
        return None;
    }
    Some(Fix {
        title,
        policy: editor_id(doc),
        before: pretty(&original),
        after: pretty(&changed),
        span: Span::new(doc.span.start, doc.span.end),
    })
}
