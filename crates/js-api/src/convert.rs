//! Turning a caller's value into JSON without trusting its shape.
//!
//! A JavaScript caller can hand the binding anything: an object nested thousands of levels
//! deep, one that refers to itself, a sparse array with a billion holes, a getter that
//! throws. Converting such a value recursively overflows the wasm stack, which corrupts the
//! module for every later call. So the walk here is bounded before it goes anywhere:
//! nesting stops at the engine's own JSON depth limit ([`MAX_DEPTH`]), a container met again
//! on its own path is a cycle, and the total size stops at the largest document the engine
//! reads ([`MAX_BYTES`]). Each refusal is a one-line message naming where in the value it
//! happened.
//!
//! The walk is pure Rust over the [`Source`] trait; the JavaScript side ([`crate::js`]) only
//! answers "what is this node" questions, so the bounds are tested (and fuzzed) natively.

use serde_json::{Map, Number, Value};

/// The deepest nesting accepted: the engine's JSON parser refuses anything deeper in a
/// document's text, so a deeper object could never be read anyway.
pub const MAX_DEPTH: usize = identity_pool::api::MAX_DOCUMENT_DEPTH;

/// The largest value accepted, measured as its compact JSON text (an estimate that never
/// exceeds the exact size, so nothing the loader would accept is refused here).
pub const MAX_BYTES: usize = identity_pool::api::MAX_DOCUMENT_BYTES;

/// What one node of the caller's value is.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// `undefined`: skipped as an object member, `null` in an array (as `JSON.stringify` does).
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array of this length.
    Array(u32),
    /// An object with these own enumerable keys, in order.
    Object(Vec<String>),
    /// Something JSON cannot hold, named for the message (e.g. `a function`).
    Unsupported(&'static str),
}

/// The questions the walk asks about the caller's value.
pub trait Source {
    /// A handle on one node.
    type Node;
    /// What `node` is. An error is a message (e.g. a getter threw).
    fn shape(&mut self, node: &Self::Node) -> Result<Shape, String>;
    /// Element `index` of an array node.
    fn element(&mut self, node: &Self::Node, index: u32) -> Result<Self::Node, String>;
    /// Member `key` of an object node.
    fn member(&mut self, node: &Self::Node, key: &str) -> Result<Self::Node, String>;
    /// Marks a container as being on the current path; `false` when it already is (a cycle).
    fn enter(&mut self, node: &Self::Node) -> bool;
    /// Takes a container off the current path.
    fn leave(&mut self, node: &Self::Node);
}

/// Converts the caller's value to JSON, within the bounds above.
pub fn to_json<S: Source>(source: &mut S, root: &S::Node) -> Result<Value, String> {
    let mut walk = Walk {
        source,
        path: Vec::new(),
        bytes: 0,
    };
    match walk.value(root, 0)? {
        Some(value) => Ok(value),
        None => Err("the value is `undefined`".to_owned()),
    }
}

struct Walk<'s, S: Source> {
    source: &'s mut S,
    /// Where the walk is, for messages: `roles`, `[0]`, `Policies`...
    path: Vec<String>,
    /// The compact JSON size seen so far.
    bytes: usize,
}

impl<S: Source> Walk<'_, S> {
    /// `None` for `undefined`.
    fn value(&mut self, node: &S::Node, depth: usize) -> Result<Option<Value>, String> {
        let shape = self.source.shape(node).map_err(|e| self.at(&e))?;
        // Every value costs at least one byte and a separator.
        self.count(2)?;
        Ok(Some(match shape {
            Shape::Undefined => return Ok(None),
            Shape::Null => Value::Null,
            Shape::Bool(b) => Value::Bool(b),
            Shape::Number(n) => Value::Number(self.number(n)?),
            Shape::String(s) => {
                self.count(s.len())?;
                Value::String(s)
            }
            Shape::Unsupported(what) => {
                return Err(self.at(&format!("{what} cannot be written as JSON")))
            }
            Shape::Array(len) => self.container(node, depth, |walk| {
                let mut items = Vec::new();
                for index in 0..len {
                    walk.path.push(format!("[{index}]"));
                    let item = walk.source.element(node, index).map_err(|e| walk.at(&e))?;
                    let item = walk.value(&item, depth + 1)?.unwrap_or(Value::Null);
                    walk.path.pop();
                    items.push(item);
                }
                Ok(Value::Array(items))
            })?,
            Shape::Object(keys) => self.container(node, depth, |walk| {
                let mut members = Map::new();
                for key in keys {
                    walk.count(key.len() + 3)?;
                    walk.path.push(key.clone());
                    let item = walk.source.member(node, &key).map_err(|e| walk.at(&e))?;
                    if let Some(item) = walk.value(&item, depth + 1)? {
                        members.insert(key, item);
                    }
                    walk.path.pop();
                }
                Ok(Value::Object(members))
            })?,
        }))
    }

    /// Walks into a container: refuses depth and cycles first, then runs `inside`.
    fn container(
        &mut self,
        node: &S::Node,
        depth: usize,
        inside: impl FnOnce(&mut Self) -> Result<Value, String>,
    ) -> Result<Value, String> {
        if depth >= MAX_DEPTH {
            return Err(self.at(&format!(
                "the value is nested more than {MAX_DEPTH} levels deep"
            )));
        }
        if !self.source.enter(node) {
            return Err(self.at("the value contains itself (a cycle), which JSON cannot hold"));
        }
        let result = inside(self);
        self.source.leave(node);
        result
    }

    fn number(&self, n: f64) -> Result<Number, String> {
        // Integers stay integers (`3600`, not `3600.0`), as JSON.stringify writes them.
        const SAFE: f64 = 9_007_199_254_740_991.0;
        if n.fract() == 0.0 && n.abs() <= SAFE {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "only reached for an integral value inside i64's range, checked just before"
            )]
            return Ok(Number::from(n as i64));
        }
        Number::from_f64(n)
            .ok_or_else(|| self.at(&format!("the number `{n}` cannot be written as JSON")))
    }

    fn count(&mut self, bytes: usize) -> Result<(), String> {
        self.bytes = self.bytes.saturating_add(bytes);
        if self.bytes > MAX_BYTES {
            return Err(format!(
                "the value is larger than the {} KB a document may be (as JSON text)",
                MAX_BYTES / 1024
            ));
        }
        Ok(())
    }

    /// `message`, with where it happened when that is not the top.
    fn at(&self, message: &str) -> String {
        if self.path.is_empty() {
            return message.to_owned();
        }
        let mut path = String::new();
        for (i, segment) in self.path.iter().enumerate() {
            if i == 12 && self.path.len() > 14 {
                path.push_str(".…");
                continue;
            }
            if i > 12 && i + 2 < self.path.len() {
                continue;
            }
            if !segment.starts_with('[') && !path.is_empty() {
                path.push('.');
            }
            path.push_str(&shorten(segment));
        }
        format!("{message} (at `{path}`)")
    }
}

/// A key in a message: a hostile key can be megabytes long.
fn shorten(segment: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut chars = segment.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
#[path = "convert_tests.rs"]
mod tests;
