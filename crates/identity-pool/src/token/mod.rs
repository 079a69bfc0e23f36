//! The OpenID token an identity pool mints (`GetOpenIdToken`, or internally in the enhanced
//! flow): its `aud`, `sub` and, above all, its `amr`, which trust policies test.

mod expiry;
pub mod times;
mod validate;

pub use expiry::{
    check_expiry, checks_expiry, unchecked_note, within_allowance_note, CLOCK_SKEW_ALLOWANCE,
};
pub use validate::{provider_checks_note, validate_login};

use serde::Serialize;

use crate::note::{Confidence, Note, Topic};
use crate::provider::{ConfiguredProvider, ProviderKind};
use crate::scenario::{IdentityType, SignIn};

/// The issuer of every identity-pool token.
pub const ISSUER: &str = "https://cognito-identity.amazonaws.com";

/// The identity ID used when the scenario gives none: the pool's region and a fixed GUID.
pub fn default_identity_id(region: &str) -> String {
    format!("{region}:11111111-2222-3333-4444-555555555555")
}

/// The identity-pool token's claims that STS and IAM see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MintedToken {
    /// Always `https://cognito-identity.amazonaws.com`.
    pub iss: String,
    /// The identity pool ID.
    pub aud: String,
    /// The identity ID (not the user pool `sub`).
    pub sub: String,
    /// The authentication methods: `unauthenticated`, or `authenticated` plus the provider.
    pub amr: Vec<String>,
}

/// Builds the token for `sign_in`, given the provider it signed in with.
pub fn mint(
    pool_id: &str,
    identity_id: &str,
    sign_in: &SignIn,
    provider: Option<&ConfiguredProvider>,
) -> (MintedToken, Option<Note>) {
    let (amr, note) = match (sign_in.identity, provider) {
        (IdentityType::Authenticated, Some(provider)) => amr_for(provider, sign_in, pool_id),
        _ => (vec![UNAUTHENTICATED.to_owned()], None),
    };
    let token = MintedToken {
        iss: ISSUER.to_owned(),
        aud: pool_id.to_owned(),
        sub: identity_id.to_owned(),
        amr,
    };
    (token, note)
}

const UNAUTHENTICATED: &str = "unauthenticated";
const AUTHENTICATED: &str = "authenticated";

/// The `amr` of a signed-in identity. Only the user pool and Facebook forms have been
/// observed with their third member; the rest follow the documented general rule.
fn amr_for(
    provider: &ConfiguredProvider,
    sign_in: &SignIn,
    pool_id: &str,
) -> (Vec<String>, Option<Note>) {
    let name = provider.name.as_str();
    let mut amr = vec![AUTHENTICATED.to_owned(), name.to_owned()];
    let sub = sign_in.claim_text("sub");
    let note = match provider.kind {
        ProviderKind::UserPool => {
            if let Some(sub) = sub {
                amr.push(format!("{name}:CognitoSignIn:{sub}"));
            }
            None
        }
        ProviderKind::Facebook => {
            if let (Some(app), Some(user)) = (sign_in.claim_text("aud"), sub) {
                amr.push(format!("{name}:{app}:{user}"));
            }
            None
        }
        ProviderKind::Developer => {
            let user = sign_in.claim_text("developerUserIdentifier").or(sub);
            if let Some(user) = user {
                amr.push(format!("{name}:{pool_id}:{user}"));
            }
            Some(Note::new(
                Topic::AmrPerProvider,
                Confidence::Assumed,
                "developer-authenticated `amr` built as [\"authenticated\", PROVIDER, \"PROVIDER:POOL_ID:USER\"] after a third-party record; AWS does not document it",
            ))
        }
        _ => Some(Note::new(
            Topic::AmrPerProvider,
            Confidence::Assumed,
            format!(
                "`amr` for `{name}` is [\"authenticated\", \"{name}\"] by the documented general rule; whether AWS adds a provider-specific third member is not documented"
            ),
        )),
    };
    (amr, note)
}

#[cfg(test)]
mod tests;
