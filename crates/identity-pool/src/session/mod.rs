//! The session the credentials carry: its ARNs, `aws:userid`, principal tags and the
//! request context keys every later request gets (facts §5, §6).

use std::collections::BTreeMap;

use iam_policy::{Context, ContextValue};
use serde::Serialize;

use crate::note::{Confidence, Note, Notes, Topic};
use crate::provider::{ConfiguredProvider, ProviderKind};
use crate::scenario::{ClaimValue, Role, Scenario};
use crate::token::MintedToken;

/// The enhanced flow's constant role session name (facts §6, observed).
pub const ENHANCED_SESSION_NAME: &str = "CognitoIdentityCredentials";
/// The session name used in the basic flow when the app gives none (our choice).
pub const DEFAULT_BASIC_SESSION_NAME: &str = "web-identity-session";
/// `aws:FederatedProvider` for every Cognito-vended session.
pub const FEDERATED_PROVIDER: &str = "cognito-identity.amazonaws.com";

/// One session policy, as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SessionPolicyView {
    /// Label, e.g. `scope-down/inline`.
    pub name: String,
    /// The managed policy ARN, for managed session policies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// Who added it and where its content comes from.
    pub source: String,
    /// The document text.
    pub document: String,
}

/// The credentials' session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// The role assumed.
    pub role_arn: String,
    /// The role session name.
    pub session_name: String,
    /// `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`.
    pub assumed_role_arn: String,
    /// `ROLE_ID:SESSION`.
    pub user_id: String,
    /// How long the credentials last.
    pub duration_seconds: i64,
    /// Session policies (one layer: an Allow from any of them counts).
    pub session_policies: Vec<SessionPolicyView>,
    /// Principal tags from attributes for access control.
    pub principal_tags: BTreeMap<String, String>,
    /// The request context keys every request made with these credentials carries.
    pub context: BTreeMap<String, ContextValue>,
}

impl Session {
    /// The session's keys as an engine context, with a request's own keys added on top.
    /// The session's own keys win: a request cannot change who the caller is (the loader
    /// warns about such keys).
    pub fn request_context(&self, extra: &[(String, ContextValue)]) -> Context {
        context_with(&self.own_context(), extra)
    }

    /// The session's own keys as an engine context: made once for all of a scenario's
    /// requests, each of which [`context_with`] copies and adds its keys to.
    pub fn own_context(&self) -> Context {
        let mut context = Context::new();
        context.extend(
            self.context
                .iter()
                .map(|(key, value)| (key.clone(), value.clone())),
        );
        context
    }
}

/// `session` (a [`Session::own_context`]) with a request's `extra` keys added, the
/// session's keys winning and a later request key replacing an earlier one of the same name:
/// what one sort of the request's keys followed by the session's gives, without lowering,
/// hashing and sorting the session's keys again for every request (200 requests did that
/// 200 times; profiled at a tenth of a large scenario's decisions).
pub fn context_with(session: &Context, extra: &[(String, ContextValue)]) -> Context {
    let mut context = session.clone();
    context.extend_missing(extra);
    context
}

/// Whether the session, not the request, sets `key`.
pub fn is_session_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "aws:userid",
        "aws:principalarn",
        "aws:principalaccount",
        "aws:principaltype",
        "aws:federatedprovider",
    ]
    .contains(&key.as_str())
        || key.starts_with("cognito-identity.amazonaws.com:")
        || key.starts_with("aws:principaltag/")
}

/// The account in an ARN (`arn:aws:iam::ACCOUNT:role/...`).
pub fn account_of(arn: &str) -> &str {
    arn.split(':').nth(4).unwrap_or("")
}

/// The role ID: the role's own `RoleId` when the scenario gives it, otherwise a stable
/// made-up `AROA...` derived from the ARN.
pub fn role_id(role: &Role, notes: &mut Notes) -> String {
    if let Some(id) = &role.role_id {
        return id.clone();
    }
    notes.push(Note::new(
        Topic::SynthesizedRoleId,
        Confidence::Assumed,
        format!(
            "role `{}` has no `RoleId`; `aws:userid` uses a made-up one",
            role.name
        ),
    ));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in role.arn.value.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut id = String::from("AROA");
    for i in 0..17 {
        let index = usize::try_from((hash >> ((i * 5) % 60)) & 31).unwrap_or(0);
        id.push(char::from(*ALPHABET.get(index).unwrap_or(&b'A')));
    }
    id
}

/// Principal tags for the sign-in, from the pool's attribute map for the provider.
pub fn principal_tags(
    scenario: &Scenario,
    provider: Option<&ConfiguredProvider>,
    notes: &mut Notes,
) -> BTreeMap<String, String> {
    let mut tags = BTreeMap::new();
    let Some(provider) = provider else {
        return tags;
    };
    let Some(map) = scenario
        .principal_tag_maps
        .iter()
        .find(|m| m.provider.value == provider.name)
    else {
        return tags;
    };
    let pairs: Vec<(String, String)> = if map.use_defaults {
        default_tag_claims(provider.kind, notes)
    } else {
        map.tags.clone()
    };
    for (tag, claim) in pairs {
        match scenario.sign_in.claim(&claim) {
            Some(ClaimValue::Text(text)) => {
                tags.insert(tag, text.clone());
            }
            Some(ClaimValue::List(items)) => {
                notes.push(Note::new(
                    Topic::ListClaimTags,
                    Confidence::Assumed,
                    format!(
                        "claim `{claim}` is a list; its tag `{tag}` joins the members with `,`"
                    ),
                ));
                tags.insert(tag, items.join(","));
            }
            None => {}
        }
    }
    tags
}

/// The SAML name-identifier claim.
const SAML_NAME_ID: &str = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
/// The SAML name claim.
const SAML_NAME: &str = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

/// The default mappings: `client` ← the app id claim, `username` ← the user id claim, as
/// AWS's provider table lists them (client value first, user value second). Developer
/// identities have none: the table says "Not applicable".
fn default_tag_claims(kind: ProviderKind, notes: &mut Notes) -> Vec<(String, String)> {
    if kind == ProviderKind::Developer {
        notes.push(Note::new(
            Topic::DefaultPrincipalTags,
            Confidence::Documented,
            "developer-authenticated identities have no default tag mappings (\"Not applicable\" in AWS's default provider mappings table); your back end passes tags in GetOpenIdTokenForDeveloperIdentity's `PrincipalTags` instead, so none are applied here",
        ));
        return Vec::new();
    }
    notes.push(Note::new(
        Topic::DefaultPrincipalTags,
        Confidence::Assumed,
        "the default tag keys `client` and `username` are not AWS text: the API says only \"default (username and clientID) attribute mappings\"; the names come from community configurations (terraform-provider-aws#17345) and an emulator",
    ));
    let (client_claim, user_claim) = match kind {
        ProviderKind::Amazon => ("aud", "user_id"),
        ProviderKind::Saml => {
            notes.push(Note::new(
                Topic::DefaultPrincipalTags,
                Confidence::Assumed,
                "SAML defaults: AWS's table lists the `nameidentifier` and `name` claims without saying which tag each feeds; read in the table's order (client value first, as for every other provider), `client` ← `nameidentifier` and `username` ← `name`",
            ));
            (SAML_NAME_ID, SAML_NAME)
        }
        _ => ("aud", "sub"),
    };
    vec![
        ("client".to_owned(), client_claim.to_owned()),
        ("username".to_owned(), user_claim.to_owned()),
    ]
}

/// What a successful assume produced, for [`build_session`].
pub struct SessionInput<'a> {
    /// The role assumed.
    pub role: &'a Role,
    /// The minted token.
    pub token: &'a MintedToken,
    /// The session name.
    pub session_name: String,
    /// Duration.
    pub duration_seconds: i64,
    /// Session policies as shown.
    pub session_policies: Vec<SessionPolicyView>,
    /// Principal tags.
    pub principal_tags: BTreeMap<String, String>,
}

/// Assembles the [`Session`] and its context keys.
pub fn build_session(input: SessionInput<'_>, notes: &mut Notes) -> Session {
    let role = input.role;
    let account = account_of(&role.arn.value).to_owned();
    let assumed_role_arn = format!(
        "arn:aws:sts::{account}:assumed-role/{}/{}",
        role.name, input.session_name
    );
    let user_id = format!("{}:{}", role_id(role, notes), input.session_name);
    let mut context = BTreeMap::new();
    let mut single = |k: &str, v: &str| {
        context.insert(k.to_owned(), ContextValue::Single(v.to_owned()));
    };
    single("aws:userid", &user_id);
    single("aws:PrincipalArn", &role.arn.value);
    single("aws:PrincipalAccount", &account);
    single("aws:PrincipalType", "AssumedRole");
    single("aws:FederatedProvider", FEDERATED_PROVIDER);
    single("cognito-identity.amazonaws.com:aud", &input.token.aud);
    single("cognito-identity.amazonaws.com:sub", &input.token.sub);
    for (tag, value) in &input.principal_tags {
        single(&format!("aws:PrincipalTag/{tag}"), value);
    }
    context.insert(
        "cognito-identity.amazonaws.com:amr".to_owned(),
        ContextValue::Multi(input.token.amr.clone()),
    );
    Session {
        role_arn: role.arn.value.clone(),
        session_name: input.session_name,
        assumed_role_arn,
        user_id,
        duration_seconds: input.duration_seconds,
        session_policies: input.session_policies,
        principal_tags: input.principal_tags,
        context,
    }
}

#[cfg(test)]
mod tests;
