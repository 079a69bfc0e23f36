//! Reading the parts of an evaluation case from span-keeping JSON: policies (objects or
//! policy text in a string) and the request with its context.

use std::rc::Rc;

use super::cache::read_cached;
use crate::catalog::Catalog;
use crate::json::{self, JsonMember, JsonNode, JsonValue};
use crate::{
    CompiledPolicy, Context, ContextValue, Diagnostic, Policy, PolicyKind, PolicySource, Request,
    RequestPrincipal, Span, MAX_CONTEXT_VALUES,
};

/// Reads one policy: a JSON object (diagnostics located in the case file), or a JSON string
/// holding the policy text as the IAM API returns it (diagnostics located in that string).
/// In a stream that lends its cache, a policy whose text was read before is not read again.
pub(super) fn read_policy(
    node: &JsonNode,
    name: String,
    kind: PolicyKind,
    text: &str,
    catalog: Option<&Catalog>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Rc<CompiledPolicy>> {
    let read = |node: &JsonNode| {
        // A policy object's diagnostics are located with the rest of the case, in one pass.
        let mut parsed = match node.as_str() {
            Some(inner) => crate::parse_policy(inner, kind),
            None => Policy::from_json(node, kind),
        };
        if let (Some(catalog), Some(policy)) = (catalog, &parsed.policy) {
            parsed
                .diagnostics
                .extend(crate::catalog::check_policy(policy, catalog));
            // A policy given as text is located in that text, like its other diagnostics.
            if let Some(inner) = node.as_str() {
                crate::locate_all(&mut parsed.diagnostics, inner);
            }
        }
        let compiled = parsed.policy.as_ref().map(|p| {
            CompiledPolicy::compile(
                p,
                PolicySource {
                    name: name.clone(),
                    kind,
                },
            )
        });
        (compiled, parsed.diagnostics)
    };
    let (compiled, found) = read_cached(node, &name, kind, text, read);
    diags.extend(found);
    compiled
}

pub(super) fn read_request(node: &JsonNode, diags: &mut Vec<Diagnostic>) -> Option<Request> {
    let Some(members) = node.as_object() else {
        diags.push(Diagnostic::error(
            "iam::case::wrong_type",
            "`request` must be an object",
            Some(node.span),
        ));
        return None;
    };
    diags.extend(json::duplicate_keys(members));
    let mut req = Request {
        action: String::new(),
        resource: "*".into(),
        principal: None,
        account_id: None,
        context: Context::new(),
    };
    let mut has_action = false;
    for m in members {
        match m.key.as_str() {
            "action" => has_action = text_field(m, diags).map(|s| req.action = s).is_some(),
            "resource" => {
                if let Some(s) = text_field(m, diags) {
                    req.resource = s;
                }
            }
            "accountId" => req.account_id = text_field(m, diags),
            "principal" => req.principal = read_principal(m, diags),
            "context" => read_context(&m.value, &mut req.context, diags),
            _ => diags.push(
                Diagnostic::warning(
                    "iam::case::unknown_field",
                    format!("unknown request field `{}` is ignored", m.key),
                    Some(m.key_span),
                )
                .with_help("request fields are action, resource, principal, accountId, context"),
            ),
        }
    }
    if !has_action {
        diags.push(Diagnostic::error(
            "iam::case::missing_action",
            "the request has no `action`",
            Some(Span::new(node.span.start, node.span.start + 1)),
        ));
        return None;
    }
    Some(req)
}

fn text_field(m: &JsonMember, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let s = m.value.as_str().map(str::to_string);
    if s.is_none() {
        diags.push(Diagnostic::error(
            "iam::case::wrong_type",
            format!("`{}` must be a string", m.key),
            Some(m.value.span),
        ));
    }
    s
}

/// A principal: an ARN string (an AWS principal), `{"Federated": "..."}` and the like, or
/// `{"type": "Anonymous"}` for an unsigned request.
fn read_principal(m: &JsonMember, diags: &mut Vec<Diagnostic>) -> Option<RequestPrincipal> {
    if let Some(s) = m.value.as_str() {
        return Some(RequestPrincipal::Aws(s.to_string()));
    }
    if let Some(ty) = m.value.get("type") {
        if ty.as_str() == Some("Anonymous") && m.value.as_object().is_some_and(|o| o.len() == 1) {
            return Some(RequestPrincipal::Anonymous);
        }
        diags.push(
            Diagnostic::error(
                "iam::case::wrong_type",
                "the only principal `type` is `Anonymous`",
                Some(ty.span),
            )
            .with_help(
                "write {\"type\": \"Anonymous\"} for an unsigned request, or the caller's ARN",
            ),
        );
        return None;
    }
    let only = m.value.as_object().and_then(|members| match members {
        [one] => one
            .value
            .as_str()
            .map(|v| (one.key.as_str(), v.to_string())),
        _ => None,
    });
    match only {
        Some(("AWS", v)) => Some(RequestPrincipal::Aws(v)),
        Some(("Federated", v)) => Some(RequestPrincipal::Federated(v)),
        Some(("Service", v)) => Some(RequestPrincipal::Service(v)),
        Some(("CanonicalUser", v)) => Some(RequestPrincipal::CanonicalUser(v)),
        _ => {
            let help = "write an ARN string, {\"Federated\": \"cognito-identity.amazonaws.com\"}, or {\"type\": \"Anonymous\"}";
            diags.push(
                Diagnostic::error(
                    "iam::case::wrong_type",
                    "`principal` must be an ARN or a one-key object",
                    Some(m.value.span),
                )
                .with_help(help),
            );
            None
        }
    }
}

fn scalar_text(node: &JsonNode) -> Option<String> {
    match &node.value {
        JsonValue::String(s) => Some(s.clone()),
        JsonValue::Number(n) => Some(n.clone()),
        JsonValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn read_context(node: &JsonNode, ctx: &mut Context, diags: &mut Vec<Diagnostic>) {
    let Some(members) = node.as_object() else {
        diags.push(Diagnostic::error(
            "iam::case::wrong_type",
            "`context` must be an object",
            Some(node.span),
        ));
        return;
    };
    diags.extend(json::duplicate_keys(members));
    let mut pairs = Vec::with_capacity(members.len());
    for m in members {
        let value = match &m.value.value {
            JsonValue::Array(items) if items.len() > MAX_CONTEXT_VALUES => {
                diags.push(
                    Diagnostic::error(
                        "iam::case::too_many_values",
                        format!(
                            "context key `{}` has {} values; a request carries at most {MAX_CONTEXT_VALUES}",
                            m.key,
                            items.len()
                        ),
                        Some(m.value.span),
                    )
                    .with_help("AWS requests carry small sets (at most 50 tags in `aws:TagKeys`); keep the values the policy tests"),
                );
                continue;
            }
            JsonValue::Array(items) => items
                .iter()
                .map(scalar_text)
                .collect::<Option<Vec<_>>>()
                .map(ContextValue::Multi),
            _ => scalar_text(&m.value).map(ContextValue::Single),
        };
        match value {
            Some(v) => pairs.push((m.key.clone(), v)),
            None => diags.push(Diagnostic::error(
                "iam::case::wrong_type",
                format!(
                    "context key `{}` must be a string, number, boolean or an array of them",
                    m.key
                ),
                Some(m.value.span),
            )),
        }
    }
    ctx.extend(pairs);
}
