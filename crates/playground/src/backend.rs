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
    /// Whether the step succeeded.
    pub ok: bool,
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
    /// Where it starts in that editor.
    pub line: Option<usize>,
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
}

/// What the page shows after one simulation.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ReportView {
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

/// The API entry point. Until `identity_pool::api` exists, a stand-in answers that the
/// engine is not connected, so the page and its tests can be built against the contract.
fn answer_json(request: &str) -> String {
    stand_in::answer_json(request)
}

/// The engine version shown in the header.
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Runs the whole scenario (scenario file text, formats.md section 2).
pub fn simulate(scenario_json: &str) -> ReportView {
    let scenario: Value = match serde_json::from_str(scenario_json) {
        Ok(value) => value,
        Err(error) => {
            return ReportView {
                diagnostics: vec![plain("playground::scenario", &error.to_string())],
                ..ReportView::default()
            }
        }
    };
    let answer =
        call(&json!({ "apiVersion": API_VERSION, "type": "simulate", "scenario": scenario }));
    read_report(answer.get("report").unwrap_or(&answer))
}

/// The diagnostics of one policy text, located in that text.
pub fn parse_policy(text: &str, kind: Kind) -> Vec<Diagnostic> {
    let answer = call(&json!({
        "apiVersion": API_VERSION, "type": "parsePolicy", "text": text, "kind": kind.api_name()
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
            ok: s
                .get("ok")
                .and_then(Value::as_bool)
                .unwrap_or_else(|| matches!(str_of(s, "result"), "ok" | "success" | "succeeded")),
            detail: [str_of(s, "detail"), str_of(s, "message")].concat(),
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
                    label: [str_of(p, "name"), str_of(p, "label")].concat(),
                    text: text_of(p.get("document").or_else(|| p.get("policy")).unwrap_or(p)),
                })
                .collect(),
            context_keys: s
                .get("contextKeys")
                .or_else(|| s.get("context"))
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.clone(), text_of(v))).collect())
                .unwrap_or_default(),
        });
    let requests = list(report, "requests")
        .iter()
        .map(read_request_result)
        .collect();
    ReportView {
        steps,
        session,
        error,
        requests,
        diagnostics: list(report, "diagnostics")
            .iter()
            .map(read_diagnostic)
            .collect(),
    }
}

fn read_statement(value: &Value) -> StatementRef {
    let policy = str_of(value, "policy").to_string();
    StatementRef {
        policy_id: policy_id_of(&policy),
        statement: match value.get("sid").and_then(Value::as_str) {
            Some(sid) => sid.to_string(),
            None => value
                .get("index")
                .and_then(Value::as_u64)
                .map(|i| format!("#{i}"))
                .unwrap_or_default(),
        },
        line: read_position(value.get("start")).map(|p| p.line),
        reason: str_of(value, "reason").into(),
        policy,
    }
}

/// `Guest/inline/ReadPicture` → `Guest:ReadPicture`; `Guest/trust` → `Guest:trust`.
fn policy_id_of(label: &str) -> Option<String> {
    let mut parts = label.split('/');
    let role = parts.next().filter(|r| !r.is_empty())?;
    let last = parts.next_back()?;
    Some(format!("{role}:{last}"))
}

fn read_request_result(value: &Value) -> RequestResultView {
    let explanation = value.get("explanation").unwrap_or(&Value::Null);
    RequestResultView {
        decision: str_of(value, "decision").into(),
        summary: [
            str_of(explanation, "summary"),
            str_of(explanation, "decidingLayer"),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · "),
        deciding: list(explanation, "deciding")
            .iter()
            .map(read_statement)
            .collect(),
        others: list(explanation, "statements")
            .iter()
            .map(read_statement)
            .collect(),
        missing_keys: list(explanation, "missingContextKeys")
            .iter()
            .filter_map(|k| k.as_str().map(str::to_string))
            .collect(),
        diagnostics: list(value, "diagnostics")
            .iter()
            .map(read_diagnostic)
            .collect(),
    }
}

/// Answers in the API's shape while the simulation is not yet linked in. It knows no IAM
/// rule: it reports JSON syntax errors (so editors show markers) and says the engine is
/// missing.
mod stand_in {
    use serde_json::{json, Value};

    pub fn answer_json(request: &str) -> String {
        let request: Value = serde_json::from_str(request).unwrap_or(Value::Null);
        let answer = match request.get("type").and_then(Value::as_str) {
            Some("parsePolicy") => {
                let text = request
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                match serde_json::from_str::<Value>(text) {
                    Ok(_) => json!({ "diagnostics": [] }),
                    Err(e) => json!({ "diagnostics": [{
                        "code": "iam::parse::syntax", "severity": "error",
                        "message": e.to_string(),
                        "start": { "line": e.line(), "column": e.column() }
                    }]}),
                }
            }
            _ => {
                let count = request
                    .pointer("/scenario/requests")
                    .and_then(Value::as_array)
                    .map(Vec::len)
                    .unwrap_or(0);
                let requests: Vec<Value> = (0..count)
                    .map(|_| json!({ "decision": "Error", "explanation": { "summary": "the simulation engine is not linked into this build" } }))
                    .collect();
                json!({
                    "steps": [],
                    "error": { "code": "EngineUnavailable", "message": "the simulation engine is not linked into this build",
                               "step": "", "explanation": "This build of the page has no engine yet.", "fix": "Rebuild with the identity-pool crate's API." },
                    "requests": requests
                })
            }
        };
        answer.to_string()
    }
}
