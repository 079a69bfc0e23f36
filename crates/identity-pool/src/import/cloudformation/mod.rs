//! CloudFormation and SAM templates (JSON or YAML, and so `cdk synth` output) to a scenario:
//! the identity pool, its role attachment and principal tags, the IAM roles it uses with
//! their inline and template-defined managed policies. Everything else in the template is
//! listed as left out, with its place.

mod names;
mod resolve;

use iam_policy::json::{self, JsonNode};
use serde_json::{json, Map, Value};

use super::parts::{document, keep_pool_roles, ImportOptions, Parts, RolePart};
use super::plain;
use super::report::{Account, ImportFormat, Imported};
use super::yaml::parse_yaml;
use resolve::Template;

/// The identity pool's properties that `describe-identity-pool` prints under the same name.
const POOL_FIELDS: &[&str] = &[
    "IdentityPoolName",
    "AllowUnauthenticatedIdentities",
    "AllowClassicFlow",
    "SupportedLoginProviders",
    "CognitoIdentityProviders",
    "OpenIdConnectProviderARNs",
    "SamlProviderARNs",
    "DeveloperProviderName",
];

/// Resources read only for the names and IDs other resources take from them.
const NAME_SOURCES: &[&str] = &[
    "AWS::Cognito::UserPool",
    "AWS::Cognito::UserPoolClient",
    "AWS::IAM::OIDCProvider",
    "AWS::IAM::SAMLProvider",
];

/// Parses a template's text, JSON or YAML.
pub fn parse_template(text: &str) -> Result<JsonNode, iam_policy::Diagnostic> {
    if text.trim_start().starts_with('{') {
        json::parse(text)
    } else {
        parse_yaml(text)
    }
}

/// Imports a template. `base` is the scenario to import into (its sign-in and requests are
/// kept); `options` fix what only the deployment knows.
pub fn import_cloudformation(
    text: &str,
    base: Option<&Value>,
    options: &ImportOptions,
) -> Imported {
    let mut account = Account::default();
    let root = match parse_template(text) {
        Ok(root) => root,
        Err(d) => {
            return account.finish(
                ImportFormat::CloudFormation,
                base.cloned().unwrap_or(Value::Null),
                vec![d],
                text,
            );
        }
    };
    if root
        .get("Resources")
        .and_then(JsonNode::as_object)
        .is_none()
    {
        let d = iam_policy::Diagnostic::error(
            "import::cloudformation::not_a_template",
            "the text is not a CloudFormation template, a Terraform plan or a CloudTrail event: it has no `Resources` mapping",
            Some(root.span),
        )
        .with_help("paste a template (with `Resources`), the output of `terraform show -json`, or a CloudTrail record");
        return account.finish(
            ImportFormat::CloudFormation,
            base.cloned().unwrap_or(Value::Null),
            vec![d],
            text,
        );
    }
    let template = Template::new(&root, options.deployment(base));
    let mut parts = Parts::default();
    let mut policies: Vec<(&str, &JsonNode)> = Vec::new();
    // Each role's own account joins the import's only if the role is kept.
    let mut role_accounts: Vec<(String, Account)> = Vec::new();
    for (logical, resource) in &template.resources {
        let kind = resource
            .get("Type")
            .and_then(JsonNode::as_str)
            .unwrap_or_default();
        let subject = format!("{kind} {logical}");
        if let Some(condition) = resource.get("Condition").and_then(JsonNode::as_str) {
            if !template.condition(condition, resource.span, &mut account, 0) {
                account.left_out(
                    &subject,
                    format!("its condition `{condition}` is false"),
                    Some(resource.span),
                );
                continue;
            }
        }
        match kind {
            "AWS::Cognito::IdentityPool" if parts.pool.is_none() => {
                parts.pool = Some(read_pool(&template, logical, resource, &mut account));
                account.took(
                    &subject,
                    "the identity pool's settings",
                    Some(resource.span),
                );
            }
            "AWS::Cognito::IdentityPool" => account.left_out(
                &subject,
                "a second identity pool; a scenario simulates one (the first)",
                Some(resource.span),
            ),
            "AWS::Cognito::IdentityPoolRoleAttachment" => {
                read_attachment(&template, &subject, resource, &mut parts, &mut account)
            }
            "AWS::Cognito::IdentityPoolPrincipalTag" => {
                if let Some(map) = props(&template, resource, &mut account) {
                    let mut entry = Map::new();
                    for key in ["IdentityProviderName", "UseDefaults", "PrincipalTags"] {
                        if let Some(v) = map.get(key) {
                            entry.insert(key.to_owned(), v.clone());
                        }
                    }
                    parts.principal_tags.push(Value::Object(entry));
                    account.took(
                        &subject,
                        "attributes for access control (principal tags)",
                        Some(resource.span),
                    );
                }
            }
            "AWS::IAM::Role" => {
                let mut own = Account::default();
                if let Some(role) = read_role(&template, logical, resource, &mut own) {
                    parts.roles.push(role);
                }
                role_accounts.push(((*logical).to_owned(), own));
            }
            "AWS::IAM::Policy" | "AWS::IAM::ManagedPolicy" => policies.push((logical, resource)),
            k if NAME_SOURCES.contains(&k) => account.took(
                &subject,
                "used for the names and IDs the pool refers to",
                Some(resource.span),
            ),
            "AWS::CDK::Metadata" => {
                account.left_out(&subject, "CDK's own metadata", Some(resource.span))
            }
            _ => account.left_out(
                &subject,
                "not part of the identity pool or its roles",
                Some(resource.span),
            ),
        }
    }
    attach_policies(&template, &policies, &mut parts, &mut account);
    keep_pool_roles(&mut parts, &mut account);
    for (logical, own) in role_accounts {
        if parts.roles.iter().any(|r| r.id == logical) {
            account.merge(own);
        }
    }
    if parts.pool.is_none() {
        account.left_out(
            "AWS::Cognito::IdentityPool",
            "the template defines no identity pool; the scenario has an empty one",
            None,
        );
    }
    let scenario = parts.into_scenario(
        base,
        "Imported from a CloudFormation template",
        &mut account,
    );
    account.finish(ImportFormat::CloudFormation, scenario, Vec::new(), text)
}

/// A resource's resolved `Properties`.
fn props(
    t: &Template<'_>,
    resource: &JsonNode,
    account: &mut Account,
) -> Option<Map<String, Value>> {
    match t.resolve(resource.get("Properties")?, account)? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

fn read_pool(
    t: &Template<'_>,
    logical: &str,
    resource: &JsonNode,
    account: &mut Account,
) -> Map<String, Value> {
    let mut pool = Map::new();
    pool.insert(
        "IdentityPoolId".into(),
        json!(t.deployment.identity_pool_id),
    );
    account.assumed(
        logical,
        format!(
            "AWS generates the identity pool's ID at creation; it is taken as `{}`",
            t.deployment.identity_pool_id
        ),
        Some(resource.span),
    );
    let properties = resource
        .get("Properties")
        .and_then(JsonNode::as_object)
        .unwrap_or_default();
    for member in properties {
        let Some(value) = t.resolve(&member.value, account) else {
            continue;
        };
        if POOL_FIELDS.contains(&member.key.as_str()) {
            pool.insert(member.key.clone(), value);
        } else {
            account.left_out(
                &format!("{logical}.{}", member.key),
                "does not change how credentials are issued",
                Some(member.key_span),
            );
        }
    }
    if !pool.contains_key("AllowUnauthenticatedIdentities") {
        pool.insert("AllowUnauthenticatedIdentities".into(), json!(false));
    }
    pool
}

fn read_attachment(
    t: &Template<'_>,
    subject: &str,
    resource: &JsonNode,
    parts: &mut Parts,
    account: &mut Account,
) {
    let Some(map) = props(t, resource, account) else {
        account.left_out(subject, "it has no properties", Some(resource.span));
        return;
    };
    let pool_id = map.get("IdentityPoolId").map(plain).unwrap_or_default();
    if pool_id != t.deployment.identity_pool_id {
        account.left_out(
            subject,
            format!("it attaches roles to `{pool_id}`, not to the imported pool"),
            Some(resource.span),
        );
        return;
    }
    if let Some(Value::Object(roles)) = map.get("Roles") {
        parts.default_roles.extend(roles.clone());
    }
    if let Some(Value::Object(mappings)) = map.get("RoleMappings") {
        for (name, mapping) in mappings {
            let Value::Object(mapping) = mapping else {
                continue;
            };
            let key = mapping
                .get("IdentityProvider")
                .map(plain)
                .unwrap_or_else(|| name.clone());
            let mut entry = mapping.clone();
            entry.shift_remove("IdentityProvider");
            parts.role_mappings.insert(key, Value::Object(entry));
        }
    }
    account.took(
        subject,
        "the default roles and role mappings",
        Some(resource.span),
    );
}

fn read_role(
    t: &Template<'_>,
    logical: &str,
    resource: &JsonNode,
    account: &mut Account,
) -> Option<RolePart> {
    let span = resource.span;
    let mut scratch = Account::default();
    let name = names::physical_id(t, logical, span, account);
    let arn = names::attribute(t, logical, "Arn", span, &mut scratch).unwrap_or_default();
    let map = props(t, resource, account).unwrap_or_default();
    let mut role = RolePart {
        id: logical.to_owned(),
        label: format!("AWS::IAM::Role {logical}"),
        name,
        arn,
        trust: map.get("AssumeRolePolicyDocument").cloned().map(document),
        policies: Vec::new(),
        boundary: None,
        max_session_duration: map.get("MaxSessionDuration").cloned(),
        span,
    };
    if let Some(Value::Array(inline)) = map.get("Policies") {
        for p in inline {
            let name = p.get("PolicyName").map(plain).unwrap_or_default();
            let doc = p
                .get("PolicyDocument")
                .cloned()
                .map(document)
                .unwrap_or(Value::Null);
            role.policies
                .push(json!({"PolicyName": name, "PolicyDocument": doc}));
        }
    }
    let managed = match map.get("ManagedPolicyArns") {
        Some(Value::Array(arns)) => arns.iter().map(plain).collect(),
        _ => Vec::new(),
    };
    for arn in managed {
        match managed_document(t, &arn, account) {
            Some((name, doc)) => role.policies.push(json!({"PolicyName": name, "PolicyArn": arn, "PolicyDocument": doc})),
            None => account.left_out(&format!("{logical} ManagedPolicyArns {arn}"), "the policy's document is not in the template, so its permissions are not simulated; add it to the scenario's role by hand (`aws iam get-policy-version`)", resource.get("Properties").and_then(|p| p.get("ManagedPolicyArns")).map(|n| n.span)),
        }
    }
    if let Some(arn) = map.get("PermissionsBoundary").map(plain) {
        match managed_document(t, &arn, account) {
            Some((_, doc)) => role.boundary = Some(doc),
            None => account.left_out(&format!("{logical} PermissionsBoundary {arn}"), "the boundary's document is not in the template; the role is simulated without a boundary", resource.get("Properties").and_then(|p| p.get("PermissionsBoundary")).map(|n| n.span)),
        }
    }
    Some(role)
}

/// The name and document of the template's managed policy with this ARN.
fn managed_document(t: &Template<'_>, arn: &str, account: &mut Account) -> Option<(String, Value)> {
    t.resources.iter().find_map(|(logical, node)| {
        if node.get("Type").and_then(JsonNode::as_str) != Some("AWS::IAM::ManagedPolicy") {
            return None;
        }
        let mut scratch = Account::default();
        if names::physical_id(t, logical, node.span, &mut scratch) != arn {
            return None;
        }
        let doc = node.get("Properties")?.get("PolicyDocument")?;
        let name = arn.rsplit('/').next().unwrap_or(logical).to_owned();
        Some((name, document(t.resolve(doc, account)?)))
    })
}

/// `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources attach to roles by name.
fn attach_policies(
    t: &Template<'_>,
    policies: &[(&str, &JsonNode)],
    parts: &mut Parts,
    account: &mut Account,
) {
    for (logical, resource) in policies {
        let kind = resource
            .get("Type")
            .and_then(JsonNode::as_str)
            .unwrap_or_default();
        let subject = format!("{kind} {logical}");
        let map = props(t, resource, account).unwrap_or_default();
        let roles: Vec<String> = match map.get("Roles") {
            Some(Value::Array(r)) => r.iter().map(plain).collect(),
            _ => Vec::new(),
        };
        let name = match kind {
            "AWS::IAM::ManagedPolicy" => {
                names::physical_id(t, logical, resource.span, &mut Account::default())
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            }
            _ => map
                .get("PolicyName")
                .map(plain)
                .unwrap_or_else(|| (*logical).to_owned()),
        };
        let doc = map
            .get("PolicyDocument")
            .cloned()
            .map(document)
            .unwrap_or(Value::Null);
        let mut attached = Vec::new();
        for role in &roles {
            if let Some(part) = parts.role_mut(role) {
                part.policies
                    .push(json!({"PolicyName": name, "PolicyDocument": doc}));
                attached.push(format!("`{}`", part.name));
            }
        }
        if attached.is_empty() {
            if kind == "AWS::IAM::ManagedPolicy" {
                // Attached through a role's ManagedPolicyArns, or to users and groups.
                account.took(
                    &subject,
                    "read where a role lists it in ManagedPolicyArns or PermissionsBoundary",
                    Some(resource.span),
                );
            } else {
                account.left_out(&subject, "it is attached to no role of the template (users and groups are not simulated)", Some(resource.span));
            }
        } else {
            account.took(
                &subject,
                format!("attached to {}", attached.join(", ")),
                Some(resource.span),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_that_is_no_template_is_refused_not_imported_empty() {
        let options = crate::import::ImportOptions::default();
        for text in [
            "{\"Hello\": \"world\"}",
            "not json at all",
            "Hello: world\n",
        ] {
            let out = crate::import::import_text(text, None, &options);
            assert_eq!(
                out.diagnostics.first().map(|d| d.code.as_str()),
                Some("import::cloudformation::not_a_template"),
                "{text}"
            );
        }
    }
}
