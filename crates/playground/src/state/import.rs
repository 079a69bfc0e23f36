//! Pasted or uploaded JSON: a whole scenario, or the output of one AWS CLI command merged
//! into the current scenario. Only shapes are recognised here; nothing is validated beyond
//! what is needed to put the pieces in the right place.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::scenario::{pretty, ItemId, PolicyDoc, RawObject, ReadError, RoleDoc, ScenarioDoc};

/// What an import produced: the new scenario and a one-line summary for the notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The scenario after the import.
    pub doc: ScenarioDoc,
    /// e.g. "imported `aws iam get-role` output: role `Admin`".
    pub summary: String,
}

/// The largest import read: what the simulator reads at most, so a larger file could never
/// be simulated. Checked on the file's size before a byte of it is read.
pub const MAX_IMPORT_BYTES: usize = identity_pool::scenario::MAX_SCENARIO_BYTES;

/// Where the imported text came from, so messages name it as the user knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Pasted into the dialog.
    Pasted,
    /// An uploaded file, by name.
    File(String),
}

impl Origin {
    /// `the pasted text` or ``the file `name` ``.
    fn noun(&self) -> String {
        match self {
            Origin::Pasted => "the pasted text".to_owned(),
            Origin::File(name) => format!("the file `{}`", shorten(name)),
        }
    }
}

/// What the import dialog hands over: where it came from, and its text or why it could not
/// be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Pasted or uploaded.
    pub origin: Origin,
    /// The text, or the reason there is none (too large, not UTF-8...).
    pub text: Result<String, ReadError>,
}

impl Input {
    /// Pasted text.
    pub fn pasted(text: String) -> Self {
        Self {
            origin: Origin::Pasted,
            text: Ok(text),
        }
    }
}

/// Refuses a file by its size alone, before reading it: a 20 MB file fails at once.
pub fn check_file_size(name: &str, bytes: f64) -> Result<(), ReadError> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "byte counts shown to the user in KB/MB: far below 2^53, exact in f64"
    )]
    let max = MAX_IMPORT_BYTES as f64;
    if bytes > max {
        return Err(too_large(&Origin::File(name.to_owned()), bytes));
    }
    Ok(())
}

/// An uploaded file's bytes as text: UTF-8 (a leading byte-order mark is dropped), or an
/// error naming the first byte that is not.
pub fn decode_file(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "byte counts shown to the user in KB/MB: far below 2^53, exact in f64"
    )]
    check_file_size(name, bytes.len() as f64)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text)),
        Err(e) => Err(ReadError {
            message: format!(
                "{} is not UTF-8 text (byte {} is not valid); save it as UTF-8 JSON",
                Origin::File(name.to_owned()).noun(),
                e.utf8_error().valid_up_to() + 1
            ),
        }),
    }
}

fn too_large(origin: &Origin, bytes: f64) -> ReadError {
    ReadError {
        message: format!(
            "{} is {}, more than the {} KB a scenario may be",
            origin.noun(),
            size_text(bytes),
            MAX_IMPORT_BYTES / 1024
        ),
    }
}

/// `20 MB`, `1025 KB`: whole units, rounded up so a size over the limit never reads as equal.
fn size_text(bytes: f64) -> String {
    // Whole numbers, printed as integers: formatting an f64 would pull core's float
    // printing into the page for this one message (docs/bundle.md). `as` saturates.
    let kb = (bytes / 1024.0).ceil();
    if kb >= 10.0 * 1024.0 {
        format!("{} MB", (kb / 1024.0).ceil() as u64)
    } else {
        format!("{} KB", kb as u64)
    }
}

fn shorten(name: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut chars = name.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Reads the input as a scenario or as AWS CLI output and merges it into `current`.
pub fn import(current: &ScenarioDoc, input: &Input) -> Result<Imported, ReadError> {
    let text = input.text.as_deref().map_err(Clone::clone)?;
    #[allow(
        clippy::cast_precision_loss,
        reason = "byte counts shown to the user in KB/MB: far below 2^53, exact in f64"
    )]
    if text.len() > MAX_IMPORT_BYTES {
        return Err(too_large(&input.origin, text.len() as f64));
    }
    let top: RawObject = read_top(&input.origin, text)?;
    let has = |key: &str| top.contains_key(key);
    if has("roles") || has("signIn") || has("identityPool") || has("requests") {
        let doc = ScenarioDoc::from_json(text)?;
        let summary = format!("imported scenario `{}`", doc.name);
        return Ok(Imported { doc, summary });
    }
    let mut doc = current.clone();
    let summary = if has("Role") {
        let role = match top.get("Role") {
            Some(raw) => read_cli_role(raw)?,
            None => return Err(too_deep(&input.origin)),
        };
        merge_role(&mut doc, role)
    } else if has("PolicyDocument") && has("RoleName") {
        merge_role_policy(&mut doc, &top)
    } else if has("Roles") || has("RoleMappings") {
        let mut roles = Map::new();
        for key in ["Roles", "RoleMappings"] {
            if let Some(v) = raw_value(&top, key) {
                roles.insert(key.into(), v);
            }
        }
        doc.pool_roles = Value::Object(roles);
        "imported `aws cognito-identity get-identity-pool-roles` output".into()
    } else if has("IdentityProviderName") && has("PrincipalTags") || has("UseDefaults") {
        let map: Value = serde_json::from_str(text).map_err(|_| too_deep(&input.origin))?;
        merge_tag_map(&mut doc, map)
    } else if has("IdentityPoolId") {
        doc.pool = serde_json::from_str(text).map_err(|_| too_deep(&input.origin))?;
        "imported `aws cognito-identity describe-identity-pool` output".into()
    } else {
        return Err(ReadError {
            message: "not a scenario and not the output of a known aws cli command".into(),
        });
    };
    Ok(Imported { doc, summary })
}

/// Member `key` of the top-level object as a JSON value, if it reads as one.
fn raw_value(top: &RawObject, key: &str) -> Option<Value> {
    top.get(key)
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
}

/// `aws iam get-role` output merged into `doc`: a role of that name takes the ARN, trust
/// policy and (when given) boundary; otherwise the role is added. Returns the summary.
fn merge_role(doc: &mut ScenarioDoc, role: RoleDoc) -> String {
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
    summary
}

/// `aws iam get-role-policy` output merged into `doc`: the policy of that name replaced or
/// added, on the role of that name (added with an empty trust policy when missing).
fn merge_role_policy(doc: &mut ScenarioDoc, top: &RawObject) -> String {
    let role_name = string(raw_value(top, "RoleName"));
    let name = string(raw_value(top, "PolicyName"));
    let text = top
        .get("PolicyDocument")
        .map(|raw| policy_text(raw))
        .unwrap_or_default();
    let summary =
        format!("imported `aws iam get-role-policy` output: policy `{name}` of role `{role_name}`");
    let role = match doc.roles.iter().position(|r| r.name == role_name) {
        Some(i) => doc.roles.get_mut(i),
        None => {
            doc.roles.push(RoleDoc {
                id: doc.next_role_id(),
                name: role_name,
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
            None => role.policies.push(PolicyDoc {
                id: role.next_policy_id(),
                name,
                text,
            }),
        }
    }
    summary
}

/// `aws cognito-identity get-principal-tag-attribute-map` output merged into `doc`: it
/// replaces the map of the same provider.
fn merge_tag_map(doc: &mut ScenarioDoc, map: Value) -> String {
    let provider = map.get("IdentityProviderName").cloned();
    let mut maps = doc.tag_maps.as_array().cloned().unwrap_or_default();
    maps.retain(|m| m.get("IdentityProviderName") != provider.as_ref());
    maps.push(map);
    doc.tag_maps = Value::Array(maps);
    "imported `aws cognito-identity get-principal-tag-attribute-map` output".into()
}

/// The top-level object, with a message in the user's terms: a position is worth giving
/// here, since the user has the text in front of them.
fn read_top(origin: &Origin, text: &str) -> Result<RawObject, ReadError> {
    let noun = origin.noun();
    let raw: &RawValue = serde_json::from_str(text).map_err(|e| ReadError {
        message: if e.is_eof() {
            format!(
                "{noun} is not a JSON object: it ends early (line {}, column {})",
                e.line(),
                e.column()
            )
        } else {
            format!(
                "{noun} is not a JSON object: it is not valid JSON at line {}, column {}",
                e.line(),
                e.column()
            )
        },
    })?;
    serde_json::from_str(raw.get()).map_err(|_| ReadError {
        message: format!(
            "{noun} is not a JSON object: it holds {}",
            super::scenario::kind_of(raw)
        ),
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

/// The text is valid JSON (checked first), so serde refusing a value means nesting.
fn too_deep(origin: &Origin) -> ReadError {
    ReadError {
        message: format!("{} is nested too deeply to be read", origin.noun()),
    }
}

fn read_cli_role(raw: &RawValue) -> Result<RoleDoc, ReadError> {
    let role: RawObject = serde_json::from_str(raw.get()).map_err(|_| ReadError {
        message: format!(
            "`Role` must be an object, not {}",
            super::scenario::kind_of(raw)
        ),
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
        // Given its real id when merged into a scenario.
        id: ItemId::default(),
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

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
