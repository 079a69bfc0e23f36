//! The versioned serde request/answer API for raw IAM evaluation: the evaluation-case
//! document of `formats.md`, section 1. The CLI, the playground and the JavaScript binding
//! all answer through [`evaluate_cases_json`] or [`evaluate_case`], so they agree. The
//! request envelope and its version live in `identity_pool::api`, the one API door.

use crate::catalog::{
    context_keys, expansions, name_coverage, ActionExpansion, Catalog, ContextKeys,
};
use crate::json::{self, JsonNode, JsonValue};
use crate::{decide, evaluate, Diagnostic, Explanation, Origin, Span, Verdict};
use serde::{Deserialize, Serialize};

/// One evaluation case (formats.md section 1). Policies stay raw JSON so that diagnostics
/// can point into them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EvalCase {
    /// A label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The principal's identity-based policies.
    #[serde(default)]
    pub identity_policies: Vec<serde_json::Value>,
    /// Session policies (one layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub session_policies: Vec<serde_json::Value>,
    /// Permissions boundaries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permission_boundaries: Vec<serde_json::Value>,
    /// The target resource's resource-based policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<serde_json::Value>,
    /// A role's trust policy, evaluated as its resource-based policy (an extension of the format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_policy: Option<serde_json::Value>,
    /// Service control policies: documents (one level) or `{orgIdentifier, policies}` levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_control_policies: Vec<serde_json::Value>,
    /// Resource control policies, in the same two shapes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_control_policies: Vec<serde_json::Value>,
    /// The policies of the VPC endpoints the request passes through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoint_policies: Vec<serde_json::Value>,
    /// The organization's management account (an extension of the format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_account_id: Option<String>,
    /// The request.
    pub request: serde_json::Value,
    /// The expected decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Any other field, kept so that it reaches the engine as written (which reads the
    /// corpus's own fields and warns about unknown ones) instead of vanishing here.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// The answer for one case.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EvalAnswer {
    /// The case's name, or `#N` (its index in the file).
    pub name: String,
    /// `Allowed`, `ExplicitDeny`, `ImplicitDeny`, or `Error` when the case is invalid.
    pub decision: Verdict,
    /// The case's `expected`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Whether the decision equals `expected` (absent without `expected`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches_expected: Option<bool>,
    /// Errors and warnings, located in the input text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// The explanation, when asked for and the case is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
    /// With an explanation and a catalog: the context keys the policies read for this
    /// request's action, and which of them the request lacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context_keys: Option<ContextKeys>,
    /// With an explanation and a catalog: the actions each wildcard entry covers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expansions: Vec<ActionExpansion>,
}

impl EvalAnswer {
    /// Whether `expected` was given and not met.
    pub fn is_mismatch(&self) -> bool {
        self.matches_expected == Some(false)
    }
}

/// Evaluates every case in `text` (one case object or an array of them). A document that is
/// not JSON yields one `Error` answer; an invalid case yields `Error` and the others still run.
pub fn evaluate_cases_json(text: &str, explain: bool) -> Vec<EvalAnswer> {
    evaluate_cases_json_with(text, explain, None)
}

/// [`evaluate_cases_json`] with the AWS action catalog: every policy also gets the
/// `iam::catalog::*` checks.
pub fn evaluate_cases_json_with(
    text: &str,
    explain: bool,
    catalog: Option<&Catalog>,
) -> Vec<EvalAnswer> {
    let origin = Origin::default();
    let root = match json::parse(text) {
        Ok(node) => node,
        Err(d) => return vec![error_answer("#0".into(), None, vec![d], text, &origin)],
    };
    let cases: Vec<&JsonNode> = match &root.value {
        JsonValue::Array(items) => items.iter().collect(),
        _ => vec![&root],
    };
    cases
        .into_iter()
        .enumerate()
        .map(|(i, node)| evaluate_case_node(node, i, text, &origin, explain, catalog))
        .collect()
}

/// Evaluates one deserialized case (as the JS binding and the app receive it). Positions in
/// its diagnostics refer to the case printed as pretty JSON (compact when only that fits the
/// limit, see [`json::document_text`]).
pub fn evaluate_case(case: &EvalCase, explain: bool) -> EvalAnswer {
    let text = json::document_text(case);
    let mut answers = evaluate_cases_json(&text, explain);
    answers
        .pop()
        .unwrap_or_else(|| error_answer("#0".into(), None, Vec::new(), &text, &Origin::default()))
}

const CASE_FIELDS: &[&str] = &[
    "name",
    "note",
    "identityPolicies",
    "sessionPolicies",
    "permissionBoundaries",
    "resourcePolicy",
    "trustPolicy",
    "serviceControlPolicies",
    "resourceControlPolicies",
    "endpointPolicies",
    "managementAccountId",
    "request",
    "expected",
    // Fields the conformance corpus adds for its own runner.
    "rule",
    "expectedStatement",
    "expectedDiagnostics",
    "expectedMissingContextKeys",
    "expectedLayer",
    "expectedLevel",
    "expectedRule",
    "source",
];

fn error_answer(
    name: String,
    expected: Option<String>,
    mut diagnostics: Vec<Diagnostic>,
    text: &str,
    origin: &Origin,
) -> EvalAnswer {
    crate::locate_all_at(&mut diagnostics, text, origin);
    let matches_expected = expected.as_ref().map(|e| e == Verdict::Error.as_str());
    EvalAnswer {
        name,
        decision: Verdict::Error,
        expected,
        matches_expected,
        diagnostics,
        explanation: None,
        context_keys: None,
        expansions: Vec::new(),
    }
}

/// One case read from `node`, a value of `text`; `text` starts at `origin` in the input the
/// user gave, so diagnostics are located in that input.
fn evaluate_case_node(
    node: &JsonNode,
    index: usize,
    text: &str,
    origin: &Origin,
    explain: bool,
    catalog: Option<&Catalog>,
) -> EvalAnswer {
    let mut diags = Vec::new();
    let name = node
        .get("name")
        .and_then(JsonNode::as_str)
        .map_or_else(|| format!("#{index}"), str::to_string);
    let expected = node
        .get("expected")
        .and_then(JsonNode::as_str)
        .map(str::to_string);
    let Some(members) = node.as_object() else {
        let d = Diagnostic::error(
            "iam::case::wrong_type",
            format!("a case must be an object, not {}", node.type_name()),
            Some(node.span),
        );
        return error_answer(name, expected, vec![d], text, origin);
    };
    diags.extend(json::duplicate_keys(members));
    for m in members
        .iter()
        .filter(|m| !CASE_FIELDS.contains(&m.key.as_str()))
    {
        diags.push(
            Diagnostic::warning(
                "iam::case::unknown_field",
                format!("unknown case field `{}` is ignored", m.key),
                Some(m.key_span),
            )
            .with_help(format!("case fields are {}", CASE_FIELDS.join(", "))),
        );
    }
    if let Some(e) = node.get("expected") {
        if e.as_str().and_then(Verdict::parse).is_none() {
            diags.push(Diagnostic::error(
                "iam::case::invalid_expected",
                "`expected` must be \"Allowed\", \"ExplicitDeny\", \"ImplicitDeny\" or \"Error\"",
                Some(e.span),
            ));
        }
    }
    let layers = layers::read_layers(node, text, catalog, &mut diags);
    if let (Some(_), Some(trust)) = (node.get("resourcePolicy"), node.get("trustPolicy")) {
        diags.push(
            Diagnostic::error(
                "iam::case::conflicting_fields",
                "a case has `resourcePolicy` or `trustPolicy`, not both",
                Some(trust.span),
            )
            .with_help("a trust policy is the role's resource-based policy; keep one"),
        );
    }
    let request = match node.get("request") {
        Some(r) => read_request(r, &mut diags),
        None => {
            diags.push(Diagnostic::error(
                "iam::case::missing_request",
                "the case has no `request`",
                Some(Span::new(node.span.start, node.span.start + 1)),
            ));
            None
        }
    };
    if diags.iter().any(Diagnostic::is_error) {
        return error_answer(name, expected, diags, text, origin);
    }
    let (Some(mut request), Some(layers)) = (request, layers) else {
        return error_answer(name, expected, diags, text, origin);
    };
    anonymous::prepare(node, &mut request, layers.has_identity_layers(), &mut diags);
    let set = layers.policy_set();
    crate::locate_all_at(&mut diags, text, origin);
    // Without an explanation to give, the decision alone is enough (and much cheaper).
    let Some(catalog_or_none) = explain.then_some(catalog) else {
        let decision = Verdict::from(decide(&set, &request));
        return EvalAnswer {
            name,
            decision,
            matches_expected: expected.as_ref().map(|e| e == decision.as_str()),
            expected,
            diagnostics: diags,
            explanation: None,
            context_keys: None,
            expansions: Vec::new(),
        };
    };
    let mut evaluation = evaluate(&set, &request);
    if let Some(c) = catalog_or_none {
        name_coverage([&mut evaluation.explanation], c);
    }
    let decision = Verdict::from(evaluation.decision);
    let matches_expected = expected.as_ref().map(|e| e == decision.as_str());
    EvalAnswer {
        name,
        decision,
        expected,
        matches_expected,
        diagnostics: diags,
        context_keys: catalog_or_none.map(|c| context_keys(&set, &request, c)),
        expansions: catalog_or_none
            .map(|c| expansions(&evaluation.explanation, c))
            .unwrap_or_default(),
        explanation: Some(evaluation.explanation),
    }
}

mod anonymous;
mod cache;
mod layers;
mod read;
mod split;
mod stream;

use read::read_request;
pub use split::cut_cases;
pub use stream::{evaluate_stream, evaluate_stream_parallel, StreamSummary, Streamed};

#[cfg(test)]
mod tests;
