//! The parts of a scenario an export writes, with the names each form gives them.

use serde_json::{Map, Value};

/// One role to export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRole {
    /// A name for it in the code (`AuthRole`, `auth`).
    pub id: String,
    /// `RoleName`.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// Its path (`/` or `/a/b/`), from the ARN.
    pub path: String,
    /// The trust policy.
    pub trust: Option<Value>,
    /// Permission policies: (name, ARN of a managed policy, document).
    pub policies: Vec<(String, Option<String>, Value)>,
    /// The boundary's document.
    pub boundary: Option<Value>,
    /// `MaxSessionDuration`.
    pub max_session_duration: Option<Value>,
}

/// What an export writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportModel {
    /// Scenario name.
    pub name: String,
    /// `identityPool`.
    pub pool: Map<String, Value>,
    /// `identityPoolRoles.Roles`.
    pub default_roles: Map<String, Value>,
    /// `identityPoolRoles.RoleMappings`.
    pub role_mappings: Map<String, Value>,
    /// `principalTagAttributeMaps`.
    pub principal_tags: Vec<Value>,
    /// `roles`.
    pub roles: Vec<ExportRole>,
    /// What the export cannot carry.
    pub notes: Vec<String>,
}

/// `AuthRole` from `Auth`: letters and digits, first letter upper case.
pub fn code_name(name: &str, suffix: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'R');
    }
    if !out.ends_with(suffix) {
        out.push_str(suffix);
    }
    out
}

/// `auth` from `Auth`: Terraform's snake case.
pub fn snake_name(name: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            out.push('_');
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        }
    }
    let out = out.trim_matches('_').to_owned();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("r_{out}")
    } else {
        out
    }
}

fn object(v: Option<&Value>) -> Map<String, Value> {
    match v {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    }
}

/// A policy document as JSON: objects stay, JSON strings are read.
fn policy(v: &Value) -> Value {
    match v {
        Value::String(text) => serde_json::from_str(text).unwrap_or_else(|_| v.clone()),
        other => other.clone(),
    }
}

impl ExportModel {
    /// Reads the parts of a scenario document; what is missing is empty.
    pub fn from_scenario(scenario: &Value) -> Self {
        let roles_section = object(scenario.get("identityPoolRoles"));
        let mut model = ExportModel {
            name: scenario
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("scenario")
                .to_owned(),
            pool: object(scenario.get("identityPool")),
            default_roles: object(roles_section.get("Roles")),
            role_mappings: object(roles_section.get("RoleMappings")),
            principal_tags: scenario
                .get("principalTagAttributeMaps")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
            roles: Vec::new(),
            notes: Vec::new(),
        };
        let roles = scenario
            .get("roles")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut used_ids: Vec<String> = Vec::new();
        for role in &roles {
            // `aws iam get-role` output nests the role under `Role`.
            let role = role.get("Role").filter(|r| r.is_object()).unwrap_or(role);
            let arn = role
                .get("Arn")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let name = role
                .get("RoleName")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| arn.rsplit('/').next().unwrap_or_default().to_owned());
            let path = arn
                .split_once(":role")
                .map(|(_, rest)| rest)
                .and_then(|rest| rest.rsplit_once('/'))
                .map(|(p, _)| format!("{p}/"))
                .unwrap_or_else(|| "/".to_owned());
            let mut id = code_name(&name, "Role");
            while used_ids.contains(&id) {
                id.push('X');
            }
            used_ids.push(id.clone());
            let policies: Vec<(String, Option<String>, Value)> = role
                .get("Policies")
                .and_then(Value::as_array)
                .map(|list| {
                    list.iter()
                        .map(|p| {
                            (
                                p.get("PolicyName")
                                    .and_then(Value::as_str)
                                    .unwrap_or("policy")
                                    .to_owned(),
                                p.get("PolicyArn")
                                    .and_then(Value::as_str)
                                    .map(str::to_owned),
                                p.get("PolicyDocument").map(policy).unwrap_or(Value::Null),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            for (policy, arn, _) in &policies {
                if let Some(arn) = arn
                    .as_deref()
                    .filter(|a| a.starts_with("arn:aws:iam::aws:"))
                {
                    model.notes.push(format!("`{policy}` on role `{name}` is the AWS managed policy `{arn}`: the export attaches it by ARN and does not carry its document, so importing the export back cannot simulate it"));
                }
            }
            model.roles.push(ExportRole {
                id,
                name,
                arn,
                path,
                trust: role.get("AssumeRolePolicyDocument").map(policy),
                policies,
                boundary: role.get("PermissionsBoundary").map(policy),
                max_session_duration: role.get("MaxSessionDuration").cloned(),
            });
        }
        model
    }

    /// The exported role with this ARN.
    pub fn role_by_arn(&self, arn: &str) -> Option<&ExportRole> {
        self.roles.iter().find(|r| r.arn == arn)
    }

    /// The pool's ID, when the scenario has one.
    pub fn pool_id(&self) -> Option<&str> {
        self.pool.get("IdentityPoolId").and_then(Value::as_str)
    }
}
