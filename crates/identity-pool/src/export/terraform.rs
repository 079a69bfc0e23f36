//! Terraform (HCL) for the AWS provider: `aws_cognito_identity_pool`, its
//! `_roles_attachment` and `_provider_principal_tag`, `aws_iam_role` with the trust policy,
//! `aws_iam_role_policy` per inline policy, and `aws_iam_policy` + attachment for managed
//! ones. Policies are written with `jsonencode(...)`; `${...}` policy variables are escaped
//! as `$${...}` so Terraform passes them to IAM untouched.

use serde_json::Value;

use super::model::{snake_name, ExportModel};

/// An HCL string literal.
fn string(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An HCL expression for a JSON value.
fn expr(value: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            format!(
                "[{}]",
                items
                    .iter()
                    .map(|i| expr(i, indent))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .map(|i| format!("{pad}{}", expr(i, indent + 2)))
                .collect();
            format!("[\n{},\n{}]", inner.join(",\n"), " ".repeat(indent))
        }
        Value::Object(map) if map.is_empty() => "{}".to_owned(),
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{pad}{} = {}", string(k), expr(v, indent + 2)))
                .collect();
            format!("{{\n{}\n{}}}", inner.join("\n"), " ".repeat(indent))
        }
    }
}

fn attr(out: &mut String, indent: usize, name: &str, value: &str) {
    out.push_str(&format!("{}{name} = {value}\n", " ".repeat(indent)));
}

/// A role's ARN: a reference when the role is exported, else the literal.
fn role_ref(model: &ExportModel, arn: &Value) -> String {
    match arn.as_str().and_then(|a| model.role_by_arn(a)) {
        Some(role) => format!("aws_iam_role.{}.arn", snake_name(&role.name)),
        None => expr(arn, 0),
    }
}

/// The HCL text.
pub fn write(model: &ExportModel) -> String {
    let mut out = format!(
        "# Exported by the Identity Pool Playground from the scenario `{}`.\n\n",
        model.name.replace('\n', " ")
    );
    let p = &model.pool;
    out.push_str("resource \"aws_cognito_identity_pool\" \"pool\" {\n");
    let simple = [
        ("IdentityPoolName", "identity_pool_name"),
        (
            "AllowUnauthenticatedIdentities",
            "allow_unauthenticated_identities",
        ),
        ("AllowClassicFlow", "allow_classic_flow"),
        ("DeveloperProviderName", "developer_provider_name"),
        ("SupportedLoginProviders", "supported_login_providers"),
        ("OpenIdConnectProviderARNs", "openid_connect_provider_arns"),
        ("SamlProviderARNs", "saml_provider_arns"),
    ];
    for (field, name) in simple {
        if let Some(v) = p.get(field) {
            attr(&mut out, 2, name, &expr(v, 2));
        }
    }
    for provider in p
        .get("CognitoIdentityProviders")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.push_str("\n  cognito_identity_providers {\n");
        for (field, name) in [
            ("ProviderName", "provider_name"),
            ("ClientId", "client_id"),
            ("ServerSideTokenCheck", "server_side_token_check"),
        ] {
            if let Some(v) = provider.get(field) {
                attr(&mut out, 4, name, &expr(v, 4));
            }
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n\n");
    let pool_ref = "aws_cognito_identity_pool.pool.id";
    for role in &model.roles {
        let id = snake_name(&role.name);
        out.push_str(&format!("resource \"aws_iam_role\" \"{id}\" {{\n"));
        attr(&mut out, 2, "name", &string(&role.name));
        if role.path != "/" {
            attr(&mut out, 2, "path", &string(&role.path));
        }
        if let Some(d) = &role.max_session_duration {
            attr(&mut out, 2, "max_session_duration", &expr(d, 2));
        }
        if let Some(trust) = &role.trust {
            let mut text = format!("jsonencode({})", expr(trust, 2));
            if let Some(pool_id) = model.pool_id() {
                // The pool's ID is generated: refer to the pool resource instead.
                text = text.replace(&string(pool_id), pool_ref);
            }
            attr(&mut out, 2, "assume_role_policy", &text);
        }
        if role.boundary.is_some() {
            attr(
                &mut out,
                2,
                "permissions_boundary",
                &format!("aws_iam_policy.{id}_boundary.arn"),
            );
        }
        out.push_str("}\n\n");
        if let Some(boundary) = &role.boundary {
            out.push_str(&format!(
                "resource \"aws_iam_policy\" \"{id}_boundary\" {{\n"
            ));
            attr(
                &mut out,
                2,
                "name",
                &string(&format!("{}-boundary", role.name)),
            );
            attr(
                &mut out,
                2,
                "policy",
                &format!("jsonencode({})", expr(boundary, 2)),
            );
            out.push_str("}\n\n");
        }
        for (name, arn, doc) in &role.policies {
            let pid = format!("{id}_{}", snake_name(name));
            match arn {
                Some(arn) if arn.starts_with("arn:aws:iam::aws:") => {
                    out.push_str(&format!(
                        "resource \"aws_iam_role_policy_attachment\" \"{pid}\" {{\n"
                    ));
                    attr(&mut out, 2, "role", &format!("aws_iam_role.{id}.name"));
                    attr(&mut out, 2, "policy_arn", &string(arn));
                }
                Some(_) => {
                    out.push_str(&format!("resource \"aws_iam_policy\" \"{pid}\" {{\n"));
                    attr(&mut out, 2, "name", &string(name));
                    attr(
                        &mut out,
                        2,
                        "policy",
                        &format!("jsonencode({})", expr(doc, 2)),
                    );
                    out.push_str("}\n\n");
                    out.push_str(&format!(
                        "resource \"aws_iam_role_policy_attachment\" \"{pid}\" {{\n"
                    ));
                    attr(&mut out, 2, "role", &format!("aws_iam_role.{id}.name"));
                    attr(
                        &mut out,
                        2,
                        "policy_arn",
                        &format!("aws_iam_policy.{pid}.arn"),
                    );
                }
                None => {
                    out.push_str(&format!("resource \"aws_iam_role_policy\" \"{pid}\" {{\n"));
                    attr(&mut out, 2, "name", &string(name));
                    attr(&mut out, 2, "role", &format!("aws_iam_role.{id}.id"));
                    attr(
                        &mut out,
                        2,
                        "policy",
                        &format!("jsonencode({})", expr(doc, 2)),
                    );
                }
            }
            out.push_str("}\n\n");
        }
    }
    out.push_str("resource \"aws_cognito_identity_pool_roles_attachment\" \"pool\" {\n");
    attr(&mut out, 2, "identity_pool_id", pool_ref);
    let roles: Vec<String> = model
        .default_roles
        .iter()
        .map(|(k, v)| format!("    {k} = {}", role_ref(model, v)))
        .collect();
    out.push_str(&format!("  roles = {{\n{}\n  }}\n", roles.join("\n")));
    for (provider, mapping) in &model.role_mappings {
        out.push_str("\n  role_mapping {\n");
        attr(&mut out, 4, "identity_provider", &string(provider));
        for (field, name) in [
            ("Type", "type"),
            ("AmbiguousRoleResolution", "ambiguous_role_resolution"),
        ] {
            if let Some(v) = mapping.get(field) {
                attr(&mut out, 4, name, &expr(v, 4));
            }
        }
        let rules = mapping
            .pointer("/RulesConfiguration/Rules")
            .and_then(Value::as_array);
        for rule in rules.into_iter().flatten() {
            out.push_str("\n    mapping_rule {\n");
            for (field, name) in [
                ("Claim", "claim"),
                ("MatchType", "match_type"),
                ("Value", "value"),
            ] {
                if let Some(v) = rule.get(field) {
                    attr(&mut out, 6, name, &expr(v, 6));
                }
            }
            if let Some(arn) = rule.get("RoleARN") {
                attr(&mut out, 6, "role_arn", &role_ref(model, arn));
            }
            out.push_str("    }\n");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    for (i, tags) in model.principal_tags.iter().enumerate() {
        out.push_str(&format!(
            "\nresource \"aws_cognito_identity_pool_provider_principal_tag\" \"tags_{}\" {{\n",
            i + 1
        ));
        attr(&mut out, 2, "identity_pool_id", pool_ref);
        for (field, name) in [
            ("IdentityProviderName", "identity_provider_name"),
            ("UseDefaults", "use_defaults"),
            ("PrincipalTags", "principal_tags"),
        ] {
            if let Some(v) = tags.get(field) {
                attr(&mut out, 2, name, &expr(v, 2));
            }
        }
        out.push_str("}\n");
    }
    out
}
