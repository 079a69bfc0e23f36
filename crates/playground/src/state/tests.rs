//! Reducer, document and import tests (native).

use serde_json::{json, Value};

use super::import::{Imported, Input};
use super::reducer::EMPTY_POLICY;
use super::scenario::ItemId;
use super::*;

const DEFAULT: &str = include_str!("../../fallback/guest-reads-public-picture.json");

/// Imports pasted text.
fn import(current: &ScenarioDoc, text: &str) -> Result<Imported, scenario::ReadError> {
    super::import::import(current, &Input::pasted(text.to_owned()))
}

fn doc() -> ScenarioDoc {
    ScenarioDoc::from_json(DEFAULT).unwrap()
}

fn apply(actions: Vec<Action>) -> Editor {
    actions.into_iter().fold(
        Editor {
            doc: doc(),
            revision: 0,
        },
        Editor::apply,
    )
}

#[test]
fn reads_the_default_example_keeping_policy_key_order() {
    let d = doc();
    assert_eq!(d.roles.len(), 1);
    let role = &d.roles[0];
    assert_eq!(role.name, "Guest");
    assert_eq!(role.policies[0].name, "ReadPicture");
    let text = &role.policies[0].text;
    assert!(
        text.starts_with("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": ["),
        "{text}"
    );
    assert!(text.find("\"Action\"").unwrap() < text.find("\"Effect\"").unwrap());
    assert_eq!(d.sign_in.identity, IdentityType::Unauthenticated);
    assert_eq!(d.requests[0].action, "s3:GetObject");
    assert_eq!(d.requests[0].expect.as_deref(), Some("Allowed"));
}

#[test]
fn writing_and_reading_back_gives_the_same_document() {
    let d = doc();
    let again = ScenarioDoc::from_json(&d.to_json()).unwrap();
    assert_eq!(again, d);
    let original: Value = serde_json::from_str(DEFAULT).unwrap();
    let written: Value = serde_json::from_str(&d.to_json()).unwrap();
    assert_eq!(written["roles"], original["roles"]);
    assert_eq!(written["identityPool"], original["identityPool"]);
    assert_eq!(written["expect"], original["expect"]);
}

#[test]
fn a_broken_policy_is_written_as_a_string_and_named() {
    let e = apply(vec![Action::SetPolicyText(
        ItemId(0),
        PolicySlot::Access(ItemId(0)),
        "{ \"Version\": ".into(),
    )]);
    let written: Value = serde_json::from_str(&e.doc.to_json()).unwrap();
    assert_eq!(
        written["roles"][0]["Policies"][0]["PolicyDocument"],
        json!("{ \"Version\": ")
    );
    assert_eq!(e.doc.broken_fields(), vec!["Guest policy ReadPicture"]);
    // Reading it back restores the text exactly.
    let back = ScenarioDoc::from_json(&e.doc.to_json()).unwrap();
    assert_eq!(back.roles[0].policies[0].text, "{ \"Version\": ");
}

#[test]
fn every_action_bumps_the_revision() {
    let e = apply(vec![
        Action::SetName("a".into()),
        Action::SetName("b".into()),
    ]);
    assert_eq!(e.revision, 2);
    assert_eq!(e.doc.name, "b");
}

#[test]
fn pool_fields_and_default_roles() {
    let e = apply(vec![
        Action::SetPoolField("AllowClassicFlow".into(), Value::Bool(true)),
        Action::SetDefaultRole("authenticated".into(), "arn:aws:iam::1:role/A".into()),
        Action::SetDefaultRole("unauthenticated".into(), String::new()),
    ]);
    assert_eq!(e.doc.pool["AllowClassicFlow"], json!(true));
    assert_eq!(
        e.doc.pool_roles["Roles"],
        json!({ "authenticated": "arn:aws:iam::1:role/A" })
    );
}

#[test]
fn pool_documents_replace_a_non_object_gracefully() {
    let e = apply(vec![
        Action::SetPoolDocuments {
            pool: json!([]),
            pool_roles: json!(null),
            tag_maps: json!([]),
        },
        Action::SetPoolField("IdentityPoolId".into(), json!("x")),
        Action::SetRoleMappings(json!({})),
    ]);
    assert_eq!(e.doc.pool, json!({ "IdentityPoolId": "x" }));
    assert_eq!(e.doc.pool_roles, json!({ "RoleMappings": {} }));
}

#[test]
fn roles_policies_and_boundaries() {
    let e = apply(vec![
        Action::AddRole,
        Action::SetRoleName(ItemId(1), "Admin".into()),
        Action::AddPolicy(ItemId(1)),
        Action::SetPolicyName(ItemId(1), ItemId(0), "Everything".into()),
        Action::ToggleBoundary(ItemId(1), true),
        Action::SetPolicyText(ItemId(1), PolicySlot::Boundary, "{}".into()),
        Action::SetPolicyText(ItemId(1), PolicySlot::Trust, "{\"a\":1}".into()),
    ]);
    let admin = &e.doc.roles[1];
    assert_eq!(admin.name, "Admin");
    assert_eq!(admin.policies[0].name, "Everything");
    assert_eq!(admin.policies[0].text, EMPTY_POLICY);
    assert_eq!(admin.boundary.as_deref(), Some("{}"));
    assert_eq!(admin.trust, "{\"a\":1}");
    // Switching the boundary off and on again starts from an empty policy.
    let e = e
        .apply(Action::ToggleBoundary(ItemId(1), false))
        .apply(Action::ToggleBoundary(ItemId(1), true));
    assert_eq!(e.doc.roles[1].boundary.as_deref(), Some(EMPTY_POLICY));
    let e = e
        .apply(Action::RemovePolicy(ItemId(1), ItemId(0)))
        .apply(Action::RemoveRole(ItemId(0)));
    assert_eq!(e.doc.roles.len(), 1);
    assert!(e.doc.roles[0].policies.is_empty());
}

#[test]
fn edits_follow_the_role_by_id_when_one_above_is_removed() {
    let e = apply(vec![
        Action::AddRole,
        Action::AddRole,
        Action::RemoveRole(ItemId(0)),
        // An edit aimed at the removed role (sent just before) lands nowhere...
        Action::SetRoleName(ItemId(0), "Lost".into()),
        // ...and one aimed at the second role reaches it, now first in the list.
        Action::SetRoleName(ItemId(1), "Kept".into()),
        Action::AddRole,
    ]);
    assert_eq!(
        doc().roles.len(),
        1,
        "the default example has one role, id 0"
    );
    let ids: Vec<ItemId> = e.doc.roles.iter().map(|r| r.id).collect();
    assert_eq!(ids, [ItemId(1), ItemId(2), ItemId(3)]);
    assert_eq!(e.doc.roles[0].name, "Kept");
    // The role added after the removal got a new id, not the removed role's 0.
    assert!(e.doc.roles.iter().all(|r| r.name != "Lost"));
}

#[test]
fn policies_are_addressed_by_id_within_their_role() {
    let e = apply(vec![
        Action::AddPolicy(ItemId(0)),
        Action::AddPolicy(ItemId(0)),
        Action::RemovePolicy(ItemId(0), ItemId(0)),
        Action::SetPolicyName(ItemId(0), ItemId(1), "Second".into()),
        Action::SetPolicyText(ItemId(0), PolicySlot::Access(ItemId(0)), "gone".into()),
    ]);
    let policies = &e.doc.roles[0].policies;
    assert!(policies
        .iter()
        .any(|p| p.id == ItemId(1) && p.name == "Second"));
    assert!(policies.iter().all(|p| p.text != "gone"));
}

#[test]
fn out_of_range_indexes_change_nothing_but_the_revision() {
    let before = doc();
    let e = apply(vec![
        Action::RemoveRole(ItemId(9)),
        Action::SetRoleName(ItemId(9), "x".into()),
        Action::SetPolicyText(ItemId(0), PolicySlot::Access(ItemId(9)), "x".into()),
        Action::RemovePolicy(ItemId(0), ItemId(9)),
        Action::RemoveRequest(9),
        Action::SetRequest(9, RequestField::Action, "x".into()),
    ]);
    assert_eq!(e.doc, before);
    assert_eq!(e.revision, 6);
}

#[test]
fn sign_in_edits_shape_the_written_file() {
    let e = apply(vec![
        Action::SetIdentity(IdentityType::Authenticated),
        Action::SetSignIn(SignInField::Provider, "graph.facebook.com".into()),
        Action::SetSignIn(SignInField::Claims, "{\"sub\":\"1\"}".into()),
        Action::SetFlow(Flow::Basic),
        Action::SetSignIn(
            SignInField::BasicRoleArn,
            "arn:aws:iam::1:role/Guest".into(),
        ),
        Action::SetSignIn(SignInField::BasicPolicy, EMPTY_POLICY.into()),
    ]);
    let written: Value = serde_json::from_str(&e.doc.to_json()).unwrap();
    let s = &written["signIn"];
    assert_eq!(s["identity"], json!("authenticated"));
    assert_eq!(s["provider"], json!("graph.facebook.com"));
    assert_eq!(s["claims"], json!({ "sub": "1" }));
    assert_eq!(s["flow"], json!("basic"));
    assert_eq!(s["basic"]["RoleArn"], json!("arn:aws:iam::1:role/Guest"));
    assert_eq!(s["basic"]["Policy"]["Version"], json!("2012-10-17"));
}

#[test]
fn requests_are_added_edited_and_removed() {
    let e = apply(vec![
        Action::AddRequest,
        Action::SetRequest(1, RequestField::Action, "s3:PutObject".into()),
        Action::SetRequest(1, RequestField::Resource, "arn:aws:s3:::b/k".into()),
        Action::SetRequest(
            1,
            RequestField::Context,
            "{\"aws:SourceIp\":\"1.2.3.4\"}".into(),
        ),
    ]);
    let written: Value = serde_json::from_str(&e.doc.to_json()).unwrap();
    assert_eq!(
        written["requests"][1],
        json!({ "action": "s3:PutObject", "resource": "arn:aws:s3:::b/k", "context": { "aws:SourceIp": "1.2.3.4" } })
    );
    let e = e.apply(Action::RemoveRequest(0));
    assert_eq!(e.doc.requests.len(), 1);
}

#[test]
fn import_recognises_a_whole_scenario() {
    let imported = import(&ScenarioDoc::default(), DEFAULT).unwrap();
    assert_eq!(imported.doc, doc());
    assert!(imported.summary.contains("Guest reads a public picture"));
}

#[test]
fn import_merges_aws_cli_outputs() {
    let base = doc();
    let pool = r#"{"IdentityPoolId":"us-east-1:x","IdentityPoolName":"P","AllowUnauthenticatedIdentities":false}"#;
    let d = import(&base, pool).unwrap().doc;
    assert_eq!(d.pool["AllowUnauthenticatedIdentities"], json!(false));
    assert_eq!(d.roles, base.roles);

    let roles =
        r#"{"IdentityPoolId":"us-east-1:x","Roles":{"authenticated":"arn:aws:iam::1:role/A"}}"#;
    let d = import(&base, roles).unwrap().doc;
    assert_eq!(
        d.pool_roles,
        json!({ "Roles": { "authenticated": "arn:aws:iam::1:role/A" } })
    );
    assert_eq!(d.pool, base.pool);

    let role = r#"{"Role":{"Path":"/","RoleName":"Admin","RoleId":"AROA","Arn":"arn:aws:iam::1:role/Admin",
        "CreateDate":"2024-01-01T00:00:00Z","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}}"#;
    let d = import(&base, role).unwrap().doc;
    assert_eq!(d.roles.len(), 2);
    assert_eq!(d.roles[1].arn, "arn:aws:iam::1:role/Admin");
    assert!(d.roles[1].trust.starts_with("{\n  \"Version\""));

    let policy = r#"{"RoleName":"Guest","PolicyName":"Extra","PolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%7D"}"#;
    let d = import(&base, policy).unwrap().doc;
    assert_eq!(d.roles[0].policies.len(), 2);
    assert_eq!(
        d.roles[0].policies[1].text,
        "{\n  \"Version\": \"2012-10-17\"\n}"
    );

    let tags = r#"{"IdentityPoolId":"us-east-1:x","IdentityProviderName":"graph.facebook.com","UseDefaults":true,"PrincipalTags":{}}"#;
    let d = import(&base, tags).unwrap().doc;
    assert_eq!(
        d.tag_maps[0]["IdentityProviderName"],
        json!("graph.facebook.com")
    );
}

#[test]
fn import_rejects_unknown_shapes_with_a_message() {
    assert!(import(&doc(), "[1]")
        .unwrap_err()
        .message
        .contains("not a JSON object"));
    assert!(import(&doc(), "{\"x\":1}")
        .unwrap_err()
        .message
        .contains("aws cli"));
}

#[test]
fn pool_edit_helpers_round_trip() {
    use super::pool_edit::*;
    let pool = json!({ "SupportedLoginProviders": { "graph.facebook.com": "1" } });
    let rows = string_rows(&pool, "SupportedLoginProviders");
    assert_eq!(
        rows,
        vec![("graph.facebook.com".to_string(), "1".to_string())]
    );
    assert_eq!(rows_to_object(&rows), pool["SupportedLoginProviders"]);
    assert_eq!(lines_to_list("a\n\n b \n"), json!(["a", "b"]));
    assert_eq!(lines_of(&json!({ "L": ["a", "b"] }), "L"), "a\nb");
    let v = set_path(&json!({}), &[key("a"), key("b")], json!(1));
    assert_eq!(v, json!({ "a": { "b": 1 } }));
    let v = set_path(
        &json!({ "r": [{}, {}] }),
        &[key("r"), PathStep::Index(1), key("x")],
        json!(2),
    );
    assert_eq!(v, json!({ "r": [{}, { "x": 2 }] }));
    assert_eq!(
        set_path(
            &json!({ "r": [] }),
            &[key("r"), PathStep::Index(3)],
            json!(2)
        ),
        json!({ "r": [] })
    );
    assert_eq!(push(None, json!(1)), json!([1]));
    assert_eq!(remove(Some(&json!([1, 2])), 0), json!([2]));
}

#[test]
fn sign_in_time_survives_editing_and_round_trip() {
    let text = include_str!("../../../../web/examples/error-token-expired.json");
    let editor = Editor {
        doc: ScenarioDoc::from_json(text).unwrap(),
        revision: 0,
    };
    let e = editor
        .apply(Action::SetFlow(Flow::Basic))
        .apply(Action::SetFlow(Flow::Enhanced))
        .apply(Action::SetSignIn(
            SignInField::Claims,
            "{\"exp\":1667235770}".into(),
        ));
    let written: Value = serde_json::from_str(&e.doc.to_json()).unwrap();
    assert_eq!(written["signIn"]["time"], json!("2022-11-02T05:14:58Z"));
    assert_eq!(written["signIn"]["claims"]["exp"], json!(1667235770));
    // Written and read again: `time` stays among the sign-in's other fields.
    let again = ScenarioDoc::from_json(&e.doc.to_json()).unwrap();
    assert_eq!(again.sign_in.extra, e.doc.sign_in.extra);
    assert_eq!(
        again.sign_in.extra.get("time"),
        Some(&json!("2022-11-02T05:14:58Z"))
    );
}

#[test]
fn the_scope_down_choice_is_written_as_a_top_level_field_and_read_back() {
    let text = include_str!("../../../../web/examples/scope-down-guest-pinpoint.json");
    let editor = Editor {
        doc: ScenarioDoc::from_json(text).unwrap(),
        revision: 0,
    };
    let e = editor.apply(Action::SetScopeDownVersion("guide-2022".into()));
    let written: Value = serde_json::from_str(&e.doc.to_json()).unwrap();
    assert_eq!(written["scopeDownVersion"], json!("guide-2022"));
    let again = ScenarioDoc::from_json(&e.doc.to_json()).unwrap();
    assert_eq!(
        again.extra.get("scopeDownVersion"),
        Some(&json!("guide-2022"))
    );
}
