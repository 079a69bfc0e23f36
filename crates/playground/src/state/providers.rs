//! The login providers the pool configures, as the sign-in controls offer them. It only
//! lists what the pool's JSON names; the simulation decides what each one accepts.

use serde_json::Value;

/// The pool's provider keys and the app/client id each expects as `aud`.
pub fn providers(pool: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pool
        .get("SupportedLoginProviders")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    for p in pool
        .get("CognitoIdentityProviders")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = p
            .get("ProviderName")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let client = p
            .get("ClientId")
            .and_then(Value::as_str)
            .unwrap_or_default();
        out.push((name.to_string(), client.to_string()));
    }
    for arn in pool
        .get("OpenIdConnectProviderARNs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let host = arn
            .as_str()
            .unwrap_or_default()
            .rsplit("oidc-provider/")
            .next()
            .unwrap_or_default();
        out.push((host.to_string(), String::new()));
    }
    for arn in pool
        .get("SamlProviderARNs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.push((arn.as_str().unwrap_or_default().to_string(), String::new()));
    }
    if let Some(dev) = pool
        .get("DeveloperProviderName")
        .and_then(Value::as_str)
        .filter(|d| !d.is_empty())
    {
        out.push(("cognito-identity.amazonaws.com".into(), dev.to_string()));
    }
    out
}

/// The keys a role mapping can have in this pool: each configured provider, a user pool
/// with its app client (`cognito-idp.REGION.amazonaws.com/POOL:CLIENT`), as
/// `RoleMappings` names them.
pub fn mapping_keys(pool: &Value) -> Vec<String> {
    providers(pool)
        .into_iter()
        .map(|(name, client)| {
            if name.starts_with("cognito-idp.") && !client.is_empty() {
                format!("{name}:{client}")
            } else {
                name
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn mapping_keys_add_the_app_client_to_user_pools_only() {
        let pool = json!({
            "SupportedLoginProviders": { "graph.facebook.com": "123" },
            "CognitoIdentityProviders": [
                { "ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_A", "ClientId": "c1" }
            ],
            "OpenIdConnectProviderARNs": ["arn:aws:iam::1:oidc-provider/login.example.com"]
        });
        assert_eq!(
            mapping_keys(&pool),
            [
                "graph.facebook.com",
                "cognito-idp.us-east-1.amazonaws.com/us-east-1_A:c1",
                "login.example.com"
            ]
        );
        assert!(mapping_keys(&json!({})).is_empty());
    }
}
