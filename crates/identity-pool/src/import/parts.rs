//! The pieces of a pool that infrastructure code defines, gathered by an importer and
//! written as a scenario document (formats.md section 2). CloudFormation and Terraform
//! both fill [`Parts`]; the scenario is written in one place.

use iam_policy::Span;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::plain;
use super::report::Account;
use crate::provider::DEFAULT_POOL_ID;

/// Values the code does not fix but a scenario needs: where it is deployed. Each one
/// defaults from the scenario being imported into, then from fixed placeholders, and every
/// use is listed as assumed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    /// `AWS::Region`.
    #[serde(default)]
    pub region: Option<String>,
    /// `AWS::AccountId`.
    #[serde(default)]
    pub account_id: Option<String>,
    /// `AWS::StackName` (generated resource names start with it).
    #[serde(default)]
    pub stack_name: Option<String>,
    /// The identity pool's ID, which AWS generates at creation.
    #[serde(default)]
    pub identity_pool_id: Option<String>,
}

/// The options with every value filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deployment {
    /// Region.
    pub region: String,
    /// Account.
    pub account_id: String,
    /// Stack name.
    pub stack_name: String,
    /// Identity pool ID.
    pub identity_pool_id: String,
}

impl ImportOptions {
    /// Fills what is missing from `base` (the scenario imported into), then from defaults.
    pub fn deployment(&self, base: Option<&Value>) -> Deployment {
        let base_pool_id = base
            .and_then(|b| b.pointer("/identityPool/IdentityPoolId"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let base_account = base
            .and_then(|b| b.get("roles"))
            .and_then(Value::as_array)
            .and_then(|roles| {
                roles.iter().find_map(|r| {
                    let arn = r.get("Arn")?.as_str()?;
                    arn.split(':').nth(4).map(str::to_owned)
                })
            });
        // A pool's ID starts with its region: a region given without an ID keeps it.
        let identity_pool_id = self
            .identity_pool_id
            .clone()
            .or(base_pool_id)
            .unwrap_or_else(|| match (&self.region, DEFAULT_POOL_ID.split_once(':')) {
                (Some(region), Some((_, uuid))) => format!("{region}:{uuid}"),
                _ => DEFAULT_POOL_ID.to_owned(),
            });
        let region = self.region.clone().unwrap_or_else(|| {
            identity_pool_id
                .split_once(':')
                .map_or("us-east-1", |(r, _)| r)
                .to_owned()
        });
        Deployment {
            region,
            account_id: self
                .account_id
                .clone()
                .or(base_account)
                .unwrap_or_else(|| "123456789012".to_owned()),
            stack_name: self
                .stack_name
                .clone()
                .unwrap_or_else(|| "stack".to_owned()),
            identity_pool_id,
        }
    }
}

/// One role the code defines.
#[derive(Clone, Debug, PartialEq)]
pub struct RolePart {
    /// Its name in the code (logical ID, Terraform address).
    pub id: String,
    /// How the account names it, e.g. `AWS::IAM::Role AuthRole`.
    pub label: String,
    /// `RoleName`.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// The trust policy.
    pub trust: Option<Value>,
    /// `{"PolicyName", "PolicyDocument"}` entries, inline and managed.
    pub policies: Vec<Value>,
    /// The boundary's document.
    pub boundary: Option<Value>,
    /// `MaxSessionDuration`.
    pub max_session_duration: Option<Value>,
    /// Where the code defines it.
    pub span: Span,
}

/// What an importer found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parts {
    /// `describe-identity-pool` fields.
    pub pool: Option<Map<String, Value>>,
    /// `Roles` of `get-identity-pool-roles`.
    pub default_roles: Map<String, Value>,
    /// `RoleMappings` of `get-identity-pool-roles`.
    pub role_mappings: Map<String, Value>,
    /// `principalTagAttributeMaps` entries.
    pub principal_tags: Vec<Value>,
    /// Roles.
    pub roles: Vec<RolePart>,
}

impl Parts {
    /// The role with this ARN or name.
    pub fn role_mut(&mut self, name_or_arn: &str) -> Option<&mut RolePart> {
        self.roles
            .iter_mut()
            .find(|r| r.name == name_or_arn || r.arn == name_or_arn || r.id == name_or_arn)
    }

    /// The scenario: `base` (the scenario imported into) with the pool, its roles and tag
    /// maps replaced, or a new scenario that signs in as the pool allows.
    pub fn into_scenario(self, base: Option<&Value>, title: &str, account: &mut Account) -> Value {
        let mut doc = match base {
            Some(Value::Object(map)) => map.clone(),
            _ => Map::new(),
        };
        if base.is_none() {
            doc.insert("name".into(), json!(title));
        }
        let pool = self.pool.unwrap_or_default();
        let guest = pool
            .get("AllowUnauthenticatedIdentities")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        doc.insert("identityPool".into(), Value::Object(pool));
        let mut roles = Map::new();
        roles.insert("Roles".into(), Value::Object(self.default_roles));
        if !self.role_mappings.is_empty() {
            roles.insert("RoleMappings".into(), Value::Object(self.role_mappings));
        }
        doc.insert("identityPoolRoles".into(), Value::Object(roles));
        if self.principal_tags.is_empty() {
            doc.shift_remove("principalTagAttributeMaps");
        } else {
            doc.insert(
                "principalTagAttributeMaps".into(),
                Value::Array(self.principal_tags),
            );
        }
        let roles: Vec<Value> = self.roles.into_iter().map(role_document).collect();
        doc.insert("roles".into(), Value::Array(roles));
        if base.is_none() {
            let identity = if guest {
                "unauthenticated"
            } else {
                "authenticated"
            };
            account.assumed(
                "signIn",
                format!("the code says nothing about who signs in; the scenario signs in {identity}: edit the sign-in (or paste a token) to try a user"),
                None,
            );
            doc.insert("signIn".into(), json!({"identity": identity}));
            doc.insert("requests".into(), json!([]));
        }
        Value::Object(doc)
    }
}

fn role_document(role: RolePart) -> Value {
    let mut m = Map::new();
    m.insert("RoleName".into(), json!(role.name));
    m.insert("Arn".into(), json!(role.arn));
    if let Some(d) = role.max_session_duration {
        m.insert("MaxSessionDuration".into(), d);
    }
    if let Some(trust) = role.trust {
        m.insert("AssumeRolePolicyDocument".into(), trust);
    }
    m.insert("Policies".into(), Value::Array(role.policies));
    if let Some(boundary) = role.boundary {
        m.insert("PermissionsBoundary".into(), boundary);
    }
    Value::Object(m)
}

/// A policy given as a JSON string (Terraform, some templates) is read as JSON.
pub fn document(value: Value) -> Value {
    match value {
        Value::String(text) => serde_json::from_str(&text).unwrap_or(Value::String(text)),
        other => other,
    }
}

/// Keeps the roles the pool can hand out (default roles, rule roles) or that trust Cognito;
/// the code's other roles (Lambda execution roles...) are listed as left out.
pub fn keep_pool_roles(parts: &mut Parts, account: &mut Account) {
    let mut used: Vec<String> = parts.default_roles.values().map(plain).collect();
    for mapping in parts.role_mappings.values() {
        if let Some(Value::Array(rules)) = mapping.pointer("/RulesConfiguration/Rules") {
            used.extend(rules.iter().filter_map(|r| r.get("RoleARN")).map(plain));
        }
    }
    let roles = std::mem::take(&mut parts.roles);
    for role in roles {
        let trusts_cognito = role
            .trust
            .as_ref()
            .is_some_and(|t| t.to_string().contains("cognito-identity.amazonaws.com"));
        if used.contains(&role.arn) || trusts_cognito {
            let count = role.policies.len();
            let noun = if count == 1 { "policy" } else { "policies" };
            account.took(
                &role.label,
                format!(
                    "role `{}` with its trust policy and {count} permission {noun}",
                    role.name
                ),
                Some(role.span),
            );
            parts.roles.push(role);
        } else {
            account.left_out(
                &role.label,
                "the pool does not hand this role out and its trust policy does not name cognito-identity.amazonaws.com",
                Some(role.span),
            );
        }
    }
}

/// `arn:aws:iam::ACCOUNT:KIND/PATH/NAME` with the path written as IAM writes it (`/` alone,
/// or `/a/b/`).
pub fn iam_arn(account_id: &str, kind: &str, path: &str, name: &str) -> String {
    let trimmed = path.trim_matches('/');
    let path = if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    };
    format!("arn:aws:iam::{account_id}:{kind}{path}{name}")
}

/// The user pool ID AWS generates at creation, as the import takes it: the region, `_`, and
/// the first nine letters or digits of the pool's name in the code (logical ID, Terraform
/// name); listed as assumed under `subject`.
pub fn assumed_user_pool_id(
    region: &str,
    code_name: &str,
    subject: &str,
    span: Span,
    account: &mut Account,
) -> String {
    let id = format!(
        "{region}_{}",
        code_name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(9)
            .collect::<String>()
    );
    account.assumed(
        subject,
        format!("AWS generates the user pool's ID at creation; it is taken as `{id}`"),
        Some(span),
    );
    id
}

/// The app client ID AWS generates at creation, as the import takes it: the client's name in
/// the code, lowercased, letters and digits only; listed as assumed under `subject`.
pub fn assumed_client_id(
    code_name: &str,
    subject: &str,
    span: Span,
    account: &mut Account,
) -> String {
    let id = code_name
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>();
    account.assumed(
        subject,
        format!("AWS generates the app client's ID at creation; it is taken as `{id}`"),
        Some(span),
    );
    id
}
