//! Compiled conditions and their evaluation, with AWS's rules for missing keys, negated
//! operators, multi-valued keys and the `ForAnyValue`/`ForAllValues` qualifiers.

mod operator;
pub mod values;

pub(crate) use operator::distance_within;
pub use operator::{Base, Cmp, Operator, SetOp};

use crate::arn::ArnPattern;
use crate::pattern::{Matched, Template};
use crate::request::KeyName;
use crate::{Context, ContextValue, Span};
use values::{parse_bool, parse_date, parse_number, Cidr};

/// One policy value, read once for its operator family.
#[derive(Clone, Debug, PartialEq)]
enum CondValue {
    Text(Template),
    Arn(ArnPattern),
    Number(f64),
    Date(i64),
    Bool(bool),
    Cidr(Cidr),
    /// A typed value (number, date, boolean, IP) written with policy variables: substituted
    /// and read at evaluation time.
    Dynamic(Template),
    /// A value the family cannot read (validation reports it); it matches nothing.
    Invalid(String),
}

/// One key of one operator block, ready to evaluate.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledCondition {
    /// The parsed operator.
    pub operator: Operator,
    /// The operator as written.
    pub operator_text: String,
    /// The key as written.
    pub key: String,
    key_name: KeyName,
    values: Vec<CondValue>,
    raw_values: Vec<String>,
    /// The span of the key in the policy.
    pub span: Span,
}

/// What one condition saw, for explanations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConditionTrace {
    /// The request's values of the key (`None` when the key is missing).
    pub request_values: Option<Vec<String>>,
    /// The policy values after variable substitution.
    pub policy_values: Vec<String>,
    /// Things the engine could not evaluate (never treated as a silent false).
    pub unevaluated: Vec<String>,
    /// Variables in the values that had no value.
    pub unresolved_variables: Vec<String>,
}

impl CompiledCondition {
    /// Compiles `key: values` under `operator`; `variables` enables `${...}` in string values.
    pub fn compile(
        operator: Operator,
        operator_text: &str,
        key: &str,
        raw: &[&str],
        variables: bool,
        span: Span,
    ) -> Self {
        let values = raw
            .iter()
            .map(|v| compile_value(operator.base, v, variables))
            .collect();
        CompiledCondition {
            operator,
            operator_text: operator_text.to_string(),
            key: key.to_string(),
            key_name: KeyName::new(key),
            values,
            raw_values: raw.iter().map(|v| (*v).to_string()).collect(),
            span,
        }
    }

    /// The key, lowercased.
    pub fn key_lower(&self) -> &str {
        self.key_name.as_str()
    }

    /// Whether the condition holds for `ctx`. With `trace`, records what was compared.
    pub fn evaluate(&self, ctx: &Context, mut trace: Option<&mut ConditionTrace>) -> bool {
        let found = ctx.get_key(&self.key_name);
        if let Some(t) = trace.as_deref_mut() {
            t.request_values = found.map(|v| match v {
                ContextValue::Single(s) => vec![s.clone()],
                ContextValue::Multi(m) => m.clone(),
            });
            t.policy_values = self.describe_values(ctx, t);
        }
        let op = self.operator;
        if op.base == Base::Null {
            let absent = match found {
                None => true,
                Some(ContextValue::Multi(m)) => m.is_empty(),
                Some(ContextValue::Single(_)) => false,
            };
            return self
                .values
                .iter()
                .any(|v| matches!(v, CondValue::Bool(b) if *b == absent));
        }
        let single;
        let request: &[String] = match found {
            None => &[],
            Some(ContextValue::Single(s)) => {
                single = std::slice::from_ref(s);
                single
            }
            Some(ContextValue::Multi(m)) => m,
        };
        if request.is_empty() {
            // A missing key (or an empty set): AWS's rules per qualifier.
            return op.if_exists
                || match op.set {
                    Some(SetOp::ForAllValues) => true,
                    Some(SetOp::ForAnyValue) => false,
                    None => op.negated,
                };
        }
        let satisfied =
            |v: &String| op.negated != self.any_value_matches(v, ctx, trace.as_deref_mut());
        match op.set {
            Some(SetOp::ForAllValues) => request.iter().all(satisfied),
            Some(SetOp::ForAnyValue) => request.iter().any(satisfied),
            // Without a qualifier a multi-valued key behaves like ForAnyValue for positive
            // operators and "no value matches" for negated ones (see docs/divergences.md).
            None if op.negated => request.iter().all(satisfied),
            None => request.iter().any(satisfied),
        }
    }

    /// Whether request value `v` matches any policy value (multiple values are ORed).
    fn any_value_matches(
        &self,
        v: &str,
        ctx: &Context,
        trace: Option<&mut ConditionTrace>,
    ) -> bool {
        let base = self.operator.base;
        let typed = match base {
            Base::Numeric(_) => parse_number(v).map(Typed::Number),
            Base::Date(_) => parse_date(v).map(Typed::Date),
            Base::Bool => parse_bool(v).map(Typed::Bool),
            Base::IpAddress => Cidr::parse(v).map(Typed::Cidr),
            _ => Some(Typed::Text),
        };
        let Some(typed) = typed else {
            if let Some(t) = trace {
                t.unevaluated.push(format!(
                    "request value `{v}` of `{}` cannot be read by `{}`",
                    self.key, self.operator_text
                ));
            }
            return false;
        };
        self.values
            .iter()
            .any(|pv| value_matches(base, pv, &typed, v, ctx))
    }

    fn describe_values(&self, ctx: &Context, trace: &mut ConditionTrace) -> Vec<String> {
        let mut out = Vec::new();
        for (value, raw) in self.values.iter().zip(&self.raw_values) {
            let template = match value {
                CondValue::Text(t) | CondValue::Dynamic(t) => Some(t),
                CondValue::Arn(p) => Some(p.template()),
                CondValue::Invalid(why) => {
                    trace
                        .unevaluated
                        .push(format!("policy value `{raw}` of `{}`: {why}", self.key));
                    None
                }
                _ => None,
            };
            match template.map(|t| t.substitute(ctx)) {
                Some(Ok(s)) => out.push(s),
                Some(Err(key)) => {
                    trace.unresolved_variables.push(key);
                    out.push(raw.clone());
                }
                None => out.push(raw.clone()),
            }
        }
        out
    }

    /// Every variable key the values read.
    pub fn variable_keys(&self) -> impl Iterator<Item = &str> {
        self.values.iter().flat_map(|v| {
            let t = match v {
                CondValue::Text(t) | CondValue::Dynamic(t) => Some(t),
                CondValue::Arn(p) => Some(p.template()),
                _ => None,
            };
            t.into_iter().flat_map(Template::variable_keys)
        })
    }
}

/// Whether policy value `pv` matches request value `v` (already read as `typed`).
fn value_matches(base: Base, pv: &CondValue, typed: &Typed, v: &str, ctx: &Context) -> bool {
    match (pv, typed) {
        (CondValue::Text(t), _) => {
            let fold = base == Base::StringEqualsIgnoreCase;
            t.matches(v, ctx, fold) == Matched::Yes
        }
        (CondValue::Arn(p), _) => p.matches(v, ctx) == Matched::Yes,
        (CondValue::Number(p), Typed::Number(r)) => compare(cmp_of(base), r.partial_cmp(p)),
        (CondValue::Date(p), Typed::Date(r)) => compare(cmp_of(base), Some(r.cmp(p))),
        (CondValue::Bool(p), Typed::Bool(r)) => p == r,
        (CondValue::Cidr(p), Typed::Cidr(r)) => p.contains(r),
        // Rare (variables in typed values), so substituting allocates here only.
        (CondValue::Dynamic(t), _) => t.substitute(ctx).is_ok_and(|text| {
            let read = compile_value(base, &text, false);
            !matches!(read, CondValue::Dynamic(_)) && value_matches(base, &read, typed, v, ctx)
        }),
        _ => false,
    }
}

enum Typed {
    Text,
    Number(f64),
    Date(i64),
    Bool(bool),
    Cidr(Cidr),
}

fn cmp_of(base: Base) -> Cmp {
    match base {
        Base::Numeric(c) | Base::Date(c) => c,
        _ => Cmp::Eq,
    }
}

fn compare(cmp: Cmp, ord: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    matches!(
        (cmp, ord),
        (Cmp::Eq, Some(Equal))
            | (Cmp::Lt, Some(Less))
            | (Cmp::Le, Some(Less | Equal))
            | (Cmp::Gt, Some(Greater))
            | (Cmp::Ge, Some(Greater | Equal))
    )
}

/// Why `value` is not valid for `base`, if it is not.
pub fn check_value(base: Base, value: &str) -> Option<&'static str> {
    match compile_value(base, value, false) {
        CondValue::Invalid(why) if why == NOT_NUMBER => Some(NOT_NUMBER),
        CondValue::Invalid(why) if why == NOT_DATE => Some(NOT_DATE),
        CondValue::Invalid(why) if why == NOT_BOOL => Some(NOT_BOOL),
        CondValue::Invalid(why) if why == NOT_BASE64 => Some(NOT_BASE64),
        CondValue::Invalid(_) => Some(NOT_IP),
        _ => None,
    }
}

const NOT_NUMBER: &str = "not a number";
const NOT_DATE: &str = "not an ISO 8601 date or epoch seconds";
const NOT_BOOL: &str = "not `true` or `false`";
const NOT_IP: &str = "not an IP address or CIDR block";
const NOT_BASE64: &str = "not base-64 encoded";

fn compile_value(base: Base, text: &str, variables: bool) -> CondValue {
    let invalid = |why: &str| CondValue::Invalid(why.to_string());
    let typed = matches!(
        base,
        Base::Numeric(_) | Base::Date(_) | Base::Bool | Base::IpAddress
    );
    if typed && variables && text.contains("${") {
        return CondValue::Dynamic(Template::compile(text, false, true));
    }
    match base {
        Base::StringEquals | Base::StringEqualsIgnoreCase => {
            CondValue::Text(Template::compile(text, false, variables))
        }
        Base::StringLike => CondValue::Text(Template::compile(text, true, variables)),
        Base::BinaryEquals if !values::is_base64(text) => invalid(NOT_BASE64),
        Base::BinaryEquals => CondValue::Text(Template::compile(text, false, false)),
        Base::ArnEquals | Base::ArnLike => CondValue::Arn(ArnPattern::compile(text, variables)),
        Base::Numeric(_) => {
            parse_number(text).map_or_else(|| invalid(NOT_NUMBER), CondValue::Number)
        }
        Base::Date(_) => parse_date(text).map_or_else(|| invalid(NOT_DATE), CondValue::Date),
        Base::Bool | Base::Null => {
            parse_bool(text).map_or_else(|| invalid(NOT_BOOL), CondValue::Bool)
        }
        Base::IpAddress => Cidr::parse(text).map_or_else(|| invalid(NOT_IP), CondValue::Cidr),
    }
}

#[cfg(test)]
mod tests;
