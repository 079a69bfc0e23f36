//! Login providers: recognising a Logins key and finding it in the pool's configuration.

use serde::Serialize;

use crate::scenario::IdentityPool;

/// The kind of identity provider a Logins key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ProviderKind {
    /// `cognito-idp.REGION.amazonaws.com/POOL_ID`.
    UserPool,
    /// `graph.facebook.com`.
    Facebook,
    /// `accounts.google.com`.
    Google,
    /// `www.amazon.com`.
    Amazon,
    /// `appleid.apple.com`.
    Apple,
    /// `api.twitter.com`.
    Twitter,
    /// `www.digits.com`.
    Digits,
    /// An IAM OIDC provider, keyed by its issuer host.
    Oidc,
    /// An IAM SAML provider, keyed by its ARN.
    Saml,
    /// The pool's developer provider name.
    Developer,
}

/// What the pool says about one provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfiguredProvider {
    /// The kind.
    pub kind: ProviderKind,
    /// The Logins key.
    pub name: String,
    /// Accepted app / client ids (empty when the pool does not record any, e.g. OIDC).
    pub client_ids: Vec<String>,
    /// Where the pool configures it.
    pub span: Option<iam_policy::Span>,
}

/// The kind of a public provider from its well-known name.
pub fn public_kind(name: &str) -> Option<ProviderKind> {
    match name {
        "graph.facebook.com" => Some(ProviderKind::Facebook),
        "accounts.google.com" => Some(ProviderKind::Google),
        "www.amazon.com" => Some(ProviderKind::Amazon),
        "appleid.apple.com" => Some(ProviderKind::Apple),
        "api.twitter.com" => Some(ProviderKind::Twitter),
        "www.digits.com" => Some(ProviderKind::Digits),
        _ => None,
    }
}

/// The kind a Logins key names when the pool does not configure it: a user pool by its
/// host, a public provider by its well-known name, a SAML provider by its ARN, otherwise
/// an OIDC issuer host.
pub fn kind_of_key(key: &str) -> ProviderKind {
    if key.starts_with("cognito-idp.") {
        ProviderKind::UserPool
    } else if key.starts_with("arn:") {
        ProviderKind::Saml
    } else {
        public_kind(key).unwrap_or(ProviderKind::Oidc)
    }
}

/// Splits `cognito-idp.REGION.amazonaws.com/POOL_ID` into (region, pool id).
pub fn parse_user_pool(name: &str) -> Option<(&str, &str)> {
    let rest = name.strip_prefix("cognito-idp.")?;
    let (host, pool) = rest.split_once('/')?;
    let region = host.strip_suffix(".amazonaws.com")?;
    if region.is_empty() || pool.is_empty() || pool.contains('/') {
        return None;
    }
    Some((region, pool))
}

/// The Logins key of an IAM OIDC provider ARN: the part after `oidc-provider/`.
pub fn oidc_key(arn: &str) -> Option<&str> {
    arn.split_once(":oidc-provider/").map(|(_, host)| host)
}

impl IdentityPool {
    /// Every provider the pool is configured with, user pools once per app client.
    pub fn providers(&self) -> Vec<ConfiguredProvider> {
        let mut out: Vec<ConfiguredProvider> = Vec::new();
        for provider in &self.cognito_providers {
            let name = &provider.provider_name.value;
            match out.iter_mut().find(|p| &p.name == name) {
                Some(existing) => existing.client_ids.push(provider.client_id.value.clone()),
                None => out.push(ConfiguredProvider {
                    kind: ProviderKind::UserPool,
                    name: name.clone(),
                    client_ids: vec![provider.client_id.value.clone()],
                    span: Some(provider.provider_name.span),
                }),
            }
        }
        for (key, ids) in &self.supported_login_providers {
            out.push(ConfiguredProvider {
                kind: public_kind(&key.value).unwrap_or(ProviderKind::Oidc),
                name: key.value.clone(),
                client_ids: split_ids(&ids.value),
                span: Some(key.span),
            });
        }
        out.extend(self.oidc_provider_arns.iter().filter_map(|arn| {
            oidc_key(&arn.value).map(|host| ConfiguredProvider {
                kind: ProviderKind::Oidc,
                name: host.to_owned(),
                client_ids: Vec::new(),
                span: Some(arn.span),
            })
        }));
        out.extend(
            self.saml_provider_arns
                .iter()
                .map(|arn| ConfiguredProvider {
                    kind: ProviderKind::Saml,
                    name: arn.value.clone(),
                    client_ids: Vec::new(),
                    span: Some(arn.span),
                }),
        );
        out.extend(
            self.developer_provider_name
                .iter()
                .map(|dev| ConfiguredProvider {
                    kind: ProviderKind::Developer,
                    name: dev.value.clone(),
                    client_ids: Vec::new(),
                    span: Some(dev.span),
                }),
        );
        out
    }

    /// The configured provider with Logins key `name`.
    pub fn provider(&self, name: &str) -> Option<ConfiguredProvider> {
        self.providers().into_iter().find(|p| p.name == name)
    }

    /// Whether `key` is a valid `RoleMappings` key: a user pool as `NAME:CLIENT_ID`, any
    /// other configured provider by its name.
    pub fn is_mapping_key(&self, key: &str) -> bool {
        self.providers().iter().any(|p| match p.kind {
            ProviderKind::UserPool => p.client_ids.iter().any(|id| {
                key.strip_prefix(p.name.as_str())
                    .and_then(|r| r.strip_prefix(':'))
                    == Some(id)
            }),
            _ => p.name == key,
        })
    }

    /// The pool ID, or the placeholder used when the scenario has none.
    pub fn id_or_default(&self) -> &str {
        self.id
            .as_ref()
            .map(|id| id.value.as_str())
            .unwrap_or(DEFAULT_POOL_ID)
    }

    /// The pool's region: the part of its ID before the colon.
    pub fn region(&self) -> &str {
        self.id_or_default()
            .split_once(':')
            .map(|(region, _)| region)
            .unwrap_or("us-east-1")
    }
}

/// The pool ID used when the scenario gives none.
pub const DEFAULT_POOL_ID: &str = "us-east-1:00000000-0000-0000-0000-000000000000";

/// Several app ids can be configured for one provider, separated by commas (Google).
fn split_ids(ids: &str) -> Vec<String> {
    ids.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_pool_names_split_into_region_and_pool() {
        assert_eq!(
            parse_user_pool("cognito-idp.us-west-2.amazonaws.com/us-west-2_abc"),
            Some(("us-west-2", "us-west-2_abc"))
        );
        assert_eq!(
            parse_user_pool("https://cognito-idp.us-west-2.amazonaws.com/x"),
            None
        );
        assert_eq!(
            parse_user_pool("cognito-idp.us-west-2.amazonaws.com/"),
            None
        );
    }

    #[test]
    fn oidc_keys_are_the_issuer_host() {
        assert_eq!(
            oidc_key("arn:aws:iam::123456789012:oidc-provider/login.example.com"),
            Some("login.example.com")
        );
    }
}
