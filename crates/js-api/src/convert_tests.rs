use super::*;
use crate::graph::{Graph, GraphNode as N};

/// A chain of `depth` nested arrays around `null`.
fn chain(depth: usize) -> Graph {
    let mut nodes: Vec<N> = (0..depth).map(|i| N::Array(vec![i + 1])).collect();
    nodes.push(N::Null);
    Graph::new(nodes)
}

/// Whether the engine's JSON parser reads `text` (the loader reports its refusals as
/// `iam::parse::json`).
fn parses(text: &str) -> bool {
    let loaded = identity_pool::load_scenario(text);
    !loaded
        .diagnostics
        .iter()
        .any(|d| d.code == "iam::parse::json")
}

fn convert(graph: &mut Graph) -> Result<Value, String> {
    to_json(graph, &0)
}

#[test]
fn nesting_up_to_the_engine_limit_converts() {
    let value = convert(&mut chain(MAX_DEPTH)).unwrap();
    let text = serde_json::to_string(&value).unwrap();
    assert_eq!(text.matches('[').count(), MAX_DEPTH);
    // The engine's parser reads what the walk accepts.
    assert!(parses(&text), "{text}");
}

#[test]
fn deep_nesting_is_refused_with_a_message_not_a_stack_overflow() {
    for depth in [MAX_DEPTH + 1, 3_000, 100_000] {
        let mut graph = chain(depth);
        let error = convert(&mut graph).unwrap_err();
        assert!(
            error.starts_with("the value is nested more than 64 levels deep (at `[0][0]"),
            "{error}"
        );
        assert!(error.len() < 200, "{error}");
        assert!(graph.reads <= MAX_DEPTH + 1, "{} reads", graph.reads);
    }
}

#[test]
fn a_value_that_contains_itself_is_a_cycle() {
    // {"roles": [{"self": <root>}]}
    let mut graph = Graph::new(vec![
        N::Object(vec![("roles".into(), 1)]),
        N::Array(vec![2]),
        N::Object(vec![("name".into(), 3), ("self".into(), 0)]),
        N::String("x".into()),
    ]);
    let error = convert(&mut graph).unwrap_err();
    assert_eq!(
        error,
        "the value contains itself (a cycle), which JSON cannot hold (at `roles[0].self`)"
    );
}

#[test]
fn a_shared_child_is_not_a_cycle() {
    let mut graph = Graph::new(vec![
        N::Array(vec![1, 1]),
        N::Object(vec![("a".into(), 2)]),
        N::Number(1.0),
    ]);
    assert_eq!(
        convert(&mut graph).unwrap(),
        serde_json::json!([{"a": 1}, {"a": 1}])
    );
}

#[test]
fn size_is_bounded_before_the_work_is_done() {
    // A shared child doubling at every level: 2^40 values if walked out.
    let mut nodes: Vec<N> = (0..40).map(|i| N::Array(vec![i + 1, i + 1])).collect();
    nodes.push(N::String("x".into()));
    let mut graph = Graph::new(nodes);
    let error = convert(&mut graph).unwrap_err();
    assert_eq!(
        error,
        "the value is larger than the 1024 KB a document may be (as JSON text)"
    );
    assert!(graph.reads <= MAX_BYTES / 2 + 1, "{} reads", graph.reads);
    // One long string counts too.
    let mut graph = Graph::new(vec![N::String("x".repeat(MAX_BYTES + 1))]);
    assert!(convert(&mut graph)
        .unwrap_err()
        .starts_with("the value is larger"));
}

#[test]
fn values_read_as_json_stringify_reads_them() {
    let mut graph = Graph::new(vec![
        N::Object(vec![
            ("seconds".into(), 1),
            ("half".into(), 2),
            ("skipped".into(), 3),
            ("list".into(), 4),
            ("flag".into(), 5),
        ]),
        N::Number(3600.0),
        N::Number(0.5),
        N::Undefined,
        N::Array(vec![3, 6]),
        N::Bool(true),
        N::Null,
    ]);
    let value = convert(&mut graph).unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"seconds":3600,"half":0.5,"list":[null,null],"flag":true}"#
    );
}

#[test]
fn what_json_cannot_hold_is_named_with_its_place() {
    let cases = [
        (
            N::Number(f64::NAN),
            "the number `NaN` cannot be written as JSON (at `a`)",
        ),
        (
            N::Number(f64::INFINITY),
            "the number `inf` cannot be written as JSON (at `a`)",
        ),
        (N::Function, "a function cannot be written as JSON (at `a`)"),
        (N::Throws, "reading the value threw `Error: no` (at `a`)"),
    ];
    for (node, message) in cases {
        let mut graph = Graph::new(vec![N::Object(vec![("a".into(), 1)]), node]);
        assert_eq!(convert(&mut graph).unwrap_err(), message);
    }
    assert_eq!(
        convert(&mut Graph::new(vec![N::Undefined])).unwrap_err(),
        "the value is `undefined`"
    );
}

#[test]
fn a_long_key_is_shortened_in_the_message() {
    let key = "k".repeat(10_000);
    let mut graph = Graph::new(vec![N::Object(vec![(key, 1)]), N::Function]);
    let error = convert(&mut graph).unwrap_err();
    assert!(error.len() < 120, "{error}");
}

#[test]
fn any_graph_converts_or_is_refused_within_the_bounds() {
    // A cheap exhaustive-ish sweep; the fuzz target (crates/js-api/fuzz) goes further.
    for seed in 0u32..2_000 {
        let bytes: Vec<u8> = (0..64u32)
            .map(|i| (seed.wrapping_mul(2_654_435_761).rotate_left(i) >> 24) as u8)
            .collect();
        let mut graph = Graph::from_bytes(&bytes);
        let _ = convert(&mut graph);
        assert!(graph.reads <= MAX_BYTES / 2 + 1);
    }
}
