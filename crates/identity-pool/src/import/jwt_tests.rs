use serde_json::json;

use super::*;

/// A token with these header and claims and a fake signature.
pub fn token(claims: &Value) -> String {
    let header = base64url::encode(br#"{"alg":"RS256","kid":"k1"}"#);
    let payload = base64url::encode(claims.to_string().as_bytes());
    format!("{header}.{payload}.c2lnbmF0dXJl")
}

fn codes(d: &DecodedToken) -> Vec<String> {
    d.diagnostics.iter().map(|d| d.code.clone()).collect()
}

#[test]
fn a_user_pool_id_token_fills_the_sign_in() {
    let t = token(
        &json!({"iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf", "aud": "4abc", "token_use": "id", "sub": "u1"}),
    );
    let d = decode_token(&t, None, None);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    let issuer = d.issuer.unwrap();
    assert_eq!(issuer.kind, ProviderKind::UserPool);
    assert_eq!(
        issuer.logins_key,
        "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf"
    );
    assert_eq!(d.sign_in.unwrap()["claims"]["sub"], "u1");
    assert!(d.notes.iter().any(|n| n.contains("NOT checked")));
}

#[test]
fn a_bearer_prefix_and_quotes_are_dropped_and_positions_stay_in_the_pasted_text() {
    let t = token(&json!({"iss": "https://accounts.google.com"}));
    let pasted = format!("  Bearer \"{t}\"\n");
    let d = decode_token(&pasted, None, None);
    assert_eq!(d.issuer.unwrap().kind, ProviderKind::Google);
    let broken = pasted.replacen("eyJ", "ey*", 1);
    let d = decode_token(&broken, None, None);
    let first = d.diagnostics.first().unwrap();
    assert_eq!(first.code, "import::token::malformed");
    assert_eq!(first.start.unwrap().column, 13, "{first:?}");
}

#[test]
fn an_expired_token_is_judged_by_the_simulations_rule() {
    let t = token(&json!({"iss": "https://accounts.google.com", "exp": 1000}));
    let later = decode_token(&t, None, Some(100_000));
    assert!(codes(&later).contains(&"import::token::expired".to_owned()));
    let before = decode_token(&t, None, Some(10));
    assert!(!codes(&before).contains(&"import::token::expired".to_owned()));
    let no_clock = decode_token(&t, None, None);
    assert!(no_clock.notes.iter().any(|n| n.contains("not compared")));
}

#[test]
fn the_scenario_handed_back_signs_in_at_the_moment_given() {
    let t = token(&json!({"iss": "https://accounts.google.com", "aud": "app", "exp": 1000}));
    let scenario = json!({"identityPool": {}, "signIn": {"flow": "basic"}});
    let at = decode_token(&t, Some(&scenario), Some(100_000));
    let sign_in = &at.scenario.unwrap()["signIn"];
    assert_eq!(sign_in["time"], json!(100_000));
    assert_eq!(
        sign_in["flow"],
        json!("basic"),
        "how the app signs in is kept"
    );
    // Without a clock there is no moment to record.
    let no_clock = decode_token(&t, Some(&scenario), None);
    assert!(no_clock.scenario.unwrap()["signIn"].get("time").is_none());
}
