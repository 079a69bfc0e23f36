//! Reading a scenario file into the editable model: only the JSON shape is checked, in the
//! person's terms (the field, never the JSON library's wording); the meaning is the
//! simulator's business.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::indent::dedent;
use super::{
    Flow, IdentityType, ItemId, PolicyDoc, RawObject, RequestDoc, RoleDoc, ScenarioDoc, SignInDoc,
};

/// Why a text could not be read as a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// One line, lowercase.
    pub message: String,
}

impl ReadError {
    pub(super) fn new(message: impl Into<String>) -> Self {
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

/// Reads the text of one JSON member of `object` verbatim, without the file's nesting.
fn raw_member(object: &RawObject, key: &str) -> Option<String> {
    object.get(key).map(|raw| raw_text(raw))
}

/// The text of a raw JSON value as its author wrote it (the file's nesting taken away,
/// see [`dedent`]): a string holding a policy (the AWS API shape) is unwrapped.
fn raw_text(raw: &RawValue) -> String {
    match serde_json::from_str::<String>(raw.get()) {
        Ok(text) => text,
        Err(_) => dedent(raw.get()),
    }
}

/// What kind of JSON value `raw` is, for messages (`a string`, `a list`...).
pub fn kind_of(raw: &RawValue) -> &'static str {
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

/// The optional list member `key` of `object`, each item read by `read` with its index;
/// an absent member is an empty list. `what` names the member in messages.
fn list_member<T>(
    object: &RawObject,
    key: &str,
    what: &str,
    read: impl Fn(usize, &RawValue) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    match object.get(key) {
        Some(raw) => raw_list(what, raw)?
            .iter()
            .enumerate()
            .map(|(i, item)| read(i, item))
            .collect(),
        None => Ok(Vec::new()),
    }
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
        let roles = list_member(&top, "roles", "`roles`", read_role)?;
        let requests = list_member(&top, "requests", "`requests`", read_request)?;
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
}

fn read_role(index: usize, raw: &RawValue) -> Result<RoleDoc, ReadError> {
    let role = raw_object(&format!("`roles[{index}]`"), raw)?;
    let policies = list_member(
        &role,
        "Policies",
        &format!("`roles[{index}].Policies`"),
        |i, p| {
            let p = raw_object(&format!("`roles[{index}].Policies[{i}]`"), p)?;
            Ok(PolicyDoc {
                id: ItemId::at(i),
                name: string_of(member(&p, "PolicyName")),
                text: raw_member(&p, "PolicyDocument").unwrap_or_default(),
            })
        },
    )?;
    Ok(RoleDoc {
        id: ItemId::at(index),
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
        "authenticated" => IdentityType::Authenticated,
        _ => IdentityType::Unauthenticated,
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

/// Member `key` of a raw object.
fn member<'a>(object: &'a RawObject, key: &str) -> Option<&'a RawValue> {
    object.get(key).map(|raw| &**raw)
}
