//! The role's trust policy, evaluated by the engine as STS does for
//! `sts:AssumeRoleWithWebIdentity` with a Cognito identity-pool token (facts §1).

use std::collections::BTreeMap;

use iam_policy::{
    evaluate, CompiledPolicy, Context, ContextValue, Decision, Explanation, PolicySet, Request,
    RequestPrincipal,
};
use serde::Serialize;

use crate::session::{account_of, FEDERATED_PROVIDER};
use crate::token::MintedToken;

/// The action STS authorizes for a web-identity assume.
pub const ASSUME_ACTION: &str = "sts:AssumeRoleWithWebIdentity";
/// The action STS also authorizes when the session gets tags.
pub const TAG_ACTION: &str = "sts:TagSession";

/// One action STS checked against the trust policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TrustEvaluation {
    /// `sts:AssumeRoleWithWebIdentity` or `sts:TagSession`.
    pub action: String,
    /// The engine's decision.
    pub decision: Decision,
    /// The engine's explanation.
    pub explanation: Explanation,
}

/// The request context STS builds from the identity-pool token.
pub fn trust_context(token: &MintedToken, tags: &BTreeMap<String, String>) -> Context {
    let mut context = Context::new();
    context.insert(
        "cognito-identity.amazonaws.com:aud",
        ContextValue::Single(token.aud.clone()),
    );
    context.insert(
        "cognito-identity.amazonaws.com:sub",
        ContextValue::Single(token.sub.clone()),
    );
    context.insert(
        "cognito-identity.amazonaws.com:amr",
        ContextValue::Multi(token.amr.clone()),
    );
    context.insert(
        "aws:FederatedProvider",
        ContextValue::Single(FEDERATED_PROVIDER.to_owned()),
    );
    if !tags.is_empty() {
        for (key, value) in tags {
            context.insert(
                format!("aws:RequestTag/{key}"),
                ContextValue::Single(value.clone()),
            );
        }
        context.insert(
            "aws:TagKeys",
            ContextValue::Multi(tags.keys().cloned().collect()),
        );
    }
    context
}

/// Evaluates the trust policy for the assume (and for tagging, when there are tags).
/// Stops at the first action that is not allowed.
pub fn evaluate_trust(
    role_arn: &str,
    trust: &CompiledPolicy,
    token: &MintedToken,
    tags: &BTreeMap<String, String>,
) -> Vec<TrustEvaluation> {
    let set = PolicySet {
        resource: Some(trust),
        ..PolicySet::default()
    };
    let mut actions = vec![ASSUME_ACTION];
    if !tags.is_empty() {
        actions.push(TAG_ACTION);
    }
    let mut out = Vec::new();
    for action in actions {
        let request = Request {
            action: action.to_owned(),
            resource: role_arn.to_owned(),
            principal: Some(RequestPrincipal::Federated(FEDERATED_PROVIDER.to_owned())),
            account_id: Some(account_of(role_arn).to_owned()),
            context: trust_context(token, tags),
        };
        let mut evaluation = evaluate(&set, &request);
        name_the_trust_policy(&mut evaluation.explanation, action);
        let allowed = evaluation.decision == Decision::Allowed;
        out.push(TrustEvaluation {
            action: action.to_owned(),
            decision: evaluation.decision,
            explanation: evaluation.explanation,
        });
        if !allowed {
            break;
        }
    }
    out
}

/// For STS the trust policy is the only gate of a web-identity assume: an implicit deny is
/// "no statement in the role trust policy allows", whatever layer the generic engine names.
fn name_the_trust_policy(explanation: &mut Explanation, action: &str) {
    if explanation.decision == Decision::ImplicitDeny {
        explanation.deciding_layer = Some(iam_policy::Layer::ResourceBased);
        explanation.summary =
            format!("implicitly denied: no statement in the role trust policy allows {action}");
    }
}
