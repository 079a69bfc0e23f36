//! A CloudTrail record of a failed `GetId`, `GetCredentialsForIdentity` or
//! `AssumeRoleWithWebIdentity` call (alone, or in a `{"Records": [...]}` file): it fills what
//! it tells — the pool, the identity ID, the role ARN, the provider, the time, the region and
//! account, and the error as the scenario's `expect` — and the account lists what it does not
//! tell (CloudTrail hides the token, and knows nothing of the pool's or roles' configuration).

use iam_policy::json::{self, JsonNode, JsonValue};
use serde_json::{json, Map, Value};

use super::report::{Account, ImportFormat, Imported};
use super::to_value;

/// The calls read.
const CALLS: &[&str] = &[
    "GetId",
    "GetCredentialsForIdentity",
    "GetOpenIdToken",
    "AssumeRoleWithWebIdentity",
];

/// Whether a JSON document looks like a CloudTrail record or file.
pub fn is_cloudtrail(root: &Value) -> bool {
    root.get("Records").is_some_and(Value::is_array)
        || (root.get("eventSource").is_some() && root.get("eventName").is_some())
}

/// Imports a CloudTrail record into `base` (or a new scenario).
pub fn import_cloudtrail(text: &str, base: Option<&Value>) -> Imported {
    let mut account = Account::default();
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(d) => {
            return account.finish(
                ImportFormat::CloudTrail,
                base.cloned().unwrap_or(Value::Null),
                vec![d],
                text,
            )
        }
    };
    let records: Vec<&JsonNode> = match root.get("Records").map(|r| &r.value) {
        Some(JsonValue::Array(items)) => items.iter().collect(),
        _ => vec![&root],
    };
    let mut chosen = None;
    for record in records {
        let name = record
            .get("eventName")
            .and_then(JsonNode::as_str)
            .unwrap_or_default();
        let subject = format!("{name} event");
        if chosen.is_none() && CALLS.contains(&name) {
            chosen = Some(record);
        } else {
            account.left_out(&subject, "a scenario reads one sign-in: the first Cognito or STS web-identity call of the file", Some(record.span));
        }
    }
    let mut doc = match base {
        Some(Value::Object(map)) => map.clone(),
        _ => {
            let mut m = Map::new();
            m.insert("name".into(), json!("Imported from a CloudTrail event"));
            m
        }
    };
    let Some(record) = chosen else {
        let d = iam_policy::Diagnostic::error(
            "import::cloudtrail::no_call",
            "the file has no GetId, GetCredentialsForIdentity, GetOpenIdToken or AssumeRoleWithWebIdentity event",
            Some(root.span),
        )
        .with_help("filter the trail on eventSource cognito-identity.amazonaws.com or sts.amazonaws.com and paste the failing record");
        return account.finish(ImportFormat::CloudTrail, Value::Object(doc), vec![d], text);
    };
    let event = to_value(record);
    fill(&event, record, &mut doc, &mut account);
    account.finish(
        ImportFormat::CloudTrail,
        Value::Object(doc),
        Vec::new(),
        text,
    )
}

fn text<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

/// A copy of the object at `key` (empty when absent or not an object).
fn object(doc: &Map<String, Value>, key: &str) -> Map<String, Value> {
    match doc.get(key) {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    }
}

fn fill(event: &Value, node: &JsonNode, doc: &mut Map<String, Value>, account: &mut Account) {
    let name = text(event, "/eventName").unwrap_or_default();
    let at = |key: &str| node.get(key).map(|n| n.span).or(Some(node.span));
    let request_span = node
        .get("requestParameters")
        .map(|n| n.span)
        .or(Some(node.span));
    // The pool: GetId names it; an STS event carries it in the web identity's principal.
    let principal = text(event, "/userIdentity/principalId")
        .and_then(|p| p.strip_prefix("cognito-identity.amazonaws.com:"));
    let pool_id = text(event, "/requestParameters/identityPoolId")
        .map(str::to_owned)
        .or_else(|| {
            let mut parts = principal?.splitn(3, ':');
            Some(format!("{}:{}", parts.next()?, parts.next()?))
        });
    if let Some(pool_id) = &pool_id {
        let mut pool = object(doc, "identityPool");
        pool.insert("IdentityPoolId".into(), json!(pool_id));
        doc.insert("identityPool".into(), Value::Object(pool));
        account.took(
            "identity pool",
            format!("the pool `{pool_id}`"),
            request_span,
        );
    }
    let identity_id = text(event, "/requestParameters/identityId")
        .or_else(|| text(event, "/userIdentity/userName"))
        .map(str::to_owned)
        .or_else(|| {
            principal
                .and_then(|p| p.splitn(3, ':').nth(2))
                .map(str::to_owned)
        });
    let mut sign_in = object(doc, "signIn");
    if let Some(id) = &identity_id {
        sign_in.insert("identityId".into(), json!(id));
        account.took("identity ID", format!("the identity `{id}`"), request_span);
    }
    let logins = event
        .pointer("/requestParameters/logins")
        .and_then(Value::as_object);
    match logins.and_then(|l| l.keys().next()) {
        Some(provider) => {
            sign_in.insert("identity".into(), json!("authenticated"));
            sign_in.insert("provider".into(), json!(provider));
            account.took(
                "provider",
                format!("the login was for `{provider}`"),
                request_span,
            );
        }
        None if name == "GetId" || name == "GetCredentialsForIdentity" => {
            sign_in.insert("identity".into(), json!("unauthenticated"));
            account.took(
                "guest",
                "the call carried no logins: a guest (unauthenticated) identity",
                request_span,
            );
        }
        None => {}
    }
    if let Some(time) = text(event, "/eventTime") {
        sign_in.insert("time".into(), json!(time));
        account.took(
            "time",
            format!("the call was made at `{time}`; a token's `exp` is compared with it"),
            at("eventTime"),
        );
    }
    let role = text(event, "/requestParameters/roleArn")
        .or_else(|| text(event, "/requestParameters/customRoleArn"));
    match name {
        "AssumeRoleWithWebIdentity" => {
            sign_in.insert("flow".into(), json!("basic"));
            let mut basic = Map::new();
            if let Some(role) = role {
                basic.insert("RoleArn".into(), json!(role));
            }
            if let Some(d) = event.pointer("/requestParameters/durationSeconds") {
                basic.insert("DurationSeconds".into(), d.clone());
            }
            sign_in.insert("basic".into(), Value::Object(basic));
            account.took(
                "flow",
                "AssumeRoleWithWebIdentity with a Cognito token: the basic flow",
                at("eventName"),
            );
        }
        "GetOpenIdToken" => {
            sign_in.insert("flow".into(), json!("basic"));
        }
        _ => {
            if let Some(role) = role {
                sign_in.insert("customRoleArn".into(), json!(role));
            }
        }
    }
    doc.insert("signIn".into(), Value::Object(sign_in));
    if let Some(role) = role {
        account.took("role", format!("the role `{role}`"), request_span);
    }
    match (text(event, "/errorCode"), text(event, "/errorMessage")) {
        (Some(code), message) => {
            let mut expect = Map::new();
            expect.insert("error".into(), json!(code));
            if let Some(message) = message {
                expect.insert("message".into(), json!(message));
            }
            doc.insert("expect".into(), Value::Object(expect));
            account.took("error", format!("AWS answered `{code}`{}: the scenario expects it, so the simulation shows whether it reproduces it", message.map(|m| format!(" (`{m}`)")).unwrap_or_default()), at("errorCode"));
        }
        _ => account.took(
            "error",
            "the call succeeded (no errorCode)",
            Some(node.span),
        ),
    }
    if let Some(region) = text(event, "/awsRegion") {
        account.took("region", format!("region `{region}`"), at("awsRegion"));
    }
    let hidden = "CloudTrail does not record it";
    account.left_out("the token", format!("{hidden}: logins values are hidden, so the claims are unknown; paste the ID token to fill them"), request_span);
    account.left_out("the pool's configuration", format!("{hidden}: providers, guest access, basic flow, default roles and role mappings come from `aws cognito-identity describe-identity-pool` and `get-identity-pool-roles`, or from the template"), None);
    account.left_out("the roles' policies", format!("{hidden}: trust and permission policies come from `aws iam get-role` / `get-role-policy`, or from the template"), None);
    account.left_out("requests", format!("{hidden} in this event: what the app did with the credentials is in later events of other services"), None);
    if !doc.contains_key("requests") {
        doc.insert("requests".into(), json!([]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_a_sign_in_call_is_an_error() {
        let out = import_cloudtrail(
            r#"{"Records": [{"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}]}"#,
            None,
        );
        assert_eq!(
            out.diagnostics.first().map(|d| d.code.as_str()),
            Some("import::cloudtrail::no_call")
        );
    }
}
