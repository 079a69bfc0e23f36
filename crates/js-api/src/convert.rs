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
    let mut walk = Walk { source, bytes: 0 };
    match walk.value(root, 0) {
        Ok(Some(value)) => Ok(value),
        Ok(None) => Err("the value is `undefined`".to_owned()),
        Err(refusal) => Err(refusal.message()),
    }
}

struct Walk<'s, S: Source> {
    source: &'s mut S,
    /// The compact JSON size seen so far.
    bytes: usize,
}

/// Why the walk stopped. Where it stopped is collected only on the way out of a refusal:
/// building a path segment for every value visited (an index formatted, a key cloned) was
/// most of the walk's own cost, and almost every walk ends without a message.
enum Refusal {
    /// A refusal about the whole value (its size), said without a place.
    Whole(String),
    /// A refusal at a place: `steps` go from the refused node up to the root.
    At { message: String, steps: Vec<Step> },
}

/// One step of a path, for messages: `roles`, `[0]`, `Policies`...
enum Step {
    Index(u32),
    Key(String),
}

impl Refusal {
    fn at(message: String) -> Self {
        Self::At {
            message,
            steps: Vec::new(),
        }
    }

    /// The same refusal, seen from the container one step up.
    fn inside(mut self, step: Step) -> Self {
        if let Self::At { steps, .. } = &mut self {
            steps.push(step);
        }
        self
    }

    /// `message`, with where it happened when that is not the top.
    fn message(self) -> String {
        let (message, steps) = match self {
            Self::Whole(message) => return message,
            Self::At { message, steps } => (message, steps),
        };
        if steps.is_empty() {
            return message;
        }
        let len = steps.len();
        let mut path = String::new();
        for (i, step) in steps.iter().rev().enumerate() {
            if i == 12 && len > 14 {
                path.push_str(".…");
                continue;
            }
            if i > 12 && i + 2 < len {
                continue;
            }
            match step {
                Step::Index(index) => path.push_str(&format!("[{index}]")),
                Step::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&shorten(key));
                }
            }
        }
        format!("{message} (at `{path}`)")
    }
}

impl<S: Source> Walk<'_, S> {
    /// `None` for `undefined`.
    fn value(&mut self, node: &S::Node, depth: usize) -> Result<Option<Value>, Refusal> {
        let shape = self.source.shape(node).map_err(Refusal::at)?;
        // Every value costs at least one byte and a separator.
        self.count(2)?;
        Ok(Some(match shape {
            Shape::Undefined => return Ok(None),
            Shape::Null => Value::Null,
            Shape::Bool(b) => Value::Bool(b),
            Shape::Number(n) => Value::Number(number(n)?),
            Shape::String(s) => {
                self.count(s.len())?;
                Value::String(s)
            }
            Shape::Unsupported(what) => {
                return Err(Refusal::at(format!("{what} cannot be written as JSON")))
            }
            Shape::Array(len) => self.container(node, depth, |walk| {
                let mut items = Vec::with_capacity(usize::try_from(len.min(1024)).unwrap_or(0));
                for index in 0..len {
                    let item = walk
                        .source
                        .element(node, index)
                        .map_err(Refusal::at)
                        .and_then(|item| walk.value(&item, depth + 1))
                        .map_err(|refusal| refusal.inside(Step::Index(index)))?;
                    items.push(item.unwrap_or(Value::Null));
                }
                Ok(Value::Array(items))
            })?,
            Shape::Object(keys) => self.container(node, depth, |walk| {
                let mut members = Map::new();
                for key in keys {
                    walk.count(key.len() + 3)?;
                    let item = walk
                        .source
                        .member(node, &key)
                        .map_err(Refusal::at)
                        .and_then(|item| walk.value(&item, depth + 1));
                    match item {
                        Ok(Some(item)) => {
                            members.insert(key, item);
                        }
                        Ok(None) => {}
                        Err(refusal) => return Err(refusal.inside(Step::Key(key))),
                    }
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
        inside: impl FnOnce(&mut Self) -> Result<Value, Refusal>,
    ) -> Result<Value, Refusal> {
        if depth >= MAX_DEPTH {
            return Err(Refusal::at(format!(
                "the value is nested more than {MAX_DEPTH} levels deep"
            )));
        }
        if !self.source.enter(node) {
            return Err(Refusal::at(
                "the value contains itself (a cycle), which JSON cannot hold".to_owned(),
            ));
        }
        let result = inside(self);
        self.source.leave(node);
        result
    }

    fn count(&mut self, bytes: usize) -> Result<(), Refusal> {
        self.bytes = self.bytes.saturating_add(bytes);
        if self.bytes > MAX_BYTES {
            return Err(Refusal::Whole(format!(
                "the value is larger than the {} KB a document may be (as JSON text)",
                MAX_BYTES / 1024
            )));
        }
        Ok(())
    }
}

fn number(n: f64) -> Result<Number, Refusal> {
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
        .ok_or_else(|| Refusal::at(format!("the number `{n}` cannot be written as JSON")))
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
