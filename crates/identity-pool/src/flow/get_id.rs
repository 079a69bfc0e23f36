//! `GetId` (or, for developer identities, your back end's
//! `GetOpenIdTokenForDeveloperIdentity`): guest access, provider token checks, identity ID.

use super::FlowOutcome;
use crate::error::{code, message, AwsError, Step};
use crate::note::{Notes, Topic};
use crate::provider::{ConfiguredProvider, ProviderKind};
use crate::report::StepStatus;
use crate::scenario::{IdentityType, Scenario};
use crate::token::{
    check_expiry, checks_expiry, default_identity_id, mint, provider_checks_note, unchecked_note,
    validate_login, within_allowance_note, MintedToken,
};

/// The identity GetId established.
pub struct Identity {
    /// The identity ID.
    pub id: String,
    /// The provider signed in with (authenticated only).
    pub provider: Option<ConfiguredProvider>,
}

/// Runs GetId; on failure records it (with `later` steps skipped) and returns `None`.
pub fn get_id(
    scenario: &Scenario,
    out: &mut FlowOutcome,
    later: &[&str],
    notes: &mut Notes,
) -> Option<Identity> {
    let pool = &scenario.pool;
    let sign_in = &scenario.sign_in;
    let provider = match sign_in.identity {
        IdentityType::Unauthenticated => {
            if !pool.allow_unauthenticated {
                let error = AwsError::new(code::NOT_AUTHORIZED, message::GUEST_DISABLED, Step::GetId)
.about(Topic::GuestAccess)
                    .explained(
                        "the identity pool does not allow guest (unauthenticated) identities, and the request carried no login; SDKs also hit this when a sign-in token expired and they fall back to guest credentials",
                        "turn on guest access (`AllowUnauthenticatedIdentities: true`), or sign the user in and pass the provider token in Logins",
                    )
                    .at(Some(scenario.position(pool.allow_unauthenticated_span.start)));
                out.fail("GetId", error, later);
                return None;
            }
            None
        }
        IdentityType::Authenticated => match validate_login(pool, sign_in) {
            Ok(provider) => {
                if let Err(error) = expiry_of(scenario, &provider) {
                    out.fail("GetId", error, later);
                    return None;
                }
                Some(provider)
            }
            Err(mut error) => {
                if error.message == message::ISSUER_MISMATCH
                    || error.message == message::no_providers(pool.id_or_default())
                {
                    notes.push(provider_checks_note());
                }
                let span = sign_in
                    .provider
                    .as_ref()
                    .map(|p| p.span)
                    .or(sign_in.claims_span);
                error.locate(scenario, span);
                out.fail("GetId", error, later);
                return None;
            }
        },
    };
    let id = sign_in
        .identity_id
        .as_ref()
        .map(|s| s.value.clone())
        .unwrap_or_else(|| default_identity_id(pool.region()));
    let (name, detail) = match &provider {
        Some(p) if p.kind == ProviderKind::Developer => (
            "GetOpenIdTokenForDeveloperIdentity",
            format!(
                "your back end vouches for the user as developer provider `{}`; identity ID `{id}`",
                p.name
            ),
        ),
        Some(p) => (
            "GetId",
            format!(
                "the `{}` token is valid for this pool; identity ID `{id}`",
                p.name
            ),
        ),
        None => (
            "GetId",
            format!("guest access is allowed; identity ID `{id}`"),
        ),
    };
    out.step(name, StepStatus::Ok, detail);
    out.identity_id = Some(id.clone());
    Some(Identity { id, provider })
}

/// The expiry check, placed at `signIn.time` (the value the message compares).
fn expiry_of(scenario: &Scenario, provider: &ConfiguredProvider) -> Result<(), AwsError> {
    if !checks_expiry(provider.kind) {
        return Ok(());
    }
    let sign_in = &scenario.sign_in;
    check_expiry(sign_in).map_err(|error| {
        let span = sign_in.time.as_ref().map(|t| t.span);
        error.at(span.map(|s| scenario.position(s.start)))
    })
}

impl Identity {
    /// The identity-pool token Cognito mints for this identity.
    pub fn token(&self, scenario: &Scenario, notes: &mut Notes) -> MintedToken {
        let (token, amr_note) = mint(
            scenario.pool.id_or_default(),
            &self.id,
            &scenario.sign_in,
            self.provider.as_ref(),
        );
        notes.extend(amr_note);
        let provider = self.provider.as_ref();
        notes.extend(provider.and_then(|p| unchecked_note(&scenario.sign_in, p.kind)));
        let checked = provider.is_some_and(|p| checks_expiry(p.kind));
        notes.extend(
            checked
                .then(|| within_allowance_note(&scenario.sign_in))
                .flatten(),
        );
        token
    }
}
