//! `GetId`'s checks on the provider token, in the order public reports show: a pool with no
//! providers at all, then, for token (JWT) providers, does the issuer match the Logins key,
//! then is the provider configured, is the token for the configured app (facts §4.1,
//! §8.5–8.6, §9).

use crate::error::{code, message, AwsError, Step};
use crate::note::{Confidence, Note, Topic};
use crate::provider::{kind_of_key, ConfiguredProvider, ProviderKind};
use crate::scenario::{IdentityPool, SignIn};

/// Finds the provider `sign_in` names and checks its token against the pool.
pub fn validate_login(
    pool: &IdentityPool,
    sign_in: &SignIn,
) -> Result<ConfiguredProvider, AwsError> {
    let Some(name) = sign_in.provider.as_ref().map(|p| p.value.as_str()) else {
        return Err(AwsError::new(code::NOT_AUTHORIZED, message::UNSUPPORTED_PROVIDER, Step::GetId)
.about(Topic::GetIdProviderChecks).explained(
            "the sign-in is marked authenticated but names no provider, so there is no login to check",
            "set `signIn.provider` to one of the pool's providers, or sign in as a guest",
        ));
    };
    // An empty Logins key names nothing to compare the issuer with or to look up: say that
    // no provider is chosen rather than compare the token with an empty key.
    if name.trim().is_empty() {
        return Err(unsupported(name, pool));
    }
    if pool.providers().is_empty() {
        return Err(no_providers(pool));
    }
    let configured = pool.provider(name);
    let kind = configured
        .as_ref()
        .map_or_else(|| kind_of_key(name), |p| p.kind);
    // The issuer is compared with the Logins key before the key is looked up: a key that
    // names neither the token's issuer nor a configured provider gets the issuer message.
    if is_token_provider(kind) {
        check_issuer(sign_in, name)?;
    }
    let Some(provider) = configured else {
        return Err(unsupported(name, pool));
    };
    let aud = sign_in.claim_text("aud");
    match provider.kind {
        ProviderKind::UserPool => {
            let Some(aud) = aud else {
                return Err(AwsError::new(code::NOT_AUTHORIZED, message::MISSING_AUD, Step::GetId)
.about(Topic::GetIdProviderChecks).explained(
                    "a user pool ID token always has an `aud` claim (the app client ID); a token without one is usually the access token",
                    "send the user pool's ID token in Logins, not the access token (add an `aud` claim to `signIn.claims`)",
                ));
            };
            check_client(&provider, aud)?;
        }
        ProviderKind::Facebook
        | ProviderKind::Google
        | ProviderKind::Amazon
        | ProviderKind::Apple
        | ProviderKind::Twitter
        | ProviderKind::Digits => {
            if let Some(aud) = aud {
                check_client(&provider, aud)?;
            }
        }
        ProviderKind::Oidc | ProviderKind::Saml | ProviderKind::Developer => {}
    }
    Ok(provider)
}

/// Providers whose Logins value is a JWT with an `iss` claim GetId compares with the key.
/// Facebook and Login with Amazon send opaque access tokens; SAML sends an assertion.
fn is_token_provider(kind: ProviderKind) -> bool {
    matches!(
        kind,
        ProviderKind::UserPool | ProviderKind::Oidc | ProviderKind::Google | ProviderKind::Apple
    )
}

/// The note every sign-in with a provider token carries: what is observed about GetId's
/// order and what is our reading.
pub fn provider_checks_note() -> Note {
    Note::new(
        Topic::GetIdProviderChecks,
        Confidence::Observed,
        "GetId compares a token's `iss` with the Logins key before looking the key up among the pool's providers (a key naming neither answers `Issuer doesn't match providerName`, amazon-cognito-identity-js#40); where the pool-without-providers check sits in that order is our assumption",
    )
}

/// `Identity pool - <pool id> does not have identity providers configured.` (facts §9).
fn no_providers(pool: &IdentityPool) -> AwsError {
    let id = pool.id_or_default();
    AwsError::new(code::NOT_AUTHORIZED, message::no_providers(id), Step::GetId)
.about(Topic::GetIdProviderChecks).explained(
        "the sign-in carries a login, but this identity pool has no authentication providers at all (no user pool, social, OIDC, SAML or developer provider), so there is nothing to check the token against",
        "add the provider the app signs in with to the pool (`CognitoIdentityProviders`, `SupportedLoginProviders`, `OpenIdConnectProviderARNs`, `SamlProviderARNs` or `DeveloperProviderName`), or sign in as a guest",
    )
}

fn unsupported(name: &str, pool: &IdentityPool) -> AwsError {
    let known: Vec<String> = pool
        .providers()
        .into_iter()
        .map(|p| format!("`{}`", p.name))
        .collect();
    let configured = if known.is_empty() {
        "the pool has no providers configured".to_owned()
    } else {
        format!("the pool is configured with {}", known.join(", "))
    };
    let hint = if name.starts_with("https://") {
        " (drop the `https://`: Logins keys have no scheme)"
    } else {
        ""
    };
    let error = AwsError::new(
        code::NOT_AUTHORIZED,
        message::UNSUPPORTED_PROVIDER,
        Step::GetId,
    )
    .about(Topic::GetIdProviderChecks);
    if name.trim().is_empty() {
        // Never a sentence with a hole in it ("the login is for , which ..."): say what is
        // missing instead.
        let choose = if known.is_empty() {
            "add a provider to the pool and choose it for the sign-in".to_owned()
        } else {
            format!("choose one of the pool's providers ({})", known.join(", "))
        };
        return error.explained(
            format!("no provider is chosen: a signed-in identity's login names the provider its token comes from (the `Logins` key), and this sign-in names none; {configured}"),
            format!("{choose}, or sign in as a guest"),
        );
    }
    error.explained(
        format!("the login is for `{name}`, which this identity pool does not accept; {configured}"),
        format!("add `{name}` to the pool's authentication providers, or sign in with a configured one{hint}"),
    )
}

/// The token's `aud` must be one of the app / client ids the pool lists for the provider.
fn check_client(provider: &ConfiguredProvider, aud: &str) -> Result<(), AwsError> {
    if provider.client_ids.iter().any(|id| id == aud) {
        return Ok(());
    }
    let ids: Vec<String> = provider
        .client_ids
        .iter()
        .map(|id| format!("`{id}`"))
        .collect();
    Err(AwsError::new(code::NOT_AUTHORIZED, message::UNSUPPORTED_PROVIDER, Step::GetId)
.about(Topic::GetIdProviderChecks).explained(
        format!(
            "the token was issued to app/client `{aud}`, but the pool accepts `{}` only for {}",
            provider.name,
            ids.join(", ")
        ),
        "put the app client ID (user pools) or app ID (social providers) that issues the tokens into the pool's provider configuration",
    ))
}

/// A token's `iss` must be `https://` followed by the Logins key.
fn check_issuer(sign_in: &SignIn, name: &str) -> Result<(), AwsError> {
    let Some(iss) = sign_in.claim_text("iss") else {
        return Ok(());
    };
    // Google issues `accounts.google.com` with and without the scheme.
    if iss.strip_prefix("https://").unwrap_or(iss) == name {
        return Ok(());
    }
    Err(AwsError::new(code::NOT_AUTHORIZED, message::ISSUER_MISMATCH, Step::GetId)
.about(Topic::GetIdProviderChecks).explained(
        format!("the token's issuer is `{iss}`, but it was sent under the Logins key `{name}`; the key must be the issuer without `https://`"),
        format!("use `{}` as the Logins key, or configure the provider whose tokens you send", iss.trim_start_matches("https://")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{ClaimValue, CognitoProvider, IdentityType, Spanned};
    use iam_policy::Span;

    const UP: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf";

    fn s(v: &str) -> Spanned<String> {
        Spanned::new(v.to_owned(), Span::default())
    }

    fn pool() -> IdentityPool {
        IdentityPool {
            cognito_providers: vec![CognitoProvider {
                provider_name: s(UP),
                client_id: s("4abc"),
                server_side_token_check: false,
            }],
            supported_login_providers: vec![(s("graph.facebook.com"), s("7346"))],
            ..IdentityPool::default()
        }
    }

    fn sign_in(provider: &str, claims: &[(&str, &str)]) -> SignIn {
        SignIn {
            identity: IdentityType::Authenticated,
            provider: Some(s(provider)),
            claims: claims
                .iter()
                .map(|(k, v)| ((*k).to_owned(), ClaimValue::Text((*v).to_owned())))
                .collect(),
            ..SignIn::default()
        }
    }

    fn message_of(result: Result<ConfiguredProvider, AwsError>) -> String {
        result.err().map(|e| e.message).unwrap_or_default()
    }

    #[test]
    fn configured_user_pool_with_right_client_passes() {
        let result = validate_login(&pool(), &sign_in(UP, &[("aud", "4abc"), ("sub", "x")]));
        assert_eq!(result.map(|p| p.kind).ok(), Some(ProviderKind::UserPool));
    }

    #[test]
    fn wrong_client_id_is_an_unsupported_provider() {
        let result = validate_login(&pool(), &sign_in(UP, &[("aud", "other")]));
        assert_eq!(message_of(result), message::UNSUPPORTED_PROVIDER);
    }

    #[test]
    fn unknown_provider_is_refused() {
        let result = validate_login(&pool(), &sign_in("accounts.google.com", &[]));
        assert_eq!(message_of(result), message::UNSUPPORTED_PROVIDER);
    }

    #[test]
    fn wrong_issuer_and_missing_aud_have_their_own_messages() {
        let wrong_iss = sign_in(
            UP,
            &[
                ("aud", "4abc"),
                ("iss", "https://cognito-idp.us-east-1.amazonaws.com/other"),
            ],
        );
        assert_eq!(
            message_of(validate_login(&pool(), &wrong_iss)),
            message::ISSUER_MISMATCH
        );
        assert_eq!(
            message_of(validate_login(&pool(), &sign_in(UP, &[]))),
            message::MISSING_AUD
        );
    }

    #[test]
    fn an_empty_provider_with_an_issuer_says_no_provider_is_chosen() {
        // A token with `iss` under an empty Logins key is not compared with the empty key
        // ("sent under the Logins key ``"): the sign-in names no provider, and says so.
        let token = [
            ("aud", "4abc"),
            ("iss", "https://cognito-idp.us-east-1.amazonaws.com/x"),
        ];
        let error = validate_login(&pool(), &sign_in("", &token)).err();
        assert_eq!(
            error.as_ref().map(|e| e.message.as_str()),
            Some(message::UNSUPPORTED_PROVIDER)
        );
        let explanation = error.map(|e| e.explanation).unwrap_or_default();
        assert!(
            explanation.starts_with("no provider is chosen"),
            "{explanation}"
        );
    }

    #[test]
    fn facebook_app_id_must_match() {
        let bad = sign_in("graph.facebook.com", &[("aud", "1")]);
        assert_eq!(
            message_of(validate_login(&pool(), &bad)),
            message::UNSUPPORTED_PROVIDER
        );
        let good = sign_in("graph.facebook.com", &[("aud", "7346")]);
        assert!(validate_login(&pool(), &good).is_ok());
    }
}
