//! Reading `roles` (as `get-role` / `get-role-policy` print them), `resourcePolicies` and
//! `managedPolicies`.

use iam_policy::json::{JsonMember, JsonNode};
use iam_policy::PolicyKind;

use super::model::{Role, Spanned};
use super::policy_doc::{read_policy, PolicyDoc};
use super::reader::{field, Reader};

const ROLE_FIELDS: &[&str] = &[
    "RoleName",
    "Arn",
    "RoleId",
    "Path",
    "CreateDate",
    "Description",
    "MaxSessionDuration",
    "AssumeRolePolicyDocument",
    "Policies",
    "PermissionsBoundary",
    "Tags",
    "RoleLastUsed",
    "Role",
];

/// Most roles a scenario may define.
pub const MAX_ROLES: usize = 50;
/// Most policies one role may carry.
pub const MAX_POLICIES_PER_ROLE: usize = 20;

/// Reads `roles`.
pub fn read_roles(r: &mut Reader, node: &JsonNode, source: &str) -> Vec<Role> {
    let Some(items) = r.array("roles", node) else {
        return Vec::new();
    };
    let items = r.limit("roles", items, MAX_ROLES, |n| n.span);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_role(r, &format!("roles[{i}]"), item, source))
        .collect()
}

fn read_role(r: &mut Reader, path: &str, node: &JsonNode, source: &str) -> Option<Role> {
    let outer = r.object(path, node)?;
    r.check_fields(path, outer, ROLE_FIELDS);
    // `aws iam get-role` wraps the role in {"Role": {...}}: read both levels.
    let inner = field(outer, "Role")
        .and_then(JsonNode::as_object)
        .unwrap_or(&[]);
    let get = |key: &str| field(outer, key).or_else(|| field(inner, key));
    if !inner.is_empty() {
        r.check_fields(&format!("{path}.Role"), inner, ROLE_FIELDS);
    }
    let arn = match get("Arn") {
        Some(n) => r.string(&format!("{path}.Arn"), n)?,
        None => {
            r.error(
                "missing_field",
                format!("`{path}` has no `Arn`"),
                node.span,
                "copy the `Arn` from `aws iam get-role`",
            );
            return None;
        }
    };
    let name = match get("RoleName").and_then(|n| r.string(&format!("{path}.RoleName"), n)) {
        Some(name) => {
            if !arn.value.ends_with(&format!("/{}", name.value)) {
                r.warning(
                    "role_name_mismatch",
                    format!(
                        "`{path}.RoleName` `{}` is not the last part of its ARN `{}`",
                        name.value, arn.value
                    ),
                    name.span,
                    "",
                );
            }
            name.value
        }
        None => arn.value.rsplit('/').next().unwrap_or_default().to_owned(),
    };
    let role_id = get("RoleId")
        .and_then(|n| r.string(&format!("{path}.RoleId"), n))
        .map(|s| s.value);
    let trust = get("AssumeRolePolicyDocument").map(|n| {
        read_policy(
            r,
            &format!("{path}.AssumeRolePolicyDocument"),
            n,
            PolicyKind::Trust,
            format!("{name}/trust"),
            source,
        )
    });
    let mut policies = Vec::new();
    if let Some(list) = get("Policies").and_then(|n| r.array(&format!("{path}.Policies"), n)) {
        let list = r.limit(
            &format!("{path}.Policies"),
            list,
            MAX_POLICIES_PER_ROLE,
            |n| n.span,
        );
        for (i, item) in list.iter().enumerate() {
            if let Some(doc) =
                read_role_policy(r, &format!("{path}.Policies[{i}]"), item, &name, source)
            {
                policies.push(doc);
            }
        }
    }
    let boundary = get("PermissionsBoundary")
        .and_then(|n| read_boundary(r, &format!("{path}.PermissionsBoundary"), n, &name, source));
    let max_session_duration = match get("MaxSessionDuration")
        .and_then(|n| r.integer(&format!("{path}.MaxSessionDuration"), n))
    {
        Some(v) if (3600..=43200).contains(&v) => u32::try_from(v).unwrap_or(3600),
        Some(v) => {
            r.error(
                "invalid_value",
                format!("`{path}.MaxSessionDuration` is {v}; IAM allows 3600 to 43200 seconds"),
                get("MaxSessionDuration")
                    .map(|n| n.span)
                    .unwrap_or(node.span),
                "",
            );
            3600
        }
        None => 3600,
    };
    Some(Role {
        name,
        arn,
        role_id,
        trust,
        policies,
        boundary,
        max_session_duration,
    })
}

fn read_role_policy(
    r: &mut Reader,
    path: &str,
    node: &JsonNode,
    role: &str,
    source: &str,
) -> Option<PolicyDoc> {
    let m: &[JsonMember] = r.object(path, node)?;
    r.check_fields(
        path,
        m,
        &["PolicyName", "PolicyDocument", "PolicyArn", "RoleName"],
    );
    let name = field(m, "PolicyName")
        .and_then(|n| r.string(&format!("{path}.PolicyName"), n))
        .map(|s| s.value)
        .unwrap_or_else(|| path.rsplit('.').next().unwrap_or("policy").to_owned());
    let Some(doc) = field(m, "PolicyDocument") else {
        r.error(
            "missing_field",
            format!("`{path}` has no `PolicyDocument`"),
            node.span,
            "paste the document from `aws iam get-role-policy` or `get-policy-version`",
        );
        return None;
    };
    Some(read_policy(
        r,
        &format!("{path}.PolicyDocument"),
        doc,
        PolicyKind::Identity,
        format!("{role}/{name}"),
        source,
    ))
}

/// A boundary is a document in this format; `get-role` prints only its ARN, which cannot be
/// evaluated without the document.
fn read_boundary(
    r: &mut Reader,
    path: &str,
    node: &JsonNode,
    role: &str,
    source: &str,
) -> Option<PolicyDoc> {
    if let Some(m) = node.as_object() {
        if field(m, "Statement").is_none() && field(m, "PermissionsBoundaryArn").is_some() {
            r.error(
                "boundary_without_document",
                format!("`{path}` names a boundary by ARN only; the simulator needs the policy document"),
                node.span,
                "replace it with the boundary policy's document (`aws iam get-policy-version`)",
            );
            return None;
        }
    }
    Some(read_policy(
        r,
        path,
        node,
        PolicyKind::PermissionsBoundary,
        format!("{role}/boundary"),
        source,
    ))
}

/// Reads a map from ARN to policy document (`resourcePolicies`, `managedPolicies`).
pub fn read_policy_map(
    r: &mut Reader,
    path: &str,
    node: &JsonNode,
    kind: PolicyKind,
    source: &str,
) -> Vec<(Spanned<String>, PolicyDoc)> {
    let Some(members) = r.object(path, node) else {
        return Vec::new();
    };
    let members = r.limit(path, members, 50, |m| m.key_span);
    members
        .iter()
        .map(|member| {
            let arn = Spanned::new(member.key.clone(), member.key_span);
            let doc = read_policy(
                r,
                &format!("{path}.{}", member.key),
                &member.value,
                kind,
                member.key.clone(),
                source,
            );
            (arn, doc)
        })
        .collect()
}
