//! Validation warnings (and the few errors that need the whole document) in the spirit of IAM
//! Access Analyzer's policy checks. Every code is documented in docs/diagnostics.md.

use crate::condition::{Base, Operator, SetOp};
use crate::keys;
use crate::policy::{Effect, Policy, PolicyKind, PolicyVersion, Statement};
use crate::{Diagnostic, Span, MAX_PER_CODE};

/// The code of an action without a service prefix (one warning per such action).
const ACTION_FORMAT: &str = "iam::validate::action_format";

/// The code of a resource that is not an ARN (one warning per such resource).
const RESOURCE_FORMAT: &str = "iam::validate::resource_format";

/// The warnings a document can have one of per value (30,000 resources that are not ARNs
/// make 30,000 `resource_format`): built only up to one past the per-code cap (the first
/// left out marks where the cap's summary goes), and only counted after that, so a
/// hostile list costs a count per value, not a message per value that the cap then drops.
#[derive(Debug, Default)]
pub(crate) struct PerValue {
    actions: usize,
    resources: usize,
}

impl PerValue {
    /// Counts one more of `count`'s code; whether to build it.
    fn admit(count: &mut usize) -> bool {
        *count += 1;
        *count <= MAX_PER_CODE + 1
    }

    /// Per code, how many were counted but not built (for [`crate::diagnostic::cap_counting`]).
    pub(crate) fn unbuilt(&self) -> Vec<(&'static str, usize)> {
        [
            (ACTION_FORMAT, self.actions),
            (RESOURCE_FORMAT, self.resources),
        ]
        .into_iter()
        .filter(|(_, n)| *n > MAX_PER_CODE + 1)
        .map(|(code, n)| (code, n - (MAX_PER_CODE + 1)))
        .collect()
    }
}

/// Checks on the parsed document.
pub(crate) fn check_policy(policy: &Policy, out: &mut Vec<Diagnostic>, per_value: &mut PerValue) {
    let kind = policy.kind;
    if policy.version == PolicyVersion::Absent {
        out.push(
            Diagnostic::warning(
                "iam::validate::missing_version",
                "the policy has no `Version`, so policy variables stay literal text",
                Some(Span::new(policy.span.start, policy.span.start + 1)),
            )
            .with_help("add \"Version\": \"2012-10-17\" as the first element"),
        );
    }
    if policy.statements.is_empty() {
        out.push(Diagnostic::warning(
            "iam::validate::no_statements",
            "the policy has no statements and allows nothing",
            Some(policy.span),
        ));
    }
    // Sids seen so far, in a set: 17,500 statements must not cost 17,500² comparisons.
    let mut sids = std::collections::HashSet::new();
    for st in &policy.statements {
        if let Some(sid) = &st.sid {
            let earlier = !sid.value.is_empty() && !sids.insert(sid.value.as_str());
            if earlier {
                out.push(
                    Diagnostic::warning(
                        "iam::validate::duplicate_sid",
                        format!("the `Sid` `{}` is used twice", sid.value),
                        Some(sid.span),
                    )
                    .with_help("IAM rejects a policy whose statement IDs repeat; rename one"),
                );
            }
        }
        check_elements(st, kind, out, per_value);
        check_variables(st, policy.version, out);
        check_conditions(st, out);
    }
}

fn check_elements(
    st: &Statement,
    kind: PolicyKind,
    out: &mut Vec<Diagnostic>,
    per_value: &mut PerValue,
) {
    let wants_principal = matches!(
        kind,
        PolicyKind::Resource
            | PolicyKind::Trust
            | PolicyKind::ResourceControl
            | PolicyKind::VpcEndpoint
    );
    check_principal_rules(st, kind, out);
    match (&st.principal, wants_principal) {
        (Some(p), false) => out.push(
            Diagnostic::warning("iam::validate::principal_in_identity_policy", format!("`{}` has no place in {}", if p.negated { "NotPrincipal" } else { "Principal" }, kind_words(kind)), Some(p.key_span))
                .with_help("IAM rejects it there: the principal is whoever the policy is attached to; remove the element"),
        ),
        (None, true) => out.push(
            Diagnostic::warning("iam::validate::missing_principal", format!("statement {} has no `Principal`, so it applies to no one", st.label()), Some(Span::new(st.span.start, st.span.start + 1)))
                .with_help("resource-based and trust policies must name a principal, e.g. {\"Federated\": \"cognito-identity.amazonaws.com\"}"),
        ),
        _ => {}
    }
    match (&st.resource, kind) {
        (Some(r), PolicyKind::Trust) => out.push(
            Diagnostic::warning(
                "iam::validate::resource_in_trust_policy",
                format!(
                    "a trust policy does not take `{}`",
                    if r.negated { "NotResource" } else { "Resource" }
                ),
                Some(r.key_span),
            )
            .with_help("the resource of a trust policy is the role itself; remove the element"),
        ),
        (
            None,
            PolicyKind::Identity
            | PolicyKind::Session
            | PolicyKind::PermissionsBoundary
            | PolicyKind::Resource
            | PolicyKind::ResourceControl
            | PolicyKind::VpcEndpoint,
        ) => out.push(
            Diagnostic::error(
                "iam::validate::missing_resource",
                format!(
                    "statement {} has no `Resource` or `NotResource`",
                    st.label()
                ),
                Some(Span::new(st.span.start, st.span.start + 1)),
            )
            .with_help("add \"Resource\": \"*\" or the ARNs it should cover"),
        ),
        _ => {}
    }
    if let Some(actions) = &st.action {
        for a in actions
            .values
            .iter()
            .filter(|a| a.value != "*" && !a.value.contains(':'))
        {
            if !PerValue::admit(&mut per_value.actions) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    ACTION_FORMAT,
                    format!("action `{}` has no service prefix", a.value),
                    Some(a.span),
                )
                .with_help("write actions as `service:Action`, e.g. `s3:GetObject`"),
            );
        }
    }
    if let Some(resources) = &st.resource {
        for r in resources.values.iter().filter(|r| {
            r.value != "*" && !r.value.starts_with("arn:") && !r.value.starts_with("${")
        }) {
            if !PerValue::admit(&mut per_value.resources) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    RESOURCE_FORMAT,
                    format!("resource `{}` is not an ARN", r.value),
                    Some(r.span),
                )
                .with_help("write `arn:partition:service:region:account:resource`, or `*`"),
            );
        }
    }
}

fn kind_words(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Identity => "an identity-based policy",
        PolicyKind::Session => "a session policy",
        PolicyKind::PermissionsBoundary => "a permissions boundary",
        PolicyKind::ServiceControl => "a service control policy",
        PolicyKind::Resource => "a resource-based policy",
        PolicyKind::Trust => "a trust policy",
        PolicyKind::ResourceControl => "a resource control policy",
        PolicyKind::VpcEndpoint => "a VPC endpoint policy",
    }
}

/// An `${` with no `}` after it: IAM reads it as literal text, which is rarely what was meant.
fn check_unterminated(st: &Statement, out: &mut Vec<Diagnostic>) {
    let resources = st.resource.iter().flat_map(|r| r.values.iter());
    let values = st
        .conditions
        .iter()
        .flat_map(|b| b.entries.iter())
        .flat_map(|e| e.values.iter());
    // Only a value with a `$` can hold one: one byte search, where setting up the two
    // substring searches below for each of 30,000 plain values cost the hostile share
    // link's first render about 20 ms in the browser.
    for v in resources
        .chain(values)
        .filter(|v| v.value.as_bytes().contains(&b'$'))
    {
        // The first `${` after the last `}`: nothing closes it.
        let after = v.value.rfind('}').map_or(0, |c| c + 1);
        let Some(open) = v
            .value
            .get(after..)
            .and_then(|t| t.find("${"))
            .map(|at| after + at)
        else {
            continue;
        };
        let shown: String = v.value.chars().take(60).collect();
        let more = if shown.len() < v.value.len() {
            "..."
        } else {
            ""
        };
        out.push(
            Diagnostic::warning(
                "iam::validate::unterminated_variable",
                format!("`${{` in `{shown}{more}` is never closed by `}}`, so it is literal text"),
                Some(size::inner_span(&v.value, v.span, open, 2)),
            )
            .with_help(
                "close the variable, e.g. `${aws:username}`, or write `${$}{` for a literal `${`",
            ),
        );
    }
}

fn check_variables(st: &Statement, version: PolicyVersion, out: &mut Vec<Diagnostic>) {
    if version.substitutes_variables() {
        check_unterminated(st, out);
        return;
    }
    let resources = st.resource.iter().flat_map(|r| r.values.iter());
    let values = st
        .conditions
        .iter()
        .flat_map(|b| b.entries.iter())
        .flat_map(|e| e.values.iter());
    for v in resources.chain(values).filter(|v| v.value.contains("${")) {
        let why = if version == PolicyVersion::Absent {
            "has no `Version`"
        } else {
            "is version 2008-10-17"
        };
        out.push(
            Diagnostic::warning("iam::validate::variables_need_2012_version", format!("`{}` looks like a policy variable, but the policy {why}, so it is literal text", v.value), Some(v.span))
                .with_help("set \"Version\": \"2012-10-17\" to substitute policy variables"),
        );
    }
}

fn check_conditions(st: &Statement, out: &mut Vec<Diagnostic>) {
    for block in &st.conditions {
        let Ok(op) = Operator::parse(&block.operator.value) else {
            continue;
        };
        let unguarded = || {
            block
                .entries
                .iter()
                .any(|e| !presence_required(st, &e.key.value))
        };
        if op.set == Some(SetOp::ForAllValues)
            && st.effect.value == Effect::Allow
            && !op.if_exists
            && unguarded()
        {
            out.push(
                Diagnostic::warning(
                    "iam::validate::for_all_values_with_allow",
                    format!(
                        "`{}` in an Allow statement is true when the key is missing or empty",
                        block.operator.value
                    ),
                    Some(block.operator.span),
                )
                .with_help("add a `Null` condition with \"false\" for the key, or use ForAnyValue"),
            );
        }
        for entry in &block.entries {
            check_key(
                &entry.key.value,
                entry.key.span,
                op,
                &block.operator.value,
                out,
            );
            if op.base == Base::StringEquals
                && entry.values.iter().any(|v| has_bare_wildcard(&v.value))
            {
                let name = if op.negated {
                    "StringNotLike"
                } else {
                    "StringLike"
                };
                out.push(
                    Diagnostic::warning(
                        "iam::validate::wildcard_in_equals",
                        format!("`{}` compares `*` and `?` literally", block.operator.value),
                        Some(entry.key.span),
                    )
                    .with_help(format!("use `{name}` to match with wildcards")),
                );
            }
        }
    }
}

/// Whether another condition of `st` is false when `key` is missing, so a `ForAllValues`
/// on it cannot pass vacuously: `"Null": {key: "false"}` (the guard AWS recommends), or an
/// operator that is not negated and not `...IfExists`, plain or `ForAnyValue:` (both are
/// false without the key).
fn presence_required(st: &Statement, key: &str) -> bool {
    st.conditions.iter().any(|block| {
        let Ok(op) = Operator::parse(&block.operator.value) else {
            return false;
        };
        let on_key = |e: &&crate::ConditionEntry| e.key.value.eq_ignore_ascii_case(key);
        block.entries.iter().filter(on_key).any(|e| {
            if op.base == Base::Null {
                return op.set.is_none()
                    && e.values
                        .iter()
                        .all(|v| v.value.eq_ignore_ascii_case("false"));
            }
            !op.negated && !op.if_exists && op.set != Some(SetOp::ForAllValues)
        })
    })
}

/// Whether `value` has a `*` or `?` that is not the escape `${*}` / `${?}` (which asks for
/// the character itself, exactly what `StringEquals` does).
fn has_bare_wildcard(value: &str) -> bool {
    value
        .replace("${*}", "")
        .replace("${?}", "")
        .contains(['*', '?'])
}

fn check_key(key: &str, span: Span, op: Operator, op_text: &str, out: &mut Vec<Diagnostic>) {
    match keys::misspelling(key) {
        Some(s) if s.is_empty() => out.push(Diagnostic::warning("iam::validate::unknown_global_key", format!("`{key}` is not a known global condition key"), Some(span)).with_help("a missing key makes most operators false; check the spelling")),
        Some(s) => out.push(
            Diagnostic::warning("iam::validate::unknown_global_key", format!("`{key}` is not a known condition key"), Some(span))
                .with_help(format!("did you mean `{s}`? a misspelt key is never in the request, so the condition silently fails")),
        ),
        None => {}
    }
    if op.base == Base::Null {
        return;
    }
    if op.set.is_none() && keys::is_multi_valued(key) {
        out.push(
            Diagnostic::warning("iam::validate::multivalued_key_without_set_operator", format!("`{key}` is multi-valued, but `{op_text}` has no `ForAnyValue:` or `ForAllValues:`"), Some(span))
                .with_help(format!("write `ForAnyValue:{op_text}` to test whether any value matches")),
        );
    }
    if op.set.is_some() && keys::is_single_valued(key) {
        out.push(
            Diagnostic::warning(
                "iam::validate::set_operator_on_single_valued_key",
                format!("`{key}` is single-valued, but `{op_text}` treats it as a set"),
                Some(span),
            )
            .with_help("drop the `ForAnyValue:`/`ForAllValues:` qualifier"),
        );
    }
}

mod principal;
mod size;

use principal::check_principal_rules;

pub(crate) use size::check_node;

#[cfg(test)]
mod tests;
