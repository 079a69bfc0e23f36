//! The Cognito-level reading of one request's decision: a denial caused by the guest
//! scope-down says so; `${cognito-identity.amazonaws.com:sub}` vs user pool `sub`, and
//! missing principal tags, get targeted explanations.

use iam_policy::{Decision, Explanation, Layer};

use crate::report::{Cause, CognitoExplanation};
use crate::scenario::Scenario;
use crate::scope_down::entry_for;
use crate::session::Session;

/// What the explainer needs to know besides the engine's explanation.
pub struct RequestFacts<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The session.
    pub session: &'a Session,
    /// Whether the guest scope-down applies.
    pub scope_down: bool,
    /// The decision without the session layer (does the role itself allow it?).
    pub without_session: Decision,
    /// The action.
    pub action: &'a str,
    /// The resource.
    pub resource: &'a str,
    /// The source text of the role's permission policies.
    pub role_policy_texts: Vec<&'a str>,
}

/// Explains `e` for a person.
pub fn explain_request(facts: &RequestFacts<'_>, e: &Explanation) -> CognitoExplanation {
    let role = role_name(&facts.session.role_arn);
    match e.decision {
        Decision::Allowed => CognitoExplanation {
            summary: e.summary.clone(),
            fix: None,
            cause: Cause::Allowed,
        },
        Decision::ExplicitDeny => {
            let st = e.deciding_statements.first();
            CognitoExplanation {
                summary: format!(
                    "statement `{}` of `{}` explicitly denies `{}`; an explicit Deny overrides every Allow",
                    st.map(|s| s.label.as_str()).unwrap_or("?"),
                    st.map(|s| s.policy.as_str()).unwrap_or("?"),
                    facts.action
                ),
                fix: Some("narrow the Deny statement if this request should pass".to_owned()),
                cause: Cause::ExplicitDeny,
            }
        }
        Decision::ImplicitDeny => implicit(facts, e, role),
    }
}

fn implicit(facts: &RequestFacts<'_>, e: &Explanation, role: &str) -> CognitoExplanation {
    let action = facts.action;
    if e.deciding_layer == Some(Layer::Session) && facts.without_session == Decision::Allowed {
        if facts.scope_down {
            let service = crate::scope_down::action_prefix(action);
            let entries = facts.scenario.scope_down().inline();
            let entry = entry_for(&entries, action);
            let why = match entry {
                Some(entry) => format!(
                    "the scope-down grants only {} of {}",
                    crate::explain::trust::quote_list(
                        &entry
                            .actions
                            .iter()
                            .map(|a| (*a).to_owned())
                            .collect::<Vec<_>>()
                    ),
                    entry.service
                ),
                None => format!("`{service}` is not one of the services in the scope-down list"),
            };
            return CognitoExplanation {
                summary: format!(
                    "the role `{role}` allows `{action}`, but guests in the enhanced flow only get the services in Cognito's scope-down list: {why}. AWS reports this as \"no session policy allows\" the action"
                ),
                fix: Some(format!(
                    "{}, sign users in (authenticated identities get no scope-down), or use the basic flow, where the app's own AssumeRoleWithWebIdentity call sets the session policy",
                    match entry {
                        Some(_) => format!("have guests use only the allowed `{service}` actions"),
                        None => format!("drop `{service}` from what guests do"),
                    }
                )),
                cause: Cause::ScopeDown,
            };
        }
        return CognitoExplanation {
            summary: format!("the role `{role}` allows `{action}`, but the session policies the app passed to AssumeRoleWithWebIdentity do not"),
            fix: Some("add the action to the inline `Policy` (or a managed policy in `PolicyArns`), or pass no session policy".to_owned()),
            cause: Cause::SessionPolicy,
        };
    }
    if e.deciding_layer == Some(Layer::PermissionsBoundary) {
        return CognitoExplanation {
            summary: format!("the role `{role}`'s policies allow `{action}`, but its permissions boundary does not"),
            fix: Some("allow the action in the permissions boundary too".to_owned()),
            cause: Cause::Boundary,
        };
    }
    if e.deciding_layer == Some(Layer::ResourceBased) {
        let role_account = crate::session::account_of(&facts.session.role_arn);
        let resource_account = crate::session::account_of(facts.resource);
        let cross = !resource_account.is_empty() && resource_account != role_account;
        let summary = if cross {
            format!(
                "the resource is in account {resource_account} but the role `{role}` is in account {role_account}: a cross-account request needs an Allow in the resource's own policy as well as in the role's policies, and the resource has none for this request"
            )
        } else {
            format!(
                "the resource-based policy of `{}` does not allow this request",
                facts.resource
            )
        };
        let fix = if cross {
            "add a resource-based policy on the resource that allows the role (or its session), or use a role and resource in the same account"
        } else {
            "allow the role or its session in the resource's policy"
        };
        return CognitoExplanation {
            summary,
            fix: Some(fix.to_owned()),
            cause: Cause::ResourcePolicy,
        };
    }
    if let Some(tag) = e
        .missing_context_keys
        .iter()
        .find(|k| k.to_ascii_lowercase().starts_with("aws:principaltag/"))
    {
        return CognitoExplanation {
            summary: format!("a policy reads `{tag}`, but this session has no such principal tag, so the condition or resource with it does not match"),
            fix: Some("map the attribute in `principalTagAttributeMaps` for the sign-in's provider (and allow `sts:TagSession` in the trust policy)".to_owned()),
            cause: Cause::MissingPrincipalTag,
        };
    }
    if let Some(x) = identity_id_vs_sub(facts) {
        return x;
    }
    CognitoExplanation {
        summary: format!(
            "no statement in the policies of role `{role}` allows `{action}` on `{}`",
            facts.resource
        ),
        fix: Some(format!(
            "add an Allow statement for `{action}` on this resource to the role's permissions"
        )),
        cause: Cause::AccessPolicy,
    }
}

/// A request for a path with the user pool `sub` where the policy uses the identity ID.
fn identity_id_vs_sub(facts: &RequestFacts<'_>) -> Option<CognitoExplanation> {
    let user_sub = facts.scenario.sign_in.claim_text("sub")?;
    // Only when a policy of the role actually uses the identity-pool `sub`.
    let uses_variable = facts.role_policy_texts.iter().any(|t| {
        t.to_ascii_lowercase()
            .contains("cognito-identity.amazonaws.com:sub")
    });
    if !uses_variable {
        return None;
    }
    let identity_id = match facts
        .session
        .context
        .get("cognito-identity.amazonaws.com:sub")
    {
        Some(iam_policy::ContextValue::Single(id)) => id.as_str(),
        _ => return None,
    };
    if user_sub.len() < 4
        || !facts.resource.contains(user_sub)
        || facts.resource.contains(identity_id)
    {
        return None;
    }
    Some(CognitoExplanation {
        summary: format!(
            "the resource uses the user pool `sub` `{user_sub}`, but `${{cognito-identity.amazonaws.com:sub}}` is the identity ID `{identity_id}` that Cognito assigned, not the user pool `sub`"
        ),
        fix: Some(format!(
            "name the object after the identity ID (e.g. `.../{identity_id}/...`, as Amplify's private storage does), or map `sub` to a principal tag and use `${{aws:PrincipalTag/username}}`"
        )),
        cause: Cause::IdentityIdVsSub,
    })
}

/// The message a service returns for a denied request, in IAM's documented format.
pub fn access_denied_message(
    session: &Session,
    action: &str,
    resource: &str,
    e: &Explanation,
) -> Option<String> {
    let kind = match e.deciding_layer? {
        Layer::Identity => "identity-based",
        Layer::Session => "session",
        Layer::PermissionsBoundary => "permissions boundary",
        Layer::ResourceBased => "resource-based",
        Layer::ServiceControl => "service control",
        Layer::ResourceControl => "resource control",
        Layer::VpcEndpoint => "VPC endpoint",
    };
    let why = match e.decision {
        Decision::Allowed => return None,
        Decision::ExplicitDeny => format!("with an explicit deny in a {kind} policy"),
        Decision::ImplicitDeny => format!("because no {kind} policy allows the {action} action"),
    };
    Some(format!(
        "User: {} is not authorized to perform: {action} on resource: {resource} {why}",
        session.assumed_role_arn
    ))
}

fn role_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}
