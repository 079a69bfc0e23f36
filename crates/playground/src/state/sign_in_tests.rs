//! Choosing "Signed in" starts from a sign-in that works (native tests of the reducer).

use serde_json::{json, Value};

use super::*;

const DEFAULT: &str = include_str!("../../fallback/guest-reads-public-picture.json");

fn signed_in(doc: ScenarioDoc) -> ScenarioDoc {
    Editor { doc, revision: 0 }
        .apply(Action::SetIdentity(Identity::SignedIn))
        .doc
}

#[test]
fn signing_in_picks_the_pools_first_provider_and_its_preset_claims() {
    let doc = signed_in(ScenarioDoc::from_json(DEFAULT).unwrap());
    let s = &doc.sign_in;
    assert_eq!(s.provider, "graph.facebook.com");
    let claims: Value = serde_json::from_str(&s.claims).unwrap();
    // The pool's Facebook app id is the token's audience, so the login is accepted.
    assert_eq!(claims["aud"], json!("7346241598935555"));
}

#[test]
fn a_provider_and_claims_the_user_wrote_are_kept() {
    let mut doc = ScenarioDoc::from_json(DEFAULT).unwrap();
    doc.sign_in.provider = "accounts.google.com".into();
    doc.sign_in.claims = "{\"sub\":\"1\"}".into();
    let doc = signed_in(doc);
    assert_eq!(doc.sign_in.provider, "accounts.google.com");
    assert_eq!(doc.sign_in.claims, "{\"sub\":\"1\"}");
}

#[test]
fn a_chosen_provider_without_claims_gets_its_own_preset() {
    let mut doc = ScenarioDoc::from_json(DEFAULT).unwrap();
    doc.sign_in.provider = "accounts.google.com".into();
    let doc = signed_in(doc);
    let claims: Value = serde_json::from_str(&doc.sign_in.claims).unwrap();
    assert_eq!(claims["iss"], json!("https://accounts.google.com"));
}

#[test]
fn a_pool_without_providers_leaves_the_provider_to_choose() {
    let mut doc = ScenarioDoc::from_json(DEFAULT).unwrap();
    doc.pool = json!({ "IdentityPoolId": "us-east-1:1" });
    let doc = signed_in(doc);
    assert_eq!(doc.sign_in.provider, "");
    assert_eq!(doc.sign_in.claims.trim(), "{}");
}
