//! Reading `identityPool` (`describe-identity-pool`), `identityPoolRoles`
//! (`get-identity-pool-roles`) and `principalTagAttributeMaps`.

use iam_policy::json::JsonNode;

use super::model::{
    AmbiguousRoleResolution, CognitoProvider, IdentityPool, MappingRule, MappingType, MatchType,
    PoolRoles, PrincipalTagMap, RoleMapping, Spanned,
};
use super::reader::{field, Reader};

const POOL_FIELDS: &[&str] = &[
    "IdentityPoolId",
    "IdentityPoolName",
    "AllowUnauthenticatedIdentities",
    "AllowClassicFlow",
    "SupportedLoginProviders",
    "DeveloperProviderName",
    "OpenIdConnectProviderARNs",
    "CognitoIdentityProviders",
    "SamlProviderARNs",
    "IdentityPoolTags",
];

/// Reads `identityPool`.
pub fn read_pool(r: &mut Reader, node: &JsonNode) -> IdentityPool {
    let mut pool = IdentityPool::default();
    let Some(m) = r.object("identityPool", node) else {
        return pool;
    };
    r.check_fields("identityPool", m, POOL_FIELDS);
    let span_of = |key: &str| field(m, key).map_or(node.span, |n| n.span);
    pool.allow_unauthenticated_span = span_of("AllowUnauthenticatedIdentities");
    pool.allow_classic_flow_span = span_of("AllowClassicFlow");
    pool.id = field(m, "IdentityPoolId").and_then(|n| r.string("identityPool.IdentityPoolId", n));
    if let Some(id) = &pool.id {
        if !valid_pool_id(&id.value) {
            r.warning(
                "invalid_pool_id",
                format!(
                    "`identityPool.IdentityPoolId` `{}` is not of the form REGION:GUID",
                    id.value
                ),
                id.span,
                "AWS pool IDs look like `us-east-1:12345678-abcd-abcd-abcd-123456790ab`",
            );
        }
    }
    pool.name = field(m, "IdentityPoolName")
        .and_then(|n| r.string("identityPool.IdentityPoolName", n))
        .map(|s| s.value);
    pool.allow_unauthenticated = field(m, "AllowUnauthenticatedIdentities")
        .and_then(|n| r.boolean("identityPool.AllowUnauthenticatedIdentities", n))
        .unwrap_or(false);
    pool.allow_classic_flow =
        field(m, "AllowClassicFlow").and_then(|n| r.boolean("identityPool.AllowClassicFlow", n));
    if let Some(n) = field(m, "SupportedLoginProviders") {
        if let Some(members) = r.object("identityPool.SupportedLoginProviders", n) {
            for member in members {
                let path = format!("identityPool.SupportedLoginProviders.{}", member.key);
                if let Some(ids) = r.string(&path, &member.value) {
                    pool.supported_login_providers
                        .push((Spanned::new(member.key.clone(), member.key_span), ids));
                }
            }
        }
    }
    pool.developer_provider_name = r.optional_string(
        "identityPool.DeveloperProviderName",
        field(m, "DeveloperProviderName"),
    );
    if let Some(n) = field(m, "OpenIdConnectProviderARNs") {
        pool.oidc_provider_arns = r.string_list("identityPool.OpenIdConnectProviderARNs", n);
    }
    if let Some(n) = field(m, "SamlProviderARNs") {
        pool.saml_provider_arns = r.string_list("identityPool.SamlProviderARNs", n);
    }
    if let Some(n) = field(m, "CognitoIdentityProviders") {
        for (i, item) in r
            .array("identityPool.CognitoIdentityProviders", n)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            if let Some(p) = read_cognito_provider(
                r,
                &format!("identityPool.CognitoIdentityProviders[{i}]"),
                item,
            ) {
                pool.cognito_providers.push(p);
            }
        }
    }
    pool
}

fn read_cognito_provider(r: &mut Reader, path: &str, node: &JsonNode) -> Option<CognitoProvider> {
    let m = r.object(path, node)?;
    r.check_fields(
        path,
        m,
        &["ProviderName", "ClientId", "ServerSideTokenCheck"],
    );
    let name = required_string(r, path, m, "ProviderName", node)?;
    if crate::provider::parse_user_pool(&name.value).is_none() {
        r.error(
            "invalid_provider_name",
            format!("`{path}.ProviderName` `{}` is not of the form `cognito-idp.REGION.amazonaws.com/POOL_ID`", name.value),
            name.span,
            "no `https://` and no trailing slash",
        );
    }
    let client_id = required_string(r, path, m, "ClientId", node)?;
    let server_side_token_check = field(m, "ServerSideTokenCheck")
        .and_then(|n| r.boolean(&format!("{path}.ServerSideTokenCheck"), n))
        .unwrap_or(false);
    Some(CognitoProvider {
        provider_name: name,
        client_id,
        server_side_token_check,
    })
}

/// A required string member; a missing one is an error at the enclosing object.
pub fn required_string(
    r: &mut Reader,
    path: &str,
    m: &[iam_policy::json::JsonMember],
    key: &str,
    parent: &JsonNode,
) -> Option<Spanned<String>> {
    match field(m, key) {
        Some(n) => r.string(&format!("{path}.{key}"), n),
        None => {
            r.error(
                "missing_field",
                format!("`{path}` has no `{key}`"),
                parent.span,
                "",
            );
            None
        }
    }
}

fn valid_pool_id(id: &str) -> bool {
    match id.split_once(':') {
        Some((region, guid)) => {
            !region.is_empty()
                && region
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !guid.is_empty()
                && guid.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
                && id.len() <= 55
        }
        None => false,
    }
}

/// Reads `identityPoolRoles`.
pub fn read_pool_roles(r: &mut Reader, node: &JsonNode) -> PoolRoles {
    let mut roles = PoolRoles::default();
    let Some(m) = r.object("identityPoolRoles", node) else {
        return roles;
    };
    r.check_fields(
        "identityPoolRoles",
        m,
        &["IdentityPoolId", "Roles", "RoleMappings"],
    );
    if let Some(n) = field(m, "Roles") {
        if let Some(rm) = r.object("identityPoolRoles.Roles", n) {
            r.check_fields(
                "identityPoolRoles.Roles",
                rm,
                &["authenticated", "unauthenticated"],
            );
            roles.authenticated = r.optional_string(
                "identityPoolRoles.Roles.authenticated",
                field(rm, "authenticated"),
            );
            roles.unauthenticated = r.optional_string(
                "identityPoolRoles.Roles.unauthenticated",
                field(rm, "unauthenticated"),
            );
        }
    }
    if let Some(n) = field(m, "RoleMappings") {
        if let Some(members) = r.object("identityPoolRoles.RoleMappings", n) {
            let members = r.limit(
                "identityPoolRoles.RoleMappings",
                members,
                MAX_MAPPINGS,
                |mm| mm.key_span,
            );
            for member in members {
                let key = Spanned::new(member.key.clone(), member.key_span);
                if let Some(mapping) = read_mapping(r, key, &member.value) {
                    roles.mappings.push(mapping);
                }
            }
        }
    }
    roles
}

/// At most 10 providers can have role mappings (facts §3.2).
pub const MAX_MAPPINGS: usize = 10;

fn read_mapping(r: &mut Reader, key: Spanned<String>, node: &JsonNode) -> Option<RoleMapping> {
    let path = format!("identityPoolRoles.RoleMappings.{}", key.value);
    let m = r.object(&path, node)?;
    r.check_fields(
        &path,
        m,
        &["Type", "AmbiguousRoleResolution", "RulesConfiguration"],
    );
    let kind = match required_string(r, &path, m, "Type", node)? {
        s if s.value == "Token" => MappingType::Token,
        s if s.value == "Rules" => MappingType::Rules,
        s => {
            r.error(
                "invalid_value",
                format!(
                    "`{path}.Type` is `{}`; it must be `Token` or `Rules`",
                    s.value
                ),
                s.span,
                "",
            );
            return None;
        }
    };
    let ambiguous = match field(m, "AmbiguousRoleResolution")
        .and_then(|n| r.string(&format!("{path}.AmbiguousRoleResolution"), n))
    {
        Some(s) if s.value == "AuthenticatedRole" => AmbiguousRoleResolution::AuthenticatedRole,
        Some(s) if s.value == "Deny" => AmbiguousRoleResolution::Deny,
        Some(s) => {
            r.error(
                "invalid_value",
                format!("`{path}.AmbiguousRoleResolution` is `{}`; it must be `AuthenticatedRole` or `Deny`", s.value),
                s.span,
                "",
            );
            AmbiguousRoleResolution::AuthenticatedRole
        }
        None => {
            r.error(
                "missing_field",
                format!("`{path}` has no `AmbiguousRoleResolution`"),
                node.span,
                "AWS requires it for Token and Rules mappings; the simulation assumes `AuthenticatedRole`",
            );
            AmbiguousRoleResolution::AuthenticatedRole
        }
    };
    let rules = match (kind, field(m, "RulesConfiguration")) {
        (MappingType::Rules, Some(n)) => read_rules(r, &format!("{path}.RulesConfiguration"), n),
        (MappingType::Rules, None) => {
            r.error(
                "missing_field",
                format!("`{path}` is of type Rules but has no `RulesConfiguration`"),
                node.span,
                "",
            );
            Vec::new()
        }
        (MappingType::Token, _) => Vec::new(),
    };
    Some(RoleMapping {
        provider: key,
        kind,
        ambiguous,
        rules,
        valid: true,
    })
}

fn read_rules(r: &mut Reader, path: &str, node: &JsonNode) -> Vec<MappingRule> {
    let Some(m) = r.object(path, node) else {
        return Vec::new();
    };
    r.check_fields(path, m, &["Rules"]);
    let Some(list) = field(m, "Rules").and_then(|n| r.array(&format!("{path}.Rules"), n)) else {
        return Vec::new();
    };
    if let Some(extra) = list.get(crate::role_selection::MAX_RULES) {
        r.error(
            "too_many_rules",
            format!("`{path}.Rules` has {} rules; AWS allows at most 25 per provider", list.len()),
            extra.span,
            "this limit is not adjustable; AWS would refuse the role mappings, the simulation evaluates the first 25",
        );
    }
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| read_rule(r, &format!("{path}.Rules[{i}]"), item))
        .collect()
}

fn read_rule(r: &mut Reader, path: &str, node: &JsonNode) -> Option<MappingRule> {
    let m = r.object(path, node)?;
    r.check_fields(path, m, &["Claim", "MatchType", "Value", "RoleARN"]);
    let claim = required_string(r, path, m, "Claim", node);
    let match_type = required_string(r, path, m, "MatchType", node);
    let value = required_string(r, path, m, "Value", node);
    let role_arn = required_string(r, path, m, "RoleARN", node);
    let match_type = match_type.and_then(|s| match s.value.as_str() {
        "Equals" => Some(MatchType::Equals),
        "Contains" => Some(MatchType::Contains),
        "StartsWith" => Some(MatchType::StartsWith),
        "NotEqual" => Some(MatchType::NotEqual),
        other => {
            r.error(
                "invalid_value",
                format!("`{path}.MatchType` is `{other}`; it must be `Equals`, `Contains`, `StartsWith` or `NotEqual`"),
                s.span,
                if other == "NotEquals" { "the AWS spelling is `NotEqual`" } else { "" },
            );
            None
        }
    });
    for (what, item, max) in [("Claim", &claim, 64), ("Value", &value, 128)] {
        if let Some(item) = item {
            let len = item.value.chars().count();
            if len == 0 || len > max {
                r.error(
                    "invalid_value",
                    format!("`{path}.{what}` has {len} characters; AWS requires 1 to {max}"),
                    item.span,
                    "",
                );
            }
        }
    }
    Some(MappingRule {
        claim: claim?.value,
        match_type: match_type?,
        value: value?.value,
        role_arn: role_arn?.value,
        span: node.span,
    })
}

/// Reads `principalTagAttributeMaps`.
pub fn read_tag_maps(r: &mut Reader, node: &JsonNode) -> Vec<PrincipalTagMap> {
    let Some(items) = r.array("principalTagAttributeMaps", node) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("principalTagAttributeMaps[{i}]");
        let Some(m) = r.object(&path, item) else {
            continue;
        };
        r.check_fields(
            &path,
            m,
            &[
                "IdentityPoolId",
                "IdentityProviderName",
                "UseDefaults",
                "PrincipalTags",
            ],
        );
        let Some(provider) = required_string(r, &path, m, "IdentityProviderName", item) else {
            continue;
        };
        let use_defaults = field(m, "UseDefaults")
            .and_then(|n| r.boolean(&format!("{path}.UseDefaults"), n))
            .unwrap_or(false);
        let mut tags = Vec::new();
        if let Some(n) = field(m, "PrincipalTags") {
            if let Some(members) = r.object(&format!("{path}.PrincipalTags"), n) {
                let members = r.limit(&format!("{path}.PrincipalTags"), members, 50, |mm| {
                    mm.key_span
                });
                for member in members {
                    if let Some(claim) = r.string(
                        &format!("{path}.PrincipalTags.{}", member.key),
                        &member.value,
                    ) {
                        tags.push((member.key.clone(), claim.value));
                    }
                }
            }
        }
        out.push(PrincipalTagMap {
            provider,
            use_defaults,
            tags,
        });
    }
    out
}
