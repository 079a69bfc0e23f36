//! `load_scenario`: text → [`Scenario`] plus positioned diagnostics.

use iam_policy::json::{self, JsonNode, JsonValue};
use iam_policy::{Diagnostic, PolicyKind, Span};

use super::consistency::check_consistency;
use super::model::{Scenario, Spanned};
use super::pool::{read_pool, read_pool_roles, read_tag_maps};
use super::reader::{field, Reader};
use super::roles::{read_policy_map, read_roles};
use super::sign_in::{read_expect, read_requests, read_sign_in};

/// Largest scenario file accepted (bytes).
pub const MAX_SCENARIO_BYTES: usize = json::MAX_INPUT_BYTES;

const TOP_FIELDS: &[&str] = &[
    "$schema",
    "id",
    "name",
    "description",
    "tags",
    "identityPool",
    "identityPoolRoles",
    "principalTagAttributeMaps",
    "roles",
    "resourcePolicies",
    "managedPolicies",
    "signIn",
    "requests",
    "expect",
    "scopeDownVersion",
    "dismissedFindings",
];

/// The result of reading a scenario.
#[derive(Clone, Debug)]
pub struct LoadedScenario {
    /// `None` only when the text is not a JSON object at all.
    pub scenario: Option<Scenario>,
    /// Errors and warnings, each located (line/column) in the scenario text.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedScenario {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads a scenario document. Everything readable is kept, so a scenario with a bad part
/// can still be simulated; every problem is a diagnostic with a line and column.
pub fn load_scenario(text: &str) -> LoadedScenario {
    match json::parse(text) {
        Ok(root) => load_node(&root, text),
        Err(d) => not_json(d, text),
    }
}

/// [`load_scenario`] without the input size limit, for trusted generated text: the
/// benchmarks that show the review tools' cost is linear up to 20,000 statements (about
/// 6 MB). Front ends reading a user's file keep the limit. Depth is still bounded.
pub fn load_scenario_any_size(text: &str) -> LoadedScenario {
    match json::parse_any_size(text) {
        Ok(root) => load_node(&root, text),
        Err(d) => not_json(d, text),
    }
}

/// Reads a file holding one scenario or a JSON array of scenarios; positions refer to the
/// whole file.
pub fn load_scenarios(text: &str) -> Vec<LoadedScenario> {
    match json::parse(text) {
        Ok(JsonNode {
            value: JsonValue::Array(items),
            ..
        }) => items.iter().map(|item| load_node(item, text)).collect(),
        Ok(root) => vec![load_node(&root, text)],
        Err(d) => vec![not_json(d, text)],
    }
}

fn not_json(mut d: Diagnostic, text: &str) -> LoadedScenario {
    d.help.get_or_insert_with(|| {
        "the scenario must be one JSON object (see formats.md section 2)".to_owned()
    });
    d.locate(text);
    LoadedScenario {
        scenario: None,
        diagnostics: vec![d],
    }
}

/// Reads the scenario at `root`, a node of `text` (positions refer to the whole text).
pub(crate) fn load_node(root: &JsonNode, text: &str) -> LoadedScenario {
    let mut r = Reader::default();
    let scenario = read_root(&mut r, root, text);
    let mut diagnostics = r.diagnostics;
    iam_policy::locate_all(&mut diagnostics, text);
    LoadedScenario {
        scenario,
        diagnostics,
    }
}

/// Reads `scopeDownVersion`: one of the versions' ids.
fn read_scope_down_version(r: &mut Reader, node: &JsonNode) -> Option<Spanned<String>> {
    let value = r.string("scopeDownVersion", node)?;
    if crate::scope_down::version(&value.value).is_some() {
        return Some(value);
    }
    let ids: Vec<String> = crate::scope_down::VERSIONS
        .iter()
        .map(|v| format!("`{}`", v.id))
        .collect();
    r.error(
        "invalid_value",
        format!(
            "`scopeDownVersion` is `{}`; it must be one of {}",
            value.value,
            ids.join(", ")
        ),
        value.span,
        "leave it out to use the default reading (the 2023 guide)",
    );
    None
}

fn read_root(r: &mut Reader, root: &JsonNode, text: &str) -> Option<Scenario> {
    let m = r.object("the scenario", root)?;
    r.check_fields("the scenario", m, TOP_FIELDS);
    let mut s = Scenario {
        source: text.to_owned(),
        span: root.span,
        ..Scenario::default()
    };
    s.name = field(m, "name")
        .and_then(|n| r.string("name", n))
        .map(|v| v.value);
    s.description = field(m, "description")
        .and_then(|n| r.string("description", n))
        .map(|v| v.value);
    match field(m, "identityPool") {
        Some(n) => s.pool = read_pool(r, n),
        None => r.error(
            "missing_field",
            "the scenario has no `identityPool`".to_owned(),
            Span::new(root.span.start, root.span.start),
            "paste `aws cognito-identity describe-identity-pool` output",
        ),
    }
    if let Some(n) = field(m, "identityPoolRoles") {
        s.pool_roles = read_pool_roles(r, n);
    }
    if let Some(n) = field(m, "principalTagAttributeMaps") {
        s.principal_tag_maps = read_tag_maps(r, n);
    }
    if let Some(n) = field(m, "roles") {
        s.roles = read_roles(r, n, text);
    }
    if let Some(n) = field(m, "resourcePolicies") {
        s.resource_policies = read_policy_map(r, "resourcePolicies", n, PolicyKind::Resource, text);
    }
    if let Some(n) = field(m, "managedPolicies") {
        s.managed_policies = read_policy_map(r, "managedPolicies", n, PolicyKind::Session, text);
    }
    match field(m, "signIn") {
        Some(n) => s.sign_in = read_sign_in(r, n, text),
        None => r.warning(
            "missing_field",
            "the scenario has no `signIn`; a guest in the enhanced flow is assumed".to_owned(),
            Span::new(root.span.start, root.span.start),
            "",
        ),
    }
    if let Some(n) = field(m, "requests") {
        s.requests = read_requests(r, n);
    }
    if let Some(n) = field(m, "expect") {
        s.expect = read_expect(r, n);
    }
    if let Some(n) = field(m, "scopeDownVersion") {
        s.scope_down_version = read_scope_down_version(r, n);
    }
    if let Some(n) = field(m, "dismissedFindings") {
        s.dismissed_findings = r.string_list("dismissedFindings", n);
    }
    check_consistency(r, &mut s);
    Some(s)
}
