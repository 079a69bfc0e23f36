//! Reading an exercise file (one exercise) or a workshop file (a list of them), with
//! positioned diagnostics like a scenario's.

use iam_policy::json::{self, JsonMember, JsonNode};
use iam_policy::{Diagnostic, Span};

use super::model::{Exercise, ExpectedDecision, Goal, GoalKind, Patch, Workshop};
use crate::scenario::reader::{field, Reader};
use crate::scenario::{read_request, ScenarioRequest};

/// Diagnostic code prefix for exercise and workshop files.
pub const PREFIX: &str = "cognito::exercise::";

const WORKSHOP_FIELDS: &[&str] = &["$schema", "id", "title", "description", "exercises"];
const EXERCISE_FIELDS: &[&str] = &[
    "$schema", "id", "title", "brief", "hints", "scenario", "goals", "solution",
];
const GOAL_FIELDS: &[&str] = &[
    "title",
    "signIn",
    "role",
    "request",
    "decision",
    "onlyAllowed",
];
const GOAL_KINDS: &str = "`signIn`, `role`, `request` with `decision`, or `onlyAllowed`";

/// The result of reading an exercise or workshop file.
#[derive(Clone, Debug, Default)]
pub struct LoadedExercises {
    /// `None` only when the text is not a JSON object.
    pub workshop: Option<Workshop>,
    /// Errors and warnings, located in the file.
    pub diagnostics: Vec<Diagnostic>,
    /// Each exercise's starting scenario as a node of the file, for positioned checks.
    pub(crate) scenario_nodes: Vec<Option<JsonNode>>,
}

/// Reads a workshop file (`{"id", "title", "exercises": [...]}`) or a single exercise file
/// (an exercise object: a workshop of one).
pub fn load_exercise_file(text: &str) -> LoadedExercises {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(mut d) => {
            d.help.get_or_insert_with(|| {
                "an exercise file is one JSON object (see docs/exercises.md)".to_owned()
            });
            d.locate(text);
            return LoadedExercises {
                diagnostics: vec![d],
                ..LoadedExercises::default()
            };
        }
    };
    let mut r = Reader::with_prefix(PREFIX);
    let mut nodes = Vec::new();
    let workshop = read_root(&mut r, &root, text, &mut nodes);
    let mut diagnostics = r.diagnostics;
    for d in &mut diagnostics {
        d.locate(text);
    }
    LoadedExercises {
        workshop,
        diagnostics,
        scenario_nodes: nodes,
    }
}

fn read_root(
    r: &mut Reader,
    root: &JsonNode,
    text: &str,
    nodes: &mut Vec<Option<JsonNode>>,
) -> Option<Workshop> {
    let m = r.object("the file", root)?;
    let Some(list) = field(m, "exercises") else {
        let (exercise, node) = read_exercise(r, "the exercise", root, text)?;
        nodes.push(node);
        return Some(Workshop {
            id: exercise.id.clone(),
            title: exercise.title.clone(),
            description: String::new(),
            exercises: vec![exercise],
        });
    };
    r.check_fields("the workshop", m, WORKSHOP_FIELDS);
    let mut w = Workshop {
        id: required(r, "the workshop", m, "id", root),
        title: required(r, "the workshop", m, "title", root),
        description: optional(r, m, "description"),
        exercises: Vec::new(),
    };
    for (i, item) in r
        .array("exercises", list)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let Some((exercise, node)) = read_exercise(r, &format!("exercises[{i}]"), item, text)
        else {
            continue;
        };
        if let Some(first) = w.exercises.iter().find(|e| e.id == exercise.id) {
            let message = format!(
                "exercise id `{}` is used twice (also by `{}`)",
                exercise.id, first.title
            );
            r.error(
                "duplicate_id",
                message,
                exercise.span,
                "give each exercise its own id",
            );
        }
        w.exercises.push(exercise);
        nodes.push(node);
    }
    if w.exercises.is_empty() {
        r.error(
            "empty",
            "the workshop has no exercises".to_owned(),
            list.span,
            "add exercise objects to `exercises`",
        );
    }
    Some(w)
}

fn read_exercise(
    r: &mut Reader,
    path: &str,
    node: &JsonNode,
    text: &str,
) -> Option<(Exercise, Option<JsonNode>)> {
    let m = r.object(path, node)?;
    r.check_fields(path, m, EXERCISE_FIELDS);
    let mut e = Exercise {
        id: required(r, path, m, "id", node),
        title: required(r, path, m, "title", node),
        brief: required(r, path, m, "brief", node),
        source: slice(text, node.span),
        span: node.span,
        solution_span: node.span,
        ..Exercise::default()
    };
    if let Some(n) = field(m, "hints") {
        e.hints = r
            .string_list(&format!("{path}.hints"), n)
            .into_iter()
            .map(|s| s.value)
            .collect();
    }
    let scenario = field(m, "scenario");
    match scenario {
        Some(n) if n.as_object().is_some() => {
            e.scenario = slice(text, n.span);
            e.scenario_span = n.span;
        }
        Some(n) => {
            r.object(&format!("{path}.scenario"), n);
        }
        None => missing(
            r,
            path,
            "scenario",
            node,
            "the starting scenario (docs/scenarios)",
        ),
    }
    match field(m, "goals").and_then(|n| r.array(&format!("{path}.goals"), n)) {
        Some(items) => {
            e.goals = items
                .iter()
                .enumerate()
                .filter_map(|(i, g)| read_goal(r, &format!("{path}.goals[{i}]"), g))
                .collect();
            if items.is_empty() {
                let at = field(m, "goals").map_or(node.span, |n| n.span);
                r.error(
                    "no_goals",
                    format!("`{path}.goals` is empty"),
                    at,
                    "add a goal",
                );
            }
        }
        None => missing(r, path, "goals", node, "what the learner must make true"),
    }
    match field(m, "solution") {
        Some(n) => {
            e.solution_span = n.span;
            e.solution = read_patches(r, &format!("{path}.solution"), n, text);
        }
        None => missing(
            r,
            path,
            "solution",
            node,
            "the reference solution, as patches",
        ),
    }
    let scenario = scenario.filter(|n| n.as_object().is_some()).cloned();
    Some((e, scenario))
}

fn read_goal(r: &mut Reader, path: &str, node: &JsonNode) -> Option<Goal> {
    let m = r.object(path, node)?;
    r.check_fields(path, m, GOAL_FIELDS);
    let title = required(r, path, m, "title", node);
    let kinds = ["signIn", "role", "request", "onlyAllowed"];
    let present: Vec<&str> = kinds
        .into_iter()
        .filter(|k| field(m, k).is_some())
        .collect();
    let kind = match present.as_slice() {
        ["signIn"] => GoalKind::SignIn(string(r, path, m, "signIn")?),
        ["role"] => GoalKind::Role(string(r, path, m, "role")?),
        ["request"] => {
            let request = read_request(r, &format!("{path}.request"), field(m, "request")?)?;
            let decision = decision(r, path, m, node)?;
            GoalKind::Decision { request, decision }
        }
        ["onlyAllowed"] => {
            read_only_allowed(r, &format!("{path}.onlyAllowed"), field(m, "onlyAllowed")?)?
        }
        [] => {
            r.error(
                "goal_kind",
                format!("`{path}` says nothing to check"),
                node.span,
                &format!("a goal has one of {GOAL_KINDS}"),
            );
            return None;
        }
        _ => {
            r.error(
                "goal_kind",
                format!("`{path}` mixes `{}`", present.join("` and `")),
                node.span,
                "write one goal per expectation",
            );
            return None;
        }
    };
    Some(Goal {
        title,
        kind,
        span: node.span,
    })
}

fn decision(
    r: &mut Reader,
    path: &str,
    m: &[JsonMember],
    node: &JsonNode,
) -> Option<ExpectedDecision> {
    let Some(n) = field(m, "decision") else {
        missing(
            r,
            path,
            "decision",
            node,
            "`Allowed`, `ExplicitDeny`, `ImplicitDeny` or `Denied`",
        );
        return None;
    };
    let text = r.string(&format!("{path}.decision"), n)?.value;
    let parsed = ExpectedDecision::parse(&text);
    if parsed.is_none() {
        r.error(
            "bad_decision",
            format!("`{path}.decision` is `{text}`, not a decision"),
            n.span,
            "use `Allowed`, `ExplicitDeny`, `ImplicitDeny` or `Denied` (either deny)",
        );
    }
    parsed
}

fn read_only_allowed(r: &mut Reader, path: &str, node: &JsonNode) -> Option<GoalKind> {
    let m = r.object(path, node)?;
    r.check_fields(path, m, &["resource", "actions", "allowed", "probes"]);
    let resource = string(r, path, m, "resource")?;
    let actions: Vec<String> = field(m, "actions")
        .map(|n| r.string_list(&format!("{path}.actions"), n))
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.value)
        .collect();
    if actions.is_empty() {
        r.error(
            "no_actions",
            format!("`{path}.actions` lists no action"),
            node.span,
            "list the actions to check, e.g. `[\"s3:GetObject\", \"s3:PutObject\"]`",
        );
    }
    let allowed: Vec<ScenarioRequest> = field(m, "allowed")
        .and_then(|n| r.array(&format!("{path}.allowed"), n))
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, n)| read_request(r, &format!("{path}.allowed[{i}]"), n))
        .collect();
    let probes = field(m, "probes")
        .map(|n| r.string_list(&format!("{path}.probes"), n))
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.value)
        .collect();
    Some(GoalKind::OnlyAllowed {
        resource,
        actions,
        allowed,
        probes,
    })
}

fn read_patches(r: &mut Reader, path: &str, node: &JsonNode, text: &str) -> Vec<Patch> {
    let Some(items) = r.array(path, node) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Some(m) = r.object(&p, item) else {
            continue;
        };
        r.check_fields(&p, m, &["path", "value"]);
        let Some(pointer) = field(m, "path").and_then(|n| r.string(&format!("{p}.path"), n)) else {
            missing(
                r,
                &p,
                "path",
                item,
                "a JSON Pointer such as `/roles/0/AssumeRolePolicyDocument`",
            );
            continue;
        };
        if !pointer.value.is_empty() && !pointer.value.starts_with('/') {
            r.error(
                "bad_pointer",
                format!("`{p}.path` is `{}`, not a JSON Pointer", pointer.value),
                pointer.span,
                "a JSON Pointer starts with `/`, e.g. `/signIn/flow`",
            );
            continue;
        }
        let Some(value) = field(m, "value") else {
            missing(r, &p, "value", item, "the value to put at `path`");
            continue;
        };
        // The span is valid JSON the parser accepted, so serde reads it too.
        let Ok(value) = serde_json::from_str(&slice(text, value.span)) else {
            continue;
        };
        out.push(Patch {
            path: pointer.value,
            value,
            span: item.span,
        });
    }
    out
}

fn slice(text: &str, span: Span) -> String {
    text.get(span.start..span.end)
        .unwrap_or_default()
        .to_owned()
}

fn missing(r: &mut Reader, path: &str, key: &str, node: &JsonNode, what: &str) {
    r.error(
        "missing_field",
        format!("`{path}` has no `{key}`"),
        Span::new(node.span.start, node.span.start),
        &format!("add `{key}`: {what}"),
    );
}

fn string(r: &mut Reader, path: &str, m: &[JsonMember], key: &str) -> Option<String> {
    field(m, key)
        .and_then(|n| r.string(&format!("{path}.{key}"), n))
        .map(|s| s.value)
}

fn required(r: &mut Reader, path: &str, m: &[JsonMember], key: &str, node: &JsonNode) -> String {
    if field(m, key).is_none() {
        missing(r, path, key, node, "a short text");
    }
    string(r, path, m, key).unwrap_or_default()
}

fn optional(r: &mut Reader, m: &[JsonMember], key: &str) -> String {
    string(r, "the workshop", m, key).unwrap_or_default()
}
