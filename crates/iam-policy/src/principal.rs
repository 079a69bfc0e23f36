//! Matching a statement's `Principal` or `NotPrincipal` against the caller, including the
//! ways an AWS principal can be named: its exact ARN, the role behind a role session, or the
//! account.

use crate::compile::PrincipalSpec;
use crate::statement::{element, Grant, StatementTrace};
use crate::RequestPrincipal;

pub(crate) fn principal_matches(
    spec: Option<&PrincipalSpec>,
    caller: Option<&RequestPrincipal>,
    trace: Option<&mut StatementTrace>,
) -> Option<Grant> {
    let describe = |c: Option<&RequestPrincipal>| match c {
        Some(RequestPrincipal::Aws(a)) => format!("AWS: {a}"),
        Some(RequestPrincipal::Federated(a)) => format!("Federated: {a}"),
        Some(RequestPrincipal::Service(a)) => format!("Service: {a}"),
        Some(RequestPrincipal::CanonicalUser(a)) => format!("CanonicalUser: {a}"),
        Some(RequestPrincipal::Anonymous) => "anonymous (an unsigned request)".to_string(),
        None => "(no principal)".to_string(),
    };
    let Some(spec) = spec else {
        if let Some(t) = trace {
            let note = Some("a resource-based statement without `Principal` applies to no one");
            t.principal = Some(element(
                "Principal",
                false,
                &describe(caller),
                Vec::new(),
                note,
            ));
        }
        return None;
    };
    let best = if spec.any {
        Some(Grant::Direct)
    } else {
        caller.and_then(|c| {
            spec.entries
                .iter()
                .filter_map(|(ty, v)| match_one(ty, v, c))
                .max()
        })
    };
    let grant = if spec.negated {
        // NotPrincipal: applies to every caller not fully listed.
        match caller {
            Some(c) if !listed(spec, c) => Some(Grant::Direct),
            _ => None,
        }
    } else {
        best
    };
    if let Some(t) = trace {
        let name = if spec.negated {
            "NotPrincipal"
        } else {
            "Principal"
        };
        let mut values: Vec<String> = spec
            .entries
            .iter()
            .map(|(ty, v)| format!("{ty}: {v}"))
            .collect();
        if spec.any {
            values.push("*".to_string());
        }
        let note = match (grant, spec.negated) {
            (Some(Grant::Role), _) => Some("matched through the role ARN of the calling session"),
            (Some(Grant::Account), _) => {
                Some("matched through the account: the caller's identity policies must also allow")
            }
            _ => None,
        };
        t.principal = Some(element(
            name,
            grant.is_some(),
            &describe(caller),
            values,
            note,
        ));
    }
    grant
}

/// Whether a `NotPrincipal` lists the caller. AWS checks every identity behind a request:
/// the caller, the role of a role session, and the account; all must be listed for the
/// caller to be exempt (the User Guide's NotPrincipal examples list session, role and account).
fn listed(spec: &PrincipalSpec, caller: &RequestPrincipal) -> bool {
    let has = |ty: &str, pred: &dyn Fn(&str) -> bool| {
        spec.any
            || spec
                .entries
                .iter()
                .any(|(t, v)| t == ty && (v == "*" || pred(v)))
    };
    match caller {
        RequestPrincipal::Aws(arn) => {
            let me = has("AWS", &|v| v == arn);
            let account =
                arn_account(arn).is_none_or(|acct| has("AWS", &|v| names_account(v, acct)));
            let role = session_role(arn)
                .is_none_or(|(acct, role)| has("AWS", &|v| names_role(v, acct, role)));
            me && account && role
        }
        RequestPrincipal::Federated(p) => has("Federated", &|v| v == p),
        RequestPrincipal::Service(p) => has("Service", &|v| v == p),
        RequestPrincipal::CanonicalUser(p) => has("CanonicalUser", &|v| v == p),
        // Only `*` (or `"AWS": "*"`) stands for everyone, anonymous users included.
        RequestPrincipal::Anonymous => has("AWS", &|_| false),
    }
}

/// `123456789012` or `arn:aws:iam::123456789012:root` for account `acct`.
fn names_account(value: &str, acct: &str) -> bool {
    value == acct
        || value
            .strip_prefix("arn:aws:iam::")
            .and_then(|r| r.strip_suffix(":root"))
            == Some(acct)
}

/// `arn:aws:iam::ACCT:role/[path/]ROLE` for role `role` of account `acct`.
fn names_role(value: &str, acct: &str, role: &str) -> bool {
    let parsed = value
        .strip_prefix("arn:aws:iam::")
        .and_then(|rest| rest.split_once(':'));
    let name =
        parsed.and_then(|(a, path)| Some((a, path.strip_prefix("role/")?.rsplit('/').next()?)));
    name == Some((acct, role))
}

fn match_one(ty: &str, value: &str, caller: &RequestPrincipal) -> Option<Grant> {
    match (ty, caller) {
        ("AWS", _) if value == "*" => Some(Grant::Direct),
        ("AWS", RequestPrincipal::Aws(arn)) => {
            if value == arn {
                return Some(Grant::Direct);
            }
            if names_account(value, arn_account(arn)?) {
                return Some(Grant::Account);
            }
            let (acct, role) = session_role(arn)?;
            names_role(value, acct, role).then_some(Grant::Role)
        }
        // An anonymous caller is matched only by `*` (above); no ARN, account or provider names it.
        (_, RequestPrincipal::Anonymous) => None,
        ("Federated", RequestPrincipal::Federated(p))
        | ("Service", RequestPrincipal::Service(p))
        | ("CanonicalUser", RequestPrincipal::CanonicalUser(p)) => {
            (value == p).then_some(Grant::Direct)
        }
        _ => None,
    }
}

/// The account of an IAM or STS ARN.
pub(crate) fn arn_account(arn: &str) -> Option<&str> {
    crate::pattern::split_arn(arn, false)
        .map(|p| p[4])
        .filter(|a| !a.is_empty())
}

/// `(account, role name)` of an `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` ARN.
fn session_role(arn: &str) -> Option<(&str, &str)> {
    let parts = crate::pattern::split_arn(arn, false)?;
    let mut path = parts[5].strip_prefix("assumed-role/")?.split('/');
    Some((parts[4], path.next()?))
}
