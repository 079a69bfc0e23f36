//! A value graph in plain Rust, for exercising [`crate::convert`] without a JavaScript
//! engine: nodes refer to each other by index, so cycles, shared children and deep chains
//! are as easy to build as in JavaScript. The native tests and the fuzz target use it.

use crate::convert::{Shape, Source};

/// One node; containers hold the indices of their children.
#[derive(Clone, Debug, PartialEq)]
pub enum GraphNode {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array of node indices (an index out of range reads as `undefined`).
    Array(Vec<usize>),
    /// An object of `(key, node index)` members.
    Object(Vec<(String, usize)>),
    /// A function (JSON cannot hold it).
    Function,
    /// A node whose reading throws, like a JavaScript getter that throws.
    Throws,
}

/// Nodes by index; node 0 is the root.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// The nodes.
    pub nodes: Vec<GraphNode>,
    on_path: Vec<bool>,
    /// How many `shape` questions were asked (the walk's work).
    pub reads: usize,
}

impl Graph {
    /// A graph of these nodes.
    pub fn new(nodes: Vec<GraphNode>) -> Self {
        let on_path = vec![false; nodes.len()];
        Self {
            nodes,
            on_path,
            reads: 0,
        }
    }

    /// A graph decoded from arbitrary bytes (the fuzz target's input): each node takes a tag
    /// byte and an argument byte; an array (tag 5) or object (tag 6) then takes `arg % 8`
    /// bytes naming its children's indices, and tag 9 is an array holding the next node, so
    /// any input makes some graph, cycles, shared children and deep chains included.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let mut nodes = Vec::new();
        let mut rest = bytes;
        while let [tag, arg, tail @ ..] = rest {
            rest = tail;
            let arg = usize::from(*arg);
            let node = match tag % 10 {
                0 => GraphNode::Undefined,
                1 => GraphNode::Null,
                2 => GraphNode::Bool(arg % 2 == 1),
                3 => GraphNode::Number(match arg % 5 {
                    0 => f64::NAN,
                    1 => f64::INFINITY,
                    2 => 1e300 * arg as f64,
                    3 => 0.5,
                    _ => arg as f64,
                }),
                4 => GraphNode::String("k".repeat(arg)),
                5 | 6 => {
                    // The argument's low three bits count the children.
                    let (children, tail) = rest.split_at((arg % 8).min(rest.len()));
                    rest = tail;
                    let children = children.iter().map(|&c| usize::from(c));
                    if tag % 10 == 5 {
                        GraphNode::Array(children.collect())
                    } else {
                        GraphNode::Object(children.map(|c| (format!("k{c}"), c)).collect())
                    }
                }
                7 => GraphNode::Function,
                8 => GraphNode::Throws,
                // A long chain: the node refers to itself through `arg` nested arrays.
                _ => GraphNode::Array(vec![nodes.len() + usize::from(arg > 0)]),
            };
            nodes.push(node);
        }
        Self::new(nodes)
    }

    fn node(&self, index: usize) -> &GraphNode {
        self.nodes.get(index).unwrap_or(&GraphNode::Undefined)
    }
}

impl Source for Graph {
    type Node = usize;

    fn shape(&mut self, node: &usize) -> Result<Shape, String> {
        self.reads += 1;
        Ok(match self.node(*node) {
            GraphNode::Undefined => Shape::Undefined,
            GraphNode::Null => Shape::Null,
            GraphNode::Bool(b) => Shape::Bool(*b),
            GraphNode::Number(n) => Shape::Number(*n),
            GraphNode::String(s) => Shape::String(s.clone()),
            GraphNode::Array(items) => Shape::Array(u32::try_from(items.len()).unwrap_or(0)),
            GraphNode::Object(members) => {
                Shape::Object(members.iter().map(|(k, _)| k.clone()).collect())
            }
            GraphNode::Function => Shape::Unsupported("a function"),
            GraphNode::Throws => return Err("reading the value threw `Error: no`".to_owned()),
        })
    }

    fn element(&mut self, node: &usize, index: u32) -> Result<usize, String> {
        match self.node(*node) {
            GraphNode::Array(items) => Ok(usize::try_from(index)
                .ok()
                .and_then(|i| items.get(i).copied())
                .unwrap_or(usize::MAX)),
            _ => Err("not an array".to_owned()),
        }
    }

    fn member(&mut self, node: &usize, key: &str) -> Result<usize, String> {
        match self.node(*node) {
            GraphNode::Object(members) => Ok(members
                .iter()
                .find(|(k, _)| k == key)
                .map_or(usize::MAX, |(_, c)| *c)),
            _ => Err("not an object".to_owned()),
        }
    }

    fn enter(&mut self, node: &usize) -> bool {
        match self.on_path.get_mut(*node) {
            Some(on) if *on => false,
            Some(on) => {
                *on = true;
                true
            }
            None => true,
        }
    }

    fn leave(&mut self, node: &usize) {
        if let Some(on) = self.on_path.get_mut(*node) {
            *on = false;
        }
    }
}
