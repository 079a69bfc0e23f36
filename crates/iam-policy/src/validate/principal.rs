//! Rules on `Principal`/`NotPrincipal` that AWS documents per policy type: `NotPrincipal`
//! only with `Deny`, and a resource control policy's `Principal` is always `"*"`.

use crate::policy::{Effect, PolicyKind, Statement};
use crate::Diagnostic;

/// AWS's wording on the NotPrincipal page (IAM User Guide, "AWS JSON policy elements:
/// NotPrincipal"), quoted in the diagnostic so the user sees the source of the rule.
const NOT_PRINCIPAL_ALLOW: &str =
    "AWS: \"NotPrincipal must be used with \\\"Effect\\\":\\\"Deny\\\". Using it with \\\"Effect\\\":\\\"Allow\\\" is not supported.\"";

pub(super) fn check_principal_rules(st: &Statement, kind: PolicyKind, out: &mut Vec<Diagnostic>) {
    let Some(p) = &st.principal else {
        return;
    };
    let names_principals = matches!(
        kind,
        PolicyKind::Resource
            | PolicyKind::Trust
            | PolicyKind::ResourceControl
            | PolicyKind::VpcEndpoint
    );
    if p.negated && st.effect.value == Effect::Allow && names_principals {
        out.push(
            Diagnostic::error(
                "iam::validate::not_principal_with_allow",
                format!(
                    "statement {} uses `NotPrincipal` with `Allow`, which AWS does not support",
                    st.label()
                ),
                Some(p.key_span),
            )
            .with_help(format!(
                "{NOT_PRINCIPAL_ALLOW} Use `Principal` with a condition on `aws:PrincipalArn` instead"
            )),
        );
    }
    if kind == PolicyKind::ResourceControl && (p.negated || !p.any) {
        out.push(
            Diagnostic::warning(
                "iam::validate::rcp_principal_not_star",
                format!(
                    "a resource control policy supports only `\"Principal\": \"*\"`, not this `{}`",
                    if p.negated { "NotPrincipal" } else { "Principal" }
                ),
                Some(p.key_span),
            )
            .with_help(
                "write \"Principal\": \"*\" and narrow the statement with conditions such as aws:PrincipalOrgID",
            ),
        );
    }
}
