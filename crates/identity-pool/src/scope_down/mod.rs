//! The session policies Cognito adds for guests in the enhanced flow: an inline policy built
//! from a documented service list and an AWS managed session policy, together one session
//! layer that is intersected with the role's policies. Which list and which managed policy
//! is not settled, so they are versioned data ([`VERSIONS`]); the scenario chooses one.

mod data;
mod versions;

pub use data::{
    action_prefix, entry_for, ScopeDownEntry, INLINE_SCOPE_DOWN, LIST_2022_EXTRA,
    MANAGED_SESSION_POLICY, MANAGED_SESSION_POLICY_ARN, MANAGED_SOURCE, NEWER_MANAGED_POLICY,
    NEWER_MANAGED_POLICY_ARN,
};
pub use versions::{
    default_version, version, ManagedSessionPolicy, ScopeDownVersion, VersionInfo, DEFAULT_VERSION,
    VERSIONS,
};

use std::sync::OnceLock;

use iam_policy::{CompiledPolicy, PolicyKind, PolicySource};

use crate::note::{Confidence, Note, Topic};
use crate::session::SessionPolicyView;

/// Label of the inline scope-down policy in explanations.
pub const INLINE_NAME: &str = "scope-down/inline";

/// The inline session policy's text for `entries` (one statement, `Resource: *`).
pub fn inline_policy_text(entries: &[ScopeDownEntry]) -> String {
    let actions: Vec<String> = entries
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
#[derive(Clone, Debug)]
pub struct ScopeDown {
    /// The version it follows.
    pub version: &'static ScopeDownVersion,
    /// The documents as shown to the user.
    pub views: Vec<SessionPolicyView>,
    /// The same, compiled.
    pub compiled: Vec<CompiledPolicy>,
}

/// The guest scope-down of `version`. The documents are fixed data, so each version is
/// formatted, parsed and compiled once per process ([`built`]); every guest simulation used
/// to redo that for each version, which made it most of a small scenario's cost.
pub fn guest_scope_down(version: &'static ScopeDownVersion) -> ScopeDown {
    built()
        .iter()
        .find(|sd| sd.version == version)
        .cloned()
        .unwrap_or_else(|| build(version))
}

/// The scope-down of every version of [`VERSIONS`], built on first use.
pub fn built() -> &'static [ScopeDown] {
    static BUILT: OnceLock<Vec<ScopeDown>> = OnceLock::new();
    BUILT.get_or_init(|| VERSIONS.iter().map(build).collect())
}

/// Builds the guest scope-down of `version` from its data.
fn build(version: &'static ScopeDownVersion) -> ScopeDown {
    let mut views = vec![SessionPolicyView {
        name: INLINE_NAME.to_owned(),
        arn: None,
        source: format!(
            "built by the simulator from the service list of scope-down version `{}` ({}); AWS does not publish the JSON",
            version.id, version.date
        ),
        document: pretty(&inline_policy_text(&version.inline())),
    }];
    views.extend(version.managed.map(|m| SessionPolicyView {
        name: format!("scope-down/{}", m.name),
        arn: Some(m.arn.to_owned()),
        source: m.source.to_owned(),
        document: pretty(m.document),
    }));
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
    ScopeDown {
        version,
        views,
        compiled,
    }
}

/// The document indented as the IAM console shows it, so spans in explanations point into
/// the text the user sees.
pub fn pretty(text: &str) -> String {
    iam_policy::format_policy(text).unwrap_or_else(|_| text.to_owned())
}

/// The uncertainty every report with a scope-down carries.
pub fn scope_down_notes(version: &ScopeDownVersion) -> Vec<Note> {
    let others: Vec<String> = VERSIONS
        .iter()
        .filter(|v| v.id != version.id)
        .map(|v| format!("`{}` ({})", v.id, v.date))
        .collect();
    let managed = version.managed.map_or_else(
        || "no managed session policy".to_owned(),
        |m| format!("the managed session policy `{}`", m.name),
    );
    vec![
        Note::new(
            Topic::ScopeDownVersion,
            Confidence::Assumed,
            format!(
                "which scope-down Cognito applies today is not settled; this run uses version `{}` ({}: {}) with {managed}. The other readings are {}; requests whose decision they would change are marked, with both outcomes",
                version.id,
                version.date,
                version.title,
                others.join(", ")
            ),
        ),
        Note::new(
            Topic::ScopeDownInlinePolicy,
            Confidence::Assumed,
            "the inline scope-down policy is built from the documented service list; AWS does not publish its JSON, and the exact actions (e.g. `execute-api:*`, `kms:ReEncrypt*`) are our reading",
        ),
    ]
}

#[cfg(test)]
mod tests;
