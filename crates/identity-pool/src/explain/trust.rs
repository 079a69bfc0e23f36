//! Why a trust policy refused the identity pool's token, in words, with the targeted
//! explanations for the confusions people hit most (facts §1.2, §8).

use iam_policy::{ConditionExplanation, Decision, Effect, Explanation, Span, StatementExplanation};

use crate::scenario::Role;
use crate::token::MintedToken;
use crate::trust::{TrustEvaluation, ASSUME_ACTION, TAG_ACTION};

/// What went wrong in the trust policy and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustDiagnosis {
    /// Plain explanation.
    pub explanation: String,
    /// Concrete fix.
    pub fix: String,
    /// The statement involved (label).
    pub statement: Option<String>,
    /// Where the cause is in the scenario file.
    pub span: Option<Span>,
}

const KNOWN_KEYS: [&str; 3] = [
    "cognito-identity.amazonaws.com:aud",
    "cognito-identity.amazonaws.com:sub",
    "cognito-identity.amazonaws.com:amr",
];

/// The diagnosis for a role the scenario gives no trust policy.
pub fn no_trust(role: &Role) -> TrustDiagnosis {
    TrustDiagnosis {
        explanation: format!("role `{}` has no readable trust policy in the scenario, so nothing allows the identity pool to assume it", role.name),
        fix: "add the role's `AssumeRolePolicyDocument` (trust policy), and fix any error reported in it".to_owned(),
        statement: None,
        span: Some(role.arn.span),
    }
}

/// Diagnoses a failed trust evaluation.
pub fn diagnose(role: &Role, evaluation: &TrustEvaluation, token: &MintedToken) -> TrustDiagnosis {
    let trust_span = role.trust.as_ref().map(|t| t.span).unwrap_or(role.arn.span);
    let e = &evaluation.explanation;
    if evaluation.decision == Decision::ExplicitDeny {
        let st = e.deciding_statements.first();
        return TrustDiagnosis {
            explanation: format!(
                "statement `{}` of `{}`'s trust policy explicitly denies `{}` for this token; an explicit Deny always wins",
                st.map(|s| s.label.as_str()).unwrap_or("?"),
                role.name,
                evaluation.action
            ),
            fix: "narrow or remove the Deny statement, or sign in with an identity it does not cover".to_owned(),
            statement: st.map(|s| s.label.clone()),
            span: st.map(|s| s.span),
        };
    }
    if evaluation.action == TAG_ACTION {
        return missing_tag_session(role, e);
    }
    let allows: Vec<&StatementExplanation> = e
        .statements
        .iter()
        .filter(|s| s.statement.effect == Effect::Allow)
        .collect();
    let Some(closest) = allows.iter().max_by_key(|s| closeness(s)).copied() else {
        return TrustDiagnosis {
            explanation: format!("`{}`'s trust policy has no Allow statement, so nobody can assume the role", role.name),
            fix: format!("add an Allow statement for `{ASSUME_ACTION}` with principal `{{\"Federated\": \"cognito-identity.amazonaws.com\"}}`"),
            statement: None,
            span: Some(trust_span),
        };
    };
    let label = Some(closest.statement.label.clone());
    let span = Some(closest.statement.span);
    let (explanation, fix, cause_span) = if !closest.action.matched {
        action_problem(closest)
    } else if closest.principal.as_ref().is_some_and(|p| !p.matched) {
        principal_problem(closest)
    } else if let Some(condition) = closest.conditions.iter().find(|c| !c.result) {
        let (x, f) = condition_problem(condition, token, role);
        (x, f, Some(condition.span))
    } else {
        (
            format!(
                "statement `{}` does not apply to this token",
                closest.statement.label
            ),
            "compare the statement with the documented trust policy for identity pools".to_owned(),
            None,
        )
    };
    TrustDiagnosis {
        explanation,
        fix,
        statement: label,
        span: cause_span.or(span),
    }
}

/// How far a statement got: action, then principal, then conditions.
fn closeness(s: &StatementExplanation) -> usize {
    let principal_ok = s.principal.as_ref().is_none_or(|p| p.matched);
    usize::from(s.action.matched) * 100
        + usize::from(principal_ok) * 50
        + s.conditions.iter().filter(|c| c.result).count()
}

fn action_problem(s: &StatementExplanation) -> (String, String, Option<Span>) {
    let plain_assume = s
        .action
        .values
        .iter()
        .any(|v| v.eq_ignore_ascii_case("sts:AssumeRole"));
    if plain_assume {
        return (
            format!(
                "statement `{}` allows `sts:AssumeRole`, but identity pools assume roles with `{ASSUME_ACTION}`; the two are different actions, and the message AWS returns does not say so",
                s.statement.label
            ),
            format!("change the Action to `{ASSUME_ACTION}`"),
            None,
        );
    }
    (
        format!(
            "statement `{}` allows {} but not `{ASSUME_ACTION}`, the action Cognito's STS call needs",
            s.statement.label,
            quote_list(&s.action.values)
        ),
        format!("add `{ASSUME_ACTION}` to the statement's Action"),
        None,
    )
}

fn principal_problem(s: &StatementExplanation) -> (String, String, Option<Span>) {
    let values = s
        .principal
        .as_ref()
        .map(|p| p.values.clone())
        .unwrap_or_default();
    let joined = values.join(" ");
    let why = if joined.contains(":oidc-provider/") {
        "trusts an IAM OIDC provider (for example one made for the user pool), but the token STS sees here is the identity pool's own, issued by `cognito-identity.amazonaws.com`"
    } else if joined.contains("cognito-idp") {
        "names `cognito-idp.amazonaws.com` (user pools); identity-pool tokens come from `cognito-identity.amazonaws.com`"
    } else if joined.contains("cognito-identity.amazonaws.com") {
        "names `cognito-identity.amazonaws.com` but not as a `Federated` principal (identity pools are web identity federation, not a service principal)"
    } else {
        "does not name the identity pool service as a federated principal"
    };
    (
        format!(
            "statement `{}`'s Principal ({}) {why}",
            s.statement.label,
            quote_list(&values)
        ),
        "set `\"Principal\": {\"Federated\": \"cognito-identity.amazonaws.com\"}`".to_owned(),
        None,
    )
}

fn condition_problem(
    c: &ConditionExplanation,
    token: &MintedToken,
    role: &Role,
) -> (String, String) {
    let key = c.key.to_ascii_lowercase();
    let wanted = quote_list(&c.policy_values);
    if !KNOWN_KEYS.contains(&key.as_str()) && looks_like_cognito_key(&key) {
        let suffix = key.rsplit(':').next().unwrap_or("");
        let right = KNOWN_KEYS
            .iter()
            .find(|k| k.ends_with(&format!(":{suffix}")))
            .copied()
            .unwrap_or("cognito-identity.amazonaws.com:amr");
        return (
            format!("the condition key `{}` is not a key STS sets, so the condition can never hold (a missing key does not match); the real key is `{right}`", c.key),
            format!("rename the key to `{right}`"),
        );
    }
    match key.as_str() {
        "cognito-identity.amazonaws.com:aud" => (
            format!(
                "the trust policy only accepts tokens from identity pool(s) {wanted}, but this token's `aud` is `{}`{}",
                token.aud,
                if c.policy_values.iter().any(|v| !v.contains(':')) {
                    "; a value without `REGION:` looks like an app client ID, but the token STS sees is the identity pool's, whose `aud` is the identity pool ID"
                } else {
                    ""
                }
            ),
            format!("put this pool's ID `{}` in the `cognito-identity.amazonaws.com:aud` condition", token.aud),
        ),
        "cognito-identity.amazonaws.com:amr" => amr_problem(c, token, role),
        "cognito-identity.amazonaws.com:sub" => {
            let looks_like_user_pool_sub = c.policy_values.iter().any(|v| !v.contains(':'));
            let extra = if looks_like_user_pool_sub {
                "; values without a `REGION:` prefix look like user pool `sub`s, but this key holds the identity ID (`REGION:GUID`) Cognito assigned, not the user pool `sub`"
            } else {
                ""
            };
            (
                format!("the trust policy only accepts identity IDs {wanted}, and this identity is `{}`{extra}", token.sub),
                "list the identity ID (from GetId) in `cognito-identity.amazonaws.com:sub`, or drop the restriction".to_owned(),
            )
        }
        _ => (
            format!(
                "condition `{}` on `{}` is false: the request has {}, the policy wants {wanted}",
                c.operator,
                c.key,
                c.request_values.as_ref().map(|v| quote_list(v)).unwrap_or_else(|| "no such key".to_owned())
            ),
            "adjust or remove the condition".to_owned(),
        ),
    }
}

fn amr_problem(c: &ConditionExplanation, token: &MintedToken, role: &Role) -> (String, String) {
    let guest = token.amr.iter().any(|a| a == "unauthenticated");
    let wants_auth = c.policy_values.iter().any(|v| v == "authenticated");
    let wants_unauth = c.policy_values.iter().any(|v| v == "unauthenticated");
    let amr = quote_list(&token.amr);
    if guest && wants_auth {
        return (
            format!("role `{}` trusts only signed-in identities (`amr` = `authenticated`), but a guest's token has `amr` {amr}: the guest role and the authenticated role are probably swapped", role.name),
            "use a role whose trust policy tests `\"unauthenticated\"` as the pool's unauthenticated role".to_owned(),
        );
    }
    if !guest && wants_unauth {
        return (
            format!("role `{}` trusts only guests (`amr` = `unauthenticated`), but this signed-in token has `amr` {amr}: the roles are probably swapped", role.name),
            "use a role whose trust policy tests `\"authenticated\"` for signed-in users".to_owned(),
        );
    }
    if let Some(op) = c.operator.strip_prefix("ForAllValues:") {
        return (
            format!(
                "`ForAllValues:{op}` requires every member of `amr` to match {}, but a signed-in token's `amr` also lists the provider ({amr}), so the condition fails",
                quote_list(&c.policy_values)
            ),
            format!("use `ForAnyValue:{op}`: it holds when one member of `amr` matches"),
        );
    }
    let set_operator = c.operator.starts_with("ForAnyValue:");
    let hint = if set_operator {
        String::new()
    } else {
        format!(
            "; `amr` is multi-valued, so test it with `ForAnyValue:{}`",
            c.operator
        )
    };
    (
        format!(
            "the trust policy requires `amr` {} {}, but this token's `amr` is {amr}{hint}",
            c.operator,
            quote_list(&c.policy_values)
        ),
        "sign in with the provider the role expects, or add this provider to the `amr` condition"
            .to_owned(),
    )
}

fn looks_like_cognito_key(key: &str) -> bool {
    key.contains("cognito")
        || key.ends_with(":amr")
        || key.ends_with(":aud")
        || key.ends_with(":sub")
}

fn missing_tag_session(role: &Role, e: &Explanation) -> TrustDiagnosis {
    let st = e.statements.iter().find(|s| {
        s.statement.effect == Effect::Allow
            && s.action
                .values
                .iter()
                .any(|v| v.contains("AssumeRoleWithWebIdentity"))
    });
    TrustDiagnosis {
        explanation: format!(
            "the pool maps principal tags (attributes for access control), so STS also needs `{TAG_ACTION}`; `{}`'s trust policy allows the assume but not tagging the session",
            role.name
        ),
        fix: format!("add `{TAG_ACTION}` to the Action of the trust statement: `\"Action\": [\"{ASSUME_ACTION}\", \"{TAG_ACTION}\"]`"),
        statement: st.map(|s| s.statement.label.clone()),
        span: st.map(|s| s.statement.span).or(Some(role_trust_span(role))),
    }
}

fn role_trust_span(role: &Role) -> Span {
    role.trust.as_ref().map(|t| t.span).unwrap_or(role.arn.span)
}

/// `a`, `b` and `c` quoted in backticks.
pub fn quote_list(values: &[String]) -> String {
    if values.is_empty() {
        return "nothing".to_owned();
    }
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a trust statement's explanation points: the key of its first condition that did
/// not hold (the one its `reason` names), else the statement itself. Front ends link each
/// line of the trust breakdown there.
pub fn cause_span(statement: &StatementExplanation) -> Span {
    let principal_ok = statement.principal.as_ref().is_none_or(|p| p.matched);
    let elements_ok = statement.action.matched && statement.resource.matched && principal_ok;
    statement
        .conditions
        .iter()
        .find(|c| elements_ok && !c.result)
        .map_or(statement.statement.span, |c| c.span)
}
