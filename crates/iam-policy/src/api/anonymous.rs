//! The request context of an anonymous (unsigned) request, as AWS builds it: `aws:PrincipalType`
//! is `Anonymous` and `aws:userid` is `anonymous` (IAM User Guide, "IAM policy elements:
//! Variables and tags", the `aws:userid` table), and the keys AWS includes only "for all signed
//! requests" are absent (IAM User Guide, "AWS global condition context keys").

use crate::json::JsonNode;
use crate::{ContextValue, Diagnostic, Request, RequestPrincipal};

/// Keys that only a signed request carries.
const SIGNED_ONLY: &[&str] = &[
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalIsAWSService",
    "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList",
    "aws:username",
    "aws:SourceIdentity",
    "aws:FederatedProvider",
    "aws:TokenIssueTime",
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
];

fn signed_only(key: &str) -> bool {
    SIGNED_ONLY.iter().any(|k| k.eq_ignore_ascii_case(key))
        || key
            .get(..17)
            .is_some_and(|p| p.eq_ignore_ascii_case("aws:PrincipalTag/"))
}

/// Fills in the keys AWS sets for an anonymous request and drops (with a warning) the keys it
/// never sends; warns when the case gives policies only an identity has. Does nothing for a
/// signed request.
pub(super) fn prepare(
    case: &JsonNode,
    req: &mut Request,
    has_identity_layers: bool,
    diags: &mut Vec<Diagnostic>,
) {
    if req.principal != Some(RequestPrincipal::Anonymous) {
        return;
    }
    let request = case.get("request");
    if has_identity_layers {
        let span = request.and_then(|r| r.get("principal")).map(|p| p.span);
        diags.push(
            Diagnostic::warning(
                "iam::case::anonymous_with_identity_policies",
                "an anonymous request has no identity: its identity, session and boundary policies are ignored",
                span,
            )
            .with_help("only a resource-based policy that grants to `*` can allow an anonymous request"),
        );
    }
    let context = request.and_then(|r| r.get("context"));
    for m in context.and_then(JsonNode::as_object).unwrap_or_default() {
        if signed_only(&m.key) {
            req.context.remove(&m.key);
            diags.push(
                Diagnostic::warning(
                    "iam::case::key_not_in_anonymous_request",
                    format!("`{}` is never in an anonymous request's context, so it is ignored", m.key),
                    Some(m.key_span),
                )
                .with_help("AWS includes this key only in signed requests; conditions on it see it missing"),
            );
        }
    }
    for (key, value) in [
        ("aws:PrincipalType", "Anonymous"),
        ("aws:userid", "anonymous"),
    ] {
        if req.context.get(key).is_none() {
            req.context
                .insert(key, ContextValue::Single(value.to_string()));
        }
    }
}
