//! Reading `signIn`, `requests` and `expect`.

use iam_policy::json::{JsonNode, JsonValue};
use iam_policy::{ContextValue, Decision, PolicyKind};

use super::model::{
    BasicRequest, ClaimValue, Expectation, Flow, IdentityType, ScenarioRequest, SignIn, Spanned,
};
use super::policy_doc::read_policy;
use super::pool::required_string;
use super::reader::{field, Reader};
use super::time::read_time;

/// Most requests a scenario may list.
pub const MAX_REQUESTS: usize = 200;
/// Most claims a token may carry here.
pub const MAX_CLAIMS: usize = 200;

/// Reads `signIn`.
pub fn read_sign_in(r: &mut Reader, node: &JsonNode, source: &str) -> SignIn {
    let mut s = SignIn::default();
    let Some(m) = r.object("signIn", node) else {
        return s;
    };
    r.check_fields(
        "signIn",
        m,
        &[
            "identity",
            "provider",
            "claims",
            "identityId",
            "flow",
            "customRoleArn",
            "basic",
            "time",
        ],
    );
    if let Some(v) = field(m, "identity").and_then(|n| r.string("signIn.identity", n)) {
        s.identity = match v.value.as_str() {
            "unauthenticated" | "guest" => IdentityType::Unauthenticated,
            "authenticated" => IdentityType::Authenticated,
            other => {
                r.error(
                    "invalid_value",
                    format!("`signIn.identity` is `{other}`; it must be `unauthenticated` or `authenticated`"),
                    v.span,
                    "",
                );
                IdentityType::Unauthenticated
            }
        };
    }
    s.provider = r.optional_string("signIn.provider", field(m, "provider"));
    if let Some(n) = field(m, "claims") {
        s.claims_span = Some(n.span);
        s.claims_unreadable = n.as_object().is_none();
        s.claims = read_claims(r, n);
    }
    s.identity_id = r.optional_string("signIn.identityId", field(m, "identityId"));
    if let Some(v) = field(m, "flow").and_then(|n| r.string("signIn.flow", n)) {
        s.flow = match v.value.as_str() {
            "enhanced" => Flow::Enhanced,
            "basic" | "classic" => Flow::Basic,
            other => {
                r.error(
                    "invalid_value",
                    format!("`signIn.flow` is `{other}`; it must be `enhanced` or `basic`"),
                    v.span,
                    "",
                );
                Flow::Enhanced
            }
        };
    }
    s.custom_role_arn = r.optional_string("signIn.customRoleArn", field(m, "customRoleArn"));
    s.time = field(m, "time").and_then(|n| read_time(r, n));
    s.basic = field(m, "basic")
        .filter(|n| n.value != JsonValue::Null)
        .and_then(|n| read_basic(r, n, source));
    s
}

fn read_claims(r: &mut Reader, node: &JsonNode) -> Vec<(String, ClaimValue)> {
    let Some(members) = r.object("signIn.claims", node) else {
        return Vec::new();
    };
    let members = r.limit("signIn.claims", members, MAX_CLAIMS, |m| m.key_span);
    let mut out = Vec::new();
    for member in members {
        let path = format!("signIn.claims.{}", member.key);
        if member.key == "exp"
            && !matches!(member.value.value, JsonValue::Number(_) | JsonValue::Null)
        {
            // A JWT's `exp` is a NumericDate; a quoted one would never be compared as a time.
            r.error(
                "wrong_type",
                format!(
                    "`{path}` must be a number (epoch seconds), found {}",
                    member.value.type_name()
                ),
                member.value.span,
                "write the expiry without quotes, e.g. `\"exp\": 1667235770`",
            );
            continue;
        }
        let value = match &member.value.value {
            JsonValue::String(s) => Some(ClaimValue::Text(s.clone())),
            JsonValue::Number(n) => Some(ClaimValue::Text(n.clone())),
            JsonValue::Bool(b) => Some(ClaimValue::Text(b.to_string())),
            JsonValue::Array(_) => Some(ClaimValue::List(
                r.string_list(&path, &member.value)
                    .into_iter()
                    .map(|s| s.value)
                    .collect(),
            )),
            JsonValue::Null => None,
            JsonValue::Object(_) => {
                r.warning(
                    "unsupported_claim",
                    format!(
                        "claim `{}` is an object; rules compare strings, so it is ignored",
                        member.key
                    ),
                    member.value.span,
                    "",
                );
                None
            }
        };
        if let Some(value) = value {
            out.push((member.key.clone(), value));
        }
    }
    out
}

fn read_basic(r: &mut Reader, node: &JsonNode, source: &str) -> Option<BasicRequest> {
    let m = r.object("signIn.basic", node)?;
    r.check_fields(
        "signIn.basic",
        m,
        &[
            "RoleArn",
            "RoleSessionName",
            "Policy",
            "PolicyArns",
            "DurationSeconds",
            "WebIdentityToken",
            "ProviderId",
        ],
    );
    let mut b = BasicRequest {
        role_arn: r.optional_string("signIn.basic.RoleArn", field(m, "RoleArn")),
        role_session_name: r
            .optional_string("signIn.basic.RoleSessionName", field(m, "RoleSessionName")),
        ..BasicRequest::default()
    };
    if let Some(n) = field(m, "Policy").filter(|n| n.value != JsonValue::Null) {
        b.policy = Some(read_policy(
            r,
            "signIn.basic.Policy",
            n,
            PolicyKind::Session,
            "session/Policy".to_owned(),
            source,
        ));
    }
    if let Some(n) = field(m, "PolicyArns") {
        // STS takes `PolicyArns` as [{"arn": ...}]; accept that and plain strings.
        if let Some(items) = r.array("signIn.basic.PolicyArns", n) {
            for (i, item) in items.iter().enumerate() {
                let path = format!("signIn.basic.PolicyArns[{i}]");
                let arn = match item.as_object() {
                    Some(obj) => required_string(r, &path, obj, "arn", item),
                    None => r.string(&path, item),
                };
                b.policy_arns.extend(arn);
            }
        }
    }
    if let Some(n) = field(m, "DurationSeconds") {
        b.duration_seconds = r
            .integer("signIn.basic.DurationSeconds", n)
            .map(|v| Spanned::new(v, n.span));
    }
    Some(b)
}

/// Reads `requests`.
pub fn read_requests(r: &mut Reader, node: &JsonNode) -> Vec<ScenarioRequest> {
    let Some(items) = r.array("requests", node) else {
        return Vec::new();
    };
    let items = r.limit("requests", items, MAX_REQUESTS, |n| n.span);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_request(r, &format!("requests[{i}]"), item))
        .collect()
}

pub(crate) fn read_request(r: &mut Reader, path: &str, node: &JsonNode) -> Option<ScenarioRequest> {
    let m = r.object(path, node)?;
    r.check_fields(
        path,
        m,
        &[
            "action",
            "resource",
            "context",
            "expect",
            "accountId",
            "name",
            "description",
        ],
    );
    let action = required_string(r, path, m, "action", node)?;
    let resource = field(m, "resource")
        .and_then(|n| r.string(&format!("{path}.resource"), n))
        .map(|s| s.value)
        .unwrap_or_else(|| "*".to_owned());
    let mut context = Vec::new();
    if let Some(members) = field(m, "context").and_then(|n| r.object(&format!("{path}.context"), n))
    {
        for member in members {
            let key_path = format!("{path}.context.{}", member.key);
            let value = match &member.value.value {
                JsonValue::String(s) => Some(ContextValue::Single(s.clone())),
                JsonValue::Number(n) => Some(ContextValue::Single(n.clone())),
                JsonValue::Bool(b) => Some(ContextValue::Single(b.to_string())),
                JsonValue::Array(items) => {
                    // The engine's bound on values per key (see `MAX_CONTEXT_VALUES`).
                    let items =
                        r.limit(&key_path, items, iam_policy::MAX_CONTEXT_VALUES, |n| n.span);
                    Some(ContextValue::Multi(
                        items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, n)| r.string(&format!("{key_path}[{i}]"), n))
                            .map(|s| s.value)
                            .collect(),
                    ))
                }
                _ => {
                    r.error(
                        "wrong_type",
                        format!("`{key_path}` must be a string or an array of strings"),
                        member.value.span,
                        "",
                    );
                    None
                }
            };
            if let Some(value) = value {
                context.push((member.key.clone(), value));
            }
        }
    }
    let expect = field(m, "expect").and_then(|n| read_decision(r, &format!("{path}.expect"), n));
    let account_id = field(m, "accountId")
        .and_then(|n| r.string(&format!("{path}.accountId"), n))
        .map(|s| s.value);
    Some(ScenarioRequest {
        action: action.value,
        resource,
        context,
        account_id,
        expect,
        span: node.span,
    })
}

fn read_decision(r: &mut Reader, path: &str, node: &JsonNode) -> Option<Decision> {
    let s = r.string(path, node)?;
    match s.value.as_str() {
        "Allowed" => Some(Decision::Allowed),
        "ExplicitDeny" => Some(Decision::ExplicitDeny),
        "ImplicitDeny" => Some(Decision::ImplicitDeny),
        other => {
            r.error(
                "invalid_value",
                format!(
                    "`{path}` is `{other}`; it must be `Allowed`, `ExplicitDeny` or `ImplicitDeny`"
                ),
                s.span,
                "",
            );
            None
        }
    }
}

/// Reads `expect`.
pub fn read_expect(r: &mut Reader, node: &JsonNode) -> Expectation {
    let mut e = Expectation::default();
    let Some(m) = r.object("expect", node) else {
        return e;
    };
    r.check_fields(
        "expect",
        m,
        &[
            "credentials",
            "error",
            "message",
            "step",
            "role",
            "diagnostics",
        ],
    );
    e.credentials = r.optional_string("expect.credentials", field(m, "credentials"));
    if let Some(c) = &e.credentials {
        if c.value != "issued" {
            r.error(
                "invalid_value",
                format!(
                    "`expect.credentials` is `{}`; the only value is `issued`",
                    c.value
                ),
                c.span,
                "",
            );
        }
    }
    e.error = r.optional_string("expect.error", field(m, "error"));
    e.message = r.optional_string("expect.message", field(m, "message"));
    e.step = r.optional_string("expect.step", field(m, "step"));
    e.role = r.optional_string("expect.role", field(m, "role"));
    if let Some(n) = field(m, "diagnostics") {
        e.diagnostics = r.string_list("expect.diagnostics", n);
    }
    if e.credentials.is_some() && e.error.is_some() {
        r.error(
            "inconsistent_expect",
            "`expect` names both `credentials` and `error`".to_owned(),
            node.span,
            "keep one",
        );
    }
    e
}
