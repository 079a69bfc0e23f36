//! Whether one compiled statement applies to a request: action, resource, principal and
//! every condition. The fast path short-circuits and allocates nothing; with a trace, every
//! part is evaluated and recorded for the explanation.

use crate::compile::CompiledStatement;
use crate::condition::ConditionTrace;
use crate::explain::{ConditionExplanation, ElementMatch};
use crate::pattern::Matched;
use crate::principal::principal_matches;
use crate::{Request, RequestPrincipal};

/// How a resource-based statement's principal matched the caller. AWS treats a grant to
/// the exact caller (user, role session, federated or service principal, `*`) differently
/// from a grant to the role the session belongs to, or to the whole account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Grant {
    /// To the account: delegates to the account's identity policies.
    Account,
    /// To the role ARN of the calling session.
    Role,
    /// To exactly the caller.
    Direct,
}

/// What one statement did, recorded for explanations.
#[derive(Default)]
pub(crate) struct StatementTrace {
    pub action: Option<ElementMatch>,
    pub resource: Option<ElementMatch>,
    pub principal: Option<ElementMatch>,
    pub conditions: Vec<ConditionExplanation>,
    pub unevaluated: Vec<String>,
    pub missing_keys: Vec<String>,
}

/// How to treat the `Principal` element of the statements being matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PrincipalCheck {
    /// Identity-like layers: the principal is whoever the policy is attached to.
    Ignore,
    /// Resource-based layer.
    Check,
    /// Resource-based layer while the caller has a permissions boundary: AWS documents that
    /// a `Deny` with `NotPrincipal` then denies every IAM principal, whatever it lists.
    CheckWithBoundary,
}

/// `Some(grant)` when the statement applies.
pub(crate) fn applies(
    st: &CompiledStatement,
    req: &Request,
    principals: PrincipalCheck,
    mut trace: Option<&mut StatementTrace>,
) -> Option<Grant> {
    let explain = trace.is_some();
    let action_ok = action_matches(st, req, trace.as_deref_mut());
    if !action_ok && !explain {
        return None;
    }
    let resource_ok = resource_matches(st, req, trace.as_deref_mut());
    if !resource_ok && !explain {
        return None;
    }
    let quirk = principals == PrincipalCheck::CheckWithBoundary
        && st.effect == crate::Effect::Deny
        && st.principal.as_ref().is_some_and(|p| p.negated)
        && matches!(req.principal, Some(RequestPrincipal::Aws(_)));
    let grant = match principals {
        PrincipalCheck::Ignore => Some(Grant::Direct),
        _ if quirk => {
            if let Some(t) = trace.as_deref_mut() {
                let note = Some("a Deny with NotPrincipal denies every IAM principal that has a permissions boundary, whatever it lists");
                t.principal = Some(element(
                    "NotPrincipal",
                    true,
                    "(a principal with a permissions boundary)",
                    Vec::new(),
                    note,
                ));
            }
            Some(Grant::Direct)
        }
        _ => principal_matches(
            st.principal.as_ref(),
            req.principal.as_ref(),
            trace.as_deref_mut(),
        ),
    };
    if grant.is_none() && !explain {
        return None;
    }
    let mut conditions_ok = true;
    for cond in &st.conditions {
        let ok = match trace.as_deref_mut() {
            None => cond.evaluate(&req.context, None),
            Some(t) => {
                let mut ct = ConditionTrace::default();
                let ok = cond.evaluate(&req.context, Some(&mut ct));
                if ct.request_values.is_none() {
                    t.missing_keys.push(cond.key.clone());
                }
                t.missing_keys
                    .extend(ct.unresolved_variables.iter().cloned());
                t.unevaluated.extend(ct.unevaluated);
                for key in &ct.unresolved_variables {
                    t.unevaluated.push(format!("variable `${{{key}}}` in a `{}` value has no value, so that value matches nothing", cond.key));
                }
                t.conditions.push(ConditionExplanation {
                    operator: cond.operator_text.clone(),
                    key: cond.key.clone(),
                    request_values: ct.request_values,
                    policy_values: ct.policy_values,
                    result: ok,
                    span: cond.span,
                });
                ok
            }
        };
        if !ok {
            conditions_ok = false;
            if !explain {
                return None;
            }
        }
    }
    (action_ok && resource_ok && conditions_ok)
        .then_some(grant)
        .flatten()
}

fn action_matches(
    st: &CompiledStatement,
    req: &Request,
    trace: Option<&mut StatementTrace>,
) -> bool {
    let Some(list) = &st.action else {
        if let Some(t) = trace {
            t.action = Some(element(
                "Action",
                false,
                &req.action,
                Vec::new(),
                Some("the statement has no `Action`"),
            ));
        }
        return false;
    };
    let matches = |(_, p): &(String, crate::pattern::Template)| {
        p.matches(&req.action, &req.context, true) == Matched::Yes
    };
    let hit = match &st.action_lookup {
        Some(lookup) => lookup.any_match(&req.action, |i| list.items.get(i).is_some_and(matches)),
        None => list.items.iter().any(matches),
    };
    let ok = hit != list.negated;
    if let Some(t) = trace {
        let name = if list.negated { "NotAction" } else { "Action" };
        let values = list.items.iter().map(|(raw, _)| raw.clone()).collect();
        let mut explained = element(name, ok, &req.action, values, None);
        // Which entry covered the action (explanations only: `decide` never looks).
        explained.entry = list
            .items
            .iter()
            .position(matches)
            .and_then(|i| list.entry(i));
        t.action = Some(explained);
    }
    ok
}

fn resource_matches(
    st: &CompiledStatement,
    req: &Request,
    trace: Option<&mut StatementTrace>,
) -> bool {
    // No Resource element (trust policies): the statement covers the resource it is attached to.
    let Some(list) = &st.resource else {
        if let Some(t) = trace {
            t.resource = Some(element(
                "Resource",
                true,
                &req.resource,
                Vec::new(),
                Some("no `Resource`: the policy's own resource"),
            ));
        }
        return true;
    };
    let mut hit = false;
    let mut unresolved = Vec::new();
    for (_, pattern) in list.items.iter() {
        match pattern.matches(&req.resource, &req.context) {
            Matched::Yes => {
                hit = true;
                if trace.is_none() {
                    break;
                }
            }
            Matched::No => {}
            Matched::Unresolved(key) => unresolved.push(key),
        }
    }
    let ok = hit != list.negated;
    if let Some(t) = trace {
        let name = if list.negated {
            "NotResource"
        } else {
            "Resource"
        };
        let values = list
            .items
            .iter()
            .map(|(raw, p)| {
                p.template()
                    .substitute(&req.context)
                    .unwrap_or_else(|_| raw.clone())
            })
            .collect();
        let note = unresolved.first().map(|key| {
            format!(
                "variable `${{{key}}}` has no value in the request, so that entry matches nothing"
            )
        });
        // Listed as unevaluated too, as for condition values: the entry was never compared.
        for key in unresolved {
            t.missing_keys.push(key.to_string());
            t.unevaluated.push(format!(
                "variable `${{{key}}}` in a `{name}` entry has no value, so that entry matches nothing"
            ));
        }
        let mut explained = element(name, ok, &req.resource, values, note.as_deref());
        explained.entry = list
            .items
            .iter()
            .position(|(_, p)| p.matches(&req.resource, &req.context) == Matched::Yes)
            .and_then(|i| list.entry(i));
        t.resource = Some(explained);
    }
    ok
}

pub(crate) fn element(
    name: &str,
    matched: bool,
    request: &str,
    values: Vec<String>,
    note: Option<&str>,
) -> ElementMatch {
    ElementMatch {
        element: name.to_string(),
        matched,
        request: request.to_string(),
        values,
        note: note.map(str::to_string),
        entry: None,
    }
}
