//! The scenario document as the page edits it.
//!
//! Structured parts the forms edit (the identity pool, its roles and mappings, principal-tag
//! maps) are JSON values. Everything a user types as JSON (policies, claims, context keys) is
//! kept as text, so a half-typed policy survives and the engine, not the page, reports what is
//! wrong with it. Converting to and from the file format of `formats.md` happens here and
//! nowhere else; no AWS rule is applied.

use identity_pool::api::Span;
use identity_pool::placement::{Placement, Placements, PolicyId, PolicySlot};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// Pretty-prints JSON the page took verbatim from a file, keeping the author's key order
/// (`serde_json::Value` would sort keys). The input is always JSON serde has accepted;
/// should the formatter refuse it (e.g. nesting deeper than it allows), the text is kept.
pub fn pretty(text: &str) -> String {
    crate::editor::format::format_json(text).unwrap_or_else(|_| text.to_string())
}

/// A JSON object whose members are kept as raw text.
pub type RawObject = std::collections::BTreeMap<String, Box<RawValue>>;

/// Who signs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identity {
    /// `"unauthenticated"`: a guest.
    Guest,
    /// `"authenticated"`: signed in with a provider.
    SignedIn,
}

/// Which Cognito flow hands out the credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// `GetId` + `GetCredentialsForIdentity`.
    Enhanced,
    /// `GetId` + `GetOpenIdToken` + `AssumeRoleWithWebIdentity`.
    Basic,
}

/// One named policy of a role.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDoc {
    /// `PolicyName`.
    pub name: String,
    /// The policy document as the user typed it.
    pub text: String,
}

/// One IAM role with its trust policy, access policies and optional boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleDoc {
    /// `RoleName`.
    pub name: String,
    /// `Arn`.
    pub arn: String,
    /// `AssumeRolePolicyDocument` as text.
    pub trust: String,
    /// `Policies`.
    pub policies: Vec<PolicyDoc>,
    /// `PermissionsBoundary` as text, when the role has one.
    pub boundary: Option<String>,
    /// Fields of the role the page does not edit, passed through unchanged.
    pub extra: Map<String, Value>,
}

/// The sign-in the scenario simulates.
#[derive(Clone, Debug, PartialEq)]
pub struct SignInDoc {
    /// Guest or signed in.
    pub identity: Identity,
    /// The provider key (signed in only).
    pub provider: String,
    /// The provider token's claims as JSON text.
    pub claims: String,
    /// Enhanced or basic flow.
    pub flow: Flow,
    /// Enhanced flow: the optional `CustomRoleArn`.
    pub custom_role_arn: String,
    /// Basic flow: the `RoleArn` of `AssumeRoleWithWebIdentity`.
    pub basic_role_arn: String,
    /// Basic flow: the optional inline session policy as text (empty: none).
    pub basic_policy: String,
    /// Other fields of `signIn` and of `signIn.basic` (identityId, PolicyArns, DurationSeconds...).
    pub extra: Map<String, Value>,
    /// Other fields of `signIn.basic`.
    pub basic_extra: Map<String, Value>,
}

/// One request made with the credentials.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestDoc {
    /// e.g. `s3:GetObject`.
    pub action: String,
    /// The resource ARN.
    pub resource: String,
    /// Extra context keys as JSON object text.
    pub context: String,
    /// The optional expected decision.
    pub expect: Option<String>,
}

/// The whole scenario being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioDoc {
    /// `name`.
    pub name: String,
    /// `description`.
    pub description: String,
    /// `identityPool`, as `describe-identity-pool` prints it.
    pub pool: Value,
    /// `identityPoolRoles`, as `get-identity-pool-roles` prints it.
    pub pool_roles: Value,
    /// `principalTagAttributeMaps`.
    pub tag_maps: Value,
    /// `roles`.
    pub roles: Vec<RoleDoc>,
    /// `resourcePolicies` (object of ARN → policy), kept as a value.
    pub resource_policies: Option<Value>,
    /// `signIn`.
    pub sign_in: SignInDoc,
    /// `requests`.
    pub requests: Vec<RequestDoc>,
    /// `expect`.
    pub expect: Option<Value>,
    /// Top-level fields the page does not know, passed through unchanged.
    pub extra: Map<String, Value>,
}

/// Why a text could not be read as a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// One line, lowercase.
    pub message: String,
}

impl ReadError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

const TOP_LEVEL: &[&str] = &[
    "name",
    "description",
    "identityPool",
    "identityPoolRoles",
    "principalTagAttributeMaps",
    "roles",
    "resourcePolicies",
    "signIn",
    "requests",
    "expect",
];

/// Reads the text of one JSON member of `object` verbatim, re-indented.
fn raw_member(object: &RawObject, key: &str) -> Option<String> {
    object.get(key).map(|raw| raw_text(raw))
}

/// The text of a raw JSON value: a string holding a policy (the AWS API shape) is unwrapped.
fn raw_text(raw: &RawValue) -> String {
    match serde_json::from_str::<String>(raw.get()) {
        Ok(text) => text,
        Err(_) => pretty(raw.get()),
    }
}

/// What kind of JSON value `raw` is, for messages (`a string`, `a list`...).
pub(super) fn kind_of(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().bytes().next() {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The field `what` (e.g. `` `roles[2]` ``) is not the `expected` kind. Said in the user's
/// terms, without the JSON library's wording or a position in text the user may never
/// have seen (a share link or an autosave holds the scenario as hidden text).
fn wrong_kind(what: &str, raw: &RawValue, expected: &str) -> ReadError {
    let found = kind_of(raw);
    if found == expected {
        // The right kind, but serde refused something inside: only depth does that here.
        ReadError::new(format!("{what} is nested too deeply to be read"))
    } else {
        ReadError::new(format!("{what} must be {expected}, not {found}"))
    }
}

fn raw_object(what: &str, raw: &RawValue) -> Result<RawObject, ReadError> {
    serde_json::from_str(raw.get()).map_err(|_| wrong_kind(what, raw, "an object"))
}

fn raw_list(what: &str, raw: &RawValue) -> Result<Vec<Box<RawValue>>, ReadError> {
    serde_json::from_str(raw.get()).map_err(|_| wrong_kind(what, raw, "a list"))
}

fn value_of(object: &RawObject, key: &str) -> Result<Option<Value>, ReadError> {
    object
        .get(key)
        .map(|r| {
            serde_json::from_str(r.get())
                .map_err(|_| ReadError::new(format!("`{key}` is nested too deeply to be read")))
        })
        .transpose()
}

fn string_of(raw: Option<&RawValue>) -> String {
    raw.and_then(|r| serde_json::from_str::<String>(r.get()).ok())
        .unwrap_or_default()
}

fn rest(object: &RawObject, known: &[&str]) -> Result<Map<String, Value>, ReadError> {
    let mut extra = Map::new();
    for (key, raw) in object {
        if !known.contains(&key.as_str()) {
            let value = serde_json::from_str(raw.get())
                .map_err(|_| ReadError::new(format!("`{key}` is nested too deeply to be read")))?;
            extra.insert(key.clone(), value);
        }
    }
    Ok(extra)
}

impl ScenarioDoc {
    /// Reads a scenario file (formats.md section 2). Only the JSON shape is checked here;
    /// the meaning is the simulator's business.
    pub fn from_json(text: &str) -> Result<Self, ReadError> {
        let top: &RawValue = serde_json::from_str(text)
            .map_err(|_| ReadError::new("the scenario is not valid JSON"))?;
        let top = raw_object("the scenario", top)?;
        let roles = match top.get("roles") {
            Some(raw) => raw_list("`roles`", raw)?
                .iter()
                .enumerate()
                .map(|(i, r)| read_role(i, r))
                .collect::<Result<_, _>>()?,
            None => Vec::new(),
        };
        let requests = match top.get("requests") {
            Some(raw) => raw_list("`requests`", raw)?
                .iter()
                .enumerate()
                .map(|(i, r)| read_request(i, r))
                .collect::<Result<_, _>>()?,
            None => Vec::new(),
        };
        let sign_in = match top.get("signIn") {
            Some(raw) => read_sign_in(raw)?,
            None => SignInDoc::default(),
        };
        Ok(Self {
            name: string_of(member(&top, "name")),
            description: string_of(member(&top, "description")),
            pool: value_of(&top, "identityPool")?.unwrap_or_else(|| Value::Object(Map::new())),
            pool_roles: value_of(&top, "identityPoolRoles")?
                .unwrap_or_else(|| Value::Object(Map::new())),
            tag_maps: value_of(&top, "principalTagAttributeMaps")?
                .unwrap_or_else(|| Value::Array(Vec::new())),
            roles,
            resource_policies: value_of(&top, "resourcePolicies")?,
            sign_in,
            requests,
            expect: value_of(&top, "expect")?,
            extra: rest(&top, TOP_LEVEL)?,
        })
    }

    /// Writes the scenario file, pretty-printed (for export and sharing).
    pub fn to_json(&self) -> String {
        let text = self.to_document().0;
        let pretty_text = pretty(&text);
        // The size that counts is the user's: a scenario that arrived as 0.9 MB of compact
        // JSON (a share link, an import) must not grow past the simulator's 1 MB limit just
        // because the page indents it. Indentation goes only when it would not fit.
        if pretty_text.len() <= identity_pool::scenario::MAX_SCENARIO_BYTES {
            return pretty_text;
        }
        crate::editor::format::compact_json(&text)
            .filter(|compact| compact.len() < pretty_text.len())
            .unwrap_or(pretty_text)
    }

    /// Writes the scenario document the simulation reads, with every policy text the user
    /// typed embedded verbatim, and where each one is: a position the simulation reports
    /// inside a policy is then a position in the editor's own text. Text fields that are
    /// not valid JSON are written as JSON strings, so nothing the user typed is lost and
    /// the simulator reports the problem with the field's name.
    pub fn to_document(&self) -> (String, Placements) {
        let mut out = Map::new();
        out.insert("name".into(), Value::String(self.name.clone()));
        if !self.description.is_empty() {
            out.insert(
                "description".into(),
                Value::String(self.description.clone()),
            );
        }
        out.insert("identityPool".into(), self.pool.clone());
        out.insert("identityPoolRoles".into(), self.pool_roles.clone());
        if self.tag_maps.as_array().is_none_or(|a| !a.is_empty()) {
            out.insert("principalTagAttributeMaps".into(), self.tag_maps.clone());
        }
        // Placeholders keep the member order; the raw documents replace them below.
        let mut raws: Vec<(String, Option<PolicyId>)> = Vec::new();
        let mut slot = |text: &str, id: Option<PolicyId>| -> Value {
            raws.push(embed(text, id));
            Value::String(format!("\u{0}RAW{}\u{0}", raws.len() - 1))
        };
        let roles: Vec<Value> = self
            .roles
            .iter()
            .map(|role| {
                let mut r = Map::new();
                r.insert("RoleName".into(), Value::String(role.name.clone()));
                r.insert("Arn".into(), Value::String(role.arn.clone()));
                r.insert(
                    "AssumeRolePolicyDocument".into(),
                    slot(
                        &role.trust,
                        Some(PolicyId::new(&role.name, PolicySlot::Trust)),
                    ),
                );
                let policies: Vec<Value> = role
                    .policies
                    .iter()
                    .map(|p| {
                        let mut m = Map::new();
                        m.insert("PolicyName".into(), Value::String(p.name.clone()));
                        let id = PolicyId::new(&role.name, PolicySlot::Access(p.name.clone()));
                        m.insert("PolicyDocument".into(), slot(&p.text, Some(id)));
                        Value::Object(m)
                    })
                    .collect();
                r.insert("Policies".into(), Value::Array(policies));
                if let Some(boundary) = &role.boundary {
                    let id = PolicyId::new(&role.name, PolicySlot::Boundary);
                    r.insert("PermissionsBoundary".into(), slot(boundary, Some(id)));
                }
                for (k, v) in &role.extra {
                    r.insert(k.clone(), v.clone());
                }
                Value::Object(r)
            })
            .collect();
        out.insert("roles".into(), Value::Array(roles));
        if let Some(policies) = &self.resource_policies {
            out.insert("resourcePolicies".into(), policies.clone());
        }
        let s = &self.sign_in;
        let mut sign_in = Map::new();
        let identity = match s.identity {
            Identity::Guest => "unauthenticated",
            Identity::SignedIn => "authenticated",
        };
        sign_in.insert("identity".into(), Value::String(identity.into()));
        if s.identity == Identity::SignedIn {
            sign_in.insert("provider".into(), Value::String(s.provider.clone()));
            sign_in.insert("claims".into(), slot(&s.claims, None));
        }
        let flow = match s.flow {
            Flow::Enhanced => "enhanced",
            Flow::Basic => "basic",
        };
        sign_in.insert("flow".into(), Value::String(flow.into()));
        if s.flow == Flow::Enhanced && !s.custom_role_arn.is_empty() {
            sign_in.insert(
                "customRoleArn".into(),
                Value::String(s.custom_role_arn.clone()),
            );
        }
        if s.flow == Flow::Basic {
            let mut basic = Map::new();
            basic.insert("RoleArn".into(), Value::String(s.basic_role_arn.clone()));
            if !s.basic_policy.trim().is_empty() {
                let id = PolicyId::new("signIn", PolicySlot::Session);
                basic.insert("Policy".into(), slot(&s.basic_policy, Some(id)));
            }
            for (k, v) in &s.basic_extra {
                basic.insert(k.clone(), v.clone());
            }
            sign_in.insert("basic".into(), Value::Object(basic));
        }
        for (k, v) in &s.extra {
            sign_in.insert(k.clone(), v.clone());
        }
        out.insert("signIn".into(), Value::Object(sign_in));
        let requests: Vec<Value> = self
            .requests
            .iter()
            .map(|q| {
                let mut m = Map::new();
                m.insert("action".into(), Value::String(q.action.clone()));
                m.insert("resource".into(), Value::String(q.resource.clone()));
                if !q.context.trim().is_empty() {
                    m.insert("context".into(), slot(&q.context, None));
                }
                if let Some(expect) = &q.expect {
                    m.insert("expect".into(), Value::String(expect.clone()));
                }
                Value::Object(m)
            })
            .collect();
        out.insert("requests".into(), Value::Array(requests));
        if let Some(expect) = &self.expect {
            out.insert("expect".into(), expect.clone());
        }
        for (k, v) in &self.extra {
            out.insert(k.clone(), v.clone());
        }
        // serde_json sorts keys; the reader does not care, and the raw documents keep theirs.
        let skeleton = serde_json::to_string(&Value::Object(out)).unwrap_or_default();
        splice(&skeleton, &raws)
    }

    /// The names of JSON text fields that do not parse, for a notice before export.
    pub fn broken_fields(&self) -> Vec<String> {
        let mut broken = Vec::new();
        let mut check = |label: String, text: &str| {
            if serde_json::from_str::<&RawValue>(text).is_err() {
                broken.push(label);
            }
        };
        for role in &self.roles {
            check(format!("{} trust policy", role.name), &role.trust);
            for p in &role.policies {
                check(format!("{} policy {}", role.name, p.name), &p.text);
            }
            if let Some(b) = &role.boundary {
                check(format!("{} boundary", role.name), b);
            }
        }
        if self.sign_in.identity == Identity::SignedIn {
            check("claims".into(), &self.sign_in.claims);
        }
        for (i, q) in self.requests.iter().enumerate() {
            if !q.context.trim().is_empty() {
                check(format!("request {} context", i + 1), &q.context);
            }
        }
        broken
    }
}

/// A JSON document verbatim (with its whitespace, so offsets in it are the editor's) if the
/// text is one, and the policy it is; else the text as a JSON string, placed nowhere.
fn embed(text: &str, id: Option<PolicyId>) -> (String, Option<PolicyId>) {
    match serde_json::from_str::<&RawValue>(text) {
        Ok(_) => (text.to_string(), id),
        Err(_) => (
            serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()),
            None,
        ),
    }
}

/// Replaces each placeholder of `skeleton` by its raw text, recording where the policies land.
fn splice(skeleton: &str, raws: &[(String, Option<PolicyId>)]) -> (String, Placements) {
    let mut found: Vec<(usize, usize, usize)> = raws
        .iter()
        .enumerate()
        .filter_map(|(index, _)| {
            let placeholder = format!("\"\\u0000RAW{index}\\u0000\"");
            skeleton
                .find(&placeholder)
                .map(|at| (at, at + placeholder.len(), index))
        })
        .collect();
    found.sort_unstable();
    let mut text =
        String::with_capacity(skeleton.len() + raws.iter().map(|r| r.0.len()).sum::<usize>());
    let mut placements = Placements::default();
    let mut copied = 0;
    for (start, end, index) in found {
        let Some((raw, id)) = raws.get(index) else {
            continue;
        };
        text.push_str(skeleton.get(copied..start).unwrap_or_default());
        if let Some(id) = id {
            placements.list.push(Placement {
                id: id.clone(),
                span: Span::new(text.len(), text.len() + raw.len()),
            });
        }
        text.push_str(raw);
        copied = end;
    }
    text.push_str(skeleton.get(copied..).unwrap_or_default());
    (text, placements)
}

fn read_role(index: usize, raw: &RawValue) -> Result<RoleDoc, ReadError> {
    let role = raw_object(&format!("`roles[{index}]`"), raw)?;
    let policies = match role.get("Policies") {
        Some(raw) => raw_list(&format!("`roles[{index}].Policies`"), raw)?
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let p = raw_object(&format!("`roles[{index}].Policies[{i}]`"), p)?;
                Ok(PolicyDoc {
                    name: string_of(member(&p, "PolicyName")),
                    text: raw_member(&p, "PolicyDocument").unwrap_or_default(),
                })
            })
            .collect::<Result<_, ReadError>>()?,
        None => Vec::new(),
    };
    Ok(RoleDoc {
        name: string_of(member(&role, "RoleName")),
        arn: string_of(member(&role, "Arn")),
        trust: raw_member(&role, "AssumeRolePolicyDocument").unwrap_or_default(),
        policies,
        boundary: raw_member(&role, "PermissionsBoundary"),
        extra: rest(
            &role,
            &[
                "RoleName",
                "Arn",
                "AssumeRolePolicyDocument",
                "Policies",
                "PermissionsBoundary",
            ],
        )?,
    })
}

fn read_request(index: usize, raw: &RawValue) -> Result<RequestDoc, ReadError> {
    let q = raw_object(&format!("`requests[{index}]`"), raw)?;
    Ok(RequestDoc {
        action: string_of(member(&q, "action")),
        resource: string_of(member(&q, "resource")),
        context: raw_member(&q, "context").unwrap_or_else(|| "{}".into()),
        expect: q
            .get("expect")
            .and_then(|r| serde_json::from_str::<String>(r.get()).ok()),
    })
}

fn read_sign_in(raw: &RawValue) -> Result<SignInDoc, ReadError> {
    let s = raw_object("`signIn`", raw)?;
    let basic = match s.get("basic") {
        Some(raw) => raw_object("`signIn.basic`", raw)?,
        None => RawObject::new(),
    };
    let identity = match string_of(member(&s, "identity")).as_str() {
        "authenticated" => Identity::SignedIn,
        _ => Identity::Guest,
    };
    let flow = match string_of(member(&s, "flow")).as_str() {
        "basic" => Flow::Basic,
        _ => Flow::Enhanced,
    };
    Ok(SignInDoc {
        identity,
        provider: string_of(member(&s, "provider")),
        claims: raw_member(&s, "claims").unwrap_or_else(|| "{}".into()),
        flow,
        custom_role_arn: string_of(member(&s, "customRoleArn")),
        basic_role_arn: string_of(member(&basic, "RoleArn")),
        basic_policy: raw_member(&basic, "Policy").unwrap_or_default(),
        extra: rest(
            &s,
            &[
                "identity",
                "provider",
                "claims",
                "flow",
                "customRoleArn",
                "basic",
            ],
        )?,
        basic_extra: rest(&basic, &["RoleArn", "Policy"])?,
    })
}

impl Default for SignInDoc {
    fn default() -> Self {
        Self {
            identity: Identity::Guest,
            provider: String::new(),
            claims: "{}".into(),
            flow: Flow::Enhanced,
            custom_role_arn: String::new(),
            basic_role_arn: String::new(),
            basic_policy: String::new(),
            extra: Map::new(),
            basic_extra: Map::new(),
        }
    }
}

impl Default for ScenarioDoc {
    fn default() -> Self {
        Self {
            name: "Untitled".into(),
            description: String::new(),
            pool: Value::Object(Map::new()),
            pool_roles: Value::Object(Map::new()),
            tag_maps: Value::Array(Vec::new()),
            roles: Vec::new(),
            resource_policies: None,
            sign_in: SignInDoc::default(),
            requests: Vec::new(),
            expect: None,
            extra: Map::new(),
        }
    }
}

/// Member `key` of a raw object.
fn member<'a>(object: &'a RawObject, key: &str) -> Option<&'a RawValue> {
    object.get(key).map(|raw| &**raw)
}

#[cfg(test)]
#[path = "scenario_tests.rs"]
mod tests;
