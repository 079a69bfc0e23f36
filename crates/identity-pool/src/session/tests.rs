use super::*;
use crate::scenario::{IdentityPool, PrincipalTagMap, SignIn, Spanned};
use iam_policy::Span;

fn s(v: &str) -> Spanned<String> {
    Spanned::new(v.to_owned(), Span::default())
}

fn role(id: Option<&str>) -> Role {
    Role {
        name: "Guest".to_owned(),
        arn: s("arn:aws:iam::123456789012:role/Guest"),
        role_id: id.map(str::to_owned),
        trust: None,
        policies: Vec::new(),
        boundary: None,
        max_session_duration: 3600,
    }
}

fn provider(kind: ProviderKind, name: &str) -> ConfiguredProvider {
    ConfiguredProvider {
        kind,
        name: name.to_owned(),
        client_ids: Vec::new(),
        span: None,
    }
}

fn scenario(
    provider: &str,
    use_defaults: bool,
    tags: &[(&str, &str)],
    claims: &[(&str, &str)],
) -> Scenario {
    Scenario {
        pool: IdentityPool::default(),
        principal_tag_maps: vec![PrincipalTagMap {
            provider: s(provider),
            use_defaults,
            tags: tags
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }],
        sign_in: SignIn {
            claims: claims
                .iter()
                .map(|(k, v)| ((*k).to_owned(), ClaimValue::Text((*v).to_owned())))
                .collect(),
            ..SignIn::default()
        },
        ..Scenario::default()
    }
}

#[test]
fn role_ids_are_the_given_one_or_a_stable_made_up_one() {
    let mut notes = Notes::default();
    assert_eq!(
        role_id(&role(Some("AROAEXAMPLE")), &mut notes),
        "AROAEXAMPLE"
    );
    let made_up = role_id(&role(None), &mut notes);
    assert_eq!(made_up, role_id(&role(None), &mut notes));
    assert!(
        made_up.starts_with("AROA") && made_up.len() == 21,
        "{made_up}"
    );
    assert!(notes
        .into_vec()
        .iter()
        .any(|n| n.topic == crate::note::Topic::SynthesizedRoleId));
}

#[test]
fn the_session_carries_the_documented_keys() {
    let token = MintedToken {
        iss: crate::token::ISSUER.to_owned(),
        aud: "us-east-1:pool".to_owned(),
        sub: "us-east-1:identity".to_owned(),
        amr: vec!["unauthenticated".to_owned()],
    };
    let r = role(Some("AROAEXAMPLE"));
    let input = SessionInput {
        role: &r,
        token: &token,
        session_name: ENHANCED_SESSION_NAME.to_owned(),
        duration_seconds: 3600,
        session_policies: Vec::new(),
        principal_tags: BTreeMap::from([("team".to_owned(), "red".to_owned())]),
    };
    let session = build_session(input, &mut Notes::default());
    assert_eq!(
        session.assumed_role_arn,
        "arn:aws:sts::123456789012:assumed-role/Guest/CognitoIdentityCredentials"
    );
    assert_eq!(session.user_id, "AROAEXAMPLE:CognitoIdentityCredentials");
    let single = |k: &str| match session.context.get(k) {
        Some(ContextValue::Single(v)) => v.clone(),
        other => panic!("{k}: {other:?}"),
    };
    assert_eq!(single("aws:PrincipalType"), "AssumedRole");
    assert_eq!(
        single("aws:FederatedProvider"),
        "cognito-identity.amazonaws.com"
    );
    assert_eq!(
        single("cognito-identity.amazonaws.com:sub"),
        "us-east-1:identity"
    );
    assert_eq!(single("aws:PrincipalTag/team"), "red");
    let context = session.request_context(&[(
        "aws:SecureTransport".to_owned(),
        ContextValue::Single("true".to_owned()),
    )]);
    assert_eq!(
        context.get("COGNITO-IDENTITY.AMAZONAWS.COM:AMR"),
        Some(&ContextValue::Multi(vec!["unauthenticated".to_owned()]))
    );
    assert!(context.get("aws:securetransport").is_some());
}

#[test]
fn default_tags_follow_the_provider() {
    let mut notes = Notes::default();
    let sc = scenario(
        "www.amazon.com",
        true,
        &[("ignored", "sub")],
        &[("aud", "app"), ("user_id", "amzn1"), ("sub", "x")],
    );
    let tags = principal_tags(
        &sc,
        Some(&provider(ProviderKind::Amazon, "www.amazon.com")),
        &mut notes,
    );
    assert_eq!(
        tags,
        BTreeMap::from([
            ("client".to_owned(), "app".to_owned()),
            ("username".to_owned(), "amzn1".to_owned())
        ])
    );
}

#[test]
fn saml_defaults_follow_the_table_order_and_are_marked_assumed() {
    let mut notes = Notes::default();
    let arn = "arn:aws:iam::123456789012:saml-provider/Corp";
    let sc = scenario(
        arn,
        true,
        &[],
        &[
            (super::SAML_NAME_ID, "auth0|5e28"),
            (super::SAML_NAME, "user123@example.com"),
        ],
    );
    let tags = principal_tags(&sc, Some(&provider(ProviderKind::Saml, arn)), &mut notes);
    assert_eq!(
        tags,
        BTreeMap::from([
            ("client".to_owned(), "auth0|5e28".to_owned()),
            ("username".to_owned(), "user123@example.com".to_owned())
        ])
    );
    let notes = notes.into_vec();
    assert!(notes
        .iter()
        .all(|n| n.topic == crate::note::Topic::DefaultPrincipalTags
            && n.confidence == crate::note::Confidence::Assumed));
    assert_eq!(notes.len(), 2, "{notes:?}");
}

#[test]
fn developer_identities_get_no_default_tags() {
    let mut notes = Notes::default();
    let dev = "login.example.app";
    let sc = scenario(dev, true, &[], &[("aud", "app"), ("sub", "alice")]);
    let tags = principal_tags(
        &sc,
        Some(&provider(ProviderKind::Developer, dev)),
        &mut notes,
    );
    assert!(tags.is_empty(), "{tags:?}");
    let notes = notes.into_vec();
    assert_eq!(
        notes.first().map(|n| n.confidence),
        Some(crate::note::Confidence::Documented)
    );
}

#[test]
fn custom_tags_map_claims_and_skip_missing_ones() {
    let mut notes = Notes::default();
    let up = "cognito-idp.us-east-1.amazonaws.com/us-east-1_X";
    let sc = scenario(
        up,
        false,
        &[("department", "custom:dept"), ("level", "custom:level")],
        &[("custom:dept", "sales")],
    );
    let tags = principal_tags(&sc, Some(&provider(ProviderKind::UserPool, up)), &mut notes);
    assert_eq!(
        tags,
        BTreeMap::from([("department".to_owned(), "sales".to_owned())])
    );
    assert!(principal_tags(
        &sc,
        Some(&provider(ProviderKind::Facebook, "graph.facebook.com")),
        &mut notes
    )
    .is_empty());
    assert!(principal_tags(&sc, None, &mut notes).is_empty());
}

#[test]
fn requests_cannot_change_the_session_keys() {
    assert!(is_session_key("Cognito-Identity.amazonaws.com:sub"));
    assert!(is_session_key("aws:PrincipalTag/team"));
    assert!(!is_session_key("aws:SecureTransport"));
    let r = role(Some("AROAEXAMPLE"));
    let token = MintedToken {
        iss: String::new(),
        aud: "a".to_owned(),
        sub: "real".to_owned(),
        amr: Vec::new(),
    };
    let input = SessionInput {
        role: &r,
        token: &token,
        session_name: "s".to_owned(),
        duration_seconds: 900,
        session_policies: Vec::new(),
        principal_tags: BTreeMap::new(),
    };
    let session = build_session(input, &mut Notes::default());
    let forged = [(
        "cognito-identity.amazonaws.com:sub".to_owned(),
        ContextValue::Single("forged".to_owned()),
    )];
    let context = session.request_context(&forged);
    assert_eq!(
        context.get("cognito-identity.amazonaws.com:sub"),
        Some(&ContextValue::Single("real".to_owned()))
    );
}

#[test]
fn a_request_s_keys_join_the_session_s_as_one_sort_of_both_would() {
    let pair = |k: &str, v: &str| (k.to_owned(), ContextValue::Single(v.to_owned()));
    let session_keys = [
        pair("aws:userid", "AROA:s"),
        pair("Cognito-Identity.amazonaws.com:sub", "real"),
    ];
    let mut session = Context::new();
    session.extend(session_keys.iter().cloned());
    // Repeated keys in other cases, a session key forged in another case, new keys.
    let extra = [
        pair("s3:prefix", "a/"),
        pair("S3:Prefix", "b/"),
        pair("cognito-identity.AMAZONAWS.com:sub", "forged"),
        pair("aws:SourceIp", "10.0.0.1"),
    ];
    let mut one_sort = Context::new();
    one_sort.extend(extra.iter().chain(&session_keys).cloned());
    assert_eq!(context_with(&session, &extra), one_sort);
    assert_eq!(context_with(&session, &[]), session);
}
