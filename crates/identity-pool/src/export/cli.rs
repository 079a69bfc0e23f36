//! The AWS CLI commands that apply the scenario's roles and role attachment to an existing
//! pool and existing roles: `aws iam update-assume-role-policy`, `put-role-policy`,
//! `create-policy-version` / `attach-role-policy`, `aws cognito-identity
//! set-identity-pool-roles` and `set-principal-tag-attribute-map`. Arguments are quoted for
//! a POSIX shell.

use serde_json::{json, Value};

use super::model::ExportModel;

/// `'text'` with embedded single quotes closed, escaped and reopened.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

fn compact(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The commands, one per line group.
pub fn write(model: &ExportModel, notes: &mut Vec<String>) -> String {
    let mut out = format!(
        "# Exported by the Identity Pool Playground from the scenario `{}`.\n# The pool and the roles must exist; these commands update them.\n",
        model.name.replace('\n', " ")
    );
    for role in &model.roles {
        let name = quote(&role.name);
        out.push_str(&format!("\n# Role {}\n", role.name));
        if let Some(trust) = &role.trust {
            out.push_str(&format!(
                "aws iam update-assume-role-policy --role-name {name} --policy-document {}\n",
                quote(&compact(trust))
            ));
        }
        for (policy, arn, doc) in &role.policies {
            match arn {
                Some(arn) if arn.starts_with("arn:aws:iam::aws:") => out.push_str(&format!(
                    "aws iam attach-role-policy --role-name {name} --policy-arn {}\n",
                    quote(arn)
                )),
                Some(arn) => {
                    out.push_str(&format!(
                        "aws iam create-policy-version --policy-arn {} --set-as-default --policy-document {}\n",
                        quote(arn),
                        quote(&compact(doc))
                    ));
                    out.push_str(&format!(
                        "aws iam attach-role-policy --role-name {name} --policy-arn {}\n",
                        quote(arn)
                    ));
                }
                None => out.push_str(&format!(
                    "aws iam put-role-policy --role-name {name} --policy-name {} --policy-document {}\n",
                    quote(policy),
                    quote(&compact(doc))
                )),
            }
        }
        if role.boundary.is_some() {
            notes.push(format!(
                "role `{}` has a permissions boundary: create it as a managed policy and run `aws iam put-role-permissions-boundary`; the CLI export does not know its ARN",
                role.name
            ));
        }
    }
    let pool_id = model.pool_id().unwrap_or("REGION:POOL-ID");
    out.push_str("\n# The pool's roles and role mappings\n");
    let mut command = format!(
        "aws cognito-identity set-identity-pool-roles --identity-pool-id {} --roles {}",
        quote(pool_id),
        quote(&compact(&Value::Object(model.default_roles.clone())))
    );
    if !model.role_mappings.is_empty() {
        command.push_str(&format!(
            " --role-mappings {}",
            quote(&compact(&Value::Object(model.role_mappings.clone())))
        ));
    }
    out.push_str(&command);
    out.push('\n');
    for tags in &model.principal_tags {
        let provider = tags
            .get("IdentityProviderName")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let use_defaults = tags
            .get("UseDefaults")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let principal_tags = tags.get("PrincipalTags").cloned().unwrap_or(json!({}));
        out.push_str(&format!(
            "aws cognito-identity set-principal-tag-attribute-map --identity-pool-id {} --identity-provider-name {} {} --principal-tags {}\n",
            quote(pool_id),
            quote(provider),
            if use_defaults { "--use-defaults" } else { "--no-use-defaults" },
            quote(&compact(&principal_tags))
        ));
    }
    out
}
