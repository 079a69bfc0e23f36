use super::*;
use crate::scenario::{ClaimValue, SignIn};

fn provider(kind: ProviderKind, name: &str) -> ConfiguredProvider {
    ConfiguredProvider {
        kind,
        name: name.to_owned(),
        client_ids: vec!["app".to_owned()],
        span: None,
    }
}

/// An authenticated sign-in with the given string claims (shared with the expiry tests).
pub(super) fn signed_in(claims: &[(&str, &str)]) -> SignIn {
    SignIn {
        identity: IdentityType::Authenticated,
        claims: claims
            .iter()
            .map(|(k, v)| ((*k).to_owned(), ClaimValue::Text((*v).to_owned())))
            .collect(),
        ..SignIn::default()
    }
}

const POOL: &str = "us-east-1:12345678-abcd-abcd-abcd-123456790ab";

#[test]
fn guests_get_only_unauthenticated() {
    let (token, note) = mint(POOL, "us-east-1:1", &SignIn::default(), None);
    assert_eq!(token.amr, vec!["unauthenticated"]);
    assert_eq!(token.aud, POOL);
    assert_eq!(token.sub, "us-east-1:1");
    assert_eq!(token.iss, ISSUER);
    assert!(note.is_none());
}

#[test]
fn user_pools_add_the_pool_and_the_cognito_sign_in_member() {
    let name = "cognito-idp.us-west-2.amazonaws.com/us-west-2_abcdef";
    let p = provider(ProviderKind::UserPool, name);
    let (token, note) = mint(
        POOL,
        "id",
        &signed_in(&[("sub", "u-1"), ("aud", "app")]),
        Some(&p),
    );
    assert_eq!(
        token.amr,
        vec![
            "authenticated".to_owned(),
            name.to_owned(),
            format!("{name}:CognitoSignIn:u-1")
        ]
    );
    assert!(note.is_none());
}

#[test]
fn facebook_adds_app_and_user() {
    let p = provider(ProviderKind::Facebook, "graph.facebook.com");
    let (token, _) = mint(
        POOL,
        "id",
        &signed_in(&[("sub", "10157"), ("aud", "734")]),
        Some(&p),
    );
    assert_eq!(
        token.amr,
        vec![
            "authenticated",
            "graph.facebook.com",
            "graph.facebook.com:734:10157"
        ]
    );
}

#[test]
fn other_providers_follow_the_general_rule_and_say_so() {
    for (kind, name) in [
        (ProviderKind::Google, "accounts.google.com"),
        (ProviderKind::Amazon, "www.amazon.com"),
        (ProviderKind::Oidc, "login.example.com"),
    ] {
        let (token, note) = mint(
            POOL,
            "id",
            &signed_in(&[("sub", "s")]),
            Some(&provider(kind, name)),
        );
        assert_eq!(token.amr, vec!["authenticated", name]);
        assert_eq!(note.map(|n| n.confidence), Some(Confidence::Assumed));
    }
}

#[test]
fn developer_identities_carry_pool_and_user() {
    let p = provider(ProviderKind::Developer, "login.example.app");
    let (token, _) = mint(
        POOL,
        "id",
        &signed_in(&[("developerUserIdentifier", "alice")]),
        Some(&p),
    );
    assert_eq!(
        token.amr,
        vec![
            "authenticated".to_owned(),
            "login.example.app".to_owned(),
            format!("login.example.app:{POOL}:alice")
        ]
    );
}
