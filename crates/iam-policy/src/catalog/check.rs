//! Catalog checks on a parsed policy, in the spirit of IAM Access Analyzer's policy
//! validation: actions and service prefixes that do not exist (with "did you mean"),
//! condition keys an action never carries, and resources that fit none of an action's
//! resource types. Codes `iam::catalog::*`, documented in docs/diagnostics.md.

use aws_catalog::{ActionRef, Catalog};

use crate::policy::{Policy, Spanned, Statement};
use crate::{Diagnostic, Span};

/// The actions one `Action` entry stands for.
struct Entry<'c> {
    text: &'c str,
    span: Span,
    /// A literal action (not a wildcard pattern).
    literal: bool,
    actions: Vec<ActionRef<'c>>,
}

/// The catalog findings for `policy`, with spans in the policy's text.
pub fn check_policy(policy: &Policy, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for st in &policy.statements {
        check_statement(st, catalog, &mut out);
    }
    out
}

fn check_statement(st: &Statement, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let Some(list) = &st.action else {
        return;
    };
    let entries: Vec<Entry<'_>> = list
        .values
        .iter()
        .filter_map(|v| resolve(v, catalog, out))
        .collect();
    // `NotAction` names what is excluded: the rest of the statement is about every other
    // action, so only the names themselves are checked.
    if list.negated || list.values.iter().any(|v| v.value == "*") {
        return;
    }
    if let Some(resources) = st.resource.as_ref().filter(|r| !r.negated) {
        check_resources(&entries, &resources.values, out);
    }
    for block in &st.conditions {
        for entry in &block.entries {
            check_key(&entry.key, &entries, catalog, out);
        }
    }
}

/// Looks one `Action` entry up; unknown names are reported and give `None`.
fn resolve<'c>(
    v: &'c Spanned<String>,
    catalog: &'c Catalog,
    out: &mut Vec<Diagnostic>,
) -> Option<Entry<'c>> {
    let text = v.value.as_str();
    let (prefix, name) = text.split_once(':')?;
    let wild = |s: &str| s.contains(['*', '?']);
    if !wild(prefix) && catalog.service(prefix).is_none() {
        let help = match catalog.suggest_service(prefix) {
            Some(s) => format!("did you mean `{s}`? an unknown prefix matches no request, so the entry grants or denies nothing"),
            None => "an unknown prefix matches no request, so the entry grants or denies nothing; see the Service Authorization Reference for prefixes".to_owned(),
        };
        out.push(
            Diagnostic::warning(
                "iam::catalog::unknown_service",
                format!("`{prefix}` is not an AWS service prefix"),
                Some(v.span),
            )
            .with_help(help),
        );
        return None;
    }
    let literal = !wild(text);
    let actions = if literal {
        catalog.action(text).into_iter().collect()
    } else {
        catalog.expand(text)
    };
    if actions.is_empty() {
        let (message, help) = if literal {
            let help = match catalog.suggest_action(text) {
                Some(s) => {
                    format!("did you mean `{s}`? an action that does not exist matches no request")
                }
                None => "an action that does not exist matches no request".to_owned(),
            };
            (format!("`{name}` is not an action of `{prefix}`"), help)
        } else {
            (
                format!("`{text}` matches no action"),
                "a pattern that covers no action matches no request; check the spelling".to_owned(),
            )
        };
        out.push(
            Diagnostic::warning("iam::catalog::unknown_action", message, Some(v.span))
                .with_help(help),
        );
        return None;
    }
    Some(Entry {
        text,
        span: v.span,
        literal,
        actions,
    })
}

/// The resource types an action takes, for help lines: ``bucket` (`arn:...`)`, or a note
/// that it only takes `*`.
fn takes(action: &ActionRef<'_>) -> String {
    let types: Vec<String> = action
        .resource_types()
        .take(4)
        .map(|rt| format!("`{}` (`{}`)", rt.name, rt.arn))
        .collect();
    if types.is_empty() {
        format!(
            "`{}` takes no resource type: only `\"Resource\": \"*\"` covers it",
            action.full_name()
        )
    } else {
        format!("`{}` takes {}", action.full_name(), types.join(", "))
    }
}

fn check_resources(
    entries: &[Entry<'_>],
    resources: &[Spanned<String>],
    out: &mut Vec<Diagnostic>,
) {
    if entries.is_empty() || resources.iter().any(|r| r.value == "*") {
        return;
    }
    // fits[e][r]: some action of entry e can act on a resource that resource r names.
    let fits: Vec<Vec<bool>> = entries
        .iter()
        .map(|e| {
            resources
                .iter()
                .map(|r| e.actions.iter().any(|a| a.accepts_resource(&r.value)))
                .collect()
        })
        .collect();
    let fits_at = |e: usize, r: usize| fits.get(e).and_then(|row| row.get(r)).copied();
    let mut any_fit = false;
    for (r, resource) in resources.iter().enumerate() {
        if (0..entries.len()).any(|e| fits_at(e, r) == Some(true)) {
            any_fit = true;
            continue;
        }
        let Some(first) = entries.first().and_then(|e| e.actions.first()) else {
            continue;
        };
        let whose = match entries {
            [one] if one.literal => format!("`{}`", one.text),
            _ => "this statement's actions".to_owned(),
        };
        out.push(
            Diagnostic::warning(
                "iam::catalog::resource_type_mismatch",
                format!(
                    "`{}` fits none of the resource types of {whose}",
                    resource.value
                ),
                Some(resource.span),
            )
            .with_help(format!(
                "the statement never applies to it; {}",
                takes(first)
            )),
        );
    }
    if !any_fit {
        return;
    }
    for (e, entry) in entries.iter().enumerate() {
        let fits_some = (0..resources.len()).any(|r| fits_at(e, r) == Some(true));
        if fits_some || !entry.literal {
            continue;
        }
        let Some(action) = entry.actions.first() else {
            continue;
        };
        out.push(
            Diagnostic::warning(
                "iam::catalog::resource_type_mismatch",
                format!(
                    "no `Resource` of this statement fits `{}`, so the statement never applies to it",
                    entry.text
                ),
                Some(entry.span),
            )
            .with_help(format!(
                "{}; move it to a statement with such a resource",
                takes(action)
            )),
        );
    }
}

fn check_key(
    key: &Spanned<String>,
    entries: &[Entry<'_>],
    catalog: &Catalog,
    out: &mut Vec<Diagnostic>,
) {
    let Some((prefix, _)) = key.value.split_once(':') else {
        return;
    };
    // Global keys are checked by `iam::validate::unknown_global_key`; keys of identity
    // providers (`cognito-identity.amazonaws.com:amr`) have no service of their own.
    if prefix.eq_ignore_ascii_case("aws") || entries.is_empty() {
        return;
    }
    let Some(service) = catalog.service(prefix) else {
        return;
    };
    // A misspelling the built-in key list already reports is not said twice.
    if service.key(&key.value).is_none() && crate::keys::misspelling(&key.value).is_none() {
        let help = match service.suggest_key(&key.value) {
            Some(s) => {
                format!("did you mean `{s}`? a key no request carries makes the condition false")
            }
            None => "a key no request carries makes the condition false (true with `...IfExists`)"
                .to_owned(),
        };
        out.push(
            Diagnostic::warning(
                "iam::catalog::unknown_condition_key",
                format!(
                    "`{}` is not a condition key of `{}`",
                    key.value, service.prefix
                ),
                Some(key.span),
            )
            .with_help(help),
        );
        return;
    }
    if service.key(&key.value).is_none() {
        return;
    }
    let supported = |e: &Entry<'_>| e.actions.iter().any(|a| a.supports_key(&key.value));
    let lacking: Vec<&Entry<'_>> = entries.iter().filter(|e| !supported(e)).collect();
    if lacking.is_empty() {
        return;
    }
    let none_support = lacking.len() == entries.len();
    let literal: Vec<String> = lacking
        .iter()
        .filter(|e| e.literal)
        .map(|e| format!("`{}`", e.text))
        .collect();
    let message = match (none_support, literal.as_slice()) {
        (_, [one]) if lacking.len() == 1 => {
            format!("{one} does not support the condition key `{}`", key.value)
        }
        (true, _) => format!(
            "no action of this statement supports the condition key `{}`",
            key.value
        ),
        (false, []) => return,
        (false, some) => format!(
            "{} do not support the condition key `{}`",
            some.join(", "),
            key.value
        ),
    };
    out.push(
        Diagnostic::warning(
            "iam::catalog::unsupported_condition_key",
            message,
            Some(key.span),
        )
        .with_help("a request for such an action never carries the key, so the condition is false for it (true with `...IfExists`); move the action to a statement without this condition"),
    );
}
