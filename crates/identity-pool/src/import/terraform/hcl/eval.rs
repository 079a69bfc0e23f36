//! Static evaluation of a Terraform configuration's expressions: literals, `var.*` defaults,
//! `local.*`, references to the resources and data sources the file defines (with the IDs and
//! ARNs AWS would give them, listed as assumed), `data.aws_iam_policy_document`, and the
//! functions policies are written with (`jsonencode`, `join`, `merge`...). What cannot be
//! known statically becomes a visible `UNRESOLVED(...)` placeholder, listed with its place.
//! Evaluation is bounded: references are memoised, cycles are cut, and the values built are
//! capped at [`MAX_VALUES`].

use std::collections::HashMap;

use iam_policy::Span;
use serde_json::{Map, Number, Value};

use super::ast::{Block, Body, Expr, ExprKind, Part, Step};
use super::functions;
use super::policy_document;
use crate::import::parts::{assumed_client_id, assumed_user_pool_id, Deployment};
use crate::import::plain;
use crate::import::report::Account;
use crate::import::terraform::plan::{assumed_pool_id, built_iam_arn, generated_name};

/// The most values (list items, object members, 64-byte pieces of text) evaluation builds;
/// past it every value is a placeholder. Real configurations build a few thousand.
pub const MAX_VALUES: usize = 200_000;

/// The deepest chain of references followed (`local.a` → `local.b` → ...).
const MAX_REFERENCE_DEPTH: usize = 16;

/// The configuration's named blocks, by how references name them.
pub struct Config<'a> {
    variables: HashMap<&'a str, &'a Block>,
    locals: HashMap<&'a str, &'a Expr>,
    /// `type.name` → block, for `resource` and (prefixed `data.`) `data` blocks.
    blocks: HashMap<String, &'a Block>,
}

impl<'a> Config<'a> {
    /// Indexes the top-level blocks of a file.
    pub fn new(body: &'a Body) -> Self {
        let mut config = Config {
            variables: HashMap::new(),
            locals: HashMap::new(),
            blocks: HashMap::new(),
        };
        for block in &body.blocks {
            match (block.kind.as_str(), block.labels.as_slice()) {
                ("variable", [name]) => {
                    config.variables.insert(name.as_str(), block);
                }
                ("locals", []) => {
                    for a in &block.body.attributes {
                        config.locals.insert(a.name.as_str(), &a.expr);
                    }
                }
                ("resource", [kind, name]) => {
                    config.blocks.insert(format!("{kind}.{name}"), block);
                }
                ("data", [kind, name]) => {
                    config.blocks.insert(format!("data.{kind}.{name}"), block);
                }
                _ => {}
            }
        }
        config
    }
}

/// Evaluates expressions of one file.
pub struct Evaluator<'a> {
    src: &'a str,
    config: &'a Config<'a>,
    deployment: &'a Deployment,
    /// What the evaluation assumed and could not resolve.
    pub account: Account,
    memo: HashMap<String, Value>,
    stack: Vec<String>,
    spent: usize,
}

/// The size of a value against [`MAX_VALUES`].
fn weight(value: &Value) -> usize {
    match value {
        Value::String(s) => 1 + s.len() / 64,
        Value::Array(items) => 1 + items.iter().map(weight).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(weight).sum::<usize>(),
        _ => 1,
    }
}

impl<'a> Evaluator<'a> {
    /// An evaluator over `config`, whose text is `src`.
    pub fn new(src: &'a str, config: &'a Config<'a>, deployment: &'a Deployment) -> Self {
        Evaluator {
            src,
            config,
            deployment,
            account: Account::default(),
            memo: HashMap::new(),
            stack: Vec::new(),
            spent: 0,
        }
    }

    /// The user's text of a span, on one line and short, for a placeholder.
    fn text_of(&self, span: Span) -> String {
        let text = self.src.get(span.start..span.end).unwrap_or_default();
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut chars = one_line.chars();
        let head: String = chars.by_ref().take(80).collect();
        if chars.next().is_some() {
            format!("{head}…")
        } else {
            head
        }
    }

    /// A visible placeholder for `span`'s text, listed with `why`.
    pub fn unresolved(&mut self, span: Span, why: &str) -> Value {
        let text = format!("UNRESOLVED({})", self.text_of(span));
        self.account.placeholder(
            &text,
            format!("{why}; the scenario holds `{text}` instead"),
            Some(span),
        );
        Value::String(text)
    }

    /// Counts `value` against the budget; past it, a placeholder.
    fn charge(&mut self, value: Value, span: Span) -> Value {
        self.spent = self.spent.saturating_add(weight(&value));
        if self.spent > MAX_VALUES {
            return self.over_budget(span);
        }
        value
    }

    fn over_budget(&mut self, span: Span) -> Value {
        self.account.left_out(
            "evaluation",
            format!(
                "the configuration builds more than {MAX_VALUES} values; the rest is not evaluated"
            ),
            Some(span),
        );
        Value::String("UNRESOLVED(too large)".to_owned())
    }

    /// The value of an expression.
    pub fn eval(&mut self, expr: &Expr) -> Value {
        if self.spent > MAX_VALUES {
            return self.over_budget(expr.span);
        }
        self.spent += 1;
        match &expr.kind {
            ExprKind::Null => Value::Null,
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::Number(n) => n
                .parse::<i64>()
                .ok()
                .map(Number::from)
                .or_else(|| n.parse::<f64>().ok().and_then(Number::from_f64))
                .map_or_else(|| Value::String(n.clone()), Value::Number),
            ExprKind::Template(parts) => self.template(parts, expr.span),
            ExprKind::Tuple(items) => Value::Array(items.iter().map(|e| self.eval(e)).collect()),
            ExprKind::Object(members) => {
                let mut map = Map::new();
                for (key, value) in members {
                    let key = match &key.kind {
                        // A bare name is the key itself, not a reference.
                        ExprKind::Traversal(steps) if steps.len() == 1 => match steps.first() {
                            Some(Step::Name(name)) => name.clone(),
                            _ => plain(&self.eval(key)),
                        },
                        _ => plain(&self.eval(key)),
                    };
                    let value = self.eval(value);
                    map.insert(key, value);
                }
                Value::Object(map)
            }
            ExprKind::Traversal(steps) => self.traversal(steps, expr.span),
            ExprKind::Call(name, args) => {
                let value = functions::call(self, name, args, expr.span);
                self.charge(value, expr.span)
            }
            ExprKind::Conditional(condition, yes, no) => match self.eval(condition) {
                Value::Bool(true) => self.eval(yes),
                Value::Bool(false) => self.eval(no),
                _ => self.unresolved(
                    expr.span,
                    "the condition is not known before apply, so neither branch is chosen",
                ),
            },
            ExprKind::Parens(inner) => self.eval(inner),
            ExprKind::Unsupported(what) => {
                let why = format!("{what} is not evaluated by the import");
                self.unresolved(expr.span, &why)
            }
        }
    }

    /// A template: one interpolation alone keeps its value's type; otherwise text.
    fn template(&mut self, parts: &[Part], span: Span) -> Value {
        if let [Part::Interpolation(only)] = parts {
            return self.eval(only);
        }
        let mut text = String::new();
        for part in parts {
            // Checked while the text grows, so a text past the budget is never built.
            if self.spent.saturating_add(text.len() / 64) > MAX_VALUES {
                return self.over_budget(span);
            }
            match part {
                Part::Literal(s) => text.push_str(s),
                Part::Interpolation(e) => match self.eval(e) {
                    Value::Array(_) | Value::Object(_) => {
                        let p = self.unresolved(e.span, "a list or object cannot be put in text");
                        text.push_str(&plain(&p));
                    }
                    v => text.push_str(&plain(&v)),
                },
                Part::Directive(at) => {
                    let p = self.unresolved(
                        *at,
                        "a `%{...}` template directive is not evaluated by the import",
                    );
                    text.push_str(&plain(&p));
                }
            }
        }
        self.charge(Value::String(text), span)
    }

    fn traversal(&mut self, steps: &[Step], span: Span) -> Value {
        let name = |i: usize| match steps.get(i) {
            Some(Step::Name(n)) => Some(n.as_str()),
            _ => None,
        };
        let (base, used) = match (name(0), name(1), name(2), name(3)) {
            (Some("var"), Some(v), _, _) => (self.variable(v, span), 2),
            (Some("local"), Some(l), _, _) => (self.local(l, span), 2),
            (Some("data"), Some(kind), Some(label), Some(attr)) => {
                (self.reference(&format!("data.{kind}.{label}"), attr, span), 4)
            }
            (Some("count" | "each" | "self" | "path" | "terraform" | "module"), _, _, _) => {
                return self.unresolved(
                    span,
                    "it depends on how Terraform runs the configuration, which the import does not know",
                )
            }
            (Some(kind), Some(label), Some(attr), _) => {
                (self.reference(&format!("{kind}.{label}"), attr, span), 3)
            }
            _ => {
                return self.unresolved(span, "it does not name an attribute of something the file defines")
            }
        };
        let mut value = base;
        for step in steps.iter().skip(used) {
            if plain(&value).contains("UNRESOLVED(") && !value.is_array() && !value.is_object() {
                return value;
            }
            let next = match step {
                Step::Name(key) => value.get(key.as_str()).cloned(),
                Step::Index(index) => match self.eval(index) {
                    Value::Number(n) => n
                        .as_u64()
                        .and_then(|i| usize::try_from(i).ok())
                        .and_then(|i| value.get(i).cloned()),
                    Value::String(key) => value.get(key.as_str()).cloned(),
                    _ => None,
                },
                Step::Splat => None,
            };
            match next {
                Some(v) => value = v,
                None => {
                    return self.unresolved(span, "the import cannot take this part of the value")
                }
            }
        }
        value
    }

    /// Follows a reference once (memoised, cycles cut, depth capped).
    fn follow(&mut self, key: &str, span: Span, compute: impl FnOnce(&mut Self) -> Value) -> Value {
        if let Some(v) = self.memo.get(key) {
            let v = v.clone();
            return self.charge(v, span);
        }
        if self.stack.iter().any(|k| k == key) {
            return self.unresolved(span, "it refers back to itself");
        }
        if self.stack.len() >= MAX_REFERENCE_DEPTH {
            return self.unresolved(span, "the chain of references is too long to follow");
        }
        self.stack.push(key.to_owned());
        let value = compute(self);
        self.stack.pop();
        self.memo.insert(key.to_owned(), value.clone());
        value
    }

    fn variable(&mut self, name: &str, span: Span) -> Value {
        let config = self.config;
        self.follow(&format!("var.{name}"), span, |ev| {
            match config
                .variables
                .get(name)
                .and_then(|b| b.body.attribute("default"))
            {
                Some(default) => {
                    ev.account.assumed(
                        &format!("var.{name}"),
                        "taken at its default; a .tfvars file or -var may set another value",
                        Some(default.span),
                    );
                    ev.eval(&default.expr)
                }
                None => ev.unresolved(
                    span,
                    &format!("the variable `{name}` has no default in the file"),
                ),
            }
        })
    }

    fn local(&mut self, name: &str, span: Span) -> Value {
        let config = self.config;
        self.follow(&format!("local.{name}"), span, |ev| {
            match config.locals.get(name) {
                Some(expr) => ev.eval(expr),
                None => ev.unresolved(span, &format!("no `locals` block sets `{name}`")),
            }
        })
    }

    /// `address.attr` of a resource or data source the file defines.
    fn reference(&mut self, address: &str, attr: &str, span: Span) -> Value {
        let config = self.config;
        let Some(block) = config.blocks.get(address).copied() else {
            return self.unresolved(span, &format!("the file does not define `{address}`"));
        };
        self.follow(&format!("{address}.{attr}"), span, |ev| {
            ev.attribute_of(address, block, attr, span)
        })
    }

    /// An attribute: as written in the block, else the value AWS computes, else a placeholder.
    fn attribute_of(&mut self, address: &str, block: &Block, attr: &str, span: Span) -> Value {
        let kind = address.strip_prefix("data.").unwrap_or(address);
        let kind = kind.split('.').next().unwrap_or_default();
        let data = address.starts_with("data.");
        if data && kind == "aws_iam_policy_document" && matches!(attr, "json" | "minified_json") {
            let doc = policy_document::render(self, address, block);
            let text = if attr == "json" {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string(&doc)
            };
            return Value::String(text.unwrap_or_default());
        }
        if let Some(a) = block.body.attribute(attr) {
            return self.eval(&a.expr);
        }
        if let Some(value) = self.computed(address, kind, data, block, attr) {
            return value;
        }
        let why = format!("`{address}.{attr}` is known only after apply");
        self.unresolved(span, &why)
    }

    /// An attribute the block does not set, as a string.
    fn text_attribute(&mut self, block: &Block, attr: &str) -> Option<String> {
        block
            .body
            .attribute(attr)
            .map(|a| plain(&self.eval(&a.expr)))
    }

    /// A name the code sets or that Terraform generates (listed as assumed).
    fn name(&mut self, address: &str, block: &Block, attr: &str) -> String {
        match self.text_attribute(block, attr) {
            Some(name) => name,
            None => {
                let prefix = self.text_attribute(block, "name_prefix");
                generated_name(prefix.as_deref(), address, block.span, &mut self.account)
            }
        }
    }

    /// What AWS (or the provider) computes for the attributes the pool's code refers to.
    fn computed(
        &mut self,
        address: &str,
        kind: &str,
        data: bool,
        block: &Block,
        attr: &str,
    ) -> Option<Value> {
        let dep = self.deployment;
        let label = address.rsplit('.').next().unwrap_or_default();
        let (region, acct) = (dep.region.clone(), dep.account_id.clone());
        let text = match (data, kind, attr) {
            (true, "aws_caller_identity", "account_id") => {
                self.account.assumed(
                    address,
                    format!("the account is taken as `{acct}`"),
                    Some(block.span),
                );
                acct
            }
            (true, "aws_region", "name" | "id" | "region") => {
                self.account.assumed(
                    address,
                    format!("the region is taken as `{region}`"),
                    Some(block.span),
                );
                region
            }
            (true, "aws_partition", "partition") => "aws".to_owned(),
            (true, "aws_partition", "dns_suffix") => "amazonaws.com".to_owned(),
            (false, "aws_cognito_identity_pool", "id") => {
                assumed_pool_id(dep, address, block.span, &mut self.account)
            }
            (false, "aws_cognito_identity_pool", "arn") => {
                let id = assumed_pool_id(dep, address, block.span, &mut self.account);
                format!("arn:aws:cognito-identity:{region}:{acct}:identitypool/{id}")
            }
            (false, "aws_iam_role" | "aws_iam_policy", "name" | "id" | "arn") => {
                let name = self.name(address, block, "name");
                if attr != "arn" && !(kind == "aws_iam_policy" && attr == "id") {
                    return Some(Value::String(name));
                }
                let path = self
                    .text_attribute(block, "path")
                    .unwrap_or_else(|| "/".to_owned());
                let iam_kind = if kind == "aws_iam_role" {
                    "role"
                } else {
                    "policy"
                };
                built_iam_arn(dep, iam_kind, &path, &name, &mut self.account)
            }
            (false, "aws_cognito_user_pool", "id" | "endpoint" | "arn") => {
                let id =
                    assumed_user_pool_id(&region, label, address, block.span, &mut self.account);
                match attr {
                    "endpoint" => format!("cognito-idp.{region}.amazonaws.com/{id}"),
                    "arn" => format!("arn:aws:cognito-idp:{region}:{acct}:userpool/{id}"),
                    _ => id,
                }
            }
            (false, "aws_cognito_user_pool_client", "id") => {
                assumed_client_id(label, address, block.span, &mut self.account)
            }
            (false, "aws_iam_openid_connect_provider", "arn" | "id") => {
                let url = self.text_attribute(block, "url").unwrap_or_default();
                format!(
                    "arn:aws:iam::{acct}:oidc-provider/{}",
                    url.trim_start_matches("https://")
                )
            }
            (false, "aws_iam_saml_provider", "arn" | "id") => {
                let name = self.text_attribute(block, "name").unwrap_or_default();
                format!("arn:aws:iam::{acct}:saml-provider/{name}")
            }
            (false, "aws_s3_bucket", "id" | "bucket" | "arn") => {
                let name = self.name(address, block, "bucket");
                if attr == "arn" {
                    format!("arn:aws:s3:::{name}")
                } else {
                    name
                }
            }
            (false, "aws_dynamodb_table", "arn") => {
                let name = self.text_attribute(block, "name").unwrap_or_default();
                format!("arn:aws:dynamodb:{region}:{acct}:table/{name}")
            }
            (false, "aws_lambda_function", "arn") => {
                let name = self
                    .text_attribute(block, "function_name")
                    .unwrap_or_default();
                format!("arn:aws:lambda:{region}:{acct}:function:{name}")
            }
            _ => return None,
        };
        Some(Value::String(text))
    }
}
