//! Pasted or uploaded JSON: a whole scenario, or the output of one AWS CLI command merged
//! into the current scenario. Only shapes are recognised here; nothing is validated beyond
//! what is needed to put the pieces in the right place.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::scenario::{pretty, PolicyDoc, RawObject, ReadError, RoleDoc, ScenarioDoc};

/// What an import produced: the new scenario and a one-line summary for the notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The scenario after the import.
    pub doc: ScenarioDoc,
    /// e.g. "imported `aws iam get-role` output: role `Admin`".
    pub summary: String,
}

/// Reads `text` as a scenario or as AWS CLI output and merges it into `current`.
pub fn import(current: &ScenarioDoc, text: &str) -> Result<Imported, ReadError> {
    let top: RawObject = serde_json::from_str(text).map_err(|e| ReadError {
        message: format!("the pasted text is not a JSON object: {e}"),
    })?;
    let has = |key: &str| top.contains_key(key);
    if has("roles") || has("signIn") || has("identityPool") || has("requests") {
        let doc = ScenarioDoc::from_json(text)?;
        let summary = format!("imported scenario `{}`", doc.name);
        return Ok(Imported { doc, summary });
    }
    let mut doc = current.clone();
    let value = |key: &str| -> Option<Value> {
        top.get(key)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
    };
    if has("Role") {
        let raw = top.get("Role").map(|r| r.get()).unwrap_or("{}");
        let role = read_cli_role(raw)?;
        let summary = format!("imported `aws iam get-role` output: role `{}`", role.name);
        match doc.roles.iter_mut().find(|r| r.name == role.name) {
            Some(existing) => {
                existing.arn = role.arn;
                existing.trust = role.trust;
                if role.boundary.is_some() {
                    existing.boundary = role.boundary;
                }
            }
            None => doc.roles.push(role),
        }
        return Ok(Imported { doc, summary });
    }
    if has("PolicyDocument") && has("RoleName") {
        let role_name = string(value("RoleName"));
        let name = string(value("PolicyName"));
        let text = top
            .get("PolicyDocument")
            .map(|raw| policy_text(raw))
            .unwrap_or_default();
        let summary = format!(
            "imported `aws iam get-role-policy` output: policy `{name}` of role `{role_name}`"
        );
        let role = match doc.roles.iter().position(|r| r.name == role_name) {
            Some(i) => doc.roles.get_mut(i),
            None => {
                doc.roles.push(RoleDoc {
                    name: role_name.clone(),
                    arn: String::new(),
                    trust: super::reducer::EMPTY_POLICY.into(),
                    policies: Vec::new(),
                    boundary: None,
                    extra: Map::new(),
                });
                doc.roles.last_mut()
            }
        };
        if let Some(role) = role {
            match role.policies.iter_mut().find(|p| p.name == name) {
                Some(policy) => policy.text = text,
                None => role.policies.push(PolicyDoc { name, text }),
            }
        }
        return Ok(Imported { doc, summary });
    }
    if has("Roles") || has("RoleMappings") {
        let mut roles = Map::new();
        for key in ["Roles", "RoleMappings"] {
            if let Some(v) = value(key) {
                roles.insert(key.into(), v);
            }
        }
        doc.pool_roles = Value::Object(roles);
        let summary = "imported `aws cognito-identity get-identity-pool-roles` output".into();
        return Ok(Imported { doc, summary });
    }
    if has("IdentityProviderName") && has("PrincipalTags") || has("UseDefaults") {
        let map: Value = serde_json::from_str(text).map_err(|e| ReadError {
            message: e.to_string(),
        })?;
        let provider = map.get("IdentityProviderName").cloned();
        let mut maps = doc.tag_maps.as_array().cloned().unwrap_or_default();
        maps.retain(|m| m.get("IdentityProviderName") != provider.as_ref());
        maps.push(map);
        doc.tag_maps = Value::Array(maps);
        let summary =
            "imported `aws cognito-identity get-principal-tag-attribute-map` output".into();
        return Ok(Imported { doc, summary });
    }
    if has("IdentityPoolId") {
        doc.pool = serde_json::from_str(text).map_err(|e| ReadError {
            message: e.to_string(),
        })?;
        let summary = "imported `aws cognito-identity describe-identity-pool` output".into();
        return Ok(Imported { doc, summary });
    }
    Err(ReadError {
        message: "not a scenario and not the output of a known aws cli command".into(),
    })
}

fn string(value: Option<Value>) -> String {
    match value {
        Some(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A policy as the CLI prints it: an object, or (raw API) a URL-encoded JSON string.
fn policy_text(raw: &RawValue) -> String {
    match serde_json::from_str::<String>(raw.get()) {
        Ok(encoded) => {
            let decoded = percent_decode(&encoded);
            match serde_json::from_str::<&RawValue>(&decoded) {
                Ok(doc) => pretty(doc.get()),
                Err(_) => decoded,
            }
        }
        Err(_) => pretty(raw.get()),
    }
}

fn read_cli_role(raw: &str) -> Result<RoleDoc, ReadError> {
    let role: RawObject = serde_json::from_str(raw).map_err(|e| ReadError {
        message: format!("`Role` is not an object: {e}"),
    })?;
    let text = |key: &str| {
        role.get(key)
            .map(|r| serde_json::from_str::<String>(r.get()).unwrap_or_default())
    };
    let mut extra = Map::new();
    for (key, raw) in &role {
        if [
            "Path",
            "RoleId",
            "CreateDate",
            "Description",
            "MaxSessionDuration",
            "Tags",
        ]
        .contains(&key.as_str())
        {
            if let Ok(v) = serde_json::from_str(raw.get()) {
                extra.insert(key.clone(), v);
            }
        }
    }
    Ok(RoleDoc {
        name: text("RoleName").unwrap_or_default(),
        arn: text("Arn").unwrap_or_default(),
        trust: role
            .get("AssumeRolePolicyDocument")
            .map(|r| policy_text(r))
            .unwrap_or_else(|| super::reducer::EMPTY_POLICY.into()),
        policies: Vec::new(),
        // `get-role` prints the boundary's ARN, not its document; the user pastes the document.
        boundary: None,
        extra,
    })
}

/// Decodes `%XX` escapes (IAM returns policy documents URL-encoded from the raw API).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
