//! The CloudFormation YAML snippet: the pool, its role attachment and principal tags, and
//! the roles with their trust and permission policies. The pool's ID, which AWS generates,
//! is written as `!Ref IdentityPool` wherever the trust policies name it; the roles the pool
//! hands out as `!GetAtt <Role>.Arn`.

use serde_json::{json, Map, Value};

use super::model::{code_name, ExportModel};
use super::yaml;

const POOL: &str = "IdentityPool";

/// Replaces every string equal to `from` with `to`, recursively.
fn replace(value: &Value, from: &str, to: &Value) -> Value {
    match value {
        Value::String(s) if s == from => to.clone(),
        Value::Array(items) => Value::Array(items.iter().map(|i| replace(i, from, to)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), replace(v, from, to)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn role_ref(model: &ExportModel, arn: &Value) -> Value {
    match arn.as_str().and_then(|a| model.role_by_arn(a)) {
        Some(role) => json!({"Fn::GetAtt": format!("{}.Arn", role.id)}),
        None => arn.clone(),
    }
}

/// The template text.
pub fn write(model: &ExportModel) -> String {
    let mut resources = Map::new();
    let mut pool = model.pool.clone();
    pool.shift_remove("IdentityPoolId");
    resources.insert(
        POOL.into(),
        json!({"Type": "AWS::Cognito::IdentityPool", "Properties": pool}),
    );
    let mut attachment = Map::new();
    attachment.insert("IdentityPoolId".into(), json!({"Ref": POOL}));
    let roles: Map<String, Value> = model
        .default_roles
        .iter()
        .map(|(k, v)| (k.clone(), role_ref(model, v)))
        .collect();
    attachment.insert("Roles".into(), Value::Object(roles));
    if !model.role_mappings.is_empty() {
        let mut mappings = Map::new();
        for (i, (provider, mapping)) in model.role_mappings.iter().enumerate() {
            let mut entry = Map::new();
            entry.insert("IdentityProvider".into(), json!(provider));
            if let Value::Object(m) = mapping {
                for (k, v) in m {
                    entry.insert(k.clone(), v.clone());
                }
            }
            if let Some(Value::Array(rules)) = entry
                .get_mut("RulesConfiguration")
                .and_then(|r| r.get_mut("Rules"))
            {
                for rule in rules.iter_mut() {
                    if let Some(arn) = rule.get("RoleARN").cloned() {
                        rule["RoleARN"] = role_ref(model, &arn);
                    }
                }
            }
            mappings.insert(format!("Mapping{}", i + 1), Value::Object(entry));
        }
        attachment.insert("RoleMappings".into(), Value::Object(mappings));
    }
    resources.insert(
        "RoleAttachment".into(),
        json!({"Type": "AWS::Cognito::IdentityPoolRoleAttachment", "Properties": attachment}),
    );
    for (i, tags) in model.principal_tags.iter().enumerate() {
        let mut props = Map::new();
        props.insert("IdentityPoolId".into(), json!({"Ref": POOL}));
        if let Value::Object(m) = tags {
            for (k, v) in m {
                props.insert(k.clone(), v.clone());
            }
        }
        resources.insert(
            format!("PrincipalTags{}", i + 1),
            json!({"Type": "AWS::Cognito::IdentityPoolPrincipalTag", "Properties": props}),
        );
    }
    let pool_ref = json!({"Ref": POOL});
    for role in &model.roles {
        let mut props = Map::new();
        props.insert("RoleName".into(), json!(role.name));
        if role.path != "/" {
            props.insert("Path".into(), json!(role.path));
        }
        if let Some(d) = &role.max_session_duration {
            props.insert("MaxSessionDuration".into(), d.clone());
        }
        if let Some(trust) = &role.trust {
            let trust = match model.pool_id() {
                Some(id) => replace(trust, id, &pool_ref),
                None => trust.clone(),
            };
            props.insert("AssumeRolePolicyDocument".into(), trust);
        }
        let mut inline = Vec::new();
        let mut aws_managed = Vec::new();
        for (name, arn, doc) in &role.policies {
            match arn {
                Some(arn) if arn.starts_with("arn:aws:iam::aws:") => aws_managed.push(json!(arn)),
                Some(_) => {
                    resources.insert(
                        format!("{}{}", role.id, code_name(name, "Policy")),
                        json!({"Type": "AWS::IAM::ManagedPolicy", "Properties": {
                            "ManagedPolicyName": name, "Roles": [{"Ref": role.id}], "PolicyDocument": doc}}),
                    );
                }
                None => inline.push(json!({"PolicyName": name, "PolicyDocument": doc})),
            }
        }
        if !inline.is_empty() {
            props.insert("Policies".into(), Value::Array(inline));
        }
        if !aws_managed.is_empty() {
            props.insert("ManagedPolicyArns".into(), Value::Array(aws_managed));
        }
        if let Some(boundary) = &role.boundary {
            let id = format!("{}Boundary", role.id);
            resources.insert(
                id.clone(),
                json!({"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": boundary}}),
            );
            props.insert("PermissionsBoundary".into(), json!({"Ref": id}));
        }
        resources.insert(
            role.id.clone(),
            json!({"Type": "AWS::IAM::Role", "Properties": props}),
        );
    }
    let header = format!(
        "# Exported by the Identity Pool Playground from the scenario `{}`.\n# The identity pool's ID is generated by AWS: the trust policies refer to it with !Ref IdentityPool.\n",
        model.name.replace('\n', " ")
    );
    let doc = json!({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources});
    format!("{header}{}", yaml::write(&doc))
}
