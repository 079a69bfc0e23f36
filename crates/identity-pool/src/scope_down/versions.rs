//! Which scope-down Cognito applies is not settled: AWS's pages disagree over time. Each
//! reading is a version here, with its source and date; a scenario (or the playground)
//! chooses one, and the report shows the decisions the others would change.

use serde::Serialize;

use super::data::{
    ScopeDownEntry, INLINE_SCOPE_DOWN, LIST_2022_EXTRA, MANAGED_SESSION_POLICY,
    MANAGED_SESSION_POLICY_ARN, MANAGED_SOURCE, NEWER_MANAGED_POLICY, NEWER_MANAGED_POLICY_ARN,
};

/// An AWS managed session policy a version passes in `PolicyArns`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ManagedSessionPolicy {
    /// The policy's name.
    pub name: &'static str,
    /// Its ARN.
    pub arn: &'static str,
    /// Its document, verbatim from the AWS managed policy reference.
    pub document: &'static str,
    /// Where the document comes from.
    pub source: &'static str,
}

/// One reading of the scope-down: an inline policy built from a service list, plus at most
/// one managed session policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScopeDownVersion {
    /// Stable id, the value of the scenario's `scopeDownVersion`.
    pub id: &'static str,
    /// A short title for the playground.
    pub title: &'static str,
    /// The date of its source.
    pub date: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// Prefixes of the 2023 table this version's list does not have.
    without: &'static [&'static str],
    /// Services this version's list has that the 2023 table does not.
    with: &'static [ScopeDownEntry],
    /// The managed session policy, when the version has one.
    pub managed: Option<ManagedSessionPolicy>,
}

/// The version the simulation uses unless the scenario chooses another: the seed page.
pub const DEFAULT_VERSION: &str = "guide-2023";

const UNAUTHENTICATED_IDENTITIES: ManagedSessionPolicy = ManagedSessionPolicy {
    name: "AmazonCognitoUnauthenticatedIdentities",
    arn: MANAGED_SESSION_POLICY_ARN,
    document: MANAGED_SESSION_POLICY,
    source: MANAGED_SOURCE,
};

const UNAUTHED_SESSION_POLICY_V3: ManagedSessionPolicy = ManagedSessionPolicy {
    name: "AmazonCognitoUnAuthedIdentitiesSessionPolicy",
    arn: NEWER_MANAGED_POLICY_ARN,
    document: NEWER_MANAGED_POLICY,
    source: "AWS managed policy reference, AmazonCognitoUnAuthedIdentitiesSessionPolicy v3 (created 2023-07-19, edited 2024-11-01): \"Cognito Identity Service will automatically include it as a scoped down policy when creating credentials\"",
};

/// The 2022 guide's reading.
const GUIDE_2022: ScopeDownVersion = ScopeDownVersion {
        id: "guide-2022",
        title: "2022 guide: list with Pinpoint and Kinesis Data Streams, no managed policy",
        date: "2022-06-09",
        source: "Cognito developer guide, IAM roles, scope-down service list (awsdocs/amazon-cognito-developer-guide iam-roles.md at 185dbdd, 2022-06-09; the 2021 lists also name Pinpoint and Kinesis Data Streams)",
        without: &["kinesisanalytics", "codewhisperer"],
        with: LIST_2022_EXTRA,
        managed: None,
};

/// The seed page's reading, the default.
const GUIDE_2023: ScopeDownVersion = ScopeDownVersion {
        id: DEFAULT_VERSION,
        title: "2023 guide (the seed page): service table + AmazonCognitoUnauthenticatedIdentities",
        date: "2023-01-31",
        source: "Cognito developer guide, IAM roles (awsdocs iam-roles.md at 64260a9, 2023-01-31): the service table and \"Amazon Cognito also attaches the AWS managed policy AmazonCognitoUnauthenticatedIdentities\"",
        without: &[],
        with: &[],
        managed: Some(UNAUTHENTICATED_IDENTITIES),
};

/// The later managed policy's reading.
const MANAGED_2024: ScopeDownVersion = ScopeDownVersion {
        id: "managed-policy-2024",
        title: "2024 managed policy: service table + AmazonCognitoUnAuthedIdentitiesSessionPolicy v3 (adds Pinpoint, more KMS)",
        date: "2024-11-01",
        source: "AWS managed policy reference, AmazonCognitoUnAuthedIdentitiesSessionPolicy v3 (2024-11-01), which says Cognito includes it automatically; kept with the 2023 inline list, since the guide describes an inline and a managed session policy together (our reading)",
        without: &[],
        with: &[],
        managed: Some(UNAUTHED_SESSION_POLICY_V3),
};

/// Every version, oldest first.
pub const VERSIONS: &[ScopeDownVersion] = &[GUIDE_2022, GUIDE_2023, MANAGED_2024];

impl ScopeDownVersion {
    /// The services of this version's inline policy, in the documentation's order.
    pub fn inline(&self) -> Vec<ScopeDownEntry> {
        INLINE_SCOPE_DOWN
            .iter()
            .filter(|e| !self.without.contains(&e.prefix))
            .chain(self.with)
            .copied()
            .collect()
    }

    /// What the report shows about the version.
    pub fn info(&self) -> VersionInfo {
        VersionInfo {
            id: self.id,
            title: self.title,
            date: self.date,
            source: self.source,
            managed_policy_arn: self.managed.map(|m| m.arn),
        }
    }
}

/// The version with id `id`.
pub fn version(id: &str) -> Option<&'static ScopeDownVersion> {
    VERSIONS.iter().find(|v| v.id == id)
}

/// The default version.
pub fn default_version() -> &'static ScopeDownVersion {
    &GUIDE_2023
}

/// A version as the report shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    /// Stable id (`scopeDownVersion`).
    pub id: &'static str,
    /// Short title.
    pub title: &'static str,
    /// Date of its source.
    pub date: &'static str,
    /// Its source.
    pub source: &'static str,
    /// The managed session policy it passes, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_policy_arn: Option<&'static str>,
}
