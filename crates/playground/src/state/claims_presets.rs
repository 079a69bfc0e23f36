//! Example token claims per kind of provider, offered as one-click presets. Plain sample
//! data: the simulator decides what each claim means.

use serde_json::{json, Value};

/// Sample claims for a provider key (`graph.facebook.com`, `cognito-idp...`, an OIDC host...).
/// `app_id` is the pool's configured app/client id for that provider, used as `aud`.
pub fn preset(provider: &str, app_id: &str) -> Vec<(&'static str, Value)> {
    let aud = if app_id.is_empty() {
        "example-app-id"
    } else {
        app_id
    };
    if provider.starts_with("cognito-idp.") {
        let iss = format!("https://{}", provider.split(':').next().unwrap_or(provider));
        return vec![
            (
                "user",
                json!({ "sub": "a1b2c3d4-0000-1111-2222-333344445555", "aud": aud, "iss": iss,
                "token_use": "id", "email": "user@example.com" }),
            ),
            (
                "admin group",
                json!({ "sub": "a1b2c3d4-0000-1111-2222-333344445555", "aud": aud, "iss": iss,
                "token_use": "id", "cognito:groups": ["admin"], "custom:dept": "admin" }),
            ),
        ];
    }
    match provider {
        "graph.facebook.com" => vec![("user", json!({ "sub": "10157123456789", "aud": aud }))],
        "accounts.google.com" => vec![(
            "user",
            json!({ "sub": "110169484474386276334", "aud": aud,
            "iss": "https://accounts.google.com", "email": "user@example.com", "email_verified": true }),
        )],
        "www.amazon.com" => vec![(
            "user",
            json!({ "sub": "amzn1.account.AF2EXAMPLE", "aud": aud }),
        )],
        "appleid.apple.com" => vec![(
            "user",
            json!({ "sub": "001234.abcdef.1234", "aud": aud,
            "iss": "https://appleid.apple.com" }),
        )],
        _ => vec![(
            "user",
            json!({ "sub": "user-1", "aud": aud, "iss": format!("https://{provider}") }),
        )],
    }
}
