//! The request being authorized and its context keys.

use serde::{Deserialize, Serialize};

/// Who makes the request, as a policy's `Principal` element would name them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestPrincipal {
    /// An IAM principal ARN (user, role, assumed-role session, account root).
    #[serde(rename = "AWS")]
    Aws(String),
    /// A web identity or SAML provider, e.g. `cognito-identity.amazonaws.com`.
    Federated(String),
    /// An AWS service principal.
    Service(String),
    /// An S3 canonical user ID.
    CanonicalUser(String),
}

/// A context key's value: one string, or several for a multi-valued key such as `...:amr`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ContextValue {
    /// A single-valued key. Numbers and booleans are kept in their JSON text form.
    Single(String),
    /// A multi-valued key. An empty list is a key present with no values.
    Multi(Vec<String>),
}

/// The request context: key names compare case-insensitively, as IAM's do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// Entries keyed by the lowercase key name; each keeps the name as the user wrote it.
    entries: std::collections::BTreeMap<String, (String, ContextValue)>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` (any case) to `value`, replacing an earlier value of the same key.
    pub fn insert(&mut self, key: impl Into<String>, value: ContextValue) {
        let key = key.into();
        self.entries.insert(key.to_ascii_lowercase(), (key, value));
    }

    /// The value of `key`, matched case-insensitively.
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.entries
            .get(&key.to_ascii_lowercase())
            .map(|(_, value)| value)
    }

    /// The value of `key`, which the caller has already lowercased (the compiled policy
    /// lowercases each key once, so lookups on the hot path do not allocate).
    pub fn get_lowercase(&self, lower_key: &str) -> Option<&ContextValue> {
        self.entries.get(lower_key).map(|(_, value)| value)
    }

    /// Whether the context has no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry as (key as written, value), in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ContextValue)> {
        self.entries
            .values()
            .map(|(key, value)| (key.as_str(), value))
    }
}

/// One request to authorize.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The action, e.g. `s3:GetObject`.
    pub action: String,
    /// The resource ARN, or `*`.
    pub resource: String,
    /// Who asks; needed when a resource-based or trust policy names principals.
    pub principal: Option<RequestPrincipal>,
    /// The account that owns the resource.
    pub account_id: Option<String>,
    /// The context keys.
    pub context: Context,
}
