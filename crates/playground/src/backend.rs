//! The one place the page talks to the simulation: `identity_pool::api`.
//!
//! Every answer is turned into the small view types below, so when the API's shape moves
//! only this file changes. Nothing here decides anything about IAM or Cognito: it forwards
//! a request and reads the answer.

use iam_policy::{Diagnostic, Position, Severity, Span};
use serde_json::{json, Value};

/// The API version the page speaks.
const API_VERSION: u32 = 1;

/// The policy kinds of `iam_policy::PolicyKind`, as the API names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An access (identity-based) policy.
    Identity,
    /// A role's trust policy.
    Trust,
    /// A session policy (basic flow).
    Session,
    /// A permissions boundary.
    PermissionsBoundary,
}

impl Kind {
    fn api_name(self) -> &'static str {
        match self {
            Kind::Identity => "Identity",
            Kind::Trust => "Trust",
            Kind::Session => "Session",
            Kind::PermissionsBoundary => "PermissionsBoundary",
        }
    }
}

/// One step of the sign-in flow.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    /// e.g. `GetId`, `AssumeRoleWithWebIdentity`.
    pub name: String,
    /// `ok`, `failed` or `skipped`.
    pub status: String,
    /// What happened, in a sentence.
    pub detail: String,
}

/// The AWS error a failed sign-in ends with.
#[derive(Clone, Debug, PartialEq)]
pub struct AwsErrorView {
    /// The exception name, e.g. `NotAuthorizedException`.
    pub code: String,
    /// The message text AWS returns.
    pub message: String,
    /// The step that failed.
    pub step: String,
    /// What it means, plainly.
    pub explanation: String,
    /// What to change.
    pub fix: String,
}

/// A labelled policy text shown read-only (session policies, scope-down).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelledText {
    /// Where it comes from.
    pub label: String,
    /// The text.
    pub text: String,
}

/// The session the credentials carry.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionView {
    /// The assumed role's ARN.
    pub role_arn: String,
    /// Session policies applied, including the enhanced flow's scope-down.
    pub session_policies: Vec<LabelledText>,
    /// The request context keys of the session, as key → value text.
    pub context_keys: Vec<(String, String)>,
}

/// A statement an explanation points at.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementRef {
    /// The policy's label, e.g. `Guest/inline/ReadPicture`.
    pub policy: String,
    /// The `Sid`, or `#index`.
    pub statement: String,
    /// The editor it lives in (`ROLE:POLICY`), when it is one of the scenario's policies.
    pub policy_id: Option<String>,
    /// 0-based index in the policy's `Statement` list.
    pub index: Option<usize>,
    /// Why it did (or did not) apply.
    pub reason: String,
}

/// One request's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestResultView {
    /// `Allowed`, `ExplicitDeny`, `ImplicitDeny` or `Error`.
    pub decision: String,
    /// The deciding layer and a one-line summary.
    pub summary: String,
    /// The statements that decided.
    pub deciding: Vec<StatementRef>,
    /// Why each other statement did not apply.
    pub others: Vec<StatementRef>,
    /// Context keys the policies asked for that the request did not carry.
    pub missing_keys: Vec<String>,
    /// Problems with the request itself.
    pub diagnostics: Vec<Diagnostic>,
    /// The message the AWS service would return, for denials.
    pub aws_message: String,
    /// What to change, for denials.
    pub fix: String,
}

/// What the page shows after one simulation.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ReportView {
    /// `issued`, or the AWS exception name.
    pub outcome: String,
    /// Undocumented behaviour the simulation relied on, one line each.
    pub notes: Vec<String>,
    /// The flow's steps in order.
    pub steps: Vec<StepView>,
    /// The session, when credentials were issued.
    pub session: Option<SessionView>,
    /// The error, when they were not.
    pub error: Option<AwsErrorView>,
    /// One entry per request.
    pub requests: Vec<RequestResultView>,
    /// Problems with the scenario document.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReportView {
    /// `issued`, or the AWS exception name (the `data-outcome` test hook).
    pub fn outcome(&self) -> String {
        match &self.error {
            _ if !self.outcome.is_empty() => self.outcome.clone(),
            Some(error) => error.code.clone(),
            None if self.session.is_some() => "issued".into(),
            None => "none".into(),
        }
    }
}

/// Sends one request to the API and returns its answer as JSON.
fn call(request: &Value) -> Value {
    let answer = answer_json(&request.to_string());
    serde_json::from_str(&answer).unwrap_or(Value::Null)
}

/// The API entry point.
fn answer_json(request: &str) -> String {
    identity_pool::api::answer_json(request)
}

/// The engine version shown in the header.
pub fn engine_version() -> String {
    iam_policy::ENGINE_VERSION.to_string()
}

/// Runs the whole scenario (scenario file text, formats.md section 2).
pub fn simulate(scenario_json: &str) -> ReportView {
    // Sent as text: the simulator's positions then refer to exactly this text.
    let answer =
        call(&json!({ "apiVersion": API_VERSION, "op": "simulate", "scenario": scenario_json }));
    match answer.get("report") {
        Some(report) => read_report(report),
        None => ReportView {
            outcome: "none".into(),
            diagnostics: vec![plain("playground::api", str_of(&answer, "message"))],
            ..ReportView::default()
        },
    }
}

/// The diagnostics of one policy text, located in that text.
pub fn parse_policy(text: &str, kind: Kind) -> Vec<Diagnostic> {
    let answer = call(&json!({
        "apiVersion": API_VERSION, "op": "parsePolicy", "text": text, "kind": kind.api_name()
    }));
    list(&answer, "diagnostics")
        .iter()
        .map(read_diagnostic)
        .collect()
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn plain(code: &str, message: &str) -> Diagnostic {
    Diagnostic {
        code: code.into(),
        severity: Severity::Error,
        message: message.into(),
        help: None,
        span: None,
        start: None,
        end: None,
    }
}

fn read_position(value: Option<&Value>) -> Option<Position> {
    let value = value?;
    let n = |k: &str| value.get(k).and_then(Value::as_u64).map(|n| n as usize);
    let line = n("line")?;
    let column = n("column").unwrap_or(1);
    Some(Position {
        line,
        column,
        utf16_column: n("utf16Column").unwrap_or(column),
    })
}

fn read_diagnostic(value: &Value) -> Diagnostic {
    let severity = match str_of(value, "severity") {
        "warning" => Severity::Warning,
        _ => Severity::Error,
    };
    let span = value.get("span").and_then(|s| {
        Some(Span {
            start: s.get("start")?.as_u64()? as usize,
            end: s.get("end")?.as_u64()? as usize,
        })
    });
    Diagnostic {
        code: str_of(value, "code").into(),
        severity,
        message: str_of(value, "message").into(),
        help: value
            .get("help")
            .and_then(Value::as_str)
            .map(str::to_string),
        span,
        start: read_position(value.get("start")),
        end: read_position(value.get("end")),
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    }
}

fn read_report(report: &Value) -> ReportView {
    let steps = list(report, "steps")
        .iter()
        .map(|s| StepView {
            name: str_of(s, "name").into(),
            status: str_of(s, "status").into(),
            detail: str_of(s, "detail").into(),
        })
        .collect();
    let error = report
        .get("error")
        .filter(|e| !e.is_null())
        .map(|e| AwsErrorView {
            code: str_of(e, "code").into(),
            message: str_of(e, "message").into(),
            step: str_of(e, "step").into(),
            explanation: str_of(e, "explanation").into(),
            fix: str_of(e, "fix").into(),
        });
    let session = report
        .get("session")
        .filter(|s| !s.is_null())
        .map(|s| SessionView {
            role_arn: str_of(s, "roleArn").into(),
            session_policies: list(s, "sessionPolicies")
                .iter()
                .map(|p| LabelledText {
                    label: [str_of(p, "name"), " (", str_of(p, "source"), ")"].concat(),
                    text: text_of(p.get("document").unwrap_or(&Value::Null)),
                })
                .collect(),
            context_keys: s
                .get("context")
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.clone(), text_of(v))).collect())
                .unwrap_or_default(),
        });
    ReportView {
        outcome: str_of(report, "outcome").into(),
        notes: list(report, "notes").iter().map(note_text).collect(),
        steps,
        session,
        error,
        requests: list(report, "requests")
            .iter()
            .map(read_request_result)
            .collect(),
        diagnostics: list(report, "diagnostics")
            .iter()
            .map(read_diagnostic)
            .collect(),
    }
}

fn note_text(note: &Value) -> String {
    match note {
        Value::String(s) => s.clone(),
        other => [str_of(other, "message"), str_of(other, "text")].concat(),
    }
}

/// `Guest/ReadPicture` → `Guest:ReadPicture`; `Guest/trust` → `Guest:trust`.
fn policy_id_of(label: &str) -> Option<String> {
    let (role, rest) = label.split_once('/')?;
    let last = rest.rsplit('/').next().unwrap_or(rest);
    (!role.is_empty()).then(|| format!("{role}:{last}"))
}

fn statement_ref(value: &Value, reason: String) -> StatementRef {
    let policy = str_of(value, "policy").to_string();
    StatementRef {
        policy_id: policy_id_of(&policy),
        statement: str_of(value, "label").into(),
        index: value
            .get("index")
            .and_then(Value::as_u64)
            .map(|i| i as usize),
        reason,
        policy,
    }
}

/// Why one statement explanation did or did not apply, from the engine's match data.
fn why(statement: &Value) -> String {
    let element = |name: &str| statement.get(name).filter(|e| !e.is_null());
    let mut parts: Vec<String> = Vec::new();
    for name in ["action", "resource", "principal"] {
        if let Some(e) = element(name) {
            if e.get("matched").and_then(Value::as_bool) == Some(false) {
                parts.push(format!(
                    "{} `{}` not matched",
                    str_of(e, "element"),
                    str_of(e, "request")
                ));
            }
        }
    }
    for c in list(statement, "conditions") {
        if c.get("result").and_then(Value::as_bool) == Some(false) {
            let request = match c.get("requestValues") {
                Some(Value::Array(values)) => {
                    values.iter().map(text_of).collect::<Vec<_>>().join(", ")
                }
                _ => "absent".into(),
            };
            parts.push(format!(
                "condition {} `{}` is false (request: {request})",
                str_of(c, "operator"),
                str_of(c, "key")
            ));
        }
    }
    if parts.is_empty() {
        if statement.get("matched").and_then(Value::as_bool) == Some(true) {
            parts.push("matched".into());
        } else {
            parts.push("did not apply".into());
        }
    }
    parts.join("; ")
}

fn read_request_result(value: &Value) -> RequestResultView {
    let explanation = value.get("explanation").unwrap_or(&Value::Null);
    let cognito = value.get("cognito").unwrap_or(&Value::Null);
    let deciding: Vec<StatementRef> = list(explanation, "decidingStatements")
        .iter()
        .map(|s| statement_ref(s, String::new()))
        .collect();
    let others = list(explanation, "statements")
        .iter()
        .filter_map(|s| {
            let r = s.get("statement")?;
            let sref = statement_ref(r, why(s));
            let decided = deciding
                .iter()
                .any(|d| d.policy == sref.policy && d.index == sref.index);
            (!decided).then_some(sref)
        })
        .chain(list(explanation, "unevaluated").iter().filter_map(|u| {
            Some(statement_ref(
                u.get("statement")?,
                format!("not evaluated: {}", str_of(u, "reason")),
            ))
        }))
        .collect();
    let layer = str_of(explanation, "decidingLayer");
    let summary = [str_of(cognito, "summary"), str_of(explanation, "summary")]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    RequestResultView {
        decision: str_of(value, "decision").into(),
        summary: if layer.is_empty() {
            summary
        } else {
            format!("{summary} (deciding layer: {layer})")
        },
        deciding,
        others,
        missing_keys: list(explanation, "missingContextKeys")
            .iter()
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect(),
        diagnostics: list(value, "diagnostics")
            .iter()
            .map(read_diagnostic)
            .collect(),
        aws_message: str_of(value, "awsMessage").into(),
        fix: str_of(cognito, "fix").into(),
    }
}
