//! Small edits of the identity pool's JSON values, shared by the pool forms. They move
//! values around and never interpret them.

use serde_json::{Map, Value};

/// The entries of an object member as (key, string value) rows, in key order.
pub fn string_rows(value: &Value, key: &str) -> Vec<(String, String)> {
    value
        .get(key)
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string()),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Rows back into an object; rows with an empty key are dropped.
pub fn rows_to_object(rows: &[(String, String)]) -> Value {
    Value::Object(
        rows.iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect::<Map<String, Value>>(),
    )
}

/// A list of strings (ARN lists) as one-per-line text.
pub fn lines_of(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// One-per-line text back into a list, blank lines dropped.
pub fn lines_to_list(text: &str) -> Value {
    Value::Array(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Value::String(l.to_string()))
            .collect(),
    )
}

/// A copy of `value` with the member at `path` (object keys or array indexes) set.
/// Missing containers along the way are created as objects.
pub fn set_path(value: &Value, path: &[PathStep], new: Value) -> Value {
    let mut out = value.clone();
    let mut cursor = &mut out;
    for step in path {
        cursor = match step {
            PathStep::Key(key) => {
                if !cursor.is_object() {
                    *cursor = Value::Object(Map::new());
                }
                match cursor {
                    Value::Object(map) => map.entry(key.clone()).or_insert(Value::Null),
                    _ => return out_of(value),
                }
            }
            PathStep::Index(index) => match cursor.as_array_mut().and_then(|a| a.get_mut(*index)) {
                Some(item) => item,
                None => return out_of(value),
            },
        };
    }
    *cursor = new;
    out
}

fn out_of(value: &Value) -> Value {
    value.clone()
}

/// One step of a [`set_path`] path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// Shorthand for a key step.
pub fn key(k: &str) -> PathStep {
    PathStep::Key(k.to_string())
}

/// A copy of the array at `value` with `item` appended (a non-array becomes `[item]`).
pub fn push(value: Option<&Value>, item: Value) -> Value {
    let mut list = value.and_then(Value::as_array).cloned().unwrap_or_default();
    list.push(item);
    Value::Array(list)
}

/// A copy of the array at `value` without element `index`.
pub fn remove(value: Option<&Value>, index: usize) -> Value {
    let mut list = value.and_then(Value::as_array).cloned().unwrap_or_default();
    if index < list.len() {
        list.remove(index);
    }
    Value::Array(list)
}
