//! Notes on facts AWS does not document (or documents only in part): each one travels with
//! the report so the playground can show the user where the simulation is guessing, and
//! each names its [`Topic`], whose entry in `docs/cognito-facts.md` gives the confidence and
//! the sources.

use serde::{Serialize, Serializer};

/// How sure the simulation is about a behaviour it models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// AWS documentation or the service model says so.
    Documented,
    /// People have reported it from real accounts, but AWS does not document it.
    Observed,
    /// AWS is silent; the simulation chose the most defensible behaviour.
    Assumed,
}

/// The document that holds one entry per [`Topic`]: its confidence and its sources.
pub const FACTS_DOC: &str = "docs/cognito-facts.md";

/// Declares [`Topic`] and its list once, so a topic cannot exist without an id and the
/// test over [`Topic::ALL`] sees every one of them.
macro_rules! topics {
    ($($(#[$doc:meta])* $variant:ident => $id:literal,)*) => {
        /// A fact the simulation relies on, by its stable id: the anchor of its entry in
        /// `docs/cognito-facts.md`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Topic {
            $($(#[$doc])* $variant,)*
        }

        impl Topic {
            /// Every topic.
            pub const ALL: &'static [Topic] = &[$(Topic::$variant,)*];

            /// The stable id, e.g. `token-expiry`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Topic::$variant => $id,)*
                }
            }
        }
    };
}

topics! {
    /// Guest access and its refusal.
    GuestAccess => "guest-access",
    /// The basic flow's refusals at GetOpenIdToken.
    ClassicFlow => "classic-flow",
    /// The role's trust policy as STS evaluates it, and the refusals.
    TrustPolicy => "trust-policy",
    /// `amr` members for each provider.
    AmrPerProvider => "amr-per-provider",
    /// The ambiguous-role Deny message and the name it prints.
    AmbiguousDeny => "ambiguous-deny",
    /// `CustomRoleArn` when the provider has no role mapping.
    CustomRoleArnWithoutMapping => "custom-role-arn-without-mapping",
    /// `CustomRoleArn` with a rules-based mapping.
    CustomRoleArnWithRules => "custom-role-arn-with-rules",
    /// The refusal of a `CustomRoleArn` the token (or assertion) does not list.
    CustomRoleArnDeniedMessage => "custom-role-arn-denied-message",
    /// A SAML assertion listing several roles without `CustomRoleArn`.
    SamlSeveralRoles => "saml-several-roles",
    /// Which scope-down version applies to guests.
    ScopeDownVersion => "scope-down-version",
    /// The inline scope-down session policy's JSON.
    ScopeDownInlinePolicy => "scope-down-inline-policy",
    /// The managed scope-down session policy.
    ScopeDownManagedPolicy => "scope-down-managed-policy",
    /// `AllowClassicFlow` absent from the pool.
    ClassicFlowAbsent => "classic-flow-absent",
    /// The basic flow's role when the app names none.
    BasicFlowDefaultRole => "basic-flow-default-role",
    /// Principal tags in the basic flow.
    BasicFlowPrincipalTags => "basic-flow-principal-tags",
    /// STS parameter limits and their errors.
    StsValidation => "sts-validation",
    /// `MalformedPolicyDocument` for an unparsable session policy.
    MalformedSessionPolicy => "malformed-session-policy",
    /// A managed session policy the scenario does not define.
    UnknownManagedPolicy => "unknown-managed-policy",
    /// GetId's provider-token checks and their order.
    GetIdProviderChecks => "get-id-provider-checks",
    /// Provider-token expiry at GetId.
    TokenExpiry => "token-expiry",
    /// A made-up role ID for `aws:userid`.
    SynthesizedRoleId => "synthesized-role-id",
    /// Default principal tag mappings.
    DefaultPrincipalTags => "default-principal-tags",
    /// A list claim mapped to a principal tag.
    ListClaimTags => "list-claim-tags",
    /// A KMS key without a key policy in the scenario gets KMS's default key policy.
    KmsDefaultKeyPolicy => "kms-default-key-policy",
}

impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// On the wire a topic is its id: one of the ids of [`Topic::ALL`].
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Topic {
    fn schema_name() -> String {
        "Topic".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            enum_values: Some(Topic::ALL.iter().map(|t| t.id().into()).collect()),
            ..Default::default()
        }
        .into()
    }
}

impl Topic {
    /// Where the topic's entry is: `docs/cognito-facts.md#<id>`.
    pub fn reference(self) -> String {
        format!("{FACTS_DOC}#{}", self.id())
    }
}

/// One uncertain point the simulation relied on while producing a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// The fact's topic: its entry in `docs/cognito-facts.md` has the confidence and sources.
    pub topic: Topic,
    /// Where that entry is (`docs/cognito-facts.md#<topic>`).
    pub reference: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// What was assumed, in plain words.
    pub text: String,
}

impl Note {
    /// A note with the given topic, confidence and text.
    pub fn new(topic: Topic, confidence: Confidence, text: impl Into<String>) -> Self {
        Self {
            topic,
            reference: topic.reference(),
            confidence,
            text: text.into(),
        }
    }
}

/// Collects notes without repeating a topic.
#[derive(Clone, Debug, Default)]
pub struct Notes(Vec<Note>);

impl Notes {
    /// Adds `note` unless a note with the same topic and text is already there.
    pub fn push(&mut self, note: Note) {
        if !self
            .0
            .iter()
            .any(|n| n.topic == note.topic && n.text == note.text)
        {
            self.0.push(note);
        }
    }

    /// Adds every note of `notes`.
    pub fn extend(&mut self, notes: impl IntoIterator<Item = Note>) {
        for note in notes {
            self.push(note);
        }
    }

    /// The notes in the order they were first added.
    pub fn into_vec(self) -> Vec<Note> {
        self.0
    }
}
