//! Cross-field checks: things each field allows on its own but AWS would refuse together,
//! or that make the scenario say something other than what its author meant.

use super::model::{IdentityType, Scenario};
use super::reader::Reader;
use crate::error::message;

/// Runs every check, marking role mappings AWS would refuse as invalid.
pub fn check_consistency(r: &mut Reader, s: &mut Scenario) {
    check_pool_id(r, s);
    check_role_arns(r, s);
    check_mapping_keys(r, s);
    check_tag_maps(r, s);
    check_sign_in(r, s);
    check_trust_conditions(r, s);
    check_request_keys(r, s);
}

/// Keys the session sets cannot be supplied by a request.
fn check_request_keys(r: &mut Reader, s: &Scenario) {
    for (i, request) in s.requests.iter().enumerate() {
        for (key, _) in request
            .context
            .iter()
            .filter(|(key, _)| crate::session::is_session_key(key))
        {
            r.warning(
                "session_key_in_request",
                format!("`requests[{i}].context` sets `{key}`, which the credentials' session sets; the session's value is used"),
                request.span,
                "change the sign-in (identity, provider, claims, tag maps) to change this key",
            );
        }
    }
}

/// IAM refuses a Cognito trust statement without a `Condition` block (facts §1.2), and STS
/// needs an `aud` condition for cross-account roles: warn, so old templates can still run.
fn check_trust_conditions(r: &mut Reader, s: &Scenario) {
    for role in &s.roles {
        let Some(policy) = role.trust.as_ref().and_then(|t| t.policy.as_ref()) else {
            continue;
        };
        for st in &policy.statements {
            let trusts_cognito = st.principal.as_ref().is_some_and(|p| {
                p.entries.iter().any(|(kind, values)| {
                    kind.value == "Federated"
                        && values
                            .iter()
                            .any(|v| v.value == "cognito-identity.amazonaws.com")
                })
            });
            if !trusts_cognito || st.effect.value != iam_policy::Effect::Allow {
                continue;
            }
            if st.conditions.is_empty() {
                r.warning(
                    "cognito_trust_without_condition",
                    format!("trust statement `{}` of role `{}` trusts Cognito without a `Condition`", st.label(), role.name),
                    st.span,
                    "IAM now refuses to save this: `A condition block must be present for the Cognito provider`; add the `aud` and `amr` conditions",
                );
                continue;
            }
            let has_aud = st.conditions.iter().any(|b| {
                b.entries.iter().any(|e| {
                    e.key
                        .value
                        .eq_ignore_ascii_case("cognito-identity.amazonaws.com:aud")
                })
            });
            if !has_aud {
                r.warning(
                    "cognito_trust_without_aud",
                    format!("trust statement `{}` of role `{}` does not restrict `cognito-identity.amazonaws.com:aud`", st.label(), role.name),
                    st.span,
                    "without it any identity pool can assume the role (and STS refuses cross-account roles without it); add `\"StringEquals\": {\"cognito-identity.amazonaws.com:aud\": \"POOL_ID\"}`",
                );
            }
        }
    }
}

fn check_pool_id(r: &mut Reader, s: &Scenario) {
    if s.pool.id.is_none() {
        r.warning(
            "missing_field",
            format!(
                "`identityPool.IdentityPoolId` is missing; `{}` is used",
                crate::provider::DEFAULT_POOL_ID
            ),
            iam_policy::Span::new(s.span.start, s.span.start),
            "trust policies test the pool ID in `cognito-identity.amazonaws.com:aud`",
        );
    }
}

fn defined(s: &Scenario, arn: &str) -> bool {
    s.roles.iter().any(|role| role.arn.value == arn)
}

fn check_role_arns(r: &mut Reader, s: &Scenario) {
    for (i, role) in s.roles.iter().enumerate() {
        if s.roles
            .iter()
            .take(i)
            .any(|other| other.arn.value == role.arn.value)
        {
            r.error(
                "duplicate_role",
                format!("role `{}` is defined twice in `roles`", role.arn.value),
                role.arn.span,
                "keep one",
            );
        }
    }
    let help = "add the role to `roles` with its trust policy and permissions";
    let roles = &s.pool_roles;
    for mapping in &roles.mappings {
        for (i, rule) in mapping.rules.iter().enumerate() {
            if !defined(s, &rule.role_arn) {
                r.error(
                    "unknown_role",
                    format!("rule {} of the mapping for `{}` names `{}`, which no entry of `roles` defines", i + 1, mapping.provider.value, rule.role_arn),
                    rule.span,
                    help,
                );
            }
        }
    }
    let sign_in = &s.sign_in;
    let basic_arn = sign_in.basic.as_ref().and_then(|b| b.role_arn.as_ref());
    let named = [
        (
            "identityPoolRoles.Roles.authenticated",
            roles.authenticated.as_ref(),
        ),
        (
            "identityPoolRoles.Roles.unauthenticated",
            roles.unauthenticated.as_ref(),
        ),
        ("signIn.customRoleArn", sign_in.custom_role_arn.as_ref()),
        ("signIn.basic.RoleArn", basic_arn),
    ];
    for (path, arn) in named {
        let Some(arn) = arn.filter(|arn| !defined(s, &arn.value)) else {
            continue;
        };
        if !arn.value.starts_with("arn:") {
            // SetIdentityPoolRoles answers a role name with this (facts §3.1, observed).
            r.error(
                "role_name_not_arn",
                format!("`{path}` is `{}`, a role name, not an ARN: AWS answers `Access to Role '{}' is forbidden.`", arn.value, arn.value),
                arn.span,
                "use the role's full ARN, `arn:aws:iam::ACCOUNT:role/NAME`",
            );
            continue;
        }
        r.error(
            "unknown_role",
            format!(
                "`{path}` names `{}`, which no entry of `roles` defines",
                arn.value
            ),
            arn.span,
            help,
        );
    }
}

fn check_mapping_keys(r: &mut Reader, s: &mut Scenario) {
    let pool = &s.pool;
    for mapping in &mut s.pool_roles.mappings {
        if pool.is_mapping_key(&mapping.provider.value) {
            continue;
        }
        mapping.valid = false;
        let key = &mapping.provider.value;
        let hint = if crate::provider::parse_user_pool(key).is_some() {
            "a user pool mapping is keyed `cognito-idp.REGION.amazonaws.com/POOL_ID:APP_CLIENT_ID` with a client ID the pool lists"
        } else if key.starts_with("https://") {
            "drop the `https://`"
        } else {
            "use the name of a provider configured in `identityPool`"
        };
        // AWS's message starts with the key; an empty key would make it start with a space
        // and name nothing, so say what is wrong in words.
        let text = if key.is_empty() {
            "a role-mapping key is empty; it must be the name of a configured provider".to_owned()
        } else {
            message::invalid_mapping_provider(key)
        };
        r.error(
            "invalid_role_mapping_provider",
            text,
            mapping.provider.span,
            &format!("AWS refuses this mapping (InvalidParameterException); the simulation ignores it; {hint}"),
        );
    }
}

fn check_tag_maps(r: &mut Reader, s: &Scenario) {
    for map in &s.principal_tag_maps {
        if s.pool.provider(&map.provider.value).is_none() {
            r.error(
                "unknown_tag_map_provider",
                format!(
                    "`principalTagAttributeMaps` names `{}`, which is not a provider of the pool",
                    map.provider.value
                ),
                map.provider.span,
                "use the provider name exactly as configured in `identityPool`",
            );
        }
    }
}

fn check_sign_in(r: &mut Reader, s: &Scenario) {
    let sign_in = &s.sign_in;
    if let Some(id) = &sign_in.identity_id {
        let region = id.value.split_once(':').map(|(region, _)| region);
        if region != Some(s.pool.region()) {
            r.warning(
                "identity_id_region",
                format!("`signIn.identityId` `{}` is not of the form `{}:GUID` (the pool's region)", id.value, s.pool.region()),
                id.span,
                "identity IDs are `REGION:GUID` in the pool's region; this is also the value of `${cognito-identity.amazonaws.com:sub}`",
            );
        }
    }
    let span = sign_in.claims_span.unwrap_or_default();
    match (sign_in.identity, &sign_in.provider) {
        (IdentityType::Authenticated, None) => r.error(
            "missing_field",
            "`signIn.provider` is required for an authenticated sign-in".to_owned(),
            span,
            "name the Logins key, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf`",
        ),
        (IdentityType::Unauthenticated, Some(p)) => r.warning(
            "ignored_field",
            format!(
                "`signIn.provider` `{}` is ignored for a guest sign-in",
                p.value
            ),
            p.span,
            "set `signIn.identity` to `authenticated` to sign in with it",
        ),
        _ => {}
    }
    if sign_in.identity == IdentityType::Unauthenticated && !sign_in.claims.is_empty() {
        r.warning(
            "ignored_field",
            "`signIn.claims` is ignored for a guest sign-in".to_owned(),
            span,
            "",
        );
    }
}
