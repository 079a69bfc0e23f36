//! The ONE request/answer API every front end uses (CLI, Yew app, JavaScript binding):
//! a versioned, tagged serde request in, a tagged answer out. No front end re-implements a
//! rule; each is a one-line call into [`answer`] or [`answer_json`].
//!
//! Request: `{"apiVersion": 1, "op": "simulate", "scenario": <scenario object or its text>}`;
//! ops `simulate`, `check`, `checkFile` (`text`: one scenario or an array of them),
//! `evaluate` (`case`, optional `explain`), `evaluateCases` (`text`: one case or an array,
//! optional `explain`), `parsePolicy` (`text`, `kind`), `formatPolicy` (`text`),
//! `decodeToken` (`token`, optional `scenario`, `now`), `import` (`text`, optional
//! `scenario` and `options`), `export` (`scenario`, `format`), `workshop` (`text`: a
//! workshop or exercise file) and `goals` (`exercise`: an exercise object's text,
//! `scenario`: the learner's scenario), `loadCatalog` (`text`), `expandAction` (`pattern`,
//! optional `limit`: the catalog actions a pattern covers, by access level),
//! `effective` (`scenario`, optional `flow`, `services`, `resource`, and `format`: `csv` or
//! `markdown`), `diff` (`old`, `new`, optional `format`: `text` or `markdown`) and `coach`
//! (`scenario`).
//! The answer has the same `op` (or `error`).
//!
//! The front ends depend on this crate only: the few engine types that travel in answers
//! are re-exported here.

use iam_policy::api::{evaluate_case, evaluate_cases_json};
use iam_policy::{format_policy, parse_policy};
use serde::{Deserialize, Serialize};

pub use iam_policy::api::{EvalAnswer, EvalCase};
pub use iam_policy::api::{StreamSummary, Streamed};
/// What an `Action` pattern covers over the catalog (the `expandAction` answer).
pub use iam_policy::catalog::{ActionExpansion, LevelActions};
/// The one JSON formatter (whitespace only; keys, duplicates and literals as written),
/// behind `formatPolicy` and the page's Format button alike.
pub use iam_policy::format::{compact_json, format_json};
pub use iam_policy::{
    ContextValue, Decision, Diagnostic, Explanation, PolicyKind, Position, Severity, Span,
    StatementExplanation, StatementRef, Verdict, ENGINE_VERSION,
};

use crate::catalog_source;
use crate::check::{check_file, check_text, CheckResult};
use crate::coach::{coach, CoachReport};
use crate::diff::DiffReport;
use crate::effective::{effective, EffectiveOptions, EffectiveReport};
use crate::exercise::{judge, workshop_view, GoalsVerdict, WorkshopView};
use crate::export::{export, ExportFormat, Exported};
use crate::import::{decode_token, import_text, DecodedToken, ImportOptions, Imported};
use crate::report::Report;
use crate::scenario::Flow;
use crate::simulate::simulate_text_with;
pub use crate::simulate::Explain;

/// The version of this API; requests with another version get an `error` answer.
pub const API_VERSION: u32 = 1;

/// The deepest nesting a document may have (the engine's JSON parser refuses deeper text);
/// front ends converting their own values bound their walk by it.
pub const MAX_DOCUMENT_DEPTH: usize = iam_policy::json::MAX_DEPTH;

/// The largest document read, in bytes of JSON text.
pub const MAX_DOCUMENT_BYTES: usize = iam_policy::json::MAX_INPUT_BYTES;

/// A scenario as the caller has it: the file's text (positions refer to it), or a JSON
/// value (positions refer to it printed as pretty JSON, or as compact JSON when only that
/// fits the size limit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ScenarioInput {
    /// The scenario file's text.
    Text(String),
    /// The scenario document (a JSON object).
    Document(
        #[cfg_attr(
            feature = "schema",
            schemars(with = "serde_json::Map<String, serde_json::Value>")
        )]
        serde_json::Value,
    ),
}

impl ScenarioInput {
    /// The text to load.
    ///
    /// A document's size is what the caller gave: its compact JSON. Pretty-printing adds
    /// indentation that grows with depth (a 6 KB document nested 60 deep prints to 2 MB),
    /// so the pretty form is used only when it fits the loader's limit; otherwise the compact
    /// form goes to the loader, which then accepts it, or refuses it with its real size.
    pub fn text(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Document(value) => iam_policy::json::document_text(value),
        }
    }

    /// The scenario as a JSON value (`None` when its text is not JSON).
    pub fn value(&self) -> Option<serde_json::Value> {
        match self {
            Self::Text(text) => serde_json::from_str(text).ok(),
            Self::Document(value) => Some(value.clone()),
        }
    }
}

/// What to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum ApiCall {
    /// Simulate a scenario.
    Simulate {
        /// The scenario.
        scenario: ScenarioInput,
        /// Which requests to explain: `"all"` (the default), `"none"` (decisions only, the
        /// fast path) or `{"only": [indices]}`.
        #[serde(default)]
        explain: Explain,
    },
    /// Simulate a scenario and check its `expect`s.
    Check {
        /// The scenario.
        scenario: ScenarioInput,
    },
    /// Simulate every scenario of a file (one scenario or an array) and check its `expect`s.
    CheckFile {
        /// The file's text; positions refer to it.
        text: String,
    },
    /// Evaluate the raw IAM cases of a file (formats.md section 1: one case or an array).
    EvaluateCases {
        /// The file's text; positions refer to it.
        text: String,
        /// Include the explanations.
        #[serde(default)]
        explain: bool,
    },
    /// Evaluate one raw IAM case (formats.md section 1).
    Evaluate {
        /// The case.
        case: Box<EvalCase>,
        /// Include the explanation.
        #[serde(default)]
        explain: bool,
    },
    /// Parse and validate a policy document.
    ParsePolicy {
        /// The document's text.
        text: String,
        /// How the policy is used.
        kind: PolicyKind,
        /// Also run the catalog checks (`iam::catalog::*`) when a catalog is loaded.
        #[serde(default)]
        catalog: bool,
    },
    /// Pretty-print a policy document, keeping key order.
    FormatPolicy {
        /// The document's text.
        text: String,
    },
    /// Load the AWS action catalog (the text of `catalog.tsv`) for the calls that use it.
    LoadCatalog {
        /// The catalog's text.
        text: String,
    },
    /// The catalog actions an `Action` pattern covers (`s3:Get*`, `*`), by access level.
    ExpandAction {
        /// The pattern as written in a policy.
        pattern: String,
        /// Name at most this many actions (default 50); the counts are always complete.
        #[serde(default)]
        limit: Option<usize>,
    },
    /// Effective permissions of the scenario's sign-in over the AWS action catalog.
    Effective {
        /// The scenario.
        scenario: ScenarioInput,
        /// Sign in with this flow instead of the scenario's (`enhanced`, `basic`).
        #[serde(default)]
        flow: Option<Flow>,
        /// Only these service prefixes.
        #[serde(default)]
        services: Vec<String>,
        /// Decide every action for this resource instead of the resources the policies name.
        #[serde(default)]
        resource: Option<String>,
        /// List the rows of these service prefixes only (absent: every service's); the
        /// counts always cover every service.
        #[serde(default, rename = "rowsFor", skip_serializing_if = "Option::is_none")]
        rows_for: Option<Vec<String>>,
        /// Also render it: `csv` or `markdown` (what `idpool effective --format` prints).
        #[serde(default)]
        format: Option<EffectiveFormat>,
    },
    /// What a change to a scenario changes, for every identity it describes (`idpool diff`).
    Diff {
        /// The scenario before the change.
        old: ScenarioInput,
        /// The scenario after it.
        new: ScenarioInput,
        /// Also render it: `text` or `markdown`.
        #[serde(default)]
        format: Option<DiffFormat>,
    },
    /// The least-privilege coach's findings on a scenario.
    Coach {
        /// The scenario.
        scenario: ScenarioInput,
    },
    /// Read a workshop or exercise file (`docs/exercises.md`).
    Workshop {
        /// The file's text.
        text: String,
    },
    /// Judge a learner's scenario against an exercise's goals.
    Goals {
        /// The exercise object's text (`ExerciseView::source`).
        exercise: String,
        /// The learner's scenario.
        scenario: ScenarioInput,
    },
    /// Decode a pasted JWT locally (no signature check) into a `signIn`.
    DecodeToken {
        /// The token text as pasted.
        token: String,
        /// The scenario whose pool the token is checked against and whose `signIn` it
        /// replaces.
        #[serde(default)]
        scenario: Option<ScenarioInput>,
        /// The current time in epoch seconds, to judge `exp` by GetId's rule.
        #[serde(default)]
        now: Option<i64>,
    },
    /// Import infrastructure code (CloudFormation/SAM/CDK, Terraform) or a CloudTrail event.
    Import {
        /// The file's text.
        text: String,
        /// The scenario to import into: its sign-in and requests are kept.
        #[serde(default)]
        scenario: Option<ScenarioInput>,
        /// What only the deployment knows (region, account, pool ID).
        #[serde(default)]
        options: ImportOptions,
    },
    /// Export the scenario's pool, roles and policies as infrastructure code.
    Export {
        /// The scenario.
        scenario: ScenarioInput,
        /// CloudFormation, Terraform or AWS CLI commands.
        format: ExportFormat,
    },
}

/// How `diff` renders its comparison besides the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum DiffFormat {
    /// Plain text for a terminal.
    Text,
    /// Markdown for a pull-request comment.
    Markdown,
}

/// How `effective` renders its table besides the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum EffectiveFormat {
    /// Comma-separated values, one row per decision.
    Csv,
    /// A Markdown table per service.
    Markdown,
}

/// A versioned request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApiRequest {
    /// Must be [`API_VERSION`].
    pub api_version: u32,
    /// The call.
    #[serde(flatten)]
    pub call: ApiCall,
}

/// The answer's payload.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum ApiAnswerBody {
    /// The simulation report.
    Simulate {
        /// The report.
        report: Report,
    },
    /// The check verdict and the report it judged.
    Check {
        /// The verdict.
        result: CheckResult,
        /// The report (absent when the scenario could not be read).
        #[serde(skip_serializing_if = "Option::is_none")]
        report: Option<Report>,
    },
    /// One verdict per scenario of the file.
    CheckFile {
        /// The verdicts, in file order.
        results: Vec<CheckResult>,
    },
    /// One answer per case of the file.
    EvaluateCases {
        /// The answers, in file order.
        answers: Vec<EvalAnswer>,
    },
    /// The raw evaluation's answer.
    Evaluate {
        /// The answer.
        answer: EvalAnswer,
    },
    /// A policy's diagnostics.
    ParsePolicy {
        /// Whether the policy can be evaluated.
        valid: bool,
        /// How many statements it has.
        statements: usize,
        /// Errors and warnings, located.
        diagnostics: Vec<Diagnostic>,
    },
    /// The formatted policy.
    FormatPolicy {
        /// The pretty text, when the input is JSON.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// Why it could not be formatted.
        diagnostics: Vec<Diagnostic>,
    },
    /// The catalog is loaded.
    LoadCatalog {
        /// `package@version`.
        source: String,
        /// How many services it has.
        services: usize,
        /// How many actions.
        actions: usize,
    },
    /// What the pattern covers.
    ExpandAction {
        /// Counts, by access level, the first actions named.
        expansion: ActionExpansion,
        /// The same as lines of text (what `idpool actions` prints and the editor's hover
        /// shows).
        text: String,
    },
    /// The effective permissions, or why there are none.
    Effective {
        /// The report (absent when the scenario cannot be read or no catalog is loaded).
        #[serde(skip_serializing_if = "Option::is_none")]
        effective: Option<EffectiveReport>,
        /// The report rendered in the format asked for.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// The scenario's load errors.
        diagnostics: Vec<Diagnostic>,
    },
    /// The comparison, or why there is none.
    Diff {
        /// The comparison (absent when a side cannot be read or no catalog is loaded).
        #[serde(skip_serializing_if = "Option::is_none")]
        diff: Option<DiffReport>,
        /// The comparison rendered in the format asked for.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// The old scenario's load errors and warnings.
        old_diagnostics: Vec<Diagnostic>,
        /// The new scenario's.
        new_diagnostics: Vec<Diagnostic>,
    },
    /// The coach's findings.
    Coach {
        /// The findings (absent when the scenario cannot be read).
        #[serde(skip_serializing_if = "Option::is_none")]
        coach: Option<CoachReport>,
        /// The scenario's load errors and warnings.
        diagnostics: Vec<Diagnostic>,
    },
    /// The workshop, ready to show.
    Workshop {
        /// Absent when the file is not a JSON object.
        #[serde(skip_serializing_if = "Option::is_none")]
        workshop: Option<WorkshopView>,
        /// Errors and warnings, located in the file.
        diagnostics: Vec<Diagnostic>,
    },
    /// The learner's progress on one exercise.
    Goals {
        /// The verdict.
        #[serde(flatten)]
        verdict: GoalsVerdict,
    },
    /// The decoded token.
    DecodeToken {
        /// Header, claims, provider, `signIn`, warnings and notes.
        token: Box<DecodedToken>,
    },
    /// The imported scenario and the import's account.
    Import {
        /// Scenario, took, left out, assumed, placeholders, diagnostics.
        import: Box<Imported>,
    },
    /// The exported text.
    Export {
        /// Format, text and notes.
        export: Exported,
    },
    /// The request itself was wrong.
    Error {
        /// What was wrong.
        message: String,
    },
}

/// A versioned answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ApiAnswer {
    /// [`API_VERSION`].
    pub api_version: u32,
    /// The payload.
    #[serde(flatten)]
    pub body: ApiAnswerBody,
}

/// The one call that is not a request and an answer: evaluation cases read from a stream of
/// any size (an array, one case, or JSON Lines), each answered as soon as it is read and
/// handed to `each` until it breaks, every answer the one `evaluateCases` gives for that case.
pub fn evaluate_stream(
    input: impl std::io::Read,
    explain: bool,
    each: impl FnMut(Streamed) -> std::ops::ControlFlow<()>,
) -> StreamSummary {
    iam_policy::api::evaluate_stream(input, explain, None, each)
}

/// [`evaluate_stream`] with the answering spread over `threads` worker threads: the same
/// answers in the same order, each with what `prepare` made of it on its worker (its JSON
/// line, typically). See [`iam_policy::api::evaluate_stream_parallel`].
pub fn evaluate_stream_parallel<T: Send>(
    input: impl std::io::Read,
    explain: bool,
    threads: usize,
    prepare: impl Fn(&Streamed) -> T + Sync,
    each: impl FnMut(Streamed, T) -> std::ops::ControlFlow<()>,
) -> StreamSummary {
    iam_policy::api::evaluate_stream_parallel(input, explain, None, threads, prepare, each)
}

/// Answers one call at this build's [`API_VERSION`]: what a front end linked with this
/// crate uses, since it cannot speak another version.
///
/// Inlined with [`answer_call`] on purpose: a front end calls it with a call it builds on
/// the spot, so the compiler keeps only the ops that front end uses (the page does not
/// ship the coach, the diff, effective permissions or batch evaluation it never asks for).
#[inline(always)]
pub fn call(call: ApiCall) -> ApiAnswerBody {
    answer_call(&call)
}

/// Answers one request.
pub fn answer(request: &ApiRequest) -> ApiAnswer {
    let body = if request.api_version != API_VERSION {
        ApiAnswerBody::Error {
            message: format!(
                "apiVersion {} is not supported; this build speaks version {API_VERSION}",
                request.api_version
            ),
        }
    } else {
        let mut body = answer_call(&request.call);
        name_coverage(&mut body);
        body
    };
    ApiAnswer {
        api_version: API_VERSION,
        body,
    }
}

/// With a catalog, the reason of each statement a wildcard action entry decided says what
/// the entry covers (`iam_policy::catalog::name_coverage`). Here, not in [`call`]: the page's
/// own simulation has no catalog, and the words would only cost its first load.
fn name_coverage(body: &mut ApiAnswerBody) {
    if let (ApiAnswerBody::Simulate { report }, Some(catalog)) = (body, catalog_source::get()) {
        let explained = report.requests.iter_mut();
        let explained = explained.filter_map(|r| r.explanation.as_mut());
        iam_policy::catalog::name_coverage(explained, catalog);
    }
}

thread_local! {
    /// The last comparison's baseline side (`diff::BaselineCache`): one per thread, as the
    /// page's module and a CLI run have one.
    static BASELINE: std::cell::RefCell<crate::diff::BaselineCache> = Default::default();
}

fn no_catalog() -> ApiAnswerBody {
    ApiAnswerBody::Error {
        message: "no AWS action catalog is loaded; send `loadCatalog` first".to_owned(),
    }
}

#[inline(always)]
fn answer_call(call: &ApiCall) -> ApiAnswerBody {
    match call {
        ApiCall::Simulate { scenario, explain } => ApiAnswerBody::Simulate {
            report: simulate_text_with(&scenario.text(), explain),
        },
        ApiCall::Check { scenario } => {
            let (result, report) = check_text(&scenario.text());
            ApiAnswerBody::Check { result, report }
        }
        ApiCall::CheckFile { text } => ApiAnswerBody::CheckFile {
            results: check_file(text),
        },
        ApiCall::EvaluateCases { text, explain } => ApiAnswerBody::EvaluateCases {
            answers: evaluate_cases_json(text, *explain),
        },
        ApiCall::Evaluate { case, explain } => ApiAnswerBody::Evaluate {
            answer: evaluate_case(case, *explain),
        },
        ApiCall::LoadCatalog { text } => match catalog_source::load(text) {
            Ok(c) => ApiAnswerBody::LoadCatalog {
                source: format!("{}@{}", c.source.package, c.source.version),
                services: c.services().len(),
                actions: c.action_count(),
            },
            Err(e) => ApiAnswerBody::Error {
                message: format!("the catalog cannot be read: {e}"),
            },
        },
        ApiCall::ExpandAction { pattern, limit } => match catalog_source::get() {
            Some(catalog) => {
                let expansion = iam_policy::catalog::expand_limited(
                    pattern,
                    catalog,
                    limit.unwrap_or(iam_policy::catalog::LISTED),
                );
                ApiAnswerBody::ExpandAction {
                    text: expansion.to_text(),
                    expansion,
                }
            }
            None => no_catalog(),
        },
        ApiCall::Effective {
            scenario,
            flow,
            services,
            resource,
            rows_for,
            format,
        } => {
            let Some(catalog) = catalog_source::get() else {
                return no_catalog();
            };
            let loaded = crate::load_scenario(&scenario.text());
            let options = EffectiveOptions {
                flow: *flow,
                services: services.clone(),
                resource: resource.clone(),
                rows_for: rows_for.clone(),
                ..EffectiveOptions::default()
            };
            let report = loaded
                .scenario
                .as_ref()
                .map(|s| effective(s, catalog, &options));
            let text = report.as_ref().and_then(|r| {
                format.map(|f| match f {
                    EffectiveFormat::Csv => crate::effective::to_csv(r),
                    EffectiveFormat::Markdown => crate::effective::to_markdown(r),
                })
            });
            ApiAnswerBody::Effective {
                effective: report,
                text,
                diagnostics: loaded.diagnostics,
            }
        }
        ApiCall::Diff { old, new, format } => {
            let Some(catalog) = catalog_source::get() else {
                return no_catalog();
            };
            let (old_text, new_text) = (old.text(), new.text());
            let (old, new) = (
                crate::load_scenario(&old_text),
                crate::load_scenario(&new_text),
            );
            let report = match (&old.scenario, &new.scenario) {
                (Some(o), Some(n)) if !old.has_errors() && !new.has_errors() => {
                    // The baseline side is kept for the next comparison with it (a page
                    // compares after every pause in typing, against the same baseline).
                    Some(BASELINE.with(|cache| {
                        cache
                            .borrow_mut()
                            .diff((&old_text, o), (&new_text, n), catalog)
                    }))
                }
                _ => None,
            };
            let text = report.as_ref().and_then(|r| {
                format.map(|f| match f {
                    DiffFormat::Text => crate::diff::to_text(r),
                    DiffFormat::Markdown => crate::diff::to_markdown(r),
                })
            });
            ApiAnswerBody::Diff {
                diff: report,
                text,
                old_diagnostics: old.diagnostics,
                new_diagnostics: new.diagnostics,
            }
        }
        ApiCall::Coach { scenario } => {
            let Some(catalog) = catalog_source::get() else {
                return no_catalog();
            };
            let loaded = crate::load_scenario(&scenario.text());
            ApiAnswerBody::Coach {
                coach: loaded.scenario.as_ref().map(|s| coach(s, catalog)),
                diagnostics: loaded.diagnostics,
            }
        }
        ApiCall::ParsePolicy {
            text,
            kind,
            catalog,
        } => {
            let mut parsed = parse_policy(text, *kind);
            let checks = catalog.then(catalog_source::get).flatten();
            if let (Some(c), Some(policy)) = (checks, &parsed.policy) {
                parsed
                    .diagnostics
                    .extend(iam_policy::catalog::check_policy(policy, c));
            }
            let valid = parsed.policy.is_some() && !parsed.has_errors();
            let statements = parsed.policy.as_ref().map_or(0, |p| p.statements.len());
            ApiAnswerBody::ParsePolicy {
                valid,
                statements,
                diagnostics: located(parsed.diagnostics, text),
            }
        }
        ApiCall::Workshop { text } => {
            let (workshop, diagnostics) = workshop_view(text);
            ApiAnswerBody::Workshop {
                workshop,
                diagnostics,
            }
        }
        ApiCall::Goals { exercise, scenario } => ApiAnswerBody::Goals {
            verdict: judge(exercise, &scenario.text()),
        },
        ApiCall::DecodeToken {
            token,
            scenario,
            now,
        } => {
            let scenario = scenario.as_ref().and_then(ScenarioInput::value);
            ApiAnswerBody::DecodeToken {
                token: Box::new(decode_token(token, scenario.as_ref(), *now)),
            }
        }
        ApiCall::Import {
            text,
            scenario,
            options,
        } => {
            let base = scenario.as_ref().and_then(ScenarioInput::value);
            ApiAnswerBody::Import {
                import: Box::new(import_text(text, base.as_ref(), options)),
            }
        }
        ApiCall::Export { scenario, format } => match scenario.value() {
            Some(value) => ApiAnswerBody::Export {
                export: export(&value, *format),
            },
            None => ApiAnswerBody::Error {
                message: "the scenario to export is not JSON; fix it first".to_owned(),
            },
        },
        ApiCall::FormatPolicy { text } => match format_policy(text) {
            Ok(pretty) => ApiAnswerBody::FormatPolicy {
                text: Some(pretty),
                diagnostics: Vec::new(),
            },
            Err(d) => ApiAnswerBody::FormatPolicy {
                text: None,
                diagnostics: vec![d],
            },
        },
    }
}

fn located(mut diagnostics: Vec<Diagnostic>, text: &str) -> Vec<Diagnostic> {
    iam_policy::locate_all(&mut diagnostics, text);
    diagnostics
}

/// Answers a request given as JSON text; the answer is JSON text. Never fails: a request
/// that cannot be read gets an `error` answer.
pub fn answer_json(text: &str) -> String {
    let answer = match serde_json::from_str::<ApiRequest>(text) {
        Ok(request) => answer(&request),
        Err(e) => ApiAnswer {
            api_version: API_VERSION,
            body: ApiAnswerBody::Error {
                message: format!("the request is not a valid API request: {e}"),
            },
        },
    };
    serde_json::to_string(&answer).unwrap_or_else(|e| format!("{{\"apiVersion\":{API_VERSION},\"op\":\"error\",\"message\":\"cannot print the answer: {e}\"}}"))
}

#[cfg(test)]
mod tests;
