//! Reading `terraform show -json` (plan or state): resources of the AWS provider that make up
//! an identity pool and its roles.

use iam_policy::json::{self, JsonNode, JsonValue};
use iam_policy::Span;
use serde_json::{json, Map, Value};

use crate::import::parts::{
    document, iam_arn, keep_pool_roles, Deployment, ImportOptions, Parts, RolePart,
};
use crate::import::report::{Account, ImportFormat, Imported};
use crate::import::{plain, to_value};

/// One resource of the plan or state (or of HCL source, evaluated).
#[derive(Debug, Default)]
pub(super) struct Resource {
    /// `aws_iam_role.auth`, `data.aws_iam_policy_document.read`.
    pub address: String,
    /// `aws_iam_role`.
    pub kind: String,
    /// `managed` or `data`.
    pub mode: String,
    /// Its attributes (nested blocks as lists of objects).
    pub values: Map<String, Value>,
    /// Attributes known only after apply (`resource_changes[].change.after_unknown`).
    pub unknown: Vec<String>,
    /// `configuration` references per attribute, e.g. `identity_pool_id` →
    /// `aws_cognito_identity_pool.main.id` (bare resource addresses dropped).
    pub references: Vec<(String, Vec<String>)>,
    /// Unknown keys of map attributes (`roles.authenticated`).
    pub unknown_keys: Vec<(String, Vec<String>)>,
    /// Where it is written.
    pub span: Span,
}

/// Resource types read for the identity pool and its roles.
const TAKEN: &[&str] = &[
    "aws_cognito_identity_pool",
    "aws_cognito_identity_pool_roles_attachment",
    "aws_cognito_identity_pool_provider_principal_tag",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_iam_policy",
    "aws_iam_role_policy_attachment",
    "aws_iam_policy_attachment",
];

/// Resources read only for the names and IDs the pool takes from them.
const NAME_SOURCES: &[&str] = &[
    "aws_cognito_user_pool",
    "aws_cognito_user_pool_client",
    "aws_iam_openid_connect_provider",
    "aws_iam_saml_provider",
];

/// Imports `terraform show -json` text.
pub fn import_terraform_json(
    text: &str,
    base: Option<&Value>,
    options: &ImportOptions,
) -> Imported {
    let mut account = Account::default();
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(d) => {
            return account.finish(
                ImportFormat::TerraformPlan,
                base.cloned().unwrap_or(Value::Null),
                vec![d],
                text,
            )
        }
    };
    let deployment = options.deployment(base);
    let mut resources = Vec::new();
    let module = root
        .get("values")
        .or_else(|| root.get("planned_values"))
        .and_then(|v| v.get("root_module"));
    if let Some(module) = module {
        collect(module, &mut resources);
    }
    annotate(&root, &mut resources);
    let parts = resource_parts(&resources, deployment, "the plan", &mut account);
    let scenario = parts.into_scenario(base, "Imported from Terraform", &mut account);
    account.finish(ImportFormat::TerraformPlan, scenario, Vec::new(), text)
}

/// Resources of a module and its child modules, in order.
fn collect(module: &JsonNode, out: &mut Vec<Resource>) {
    if let Some(JsonValue::Array(items)) = module.get("resources").map(|n| &n.value) {
        for item in items {
            let text = |k: &str| {
                item.get(k)
                    .and_then(JsonNode::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let values = match item.get("values").map(to_value) {
                Some(Value::Object(m)) => m,
                _ => Map::new(),
            };
            out.push(Resource {
                address: text("address"),
                kind: text("type"),
                mode: text("mode"),
                values,
                unknown: Vec::new(),
                references: Vec::new(),
                unknown_keys: Vec::new(),
                span: item.span,
            });
        }
    }
    if let Some(JsonValue::Array(children)) = module.get("child_modules").map(|n| &n.value) {
        for child in children {
            collect(child, out);
        }
    }
}

/// Adds what `resource_changes` and `configuration` say about unknown values.
fn annotate(root: &JsonNode, resources: &mut [Resource]) {
    if let Some(JsonValue::Array(changes)) = root.get("resource_changes").map(|n| &n.value) {
        for change in changes {
            let address = change
                .get("address")
                .and_then(JsonNode::as_str)
                .unwrap_or_default();
            let Some(resource) = resources.iter_mut().find(|r| r.address == address) else {
                continue;
            };
            if let Some(unknown) = change
                .get("change")
                .and_then(|c| c.get("after_unknown"))
                .and_then(JsonNode::as_object)
            {
                resource.unknown = unknown
                    .iter()
                    .filter(|m| m.value.value == JsonValue::Bool(true))
                    .map(|m| m.key.clone())
                    .collect();
                for m in unknown {
                    if let Some(keys) = m.value.as_object() {
                        let mut keys: Vec<String> = keys
                            .iter()
                            .filter(|k| k.value.value == JsonValue::Bool(true))
                            .map(|k| k.key.clone())
                            .collect();
                        keys.sort();
                        resource.unknown_keys.push((m.key.clone(), keys));
                    }
                }
            }
        }
    }
    let configured = root
        .get("configuration")
        .and_then(|c| c.get("root_module"))
        .and_then(|m| m.get("resources"));
    if let Some(JsonValue::Array(items)) = configured.map(|n| &n.value) {
        for item in items {
            let address = item
                .get("address")
                .and_then(JsonNode::as_str)
                .unwrap_or_default();
            let Some(resource) = resources.iter_mut().find(|r| r.address == address) else {
                continue;
            };
            let Some(expressions) = item.get("expressions").and_then(JsonNode::as_object) else {
                continue;
            };
            for member in expressions {
                if let Some(JsonValue::Array(refs)) =
                    member.value.get("references").map(|n| &n.value)
                {
                    // Terraform lists `aws_iam_role.auth.arn` and then `aws_iam_role.auth`.
                    let refs: Vec<&str> = refs.iter().filter_map(JsonNode::as_str).collect();
                    let attributes: Vec<String> = refs
                        .iter()
                        .filter(|r| !refs.iter().any(|other| other.starts_with(&format!("{r}."))))
                        .map(|r| (*r).to_owned())
                        .collect();
                    resource.references.push((member.key.clone(), attributes));
                }
            }
        }
    }
}

/// The pool's pieces among Terraform resources. `source` names where values come from in
/// messages (`the plan`, `the configuration`).
pub(super) fn resource_parts(
    resources: &[Resource],
    deployment: Deployment,
    source: &'static str,
    account: &mut Account,
) -> Parts {
    Importer {
        resources,
        deployment,
        source,
    }
    .parts(account)
}

/// The identity pool's ID, which AWS generates: the deployment's, listed as assumed.
pub(super) fn assumed_pool_id(
    deployment: &Deployment,
    address: &str,
    span: Span,
    account: &mut Account,
) -> String {
    account.assumed(
        address,
        format!(
            "the pool's ID is known only after apply; it is taken as `{}`",
            deployment.identity_pool_id
        ),
        Some(span),
    );
    deployment.identity_pool_id.clone()
}

/// The name Terraform generates for a resource without `name`: its `name_prefix` (or
/// `terraform-`) and a unique suffix, taken here as the resource's name in the code.
pub(super) fn generated_name(
    prefix: Option<&str>,
    address: &str,
    span: Span,
    account: &mut Account,
) -> String {
    let name = format!(
        "{}{}",
        prefix.unwrap_or("terraform-"),
        address.rsplit('.').next().unwrap_or_default()
    );
    account.assumed(
        address,
        format!("the name is generated at apply; it is taken as `{name}`"),
        Some(span),
    );
    name
}

/// An IAM ARN built from a name, with the deployment's account (listed as assumed).
pub(super) fn built_iam_arn(
    deployment: &Deployment,
    kind: &str,
    path: &str,
    name: &str,
    account: &mut Account,
) -> String {
    let id = &deployment.account_id;
    account.assumed(
        "account",
        format!("ARNs are known only after apply; they are built with account `{id}`"),
        None,
    );
    iam_arn(id, kind, path, name)
}

struct Importer<'a> {
    resources: &'a [Resource],
    deployment: Deployment,
    source: &'static str,
}

impl Importer<'_> {
    fn by_address(&self, address: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.address == address)
    }

    /// The pool's ID: from the state, else the deployment's.
    fn pool_id(&self, pool: &Resource, account: &mut Account) -> String {
        if let Some(id) = pool.values.get("id").and_then(Value::as_str) {
            return id.to_owned();
        }
        assumed_pool_id(&self.deployment, &pool.address, pool.span, account)
    }

    fn role_name(&self, role: &Resource, account: &mut Account) -> String {
        if let Some(name) = role.values.get("name").and_then(Value::as_str) {
            return name.to_owned();
        }
        let prefix = role.values.get("name_prefix").and_then(Value::as_str);
        generated_name(prefix, &role.address, role.span, account)
    }

    fn built_arn(&self, r: &Resource, kind: &str, name: &str, account: &mut Account) -> String {
        let path = r.values.get("path").and_then(Value::as_str).unwrap_or("/");
        built_iam_arn(&self.deployment, kind, path, name, account)
    }

    fn role_arn(&self, role: &Resource, account: &mut Account) -> String {
        if let Some(arn) = role.values.get("arn").and_then(Value::as_str) {
            return arn.to_owned();
        }
        let name = self.role_name(role, account);
        self.built_arn(role, "role", &name, account)
    }

    fn policy_arn(&self, policy: &Resource, account: &mut Account) -> String {
        if let Some(arn) = policy.values.get("arn").and_then(Value::as_str) {
            return arn.to_owned();
        }
        let name = policy.values.get("name").map(plain).unwrap_or_default();
        self.built_arn(policy, "policy", &name, account)
    }

    /// An attribute's value: known, rebuilt from the reference it is configured with, or a
    /// listed placeholder.
    fn attribute(&self, resource: &Resource, name: &str, account: &mut Account) -> Value {
        if let Some(v) = resource.values.get(name) {
            return v.clone();
        }
        // Only a value that is exactly one reference can be rebuilt; a policy built with
        // jsonencode(...) around a reference cannot.
        let reference = resource
            .references
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, refs)| match refs.as_slice() {
                [one] if !name.contains("policy") || name == "policy_arn" => Some(one.as_str()),
                _ => None,
            });
        if let Some(value) = reference.and_then(|r| self.reference(r, account)) {
            return Value::String(value);
        }
        let text = format!("UNRESOLVED({}.{name})", resource.address);
        let why = if resource.unknown.iter().any(|u| u == name) {
            "is known only after apply".to_owned()
        } else {
            format!("is not in {}", self.source)
        };
        account.placeholder(
            &text,
            format!(
                "`{}.{name}` {why}; the scenario holds `{text}` instead",
                resource.address
            ),
            Some(resource.span),
        );
        Value::String(text)
    }

    /// The value of a reference such as `aws_iam_role.auth.arn`, when the import knows it.
    fn reference(&self, reference: &str, account: &mut Account) -> Option<String> {
        let (address, attr) = reference.rsplit_once('.')?;
        let target = self.by_address(address)?;
        match (target.kind.as_str(), attr) {
            ("aws_cognito_identity_pool", "id") => Some(self.pool_id(target, account)),
            ("aws_iam_role", "arn") => Some(self.role_arn(target, account)),
            ("aws_iam_role", "name" | "id") => Some(self.role_name(target, account)),
            ("aws_iam_policy", "arn" | "id") => Some(self.policy_arn(target, account)),
            _ => target
                .values
                .get(attr)
                .and_then(Value::as_str)
                .map(str::to_owned),
        }
    }

    fn parts(&self, account: &mut Account) -> Parts {
        let mut parts = Parts::default();
        let mut pool_id = None;
        for r in self.resources {
            let subject = r.address.clone();
            if r.mode == "data" {
                account.took(
                    &subject,
                    "read through the resources that use it",
                    Some(r.span),
                );
                continue;
            }
            if NAME_SOURCES.contains(&r.kind.as_str()) {
                account.took(
                    &subject,
                    "read for the names and IDs the pool takes from it",
                    Some(r.span),
                );
                continue;
            }
            if !TAKEN.contains(&r.kind.as_str()) {
                account.left_out(
                    &subject,
                    "not part of the identity pool or its roles",
                    Some(r.span),
                );
                continue;
            }
            match r.kind.as_str() {
                "aws_cognito_identity_pool" if parts.pool.is_none() => {
                    let id = self.pool_id(r, account);
                    parts.pool = Some(self.pool(r, &id, account));
                    pool_id = Some(id);
                    account.took(&subject, "the identity pool's settings", Some(r.span));
                }
                "aws_cognito_identity_pool" => account.left_out(
                    &subject,
                    "a second identity pool; a scenario simulates one (the first)",
                    Some(r.span),
                ),
                "aws_iam_role" => {
                    let role = self.role(r, account);
                    parts.roles.push(role);
                }
                _ => {}
            }
        }
        for r in self.resources.iter().filter(|r| r.mode != "data") {
            let subject = r.address.clone();
            match r.kind.as_str() {
                "aws_cognito_identity_pool_roles_attachment" => {
                    let target = self.attribute(r, "identity_pool_id", account);
                    if pool_id.as_deref() != target.as_str() {
                        account.left_out(
                            &subject,
                            format!(
                                "it attaches roles to `{}`, not to the imported pool",
                                plain(&target)
                            ),
                            Some(r.span),
                        );
                        continue;
                    }
                    self.attachment(r, &mut parts, account);
                    account.took(
                        &subject,
                        "the default roles and role mappings",
                        Some(r.span),
                    );
                }
                "aws_cognito_identity_pool_provider_principal_tag" => {
                    let mut entry = Map::new();
                    entry.insert(
                        "IdentityProviderName".into(),
                        self.attribute(r, "identity_provider_name", account),
                    );
                    entry.insert(
                        "UseDefaults".into(),
                        r.values.get("use_defaults").cloned().unwrap_or(json!(true)),
                    );
                    entry.insert(
                        "PrincipalTags".into(),
                        r.values.get("principal_tags").cloned().unwrap_or(json!({})),
                    );
                    parts.principal_tags.push(Value::Object(entry));
                    account.took(
                        &subject,
                        "attributes for access control (principal tags)",
                        Some(r.span),
                    );
                }
                "aws_iam_role_policy" => {
                    let role = plain(&self.attribute(r, "role", account));
                    let name = r
                        .values
                        .get("name")
                        .map(plain)
                        .unwrap_or_else(|| r.address.clone());
                    let doc = document(self.attribute(r, "policy", account));
                    self.attach(
                        &mut parts,
                        &[role],
                        json!({"PolicyName": name, "PolicyDocument": doc}),
                        &subject,
                        r.span,
                        account,
                    );
                }
                "aws_iam_role_policy_attachment" | "aws_iam_policy_attachment" => {
                    let roles: Vec<String> = match r.values.get("roles") {
                        Some(Value::Array(list)) => list.iter().map(plain).collect(),
                        _ => vec![plain(&self.attribute(r, "role", account))],
                    };
                    let arn = plain(&self.attribute(r, "policy_arn", account));
                    match self.managed(&arn, account) {
                        Some((name, doc)) => self.attach(&mut parts, &roles, json!({"PolicyName": name, "PolicyArn": arn, "PolicyDocument": doc}), &subject, r.span, account),
                        None => account.left_out(&subject, format!("the document of `{arn}` is not in {}, so its permissions are not simulated; add it to the role by hand (`aws iam get-policy-version`)", self.source), Some(r.span)),
                    }
                }
                "aws_iam_policy" => {
                    account.took(&subject, "read where an attachment uses it", Some(r.span))
                }
                _ => {}
            }
        }
        keep_pool_roles(&mut parts, account);
        if parts.pool.is_none() {
            account.left_out(
                "aws_cognito_identity_pool",
                format!(
                    "{} defines no identity pool; the scenario has an empty one",
                    self.source
                ),
                None,
            );
        }
        parts
    }

    fn pool(&self, r: &Resource, id: &str, account: &mut Account) -> Map<String, Value> {
        let v = &r.values;
        let mut pool = Map::new();
        pool.insert("IdentityPoolId".into(), json!(id));
        if let Some(name) = v.get("identity_pool_name") {
            pool.insert("IdentityPoolName".into(), name.clone());
        }
        pool.insert(
            "AllowUnauthenticatedIdentities".into(),
            v.get("allow_unauthenticated_identities")
                .cloned()
                .unwrap_or(json!(false)),
        );
        if let Some(classic) = v.get("allow_classic_flow") {
            pool.insert("AllowClassicFlow".into(), classic.clone());
        }
        pool.insert(
            "SupportedLoginProviders".into(),
            v.get("supported_login_providers")
                .cloned()
                .filter(|p| !p.is_null())
                .unwrap_or(json!({})),
        );
        let providers: Vec<Value> = match v.get("cognito_identity_providers") {
            Some(Value::Array(list)) => list
                .iter()
                .map(|p| json!({
                    "ProviderName": p.get("provider_name").cloned().unwrap_or(Value::Null),
                    "ClientId": p.get("client_id").cloned().unwrap_or(Value::Null),
                    "ServerSideTokenCheck": p.get("server_side_token_check").cloned().unwrap_or(json!(false)),
                }))
                .collect(),
            _ => Vec::new(),
        };
        if providers
            .iter()
            .any(|p| p["ProviderName"].is_null() || p["ClientId"].is_null())
        {
            account.placeholder(&format!("{}.cognito_identity_providers", r.address), "a user pool provider's name or client ID is known only after apply; set it in the scenario", Some(r.span));
        }
        pool.insert("CognitoIdentityProviders".into(), Value::Array(providers));
        pool.insert(
            "OpenIdConnectProviderARNs".into(),
            v.get("openid_connect_provider_arns")
                .cloned()
                .filter(|p| !p.is_null())
                .unwrap_or(json!([])),
        );
        pool.insert(
            "SamlProviderARNs".into(),
            v.get("saml_provider_arns")
                .cloned()
                .filter(|p| !p.is_null())
                .unwrap_or(json!([])),
        );
        if let Some(Value::String(dev)) = v
            .get("developer_provider_name")
            .filter(|d| d.as_str() != Some(""))
        {
            pool.insert("DeveloperProviderName".into(), json!(dev));
        }
        pool
    }

    fn attachment(&self, r: &Resource, parts: &mut Parts, account: &mut Account) {
        if let Some(Value::Object(roles)) = r.values.get("roles") {
            parts.default_roles.extend(roles.clone());
        }
        self.unknown_roles(r, parts, account);
        let Some(Value::Array(mappings)) = r.values.get("role_mapping") else {
            return;
        };
        for m in mappings {
            let key = match m.get("identity_provider") {
                Some(Value::String(s)) => s.clone(),
                _ => {
                    let text = format!("UNRESOLVED({}.role_mapping.identity_provider)", r.address);
                    account.placeholder(
                        &text,
                        "the role mapping's provider is known only after apply",
                        Some(r.span),
                    );
                    text
                }
            };
            let rules: Vec<Value> = match m.get("mapping_rule") {
                Some(Value::Array(rules)) => rules
                    .iter()
                    .map(|rule| {
                        json!({
                            "Claim": rule.get("claim").cloned().unwrap_or(Value::Null),
                            "MatchType": rule.get("match_type").cloned().unwrap_or(Value::Null),
                            "Value": rule.get("value").cloned().unwrap_or(Value::Null),
                            "RoleARN": rule.get("role_arn").cloned().unwrap_or(Value::Null),
                        })
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let mut entry = Map::new();
            entry.insert(
                "Type".into(),
                m.get("type").cloned().unwrap_or(json!("Token")),
            );
            if let Some(a) = m.get("ambiguous_role_resolution") {
                entry.insert("AmbiguousRoleResolution".into(), a.clone());
            }
            if !rules.is_empty() {
                entry.insert("RulesConfiguration".into(), json!({"Rules": rules}));
            }
            parts.role_mappings.insert(key, Value::Object(entry));
        }
    }

    /// Roles known only after apply: the map's unknown keys (in key order) are paired with
    /// the role ARNs the configuration references (in written order).
    fn unknown_roles(&self, r: &Resource, parts: &mut Parts, account: &mut Account) {
        let Some((_, keys)) = r.unknown_keys.iter().find(|(k, _)| k == "roles") else {
            return;
        };
        let refs: Vec<&String> = r
            .references
            .iter()
            .find(|(k, _)| k == "roles")
            .map(|(_, refs)| refs.iter().filter(|x| x.ends_with(".arn")).collect())
            .unwrap_or_default();
        for (i, key) in keys.iter().enumerate() {
            let value = match refs.get(i).filter(|_| refs.len() == keys.len()) {
                Some(reference) => {
                    account.assumed(&format!("{}.roles.{key}", r.address), format!("known only after apply; taken as `{reference}`, pairing the map's keys with the references in the order written"), Some(r.span));
                    self.reference(reference, account).unwrap_or_default()
                }
                None => {
                    let text = format!("UNRESOLVED({}.roles.{key})", r.address);
                    account.placeholder(&text, "the role is known only after apply", Some(r.span));
                    text
                }
            };
            parts
                .default_roles
                .insert(key.clone(), Value::String(value));
        }
    }

    fn role(&self, r: &Resource, account: &mut Account) -> RolePart {
        let mut role = RolePart {
            id: r.address.clone(),
            label: r.address.clone(),
            name: self.role_name(r, account),
            arn: self.role_arn(r, account),
            trust: Some(document(self.attribute(r, "assume_role_policy", account))),
            policies: Vec::new(),
            boundary: None,
            max_session_duration: r.values.get("max_session_duration").cloned(),
            span: r.span,
        };
        if let Some(Value::Array(inline)) = r.values.get("inline_policy") {
            for p in inline {
                let Some(policy) = p.get("policy") else {
                    continue;
                };
                role.policies.push(json!({"PolicyName": p.get("name").cloned().unwrap_or(Value::Null), "PolicyDocument": document(policy.clone())}));
            }
        }
        if let Some(Value::Array(arns)) = r.values.get("managed_policy_arns") {
            for arn in arns.iter().map(plain) {
                match self.managed(&arn, account) {
                    Some((name, doc)) => role.policies.push(json!({"PolicyName": name, "PolicyArn": arn, "PolicyDocument": doc})),
                    None => account.left_out(&format!("{} managed_policy_arns {arn}", r.address), format!("the policy's document is not in {}, so its permissions are not simulated", self.source), Some(r.span)),
                }
            }
        }
        if let Some(Value::String(arn)) = r
            .values
            .get("permissions_boundary")
            .filter(|b| b.as_str() != Some(""))
        {
            match self.managed(arn, account) {
                Some((_, doc)) => role.boundary = Some(doc),
                None => account.left_out(
                    &format!("{} permissions_boundary", r.address),
                    format!(
                        "the boundary's document is not in {}; the role is simulated without it",
                        self.source
                    ),
                    Some(r.span),
                ),
            }
        }
        role
    }

    /// The name and document of the plan's `aws_iam_policy` with this ARN (or address).
    fn managed(&self, arn: &str, account: &mut Account) -> Option<(String, Value)> {
        let policy = self.resources.iter().find(|r| {
            r.kind == "aws_iam_policy"
                && (r.address == arn || self.policy_arn(r, &mut Account::default()) == arn)
        })?;
        let name = policy
            .values
            .get("name")
            .map(plain)
            .unwrap_or_else(|| policy.address.clone());
        Some((name, document(self.attribute(policy, "policy", account))))
    }

    fn attach(
        &self,
        parts: &mut Parts,
        roles: &[String],
        policy: Value,
        subject: &str,
        span: Span,
        account: &mut Account,
    ) {
        let mut attached = Vec::new();
        for role in roles {
            if let Some(part) = parts.role_mut(role) {
                part.policies.push(policy.clone());
                attached.push(format!("`{}`", part.name));
            }
        }
        if attached.is_empty() {
            account.left_out(
                subject,
                format!("it is attached to no role of {}", self.source),
                Some(span),
            );
        } else {
            account.took(
                subject,
                format!("attached to {}", attached.join(", ")),
                Some(span),
            );
        }
    }
}
