//! CloudFormation's intrinsic functions, resolved against the template: `Ref`, `Fn::GetAtt`,
//! `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::If`, `Fn::FindInMap`, pseudo
//! parameters and `Parameters` defaults. What cannot be known before deployment becomes a
//! visible placeholder `UNRESOLVED(...)`, listed in the account; nothing is guessed silently.

use iam_policy::json::{JsonNode, JsonValue};
use iam_policy::Span;
use serde_json::{Map, Value};

use super::names::{attribute, physical_id};
use crate::import::parts::Deployment;
use crate::import::plain;
use crate::import::report::Account;

/// Deepest chain of intrinsics followed (a parameter default that refers to itself, etc.).
const MAX_RESOLVE_DEPTH: usize = 32;

/// The template's named parts, for lookups.
pub struct Template<'a> {
    /// `Resources`, in order: logical ID, resource node.
    pub resources: Vec<(&'a str, &'a JsonNode)>,
    /// `Parameters`.
    pub parameters: Vec<(&'a str, &'a JsonNode)>,
    /// `Mappings`.
    pub mappings: Option<&'a JsonNode>,
    /// `Conditions`.
    pub conditions: Option<&'a JsonNode>,
    /// Where it is deployed.
    pub deployment: Deployment,
}

/// The value `Fn::If` and `Condition` take for a condition that cannot be evaluated.
const UNKNOWN_CONDITION: bool = true;

impl<'a> Template<'a> {
    /// Reads the sections of a template root.
    pub fn new(root: &'a JsonNode, deployment: Deployment) -> Self {
        let section = |name: &str| -> Vec<(&'a str, &'a JsonNode)> {
            root.get(name)
                .and_then(JsonNode::as_object)
                .map(|m| m.iter().map(|m| (m.key.as_str(), &m.value)).collect())
                .unwrap_or_default()
        };
        Self {
            resources: section("Resources"),
            parameters: section("Parameters"),
            mappings: root.get("Mappings"),
            conditions: root.get("Conditions"),
            deployment,
        }
    }

    /// The resource with this logical ID.
    pub fn resource(&self, logical: &str) -> Option<&'a JsonNode> {
        self.resources
            .iter()
            .find(|(id, _)| *id == logical)
            .map(|(_, node)| *node)
    }

    /// The `Type` of a resource.
    pub fn resource_type(&self, logical: &str) -> Option<&'a str> {
        self.resource(logical)?.get("Type")?.as_str()
    }

    /// A resource's `Properties.<name>`.
    pub fn property(&self, logical: &str, name: &str) -> Option<&'a JsonNode> {
        self.resource(logical)?.get("Properties")?.get(name)
    }

    /// Resolves a node to plain JSON; `None` is `AWS::NoValue` (the property is removed).
    pub fn resolve(&self, node: &JsonNode, account: &mut Account) -> Option<Value> {
        self.resolve_at(node, account, 0)
    }

    /// Resolves a node that must be text; a placeholder when it is not.
    pub fn resolve_text(&self, node: &JsonNode, account: &mut Account) -> String {
        match self.resolve(node, account) {
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => self.unresolved("a non-text value where text is needed", node.span, account),
        }
    }

    fn unresolved(&self, what: &str, span: Span, account: &mut Account) -> String {
        let text = format!("UNRESOLVED({what})");
        account.placeholder(
            &text,
            format!(
                "{what} cannot be resolved before deployment; the scenario holds `{text}` instead"
            ),
            Some(span),
        );
        text
    }

    fn resolve_at(&self, node: &JsonNode, account: &mut Account, depth: usize) -> Option<Value> {
        if depth > MAX_RESOLVE_DEPTH {
            return Some(Value::String(self.unresolved(
                "a value that refers to itself",
                node.span,
                account,
            )));
        }
        match &node.value {
            JsonValue::Null => Some(Value::Null),
            JsonValue::Bool(b) => Some(Value::Bool(*b)),
            JsonValue::Number(n) => {
                Some(serde_json::from_str::<Value>(n).unwrap_or_else(|_| Value::String(n.clone())))
            }
            JsonValue::String(s) => Some(Value::String(s.clone())),
            JsonValue::Array(items) => Some(Value::Array(
                items
                    .iter()
                    .filter_map(|i| self.resolve_at(i, account, depth + 1))
                    .collect(),
            )),
            JsonValue::Object(members) => {
                if let [only] = members.as_slice() {
                    if let Some(v) =
                        self.intrinsic(&only.key, &only.value, node.span, account, depth)
                    {
                        return v;
                    }
                }
                let mut map = Map::new();
                for m in members {
                    if let Some(v) = self.resolve_at(&m.value, account, depth + 1) {
                        map.insert(m.key.clone(), v);
                    }
                }
                Some(Value::Object(map))
            }
        }
    }

    /// `Some(result)` when `key` is an intrinsic function; `None` for an ordinary key.
    fn intrinsic(
        &self,
        key: &str,
        arg: &JsonNode,
        span: Span,
        account: &mut Account,
        depth: usize,
    ) -> Option<Option<Value>> {
        let d = depth + 1;
        let text = |v: Value| Some(Some(v));
        match key {
            "Ref" => {
                let name = self
                    .resolve_at(arg, account, d)
                    .and_then(|v| v.as_str().map(str::to_owned));
                match name {
                    Some(name) if name == "AWS::NoValue" => Some(None),
                    Some(name) => text(self.reference(&name, span, account, d)),
                    None => text(Value::String(self.unresolved(
                        "a `Ref` without a name",
                        span,
                        account,
                    ))),
                }
            }
            "Fn::GetAtt" => {
                let (logical, attr) = match self.resolve_at(arg, account, d) {
                    Some(Value::String(s)) => match s.split_once('.') {
                        Some((l, a)) => (l.to_owned(), a.to_owned()),
                        None => (s, String::new()),
                    },
                    Some(Value::Array(parts)) => (
                        parts
                            .first()
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        parts
                            .get(1)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                    ),
                    _ => (String::new(), String::new()),
                };
                text(Value::String(self.get_att(&logical, &attr, span, account)))
            }
            "Fn::Sub" => text(Value::String(self.sub(arg, span, account, d))),
            "Fn::Join" => {
                let Some(Value::Array(parts)) = self.resolve_at(arg, account, d) else {
                    return text(Value::String(self.unresolved(
                        "an `Fn::Join` that is not [delimiter, list]",
                        span,
                        account,
                    )));
                };
                let delimiter = parts.first().and_then(Value::as_str).unwrap_or_default();
                let items = match parts.get(1) {
                    Some(Value::Array(items)) => items.iter().map(plain).collect::<Vec<_>>(),
                    Some(other) => vec![plain(other)],
                    None => Vec::new(),
                };
                text(Value::String(items.join(delimiter)))
            }
            "Fn::Select" => {
                let Some(Value::Array(parts)) = self.resolve_at(arg, account, d) else {
                    return text(Value::String(self.unresolved(
                        "an `Fn::Select` that is not [index, list]",
                        span,
                        account,
                    )));
                };
                let index = parts
                    .first()
                    .map(plain)
                    .and_then(|i| i.parse::<usize>().ok());
                let chosen = match (index, parts.get(1)) {
                    (Some(i), Some(Value::Array(list))) => list.get(i).cloned(),
                    _ => None,
                };
                text(chosen.unwrap_or_else(|| {
                    Value::String(self.unresolved("an `Fn::Select` out of range", span, account))
                }))
            }
            "Fn::Split" => {
                let Some(Value::Array(parts)) = self.resolve_at(arg, account, d) else {
                    return text(Value::String(self.unresolved(
                        "an `Fn::Split` that is not [delimiter, text]",
                        span,
                        account,
                    )));
                };
                let delimiter = parts.first().map(plain).unwrap_or_default();
                let source = parts.get(1).map(plain).unwrap_or_default();
                if delimiter.is_empty() {
                    return text(Value::Array(vec![Value::String(source)]));
                }
                text(Value::Array(
                    source
                        .split(delimiter.as_str())
                        .map(|s| Value::String(s.to_owned()))
                        .collect(),
                ))
            }
            "Fn::If" => {
                let JsonValue::Array(parts) = &arg.value else {
                    return text(Value::String(self.unresolved(
                        "an `Fn::If` that is not [condition, then, else]",
                        span,
                        account,
                    )));
                };
                let name = parts.first().and_then(JsonNode::as_str).unwrap_or_default();
                let branch = if self.condition(name, span, account, d) {
                    parts.get(1)
                } else {
                    parts.get(2)
                };
                Some(branch.and_then(|b| self.resolve_at(b, account, d)))
            }
            "Fn::FindInMap" => {
                let Some(Value::Array(parts)) = self.resolve_at(arg, account, d) else {
                    return text(Value::String(self.unresolved(
                        "an `Fn::FindInMap` that is not a list",
                        span,
                        account,
                    )));
                };
                let keys: Vec<String> = parts.iter().map(plain).collect();
                let found = self
                    .mappings
                    .and_then(|m| keys.iter().try_fold(m, |node, key| node.get(key)));
                match found {
                    Some(node) => Some(self.resolve_at(node, account, d)),
                    None => text(Value::String(self.unresolved(
                        &format!("Fn::FindInMap {}", keys.join("/")),
                        span,
                        account,
                    ))),
                }
            }
            "Fn::ImportValue" | "Fn::GetAZs" | "Fn::Base64" | "Fn::Cidr" | "Fn::Transform"
            | "Fn::Length" | "Fn::ToJsonString" => {
                let what = match self.resolve_at(arg, account, d) {
                    Some(Value::String(s)) => format!("{key} {s}"),
                    _ => key.to_owned(),
                };
                text(Value::String(self.unresolved(&what, span, account)))
            }
            _ => None,
        }
    }

    /// Whether a named condition holds; one that cannot be evaluated is taken as true and
    /// listed.
    pub fn condition(&self, name: &str, span: Span, account: &mut Account, depth: usize) -> bool {
        let Some(node) = self.conditions.and_then(|c| c.get(name)) else {
            account.assumed(
                &format!("condition {name}"),
                "the template has no such condition; it is taken as true",
                Some(span),
            );
            return UNKNOWN_CONDITION;
        };
        match self.evaluate_condition(node, account, depth + 1) {
            Some(b) => b,
            None => {
                account.assumed(
                    &format!("condition {name}"),
                    "it cannot be evaluated before deployment; it is taken as true",
                    Some(node.span),
                );
                UNKNOWN_CONDITION
            }
        }
    }

    fn evaluate_condition(
        &self,
        node: &JsonNode,
        account: &mut Account,
        depth: usize,
    ) -> Option<bool> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let [member] = node.as_object()? else {
            return None;
        };
        let args: Vec<&JsonNode> = match &member.value.value {
            JsonValue::Array(items) => items.iter().collect(),
            _ => vec![&member.value],
        };
        match member.key.as_str() {
            "Fn::Equals" => {
                let a = self.resolve_at(args.first()?, account, depth)?;
                let b = self.resolve_at(args.get(1)?, account, depth)?;
                let unknown = |v: &Value| plain(v).contains("UNRESOLVED(");
                if unknown(&a) || unknown(&b) {
                    return None;
                }
                Some(plain(&a) == plain(&b))
            }
            "Fn::Not" => self
                .evaluate_condition(args.first()?, account, depth + 1)
                .map(|b| !b),
            "Fn::And" => args.iter().try_fold(true, |acc, a| {
                Some(acc && self.evaluate_condition(a, account, depth + 1)?)
            }),
            "Fn::Or" => args.iter().try_fold(false, |acc, a| {
                Some(acc || self.evaluate_condition(a, account, depth + 1)?)
            }),
            "Condition" => {
                let name = member.value.as_str()?;
                Some(self.condition(name, member.value.span, account, depth))
            }
            _ => None,
        }
    }

    /// `Ref name`: a pseudo parameter, a parameter's default, or a resource's physical ID.
    fn reference(&self, name: &str, span: Span, account: &mut Account, depth: usize) -> Value {
        let dep = &self.deployment;
        let pseudo = match name {
            "AWS::Region" => Some(dep.region.clone()),
            "AWS::AccountId" => Some(dep.account_id.clone()),
            "AWS::StackName" => Some(dep.stack_name.clone()),
            "AWS::Partition" => Some("aws".to_owned()),
            "AWS::URLSuffix" => Some("amazonaws.com".to_owned()),
            "AWS::StackId" => Some(format!(
                "arn:aws:cloudformation:{}:{}:stack/{}/00000000-0000-0000-0000-000000000000",
                dep.region, dep.account_id, dep.stack_name
            )),
            "AWS::NotificationARNs" => return Value::Array(Vec::new()),
            _ => None,
        };
        if let Some(value) = pseudo {
            account.assumed(name, format!("`{name}` is `{value}` (the deployment fixes it; pass it to the import to change it)"), Some(span));
            return Value::String(value);
        }
        if let Some((_, param)) = self.parameters.iter().find(|(p, _)| *p == name) {
            return match param.get("Default") {
                Some(default) => {
                    let value = self
                        .resolve_at(default, account, depth + 1)
                        .unwrap_or(Value::Null);
                    account.assumed(
                        &format!("parameter {name}"),
                        format!("`{name}` takes its default `{}`", plain(&value)),
                        Some(param.span),
                    );
                    if param
                        .get("Type")
                        .and_then(JsonNode::as_str)
                        .is_some_and(|t| t.starts_with("AWS::SSM::Parameter::Value"))
                    {
                        return Value::String(self.unresolved(
                            &format!("SSM parameter {}", plain(&value)),
                            span,
                            account,
                        ));
                    }
                    if param
                        .get("Type")
                        .and_then(JsonNode::as_str)
                        .is_some_and(|t| t.starts_with("List<") || t == "CommaDelimitedList")
                    {
                        return Value::Array(
                            plain(&value)
                                .split(',')
                                .map(|s| Value::String(s.trim().to_owned()))
                                .collect(),
                        );
                    }
                    value
                }
                None => Value::String(self.unresolved(&format!("parameter {name}"), span, account)),
            };
        }
        if self.resource(name).is_some() {
            return Value::String(physical_id(self, name, span, account));
        }
        Value::String(self.missing(&format!("Ref {name}"), name, span, account))
    }

    fn missing(&self, what: &str, name: &str, span: Span, account: &mut Account) -> String {
        let text = format!("UNRESOLVED({what})");
        account.placeholder(
            &text,
            format!("the template has no resource or parameter `{name}`; the scenario holds `{text}` instead"),
            Some(span),
        );
        text
    }

    /// `Fn::GetAtt logical.attr`.
    fn get_att(&self, logical: &str, attr: &str, span: Span, account: &mut Account) -> String {
        if self.resource(logical).is_none() {
            return self.missing(
                &format!("Fn::GetAtt {logical}.{attr}"),
                logical,
                span,
                account,
            );
        }
        attribute(self, logical, attr, span, account).unwrap_or_else(|| {
            self.unresolved(&format!("Fn::GetAtt {logical}.{attr}"), span, account)
        })
    }

    /// `Fn::Sub`: `${Name}`, `${Name.Attr}`, `${!Literal}`, and the list form's variables.
    fn sub(&self, arg: &JsonNode, span: Span, account: &mut Account, depth: usize) -> String {
        let (template, vars) = match &arg.value {
            JsonValue::String(s) => (s.as_str(), None),
            JsonValue::Array(items) => {
                match (items.first().and_then(JsonNode::as_str), items.get(1)) {
                    (Some(s), vars) => (s, vars),
                    _ => return self.unresolved("an `Fn::Sub` without a text", span, account),
                }
            }
            _ => return self.unresolved("an `Fn::Sub` without a text", span, account),
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find("${") {
            out.push_str(rest.get(..open).unwrap_or_default());
            let after = rest.get(open + 2..).unwrap_or_default();
            let Some(close) = after.find('}') else {
                out.push_str(rest.get(open..).unwrap_or_default());
                rest = "";
                break;
            };
            let name = after.get(..close).unwrap_or_default();
            rest = after.get(close + 1..).unwrap_or_default();
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
                continue;
            }
            let value = if let Some(node) = vars.and_then(|v| v.get(name)) {
                self.resolve_at(node, account, depth + 1)
                    .map(|v| plain(&v))
                    .unwrap_or_default()
            } else if name.contains(':') && !name.starts_with("AWS::") {
                // An IAM policy variable written without `!`: CloudFormation rejects the
                // template; keep the variable so the policy still reads as meant.
                account.assumed(&format!("${{{name}}}"), format!("`${{{name}}}` in `Fn::Sub` is not a template variable (CloudFormation would reject it); it is kept as the IAM policy variable it names; write `${{!{name}}}`"), Some(span));
                format!("${{{name}}}")
            } else if let Some((logical, attr)) = name.split_once('.') {
                self.get_att(logical, attr, span, account)
            } else {
                plain(&self.reference(name, span, account, depth + 1))
            };
            out.push_str(&value);
        }
        out.push_str(rest);
        out
    }
}
