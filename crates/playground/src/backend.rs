//! The one place the page talks to the simulation: `identity_pool::api`.
//!
//! Every answer is turned into the small view types below, so when the API's shape moves
//! only this file changes. Nothing here decides anything about IAM or Cognito: it forwards
//! a request and reads the answer.

pub mod code;
pub mod lazy;
pub mod review;

use identity_pool::api::{
    self, ApiAnswerBody, ApiCall, ContextValue, Diagnostic, Explain, ScenarioInput, Severity,
};
use identity_pool::edit::{Document, ScenarioDoc};
use identity_pool::error::AwsError;
use identity_pool::report::{Report, RequestReport};
use identity_pool::session::Session;
use identity_pool::workspace::Workspace;
use serde::Serialize;
use std::sync::Arc;

/// One step of the sign-in flow.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    /// e.g. `GetId`, `TrustPolicy` (the report's stable id).
    pub name: String,
    /// As AWS names it: the operation, and the stage inside it
    /// (`GetCredentialsForIdentity: STS checks the role's trust policy ...`).
    pub label: String,
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
    /// The cause in its editor (the failing trust condition, or the statement), when it is
    /// inside one of the scenario's policies.
    pub place: Option<EditorPlace>,
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
    /// The session's principal tags.
    pub principal_tags: Vec<(String, String)>,
    /// Whether the guest scope-down applied, and why (one sentence).
    pub scope_down: String,
}

/// A place in one policy editor's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorPlace {
    /// The editor (`ROLE:POLICY`).
    pub policy_id: String,
    /// 1-based line in that editor's text.
    pub line: usize,
    /// 1-based column, in characters (shown).
    pub column: usize,
    /// 1-based column in UTF-16 code units (where the editor puts the caret).
    pub utf16_column: usize,
    /// How many UTF-16 code units from there to mark (0: the caret alone).
    pub utf16_len: usize,
}

impl EditorPlace {
    /// Puts the caret there and marks the place's text in its editor.
    pub fn show(&self) {
        crate::editor::select(
            &self.policy_id,
            self.line,
            self.utf16_column,
            self.utf16_len,
        );
    }
}

/// A statement an explanation points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementRef {
    /// The policy's label, e.g. `Guest/inline/ReadPicture`.
    pub policy: String,
    /// The `Sid`, or `#index`.
    pub statement: String,
    /// Where it starts in its editor, when it is one of the scenario's policies.
    pub place: Option<EditorPlace>,
    /// Why it did (or did not) apply.
    pub reason: String,
}

/// A problem of the scenario, located in the editor whose text it is about (when it is
/// about a policy: other fields are edited in forms, where a line number means nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where, when it is inside a policy.
    pub place: Option<EditorPlace>,
    /// The diagnostic (positions relative to that policy's text).
    pub diagnostic: Diagnostic,
}

/// One statement of the trust policy, as STS read it for the sign-in.
#[derive(Clone, Debug, PartialEq)]
pub struct TrustStatementView {
    /// The `Sid`, or `#index`.
    pub label: String,
    /// `Allow` or `Deny`.
    pub effect: String,
    /// Whether it applies to this token.
    pub matched: bool,
    /// Whether it decided the outcome.
    pub decided: bool,
    /// The engine's words: why it applies, or the first part that did not match.
    pub reason: String,
    /// What its reason names in its editor: the failing condition's key, else the statement.
    pub place: Option<EditorPlace>,
}

/// The trust policy's evaluation for the sign-in (the refusing one, when one refused).
#[derive(Clone, Debug, PartialEq)]
pub struct TrustView {
    /// `sts:AssumeRoleWithWebIdentity` or `sts:TagSession`.
    pub action: String,
    /// `Allowed`, `ExplicitDeny` or `ImplicitDeny`.
    pub decision: String,
    /// The engine's one-line summary.
    pub summary: String,
    /// The trust policy's label, e.g. `Guest/trust`.
    pub policy: String,
    /// Every statement, in order.
    pub statements: Vec<TrustStatementView>,
}

/// One request's decision. `Eq`, so comparing two `Rc`s of it (a card's props, a report's
/// requests) is a pointer comparison when they are the same card: 200 cards with their
/// explanations were compared field by field on every keystroke.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
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
    /// Every other layer that would block the request too, in Cognito's words: (what, fix).
    pub also_blocking: Vec<(String, String)>,
    /// Whether the explanation was computed (a keystroke's pass carries decisions only).
    pub explained: bool,
}

/// A reading of the guest scope-down the user can choose (from the report's list).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct ScopeDownChoice {
    /// The `scopeDownVersion` id.
    pub id: String,
    /// Title and date, for the option.
    pub label: String,
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
    /// How the trust policy answered, statement by statement (absent when not reached).
    pub trust: Option<std::rc::Rc<TrustView>>,
    /// The session's role, or the role chosen when a later step failed.
    pub role: Option<String>,
    /// One entry per request (shared: the results list re-renders without deep copies).
    pub requests: Vec<std::rc::Rc<RequestResultView>>,
    /// Problems with the scenario.
    pub diagnostics: Vec<Problem>,
    /// The scope-down version the run followed.
    pub scope_down_version: String,
    /// Every scope-down version, to choose another.
    pub scope_down_versions: Vec<ScopeDownChoice>,
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

/// Sends one request to the API. Typed, not JSON text: a report with 200 explained
/// requests is megabytes of JSON, and printing then re-reading it would cost more than
/// the simulation itself. Inlined (like `api::call`), so each call site keeps only the op
/// it asks for and the page does not ship the API's other ops.
#[inline(always)]
fn call(call: ApiCall) -> ApiAnswerBody {
    api::call(call)
}

/// The engine version shown in the header.
pub fn engine_version() -> String {
    api::ENGINE_VERSION.to_string()
}

/// Runs the whole scenario (the document and where its policies are, as
/// `ScenarioDoc::to_document` writes them), explaining the requests `explain` covers
/// (`Explain::None`: decisions only, the keystroke's fast path).
pub fn simulate(document: &Document, explain: Explain) -> ReportView {
    // Sent as text: the simulator's positions then refer to exactly this text, and the
    // placements turn them into positions in the editors' texts.
    let scenario = ScenarioInput::Text(document.text.clone());
    match call(ApiCall::Simulate { scenario, explain }) {
        ApiAnswerBody::Simulate { report } => read_report(&report, &Places(document.locator())),
        other => ReportView {
            outcome: "none".into(),
            diagnostics: vec![Problem {
                place: None,
                diagnostic: plain("playground::api", &unexpected(&other)),
            }],
            ..ReportView::default()
        },
    }
}

/// Turns spans of the simulated document into places in the editors.
struct Places<'a>(identity_pool::placement::Locator<'a>);

impl Places<'_> {
    fn statement(&self, span: api::Span) -> Option<EditorPlace> {
        self.0.place(span).map(|p| EditorPlace {
            policy_id: p.id.to_string(),
            line: p.start.line,
            column: p.start.column,
            utf16_column: p.start.utf16_column,
            utf16_len: 0,
        })
    }

    /// The place of `span` with its whole text marked (for a short span: a condition key).
    fn mark(&self, span: api::Span) -> Option<EditorPlace> {
        let len = self
            .0
            .document()
            .get(span.start..span.end)
            .map_or(0, |t| t.encode_utf16().count());
        self.statement(span).map(|p| EditorPlace {
            utf16_len: len,
            ..p
        })
    }

    fn problem(&self, d: &Diagnostic) -> Problem {
        match self.0.relocate(d) {
            Some((id, local)) => Problem {
                place: local.start.map(|p| EditorPlace {
                    policy_id: id.to_string(),
                    line: p.line,
                    column: p.column,
                    utf16_column: p.utf16_column,
                    utf16_len: 0,
                }),
                diagnostic: local,
            },
            // A position in the hidden document would mislead: the message names the field.
            None => Problem {
                place: None,
                diagnostic: Diagnostic {
                    start: None,
                    end: None,
                    ..d.clone()
                },
            },
        }
    }
}

/// A pasted token, decoded by the simulation (locally: nothing leaves the page).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TokenView {
    /// e.g. `UserPool cognito-idp.us-east-1.amazonaws.com/us-east-1_X`.
    pub provider: String,
    /// The claims as pretty JSON.
    pub claims: String,
    /// Warnings and errors: message, help, column in the pasted text.
    pub warnings: Vec<Diagnostic>,
    /// What the decoding did not do (the signature is not checked...).
    pub notes: Vec<String>,
    /// The scenario with the token's sign-in, when the token could be read.
    pub scenario: Option<String>,
}

/// Decodes a JWT against the current scenario at time `now` (epoch seconds).
pub fn decode_token(token: &str, scenario_json: &str, now: i64) -> TokenView {
    let call_ = ApiCall::DecodeToken {
        token: token.to_string(),
        scenario: Some(ScenarioInput::Text(scenario_json.to_string())),
        now: Some(now),
    };
    match call(call_) {
        ApiAnswerBody::DecodeToken { token } => TokenView {
            provider: token
                .issuer
                .as_ref()
                .map(|i| format!("{} `{}`", name(&i.kind), i.logins_key))
                .unwrap_or_default(),
            claims: token
                .claims
                .as_ref()
                .and_then(|c| serde_json::to_string_pretty(c).ok())
                .unwrap_or_default(),
            warnings: token.diagnostics.clone(),
            notes: token.notes.clone(),
            scenario: token
                .scenario
                .as_ref()
                .and_then(|s| serde_json::to_string_pretty(s).ok()),
        },
        other => TokenView {
            warnings: vec![plain("playground::api", &unexpected(&other))],
            ..TokenView::default()
        },
    }
}

/// Each policy editor's diagnostics (by editor id, `ROLE:POLICY`), located in its text.
pub type DiagnosticMap = std::collections::HashMap<String, Arc<Vec<Diagnostic>>>;

/// Runs the scenario being edited in `workspace`, which reads only the policies whose
/// text changed since its last run: the report (explaining the requests `explain`
/// covers), and each policy editor's diagnostics from that same one read.
pub fn simulate_in(
    workspace: &mut Workspace,
    doc: &ScenarioDoc,
    explain: Explain,
) -> (ReportView, DiagnosticMap) {
    let simulation = workspace.simulate(doc, &explain);
    let report = read_report(&simulation.report, &Places(simulation.document.locator()));
    let diagnostics = doc
        .policies()
        .into_iter()
        .map(|(id, _, _)| {
            let found = workspace.diagnostics(&id).unwrap_or_default();
            (id.to_string(), found)
        })
        .collect();
    (report, diagnostics)
}

fn unexpected(body: &ApiAnswerBody) -> String {
    match body {
        ApiAnswerBody::Error { message } => message.clone(),
        _ => "the simulation answered a different question".into(),
    }
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

/// The wire name of a small serde enum (`"ok"`, `"TrustPolicy"`, ...).
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn context_text(value: &ContextValue) -> String {
    match value {
        ContextValue::Single(s) => s.clone(),
        ContextValue::Multi(values) => format!("[{}]", values.join(", ")),
    }
}

fn read_report(report: &Report, places: &Places<'_>) -> ReportView {
    let steps = report
        .steps
        .iter()
        .map(|s| StepView {
            name: s.name.clone(),
            label: s.label.clone(),
            status: name(&s.status),
            detail: s.detail.clone(),
        })
        .collect();
    ReportView {
        outcome: report.outcome.clone(),
        // Each note names how sure it is and where its sources are written down.
        notes: report
            .notes
            .iter()
            .map(|n| format!("{} ({}; {})", n.text, name(&n.confidence), n.reference))
            .collect(),
        steps,
        role: report
            .session
            .as_ref()
            .map(|s| s.role_arn.clone())
            .or_else(|| report.role_selection.as_ref().map(|r| r.role_arn.clone())),
        session: report.session.as_ref().map(|s| read_session(report, s)),
        error: report.error.as_ref().map(|e| read_error(e, places)),
        trust: read_trust(report, places),
        requests: report
            .requests
            .iter()
            .map(|r| std::rc::Rc::new(read_request_result(r, places)))
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| places.problem(d))
            .collect(),
        scope_down_version: report.scope_down.version.id.to_owned(),
        scope_down_versions: report
            .scope_down
            .versions
            .iter()
            .map(|v| ScopeDownChoice {
                id: v.id.to_owned(),
                label: format!("{} ({})", v.title, v.date),
            })
            .collect(),
    }
}

/// The AWS error the sign-in ended with, its place marked in the editor that holds it.
fn read_error(e: &AwsError, places: &Places<'_>) -> AwsErrorView {
    AwsErrorView {
        code: e.code.clone(),
        message: e.message.clone(),
        // The AWS operation that returned it (`GetCredentialsForIdentity`), not the
        // simulation's stage name (`TrustPolicy`).
        step: if e.operation.is_empty() {
            name(&e.step)
        } else {
            e.operation.clone()
        },
        explanation: e.explanation.clone(),
        fix: e.fix.clone(),
        place: e.span.and_then(|span| places.mark(span)),
    }
}

/// The session the credentials carry: role, session policies, context keys, principal
/// tags, and whether the scope-down applied.
fn read_session(report: &Report, s: &Session) -> SessionView {
    SessionView {
        role_arn: s.role_arn.clone(),
        session_policies: s
            .session_policies
            .iter()
            .map(|p| LabelledText {
                label: format!("{} ({})", p.name, p.source),
                text: p.document.clone(),
            })
            .collect(),
        context_keys: s
            .context
            .iter()
            .map(|(k, v)| (k.clone(), context_text(v)))
            .collect(),
        principal_tags: s
            .principal_tags
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        scope_down: format!(
            "{}: {}",
            if report.scope_down.applied {
                "applied"
            } else {
                "not applied"
            },
            report.scope_down.reason
        ),
    }
}

/// The refusing trust evaluation (or the first, when every one allowed), statement by
/// statement; the words and the places come from the report and the simulation.
fn read_trust(report: &Report, places: &Places<'_>) -> Option<std::rc::Rc<TrustView>> {
    let evaluation = report
        .trust
        .iter()
        .find(|t| t.decision != api::Decision::Allowed)
        .or_else(|| report.trust.first())?;
    let e = &evaluation.explanation;
    let statements: Vec<TrustStatementView> = e
        .statements
        .iter()
        .map(|s| TrustStatementView {
            label: s.statement.label.clone(),
            effect: name(&s.statement.effect),
            matched: s.matched,
            decided: e
                .deciding_statements
                .iter()
                .any(|d| d.index == s.statement.index),
            reason: s.reason.clone(),
            place: places.mark(identity_pool::explain::trust::cause_span(s)),
        })
        .collect();
    Some(std::rc::Rc::new(TrustView {
        action: evaluation.action.clone(),
        decision: name(&evaluation.decision),
        summary: e.summary.clone(),
        policy: e
            .statements
            .first()
            .map(|s| s.statement.policy.clone())
            .unwrap_or_default(),
        statements,
    }))
}

fn statement_ref(
    statement: &api::StatementRef,
    reason: String,
    places: &Places<'_>,
) -> StatementRef {
    StatementRef {
        place: places.statement(statement.span),
        policy: statement.policy.clone(),
        statement: statement.label.clone(),
        reason,
    }
}

fn read_request_result(request: &RequestReport, places: &Places<'_>) -> RequestResultView {
    let explanation = request.explanation.as_ref();
    let deciding: Vec<StatementRef> = explanation
        .map(|e| {
            e.deciding_statements
                .iter()
                .map(|s| statement_ref(s, String::new(), places))
                .collect()
        })
        .unwrap_or_default();
    let others = explanation
        .map(|e| {
            e.statements
                .iter()
                .filter(|s| {
                    !e.deciding_statements
                        .iter()
                        .any(|d| d.policy == s.statement.policy && d.index == s.statement.index)
                })
                .map(|s| statement_ref(&s.statement, s.reason.clone(), places))
                .chain(e.unevaluated.iter().map(|u| {
                    statement_ref(&u.statement, format!("not evaluated: {}", u.reason), places)
                }))
                .collect()
        })
        .unwrap_or_default();
    let mut summary = request
        .cognito
        .as_ref()
        .map(|c| c.summary.clone())
        .unwrap_or_default();
    if let Some(e) = explanation {
        // The simulation's summary often repeats the engine's; show a sentence once.
        if !e.summary.is_empty() && !summary.contains(e.summary.as_str()) {
            summary = sentences(&summary, &e.summary);
        }
        if let Some(layer) = &e.deciding_layer {
            summary = format!("{summary} — deciding layer: {}", name(layer));
        }
    }
    RequestResultView {
        decision: name(&request.decision),
        summary,
        deciding,
        others,
        missing_keys: explanation
            .map(|e| e.missing_context_keys.clone())
            .unwrap_or_default(),
        diagnostics: Vec::new(),
        aws_message: request.aws_message.clone().unwrap_or_default(),
        fix: request
            .cognito
            .as_ref()
            .and_then(|c| c.fix.clone())
            .unwrap_or_default(),
        also_blocking: request
            .also_blocking
            .iter()
            .map(|b| (b.summary.clone(), b.fix.clone().unwrap_or_default()))
            .collect(),
        explained: explanation.is_some(),
    }
}

/// Two sentences, never run into each other: the first ends with a full stop, the second
/// starts with a capital.
pub(crate) fn sentences(first: &str, second: &str) -> String {
    let first = first.trim();
    let mut second = second.trim().chars();
    let second = match second.next() {
        // ASCII only: the Unicode case tables (about 5 KB gzipped) are not worth a capital
        // on messages this project writes, which start with ASCII.
        Some(c) => std::iter::once(c.to_ascii_uppercase())
            .chain(second)
            .collect::<String>(),
        None => return first.to_owned(),
    };
    if first.is_empty() {
        return second;
    }
    let stop = if first.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{first}{stop} {second}")
}

/// Reads a workshop or exercise file (docs/exercises.md): the workshop, or its problems as
/// `line:column message` lines (positions in the file the instructor wrote).
pub fn load_workshop(text: &str) -> Result<identity_pool::exercise::WorkshopView, Vec<String>> {
    let answer = call(ApiCall::Workshop {
        text: text.to_owned(),
    });
    let (workshop, diagnostics) = match answer {
        ApiAnswerBody::Workshop {
            workshop,
            diagnostics,
        } => (workshop, diagnostics),
        other => (None, vec![plain("playground::api", &unexpected(&other))]),
    };
    let problems: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match d.start {
            Some(p) => format!("{}:{}: {} ({})", p.line, p.column, d.message, d.code),
            None => format!("{} ({})", d.message, d.code),
        })
        .collect();
    match workshop {
        Some(view) if problems.is_empty() => Ok(view),
        _ if problems.is_empty() => Err(vec!["the file holds no workshop".to_owned()]),
        _ => Err(problems),
    }
}

/// Judges the learner's scenario (its text) against an exercise's goals (the exercise's
/// `source`, as the workshop answer gives it).
pub fn judge(exercise_source: &str, scenario_json: &str) -> identity_pool::exercise::GoalsVerdict {
    let answer = call(ApiCall::Goals {
        exercise: exercise_source.to_owned(),
        scenario: ScenarioInput::Text(scenario_json.to_owned()),
    });
    match answer {
        ApiAnswerBody::Goals { verdict } => verdict,
        other => identity_pool::exercise::GoalsVerdict {
            goals: Vec::new(),
            passed: false,
            diagnostics: vec![plain("playground::api", &unexpected(&other))],
        },
    }
}
