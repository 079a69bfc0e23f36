//! Choosing "Signed in" starts from a sign-in that works (native tests of the reducer).

use serde_json::{json, Value};

use super::*;

const DEFAULT: &str = include_str!("../../fallback/guest-reads-public-picture.json");

fn signed_in(doc: ScenarioDoc) -> ScenarioDoc {
    Editor { doc, revision: 0 }
        .apply(Action::SetIdentity(IdentityType::Authenticated))
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

#[test]
fn a_new_role_trusts_this_pool_and_its_arn_follows_its_name() {
    let doc = ScenarioDoc::from_json(DEFAULT).unwrap();
    let pool_id = doc.pool["IdentityPoolId"].as_str().unwrap().to_owned();
    let e = Editor { doc, revision: 0 }.apply(Action::AddRole);
    let role = e.doc.roles.last().unwrap();
    let trust: Value = serde_json::from_str(&role.trust).unwrap();
    let condition = &trust["Statement"][0]["Condition"];
    assert_eq!(
        condition["StringEquals"]["cognito-identity.amazonaws.com:aud"],
        json!(pool_id)
    );
    assert_eq!(
        condition["ForAnyValue:StringLike"]["cognito-identity.amazonaws.com:amr"],
        json!("authenticated")
    );
    let last = e.doc.roles.len() - 1;
    let i = e.doc.roles[last].id;
    let e = e.apply(Action::SetRoleName(i, "Admins".into()));
    assert_eq!(
        e.doc.roles[last].arn,
        "arn:aws:iam::123456789012:role/Admins"
    );
    // Once the user writes another ARN, renaming leaves it alone.
    let e = e
        .apply(Action::SetRoleArn(i, "arn:aws:iam::1:role/Custom".into()))
        .apply(Action::SetRoleName(i, "Other".into()));
    assert_eq!(e.doc.roles[last].arn, "arn:aws:iam::1:role/Custom");
}

#[test]
fn the_basic_flow_starts_from_the_role_the_pool_would_give() {
    let doc = ScenarioDoc::from_json(DEFAULT).unwrap();
    let guest = doc.pool_roles["Roles"]["unauthenticated"]
        .as_str()
        .unwrap()
        .to_owned();
    let e = Editor { doc, revision: 0 }.apply(Action::SetFlow(Flow::Basic));
    assert_eq!(e.doc.sign_in.basic_role_arn, guest);
    // A role ARN the user wrote is kept.
    let mut doc = e.doc;
    doc.sign_in.basic_role_arn = "arn:aws:iam::1:role/Mine".into();
    let e = Editor { doc, revision: 0 }
        .apply(Action::SetFlow(Flow::Enhanced))
        .apply(Action::SetFlow(Flow::Basic));
    assert_eq!(e.doc.sign_in.basic_role_arn, "arn:aws:iam::1:role/Mine");
}

fn with_time(text: &str) -> ScenarioDoc {
    Editor {
        doc: ScenarioDoc::from_json(DEFAULT).unwrap(),
        revision: 0,
    }
    .apply(Action::SetSignIn(SignInField::Time, text.into()))
    .doc
}

#[test]
fn the_sign_in_time_is_kept_as_typed_whole_seconds_as_a_number() {
    assert_eq!(
        with_time("1667366098").sign_in.extra.get("time"),
        Some(&json!(1_667_366_098))
    );
    assert_eq!(
        with_time(" 2022-11-02T05:14:58Z ")
            .sign_in
            .extra
            .get("time"),
        Some(&json!("2022-11-02T05:14:58Z"))
    );
    // Not a time: kept, for the simulation to say why it cannot read it.
    assert_eq!(
        with_time("yesterday").sign_in.extra.get("time"),
        Some(&json!("yesterday"))
    );
    assert_eq!(with_time("").sign_in.extra.get("time"), None);
    let exported: Value = serde_json::from_str(&with_time("1667366098").to_json()).unwrap();
    assert_eq!(exported["signIn"]["time"], json!(1_667_366_098));
}
