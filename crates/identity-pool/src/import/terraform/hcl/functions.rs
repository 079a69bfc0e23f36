//! The Terraform functions policies and pool settings are commonly written with, evaluated
//! on known values. Any other function gives a listed placeholder.

use iam_policy::Span;
use serde_json::{Map, Value};

use super::ast::Expr;
use super::eval::Evaluator;
use crate::import::plain;

/// The functions evaluated, for messages and docs.
pub const KNOWN: &[&str] = &[
    "jsonencode",
    "jsondecode",
    "join",
    "concat",
    "merge",
    "flatten",
    "distinct",
    "compact",
    "tolist",
    "toset",
    "tomap",
    "tostring",
    "lower",
    "upper",
    "trimspace",
    "replace",
    "format",
    "element",
    "lookup",
    "length",
    "keys",
    "values",
    "coalesce",
    "try",
];

fn list(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        one => vec![one],
    }
}

/// `name(args)`.
pub fn call(ev: &mut Evaluator<'_>, name: &str, args: &[Expr], span: Span) -> Value {
    if !KNOWN.contains(&name) {
        let why = format!("the function `{name}` is not evaluated by the import");
        return ev.unresolved(span, &why);
    }
    let mut values: Vec<Value> = args.iter().map(|a| ev.eval(a)).collect();
    let arg = |i: usize| values.get(i).cloned().unwrap_or(Value::Null);
    let text = |i: usize| plain(&arg(i));
    let value = match name {
        "jsonencode" => Value::String(serde_json::to_string(&arg(0)).unwrap_or_default()),
        "jsondecode" => match serde_json::from_str(&text(0)) {
            Ok(v) => v,
            Err(_) => return ev.unresolved(span, "its text is not JSON the import can read"),
        },
        "join" => Value::String(
            list(arg(1))
                .iter()
                .map(plain)
                .collect::<Vec<_>>()
                .join(&text(0)),
        ),
        "concat" => Value::Array(values.drain(..).flat_map(list).collect()),
        "flatten" => Value::Array(flatten(arg(0))),
        "distinct" | "toset" => {
            let mut out: Vec<Value> = Vec::new();
            for v in list(arg(0)) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            Value::Array(out)
        }
        "compact" => Value::Array(
            list(arg(0))
                .into_iter()
                .filter(|v| !v.is_null() && !plain(v).is_empty())
                .collect(),
        ),
        "merge" => {
            let mut map = Map::new();
            for v in values.drain(..) {
                if let Value::Object(m) = v {
                    map.extend(m);
                }
            }
            Value::Object(map)
        }
        "tolist" | "tomap" => arg(0),
        "tostring" => Value::String(text(0)),
        "lower" => Value::String(text(0).to_lowercase()),
        "upper" => Value::String(text(0).to_uppercase()),
        "trimspace" => Value::String(text(0).trim().to_owned()),
        "replace" if !text(1).starts_with('/') => {
            Value::String(text(0).replace(&text(1), &text(2)))
        }
        "format" => match format(&text(0), values.get(1..).unwrap_or_default()) {
            Some(s) => Value::String(s),
            None => {
                return ev.unresolved(
                    span,
                    "the import evaluates `format` with `%s`, `%d`, `%v` and `%%` only",
                )
            }
        },
        "element" => {
            let items = list(arg(0));
            let index = arg(1).as_u64().and_then(|i| usize::try_from(i).ok());
            match index.filter(|_| !items.is_empty()) {
                Some(i) => items.get(i % items.len()).cloned().unwrap_or(Value::Null),
                None => return ev.unresolved(span, "the index is not a known number"),
            }
        }
        "lookup" => match arg(0).get(text(1)) {
            Some(v) => v.clone(),
            None if values.len() > 2 => arg(2),
            None => return ev.unresolved(span, "the key is not in the map"),
        },
        "length" => match arg(0) {
            Value::Array(a) => Value::from(a.len()),
            Value::Object(m) => Value::from(m.len()),
            Value::String(s) => Value::from(s.chars().count()),
            _ => return ev.unresolved(span, "its argument has no length"),
        },
        "keys" => match arg(0) {
            Value::Object(m) => Value::Array(m.keys().cloned().map(Value::String).collect()),
            _ => return ev.unresolved(span, "its argument is not a map"),
        },
        "values" => match arg(0) {
            Value::Object(m) => Value::Array(m.values().cloned().collect()),
            _ => return ev.unresolved(span, "its argument is not a map"),
        },
        // The first argument that is known and not empty.
        "coalesce" | "try" => values
            .into_iter()
            .find(|v| !v.is_null() && !plain(v).is_empty() && !plain(v).starts_with("UNRESOLVED("))
            .unwrap_or(Value::Null),
        _ => {
            let why = format!("the import does not evaluate `{name}` with these arguments");
            return ev.unresolved(span, &why);
        }
    };
    value
}

fn flatten(value: Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    // Depth-first, in order, without recursion.
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            other => out.push(other),
        }
    }
    out
}

/// `format` with `%s`, `%d`, `%v` and `%%`.
fn format(spec: &str, args: &[Value]) -> Option<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' | 'd' | 'v' => out.push_str(&plain(args.next()?)),
            _ => return None,
        }
    }
    Some(out)
}
