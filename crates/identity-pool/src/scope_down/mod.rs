//! The session policies Cognito adds for guests in the enhanced flow: an inline policy built
//! from [`INLINE_SCOPE_DOWN`] and the managed `AmazonCognitoUnauthenticatedIdentities`,
//! together one session layer that is intersected with the role's policies.

mod data;

pub use data::{
    action_prefix, entry_for, ScopeDownEntry, INLINE_SCOPE_DOWN, MANAGED_SESSION_POLICY,
    MANAGED_SESSION_POLICY_ARN, MANAGED_SOURCE, NEWER_MANAGED_POLICY, NEWER_MANAGED_POLICY_ARN,
};

use iam_policy::{CompiledPolicy, PolicyKind, PolicySource};

use crate::note::{Confidence, Note};
use crate::session::SessionPolicyView;

/// Label of the inline scope-down policy in explanations.
pub const INLINE_NAME: &str = "scope-down/inline";
/// Label of the managed scope-down policy in explanations.
pub const MANAGED_NAME: &str = "scope-down/AmazonCognitoUnauthenticatedIdentities";

/// The inline session policy's text, built from the table (one statement, `Resource: *`).
pub fn inline_policy_text() -> String {
    let actions: Vec<String> = INLINE_SCOPE_DOWN
        .iter()
        .flat_map(|e| e.actions.iter())
        .map(|a| format!("\"{a}\""))
        .collect();
    format!(
        "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Sid\":\"CognitoUnauthenticatedScopeDown\",\"Effect\":\"Allow\",\"Action\":[{}],\"Resource\":\"*\"}}]}}",
        actions.join(",")
    )
}

/// The scope-down as session policies: what is shown, and what is evaluated.
#[derive(Debug)]
pub struct ScopeDown {
    /// The documents as shown to the user.
    pub views: Vec<SessionPolicyView>,
    /// The same, compiled.
    pub compiled: Vec<CompiledPolicy>,
}

/// Builds the guest scope-down.
pub fn guest_scope_down() -> ScopeDown {
    let inline = pretty(&inline_policy_text());
    let views = vec![
        SessionPolicyView {
            name: INLINE_NAME.to_owned(),
            arn: None,
            source: "built by the simulator from the documented service table; AWS does not publish the JSON".to_owned(),
            document: inline,
        },
        SessionPolicyView {
            name: MANAGED_NAME.to_owned(),
            arn: Some(MANAGED_SESSION_POLICY_ARN.to_owned()),
            source: MANAGED_SOURCE.to_owned(),
            document: pretty(MANAGED_SESSION_POLICY),
        },
    ];
    let compiled = views
        .iter()
        .filter_map(|v| {
            CompiledPolicy::from_text(
                &v.document,
                PolicySource {
                    name: v.name.clone(),
                    kind: PolicyKind::Session,
                },
            )
            .0
        })
        .collect();
    ScopeDown { views, compiled }
}

/// The document indented as the IAM console shows it, so spans in explanations point into
/// the text the user sees.
pub fn pretty(text: &str) -> String {
    iam_policy::format_policy(text).unwrap_or_else(|_| text.to_owned())
}

/// The uncertainty every report with a scope-down carries.
pub fn scope_down_notes() -> Vec<Note> {
    vec![
        Note::new(
            "scope-down-inline-policy",
            Confidence::Assumed,
            "the inline scope-down policy is built from the documented service table (2023); AWS does not publish its JSON, and the exact actions (e.g. `execute-api:*`, `kms:ReEncrypt*`) are our reading",
        ),
        Note::new(
            "scope-down-managed-policy",
            Confidence::Assumed,
            format!(
                "the managed session policy is `AmazonCognitoUnauthenticatedIdentities` (rum:PutRumEvents), as the 2023 guide says; AWS later published `{NEWER_MANAGED_POLICY_ARN}` as Cognito's guardrail and it is not documented which one(s) Cognito passes today"
            ),
        ),
    ]
}

#[cfg(test)]
mod tests;
