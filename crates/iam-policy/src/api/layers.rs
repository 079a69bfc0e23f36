//! Reading the policy layers of an evaluation case: identity, session, boundary,
//! resource-based (or trust) policies, the organization's SCPs and RCPs in either shape of
//! formats.md section 1 (plain documents = one level, or `{orgIdentifier, policies}` levels
//! from the root down), and VPC endpoint policies. The compiled policies live here; a
//! [`PolicySet`] borrows them.

use std::rc::Rc;

use super::read::read_policy;
use crate::catalog::Catalog;
use crate::json::{JsonNode, JsonValue};
use crate::{CompiledPolicy, Diagnostic, OrgLevel, PolicyKind, PolicySet, PolicySource};

/// The AWS managed RCP that Organizations attaches to the root, every OU and every account
/// once RCPs are enabled, and that cannot be detached (AWS Organizations User Guide, "RCP
/// evaluation"). Every RCP level read from a case carries it.
const RCP_FULL_AWS_ACCESS: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;

/// The name the explanation shows for the implicit `RCPFullAWSAccess`.
pub(super) const RCP_FULL_AWS_ACCESS_NAME: &str =
    "RCPFullAWSAccess (AWS managed, attached at every level)";

/// One organization level, compiled.
struct Level {
    id: Option<String>,
    policies: Vec<Rc<CompiledPolicy>>,
}

/// Every policy of a case, compiled, by layer.
#[derive(Default)]
pub(super) struct Layers {
    identity: Vec<Rc<CompiledPolicy>>,
    session: Vec<Rc<CompiledPolicy>>,
    boundaries: Vec<Rc<CompiledPolicy>>,
    resource: Option<Rc<CompiledPolicy>>,
    scp: Vec<Level>,
    rcp: Vec<Level>,
    endpoint: Vec<Rc<CompiledPolicy>>,
    management_account: Option<String>,
}

impl Layers {
    /// The policy set borrowing these policies.
    pub(super) fn policy_set(&self) -> PolicySet<'_> {
        PolicySet {
            identity: borrowed(&self.identity),
            session: borrowed(&self.session),
            permissions_boundaries: borrowed(&self.boundaries),
            resource: self.resource.as_deref(),
            service_control: org_levels(&self.scp),
            resource_control: org_levels(&self.rcp),
            endpoint: borrowed(&self.endpoint),
            management_account: self.management_account.clone(),
        }
    }

    /// Whether the case gives policies that only an identity has.
    pub(super) fn has_identity_layers(&self) -> bool {
        !(self.identity.is_empty() && self.session.is_empty() && self.boundaries.is_empty())
    }
}

fn borrowed(policies: &[Rc<CompiledPolicy>]) -> Vec<&CompiledPolicy> {
    policies.iter().map(|p| &**p).collect()
}

fn org_levels(levels: &[Level]) -> Vec<OrgLevel<'_>> {
    levels
        .iter()
        .map(|l| OrgLevel {
            id: l.id.clone(),
            policies: borrowed(&l.policies),
        })
        .collect()
}

/// Reads every layer of the case `node`; `None` when a policy could not be compiled (its
/// diagnostics say why).
pub(super) fn read_layers(
    node: &JsonNode,
    text: &str,
    catalog: Option<&Catalog>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Layers> {
    let mut layers = Layers::default();
    let mut ok = true;
    for (field, kind) in [
        ("identityPolicies", PolicyKind::Identity),
        ("sessionPolicies", PolicyKind::Session),
        ("permissionBoundaries", PolicyKind::PermissionsBoundary),
        ("endpointPolicies", PolicyKind::VpcEndpoint),
    ] {
        let Some(items) = node.get(field).and_then(|v| array(field, v, diags)) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let p = read_policy(item, format!("{field}[{i}]"), kind, text, catalog, diags);
            let into = match kind {
                PolicyKind::Session => &mut layers.session,
                PolicyKind::PermissionsBoundary => &mut layers.boundaries,
                PolicyKind::VpcEndpoint => &mut layers.endpoint,
                _ => &mut layers.identity,
            };
            match p {
                Some(p) => into.push(p),
                None => ok = false,
            }
        }
    }
    for (field, kind) in [
        ("resourcePolicy", PolicyKind::Resource),
        ("trustPolicy", PolicyKind::Trust),
    ] {
        if let Some(value) = node.get(field) {
            match read_policy(value, field.to_string(), kind, text, catalog, diags) {
                Some(p) => layers.resource = Some(p),
                None => ok = false,
            }
        }
    }
    for (field, kind) in [
        ("serviceControlPolicies", PolicyKind::ServiceControl),
        ("resourceControlPolicies", PolicyKind::ResourceControl),
    ] {
        let Some(items) = node.get(field).and_then(|v| array(field, v, diags)) else {
            continue;
        };
        let Some(mut levels) = read_levels(field, items, kind, text, catalog, diags) else {
            ok = false;
            continue;
        };
        if kind == PolicyKind::ResourceControl {
            for level in &mut levels {
                level.policies.push(Rc::new(rcp_full_aws_access()?));
            }
            layers.rcp = levels;
        } else {
            layers.scp = levels;
        }
    }
    if let Some(value) = node.get("managementAccountId") {
        match value.as_str() {
            Some(id) => layers.management_account = Some(id.to_string()),
            None => diags.push(Diagnostic::error(
                "iam::case::wrong_type",
                "`managementAccountId` must be a string (an account ID)",
                Some(value.span),
            )),
        }
    }
    ok.then_some(layers)
}

fn array<'n>(
    field: &str,
    value: &'n JsonNode,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'n [JsonNode]> {
    if let JsonValue::Array(items) = &value.value {
        return Some(items);
    }
    diags.push(Diagnostic::error(
        "iam::case::wrong_type",
        format!("`{field}` must be an array of policy documents"),
        Some(value.span),
    ));
    None
}

/// A level is an object with `policies`; anything else in the array is a policy document.
fn is_level(node: &JsonNode) -> bool {
    node.get("policies").is_some()
}

/// The levels of `serviceControlPolicies` / `resourceControlPolicies`: plain documents make
/// one level; `{orgIdentifier, policies}` objects are levels from the root down.
fn read_levels(
    field: &str,
    items: &[JsonNode],
    kind: PolicyKind,
    text: &str,
    catalog: Option<&Catalog>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Level>> {
    let levels = items.iter().filter(|n| is_level(n)).count();
    if levels == 0 {
        let mut policies = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match read_policy(item, format!("{field}[{i}]"), kind, text, catalog, diags) {
                Some(p) => policies.push(p),
                None => ok = false,
            }
        }
        return ok.then_some(vec![Level { id: None, policies }]);
    }
    if levels != items.len() {
        let span = items.iter().find(|n| !is_level(n)).map(|n| n.span);
        diags.push(
            Diagnostic::error(
                "iam::case::mixed_levels",
                format!("`{field}` mixes policy documents and organization levels"),
                span,
            )
            .with_help("write either policy documents (one level) or only {\"orgIdentifier\", \"policies\"} levels from the root down"),
        );
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let mut id = None;
        for m in item.as_object().unwrap_or_default() {
            match m.key.as_str() {
                "orgIdentifier" => match m.value.as_str() {
                    Some(s) => id = Some(s.to_string()),
                    None => diags.push(Diagnostic::error(
                        "iam::case::wrong_type",
                        "`orgIdentifier` must be a string (the root, OU or account ID)",
                        Some(m.value.span),
                    )),
                },
                "policies" => {}
                _ => diags.push(
                    Diagnostic::warning(
                        "iam::case::unknown_field",
                        format!("unknown level field `{}` is ignored", m.key),
                        Some(m.key_span),
                    )
                    .with_help("level fields are orgIdentifier, policies"),
                ),
            }
        }
        let label = id.clone().unwrap_or_else(|| format!("#{i}"));
        let mut policies = Vec::new();
        let Some(docs) = item
            .get("policies")
            .and_then(|v| array(&format!("{field}[{i}].policies"), v, diags))
        else {
            ok = false;
            continue;
        };
        for (j, doc) in docs.iter().enumerate() {
            let name = format!("{field}[{label}][{j}]");
            match read_policy(doc, name, kind, text, catalog, diags) {
                Some(p) => policies.push(p),
                None => ok = false,
            }
        }
        out.push(Level { id, policies });
    }
    ok.then_some(out)
}

fn rcp_full_aws_access() -> Option<CompiledPolicy> {
    let (policy, _) = CompiledPolicy::from_text(
        RCP_FULL_AWS_ACCESS,
        PolicySource {
            name: RCP_FULL_AWS_ACCESS_NAME.to_string(),
            kind: PolicyKind::ResourceControl,
        },
    );
    policy
}
