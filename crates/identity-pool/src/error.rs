//! The exceptions AWS returns during sign-in, with their exact wire texts in one place.

use iam_policy::{Position, Span};
use serde::Serialize;

use crate::note::{Confidence, Topic};

/// The flow step where something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Step {
    /// `cognito-identity:GetId`.
    GetId,
    /// `cognito-identity:GetOpenIdTokenForDeveloperIdentity` (your back end's call).
    GetOpenIdTokenForDeveloperIdentity,
    /// `cognito-identity:GetOpenIdToken` (basic flow).
    GetOpenIdToken,
    /// `cognito-identity:GetCredentialsForIdentity` (enhanced flow).
    GetCredentialsForIdentity,
    /// Choosing the IAM role (inside `GetCredentialsForIdentity`).
    RoleSelection,
    /// The role's trust policy, evaluated by STS.
    TrustPolicy,
    /// `sts:AssumeRoleWithWebIdentity` request validation (basic flow).
    AssumeRoleWithWebIdentity,
    /// The enhanced-flow guest scope-down session policies.
    ScopeDown,
    /// A request made with the credentials.
    AccessPolicy,
}

/// A failure as AWS reports it, plus what the playground adds to make it understandable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AwsError {
    /// The AWS exception name, e.g. `NotAuthorizedException`.
    pub code: String,
    /// The message text as AWS returns it.
    pub message: String,
    /// The step that failed.
    pub step: Step,
    /// The AWS API operation that returned the error (`GetId`, `GetCredentialsForIdentity`,
    /// `GetOpenIdToken`, `AssumeRoleWithWebIdentity`, ...).
    pub operation: String,
    /// A plain explanation for someone who has never read the docs.
    pub explanation: String,
    /// A concrete fix.
    pub fix: String,
    /// The policy involved, e.g. `Guest/trust`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The statement involved (its Sid, or `#N` for the N-th statement, 0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// Where in the scenario file the cause is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The cause's byte range in the scenario file: for a trust refusal the failing
    /// condition's key (or the statement, when no condition failed), so a front end that
    /// knows where each policy text sits can mark it in that policy's own text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// How sure we are that AWS returns exactly this code and message.
    pub confidence: Confidence,
    /// The fact the error rests on: its entry in `docs/cognito-facts.md` has the sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
}

impl AwsError {
    /// An error with the given code, message and step; explanation and fix to be filled in.
    pub fn new(code: &str, message: impl Into<String>, step: Step) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            step,
            operation: String::new(),
            explanation: String::new(),
            fix: String::new(),
            policy: None,
            statement: None,
            position: None,
            span: None,
            confidence: Confidence::Observed,
            topic: None,
        }
    }

    /// Names the fact the error rests on.
    pub fn about(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }

    /// Sets the explanation and the fix.
    pub fn explained(mut self, explanation: impl Into<String>, fix: impl Into<String>) -> Self {
        self.explanation = explanation.into();
        self.fix = fix.into();
        self
    }

    /// Sets how sure we are about the code and message.
    pub fn with_confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = confidence;
        self
    }

    /// Sets the source position of the cause.
    pub fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    /// Sets where the cause is: its byte range in `scenario`'s text and the position of
    /// its start.
    pub fn locate(&mut self, scenario: &crate::scenario::Scenario, span: Option<Span>) {
        self.position = span.map(|s| scenario.position(s.start));
        self.span = span;
    }
}

impl Step {
    /// The AWS API operation this step belongs to in `flow`.
    pub fn operation(self, flow: crate::scenario::Flow) -> &'static str {
        use crate::scenario::Flow;
        match (self, flow) {
            (Self::GetId, _) => "GetId",
            (Self::GetOpenIdTokenForDeveloperIdentity, _) => "GetOpenIdTokenForDeveloperIdentity",
            (Self::GetOpenIdToken, _) => "GetOpenIdToken",
            (Self::AccessPolicy, _) => "AccessPolicy",
            (_, Flow::Enhanced) => "GetCredentialsForIdentity",
            (_, Flow::Basic) => "AssumeRoleWithWebIdentity",
        }
    }
}

/// Exception names.
pub mod code {
    /// Cognito: not allowed (guest access off, bad token, ambiguous-role Deny).
    pub const NOT_AUTHORIZED: &str = "NotAuthorizedException";
    /// Cognito: bad parameter (classic flow off, classic flow with role mappings).
    pub const INVALID_PARAMETER: &str = "InvalidParameterException";
    /// Cognito: no role, or STS refused to assume it.
    pub const INVALID_POOL_CONFIG: &str = "InvalidIdentityPoolConfigurationException";
    /// STS: the trust policy does not allow the call.
    pub const ACCESS_DENIED: &str = "AccessDenied";
    /// STS: a parameter fails its constraints.
    pub const VALIDATION_ERROR: &str = "ValidationError";
    /// STS: session policies and tags too large once packed.
    pub const PACKED_POLICY_TOO_LARGE: &str = "PackedPolicyTooLarge";
    /// STS: a session policy is not a valid policy.
    pub const MALFORMED_POLICY: &str = "MalformedPolicyDocument";
}

/// Message texts, verbatim as AWS returns them (sources in the facts file).
pub mod message {
    /// Guest access disabled (facts §4.2, observed).
    pub const GUEST_DISABLED: &str =
        "Unauthenticated access is not supported for this identity pool.";
    /// Classic flow disabled (facts §4.2, observed).
    pub const CLASSIC_DISABLED: &str =
        "Basic (classic) flow is not enabled, please use enhanced flow.";
    /// Classic flow in a pool with role mappings (facts §3.6, documented).
    pub const CLASSIC_WITH_MAPPINGS: &str =
        "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.";
    /// Trust failure or missing role in the enhanced flow (facts §1.2, observed).
    pub const INVALID_POOL_CONFIG: &str =
        "Invalid identity pool configuration. Check assigned IAM roles for this pool.";
    /// Trust failure in the basic flow (facts §1.2, documented).
    pub const STS_NOT_AUTHORIZED: &str = "Not authorized to perform sts:AssumeRoleWithWebIdentity";
    /// Provider not configured, or wrong client / app id (facts §8.5, observed).
    pub const UNSUPPORTED_PROVIDER: &str =
        "Token is not from a supported provider of this identity pool.";
    /// Token issuer does not match the Logins key (facts §8.6, observed).
    pub const ISSUER_MISMATCH: &str = "Invalid login token. Issuer doesn't match providerName";
    /// Start of the expired-token message; `<now - 300> >= <exp>` follows, both epoch
    /// seconds (facts §8.6 and §9, observed: `Token expired: 1667365798 >= 1667235770`).
    pub const TOKEN_EXPIRED_PREFIX: &str = "Invalid login token. Token expired: ";
    /// The token has no `aud` (facts §8.6, observed).
    pub const MISSING_AUD: &str = "Invalid login token. Missing a required claim: aud";
    /// Developer provider name mismatch (facts §8, observed).
    pub const UNSUPPORTED_DEVELOPER_PROVIDER: &str =
        "This identity pool does not support the specified developer provider";
    /// DurationSeconds above the role's maximum (STS; widely seen wording).
    pub const DURATION_ABOVE_MAX: &str =
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

    /// The ambiguous-role Deny (facts §3.4; the provider part is our choice).
    pub fn ambiguous_deny(provider: &str) -> String {
        format!("The ambiguous role mapping rules for: {provider} denied this request.")
    }

    /// A login sent to a pool with no providers at all (facts §9, observed).
    pub fn no_providers(pool_id: &str) -> String {
        format!("Identity pool - {pool_id} does not have identity providers configured.")
    }

    /// A role-mapping key that is not a configured provider (facts §3.2, observed).
    pub fn invalid_mapping_provider(key: &str) -> String {
        format!("{key} is not a valid RoleMapping ProviderName or is not a configured provider.")
    }
}
