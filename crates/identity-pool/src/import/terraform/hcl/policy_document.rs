//! `data "aws_iam_policy_document"` rendered as the policy JSON the AWS provider writes:
//! `statement` blocks with `actions`, `resources`, `principals` and `condition` blocks, and
//! the documents of `source_policy_documents` and `override_policy_documents` merged by
//! statement ID. A one-item list is written as a string, as the provider writes it.

use serde_json::{json, Map, Value};

use super::ast::Block;
use super::eval::Evaluator;
use crate::import::plain;

/// The list as the provider writes it: one item as a string, several as a list.
fn compact(value: Value) -> Value {
    match value {
        Value::Array(mut items) if items.len() == 1 => items.pop().unwrap_or(Value::Null),
        Value::Array(items) => Value::Array(items),
        Value::Null => Value::Null,
        one => one,
    }
}

fn statement(ev: &mut Evaluator<'_>, block: &Block) -> Value {
    let mut s = Map::new();
    let text =
        |ev: &mut Evaluator<'_>, name: &str| block.body.attribute(name).map(|a| ev.eval(&a.expr));
    if let Some(sid) = text(ev, "sid").filter(|v| !plain(v).is_empty()) {
        s.insert("Sid".into(), sid);
    }
    s.insert(
        "Effect".into(),
        text(ev, "effect").unwrap_or_else(|| json!("Allow")),
    );
    for (attr, key) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(v) = text(ev, attr) {
            s.insert(key.into(), compact(v));
        }
    }
    for (kind, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        let mut principals = Map::new();
        for p in block.body.blocks.iter().filter(|b| b.kind == kind) {
            let typ = p
                .body
                .attribute("type")
                .map(|a| plain(&ev.eval(&a.expr)))
                .unwrap_or_default();
            let ids = p
                .body
                .attribute("identifiers")
                .map(|a| ev.eval(&a.expr))
                .unwrap_or(Value::Null);
            let mut ids = match ids {
                Value::Array(items) => items,
                Value::Null => Vec::new(),
                one => vec![one],
            };
            if let Some(Value::Array(existing)) = principals.get(&typ) {
                let mut all = existing.clone();
                all.append(&mut ids);
                ids = all;
            }
            principals.insert(typ, Value::Array(ids));
        }
        if principals.is_empty() {
            continue;
        }
        // `type = "*"` with `identifiers = ["*"]` is `"Principal": "*"`.
        let anyone =
            principals.len() == 1 && principals.get("*").is_some_and(|ids| ids == &json!(["*"]));
        let value = if anyone {
            json!("*")
        } else {
            Value::Object(
                principals
                    .into_iter()
                    .map(|(k, v)| (k, compact(v)))
                    .collect(),
            )
        };
        s.insert(key.into(), value);
    }
    let mut conditions: Map<String, Value> = Map::new();
    for c in block.body.blocks.iter().filter(|b| b.kind == "condition") {
        let get =
            |ev: &mut Evaluator<'_>, name: &str| c.body.attribute(name).map(|a| ev.eval(&a.expr));
        let test = get(ev, "test").map(|v| plain(&v)).unwrap_or_default();
        let variable = get(ev, "variable").map(|v| plain(&v)).unwrap_or_default();
        let values = compact(get(ev, "values").unwrap_or(Value::Null));
        if let Value::Object(by_key) = conditions
            .entry(test)
            .or_insert_with(|| Value::Object(Map::new()))
        {
            by_key.insert(variable, values);
        }
    }
    if !conditions.is_empty() {
        s.insert("Condition".into(), Value::Object(conditions));
    }
    Value::Object(s)
}

/// Adds `statements` to `into`, replacing those with the same non-empty `Sid`.
fn merge(into: &mut Vec<Value>, statements: Vec<Value>) {
    for s in statements {
        let sid = s.get("Sid").map(plain).filter(|sid| !sid.is_empty());
        match sid.and_then(|sid| {
            into.iter()
                .position(|old| old.get("Sid").map(plain).as_deref() == Some(sid.as_str()))
        }) {
            Some(at) => {
                if let Some(slot) = into.get_mut(at) {
                    *slot = s;
                }
            }
            None => into.push(s),
        }
    }
}

/// The statements of policy documents given as JSON text.
fn statements_of(ev: &mut Evaluator<'_>, block: &Block, attr: &str) -> Vec<Value> {
    let Some(a) = block.body.attribute(attr) else {
        return Vec::new();
    };
    let docs = match ev.eval(&a.expr) {
        Value::Array(items) => items,
        one => vec![one],
    };
    let mut out = Vec::new();
    for doc in docs {
        let parsed: Option<Value> = match doc {
            Value::String(text) => serde_json::from_str(&text).ok(),
            other => Some(other),
        };
        match parsed.and_then(|d| d.get("Statement").cloned()) {
            Some(Value::Array(items)) => out.extend(items),
            Some(one @ Value::Object(_)) => out.push(one),
            _ => {
                ev.unresolved(
                    a.span,
                    "a document in it is not policy JSON the import can read",
                );
            }
        }
    }
    out
}

/// The policy document a `data "aws_iam_policy_document"` block describes.
pub fn render(ev: &mut Evaluator<'_>, address: &str, block: &Block) -> Value {
    let mut statements = statements_of(ev, block, "source_policy_documents");
    let own: Vec<Value> = block
        .body
        .blocks
        .iter()
        .filter(|b| b.kind == "statement")
        .map(|b| statement(ev, b))
        .collect();
    merge(&mut statements, own);
    let overrides = statements_of(ev, block, "override_policy_documents");
    merge(&mut statements, overrides);
    for dynamic in block.body.blocks.iter().filter(|b| b.kind == "dynamic") {
        ev.account.left_out(
            &format!("{address} dynamic \"{}\"", dynamic.labels.join(" ")),
            "a `dynamic` block is not expanded by the import; write its statements out to simulate them",
            Some(dynamic.span),
        );
    }
    let mut doc = Map::new();
    let version = block
        .body
        .attribute("version")
        .map(|a| ev.eval(&a.expr))
        .unwrap_or_else(|| json!("2012-10-17"));
    doc.insert("Version".into(), version);
    if let Some(id) = block.body.attribute("policy_id") {
        let id = ev.eval(&id.expr);
        doc.insert("Id".into(), id);
    }
    doc.insert("Statement".into(), Value::Array(statements));
    Value::Object(doc)
}
