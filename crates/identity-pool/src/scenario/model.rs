//! The scenario document of `formats.md` section 2, as typed data with source spans.

use std::sync::OnceLock;

pub use iam_policy::Spanned;
use iam_policy::{Decision, LineIndex, Position, Span};

use super::policy_doc::PolicyDoc;

/// One sign-in through an identity pool, then requests made with its credentials.
#[derive(Clone, Debug, Default)]
pub struct Scenario {
    /// Label.
    pub name: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// The pool, as `describe-identity-pool` prints it.
    pub pool: IdentityPool,
    /// Default roles and role mappings, as `get-identity-pool-roles` prints them.
    pub pool_roles: PoolRoles,
    /// Attributes for access control.
    pub principal_tag_maps: Vec<PrincipalTagMap>,
    /// Every role the scenario may use.
    pub roles: Vec<Role>,
    /// Managed policies the scenario defines by ARN (for `PolicyArns` in the basic flow).
    pub managed_policies: Vec<(Spanned<String>, PolicyDoc)>,
    /// Resource-based policies by resource ARN.
    pub resource_policies: Vec<(Spanned<String>, PolicyDoc)>,
    /// Who signs in and how.
    pub sign_in: SignIn,
    /// Requests made with the credentials.
    pub requests: Vec<ScenarioRequest>,
    /// What the sign-in should produce.
    pub expect: Expectation,
    /// `scopeDownVersion`: which reading of the guest scope-down to apply (an id of
    /// [`crate::scope_down::VERSIONS`]); the default version when absent.
    pub scope_down_version: Option<Spanned<String>>,
    /// `dismissedFindings`: the ids of the least-privilege coach's findings the user has
    /// dismissed for this scenario (they stay listed, marked dismissed).
    pub dismissed_findings: Vec<Spanned<String>>,
    /// The scenario text, for turning spans into line/column.
    pub source: String,
    /// The scenario object within `source` (a file may hold several).
    pub span: Span,
    /// The lines of `source`, indexed on the first position asked for.
    pub lines: OnceLock<LineIndex>,
}

impl Scenario {
    /// The line and column of byte `offset` of `source`: one pass over the text for the
    /// first position, a binary search for every later one.
    pub fn position(&self, offset: usize) -> Position {
        self.lines
            .get_or_init(|| LineIndex::new(&self.source))
            .position(offset)
    }
}

/// The identity pool's settings.
#[derive(Clone, Debug, Default)]
pub struct IdentityPool {
    /// `REGION:GUID`.
    pub id: Option<Spanned<String>>,
    /// Display name.
    pub name: Option<String>,
    /// Guest access.
    pub allow_unauthenticated: bool,
    /// Basic (classic) flow; `None` when the field is absent.
    pub allow_classic_flow: Option<bool>,
    /// Public providers: provider name → app / client id(s).
    pub supported_login_providers: Vec<(Spanned<String>, Spanned<String>)>,
    /// User pools.
    pub cognito_providers: Vec<CognitoProvider>,
    /// IAM OIDC provider ARNs.
    pub oidc_provider_arns: Vec<Spanned<String>>,
    /// IAM SAML provider ARNs.
    pub saml_provider_arns: Vec<Spanned<String>>,
    /// Developer provider name.
    pub developer_provider_name: Option<Spanned<String>>,
    /// Where `AllowUnauthenticatedIdentities` is written (else the pool object).
    pub allow_unauthenticated_span: Span,
    /// Where `AllowClassicFlow` is written (else the pool object).
    pub allow_classic_flow_span: Span,
}

/// One `CognitoIdentityProviders` entry.
#[derive(Clone, Debug)]
pub struct CognitoProvider {
    /// `cognito-idp.REGION.amazonaws.com/POOL_ID`.
    pub provider_name: Spanned<String>,
    /// The app client id.
    pub client_id: Spanned<String>,
    /// Whether Cognito checks the user is still signed in.
    pub server_side_token_check: bool,
}

/// `get-identity-pool-roles`.
#[derive(Clone, Debug, Default)]
pub struct PoolRoles {
    /// Default role for signed-in identities.
    pub authenticated: Option<Spanned<String>>,
    /// Default role for guests.
    pub unauthenticated: Option<Spanned<String>>,
    /// Role mappings by provider key, in file order.
    pub mappings: Vec<RoleMapping>,
}

/// `RoleMapping.Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappingType {
    /// Choose role from token.
    Token,
    /// Choose role with rules.
    Rules,
}

/// `AmbiguousRoleResolution`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmbiguousRoleResolution {
    /// Use the default authenticated role.
    AuthenticatedRole,
    /// Refuse credentials.
    Deny,
}

/// One `RoleMappings` entry.
#[derive(Clone, Debug)]
pub struct RoleMapping {
    /// The provider key, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_X:clientid`.
    pub provider: Spanned<String>,
    /// Token or Rules.
    pub kind: MappingType,
    /// What to do when no rule matches / the token is ambiguous.
    pub ambiguous: AmbiguousRoleResolution,
    /// Rules in order (Rules type).
    pub rules: Vec<MappingRule>,
    /// Whether AWS would have refused this mapping (the key is not a configured provider).
    pub valid: bool,
}

/// `MatchType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MatchType {
    /// The claim equals the value.
    Equals,
    /// The claim contains the value.
    Contains,
    /// The claim starts with the value.
    StartsWith,
    /// The claim exists and differs from the value.
    NotEqual,
}

/// One mapping rule.
#[derive(Clone, Debug)]
pub struct MappingRule {
    /// Claim name.
    pub claim: String,
    /// How to compare.
    pub match_type: MatchType,
    /// What to compare with.
    pub value: String,
    /// The role chosen when it matches.
    pub role_arn: String,
    /// The rule object in the file.
    pub span: Span,
}

/// One `principalTagAttributeMaps` entry.
#[derive(Clone, Debug)]
pub struct PrincipalTagMap {
    /// The provider the map applies to.
    pub provider: Spanned<String>,
    /// Use the default (`client` ← `aud`, `username` ← `sub`) tags.
    pub use_defaults: bool,
    /// Tag key → claim name.
    pub tags: Vec<(String, String)>,
}

/// A role and its policies, as `get-role` plus `get-role-policy` print them.
#[derive(Clone, Debug)]
pub struct Role {
    /// Role name.
    pub name: String,
    /// Role ARN.
    pub arn: Spanned<String>,
    /// `RoleId` (AROA...), when given.
    pub role_id: Option<String>,
    /// The trust policy.
    pub trust: Option<PolicyDoc>,
    /// Permission policies (inline or managed, all identity-based).
    pub policies: Vec<PolicyDoc>,
    /// Permissions boundary.
    pub boundary: Option<PolicyDoc>,
    /// `MaxSessionDuration` in seconds (default 3600).
    pub max_session_duration: u32,
}

/// Guest or signed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum IdentityType {
    /// No login.
    #[default]
    Unauthenticated,
    /// With a provider token.
    Authenticated,
}

/// Enhanced or basic flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Flow {
    /// GetId → GetCredentialsForIdentity.
    #[default]
    Enhanced,
    /// GetId → GetOpenIdToken → AssumeRoleWithWebIdentity.
    Basic,
}

/// A claim's value: most claims are strings; groups and roles can be lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimValue {
    /// A string, or a number/boolean in its JSON text.
    Text(String),
    /// A JSON array of strings.
    List(Vec<String>),
}

/// The `signIn` section.
#[derive(Clone, Debug, Default)]
pub struct SignIn {
    /// Guest or signed in.
    pub identity: IdentityType,
    /// The Logins key used.
    pub provider: Option<Spanned<String>>,
    /// The provider token's claims, in file order.
    pub claims: Vec<(String, ClaimValue)>,
    /// The span of the claims object.
    pub claims_span: Option<Span>,
    /// `signIn.claims` is given but is not an object (e.g. the text of half-typed JSON):
    /// no token can be built from it, so the sign-in does not run until it is fixed.
    pub claims_unreadable: bool,
    /// The identity ID, when fixed by the scenario.
    pub identity_id: Option<Spanned<String>>,
    /// Which flow.
    pub flow: Flow,
    /// `CustomRoleArn` for GetCredentialsForIdentity.
    pub custom_role_arn: Option<Spanned<String>>,
    /// The app's AssumeRoleWithWebIdentity request (basic flow).
    pub basic: Option<BasicRequest>,
    /// `signIn.time`: the moment of the sign-in, in epoch seconds; the provider token's
    /// `exp` is checked against it, and only when it is given.
    pub time: Option<Spanned<i64>>,
}

impl Scenario {
    /// The scope-down version the scenario chooses, else the default.
    pub fn scope_down(&self) -> &'static crate::scope_down::ScopeDownVersion {
        self.scope_down_version
            .as_ref()
            .and_then(|v| crate::scope_down::version(&v.value))
            .unwrap_or_else(crate::scope_down::default_version)
    }
}

impl SignIn {
    /// The claim named `name`.
    pub fn claim(&self, name: &str) -> Option<&ClaimValue> {
        self.claims.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The claim named `name` when it is a single string.
    pub fn claim_text(&self, name: &str) -> Option<&str> {
        match self.claim(name) {
            Some(ClaimValue::Text(text)) => Some(text),
            _ => None,
        }
    }
}

/// The `signIn.basic` section.
#[derive(Clone, Debug, Default)]
pub struct BasicRequest {
    /// `RoleArn`.
    pub role_arn: Option<Spanned<String>>,
    /// `RoleSessionName`.
    pub role_session_name: Option<Spanned<String>>,
    /// Inline session policy.
    pub policy: Option<PolicyDoc>,
    /// Managed session policy ARNs.
    pub policy_arns: Vec<Spanned<String>>,
    /// `DurationSeconds`.
    pub duration_seconds: Option<Spanned<i64>>,
}

/// One request made with the credentials.
#[derive(Clone, Debug)]
pub struct ScenarioRequest {
    /// Action.
    pub action: String,
    /// Resource ARN.
    pub resource: String,
    /// Extra context keys.
    pub context: Vec<(String, iam_policy::ContextValue)>,
    /// Resource owner account, when given.
    pub account_id: Option<String>,
    /// Expected decision.
    pub expect: Option<Decision>,
    /// The request object in the file.
    pub span: Span,
}

/// The scenario's `expect` section.
#[derive(Clone, Debug, Default)]
pub struct Expectation {
    /// `"issued"` when credentials are expected.
    pub credentials: Option<Spanned<String>>,
    /// The expected AWS exception name.
    pub error: Option<Spanned<String>>,
    /// The expected AWS message (extension).
    pub message: Option<Spanned<String>>,
    /// The step or AWS operation that fails (extension).
    pub step: Option<Spanned<String>>,
    /// The expected role ARN (extension).
    pub role: Option<Spanned<String>>,
    /// Diagnostic codes the loader must report (extension).
    pub diagnostics: Vec<Spanned<String>>,
}
