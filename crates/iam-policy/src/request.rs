//! The request being authorized and its context keys.

use serde::{Deserialize, Serialize};

/// Who makes the request, as a policy's `Principal` element would name them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// An unsigned (anonymous) request: no identity, so only a resource-based policy that
    /// names `*` can allow it.
    Anonymous,
}

/// A context key's value: one string, or several for a multi-valued key such as `...:amr`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ContextValue {
    /// A single-valued key. Numbers and booleans are kept in their JSON text form.
    Single(String),
    /// A multi-valued key. An empty list is a key present with no values.
    Multi(Vec<String>),
}

/// A context key name prepared for fast lookups: lowercased and hashed once (compiled
/// policies hold these, so evaluating a request neither allocates nor rehashes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyName {
    lower: Box<str>,
    hash: u64,
}

impl KeyName {
    /// Prepares `name` (any case).
    pub fn new(name: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        let hash = fnv1a(lower.as_bytes());
        KeyName {
            lower: lower.into_boxed_str(),
            hash,
        }
    }

    /// The lowercase name.
    pub fn as_str(&self) -> &str {
        &self.lower
    }
}

/// FNV-1a: tiny, and plenty for a handful of short keys.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One context entry.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: KeyName,
    written: String,
    value: ContextValue,
}

impl Entry {
    fn new(written: String, value: ContextValue) -> Self {
        Self {
            name: KeyName::new(&written),
            written,
            value,
        }
    }
}

/// The request context: key names compare case-insensitively, as IAM's do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// Entries sorted by lowercase name; each keeps the name as the user wrote it.
    entries: Vec<Entry>,
}

/// Up to this many keys a linear scan on the hash beats a binary search on the text.
const LINEAR_SCAN: usize = 32;

impl Context {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` (any case) to `value`, replacing an earlier value of the same key.
    pub fn insert(&mut self, key: impl Into<String>, value: ContextValue) {
        let written = key.into();
        let name = KeyName::new(&written);
        match self
            .entries
            .binary_search_by(|e| e.name.lower.cmp(&name.lower))
        {
            Ok(i) => {
                if let Some(e) = self.entries.get_mut(i) {
                    *e = Entry {
                        name,
                        written,
                        value,
                    };
                }
            }
            Err(i) => self.entries.insert(
                i,
                Entry {
                    name,
                    written,
                    value,
                },
            ),
        }
    }

    /// Removes `key` (any case) and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<ContextValue> {
        let lower = key.to_ascii_lowercase();
        let i = self
            .entries
            .binary_search_by(|e| e.name.lower.as_ref().cmp(lower.as_str()))
            .ok()?;
        Some(self.entries.remove(i).value)
    }

    /// The value of `key`, matched case-insensitively.
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        self.get_key(&KeyName::new(key))
    }

    /// The value of a prepared key.
    pub fn get_key(&self, key: &KeyName) -> Option<&ContextValue> {
        let found = if self.entries.len() <= LINEAR_SCAN {
            self.entries
                .iter()
                .find(|e| e.name.hash == key.hash && e.name.lower == key.lower)
        } else {
            let i = self
                .entries
                .binary_search_by(|e| e.name.lower.cmp(&key.lower))
                .ok();
            i.and_then(|i| self.entries.get(i))
        };
        found.map(|e| &e.value)
    }

    /// The value of `key`, which the caller has already lowercased.
    pub fn get_lowercase(&self, lower_key: &str) -> Option<&ContextValue> {
        self.get_key(&KeyName {
            lower: lower_key.into(),
            hash: fnv1a(lower_key.as_bytes()),
        })
    }

    /// Whether the context has no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry as (key as written, value), in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ContextValue)> {
        self.entries.iter().map(|e| (e.written.as_str(), &e.value))
    }
}

/// Adds many keys at once: one sort instead of one shifting insert per key, so a context of
/// 20,000 keys costs n log n, not n². A key given twice keeps its last value, as with
/// [`Context::insert`].
impl Extend<(String, ContextValue)> for Context {
    fn extend<I: IntoIterator<Item = (String, ContextValue)>>(&mut self, pairs: I) {
        self.entries.extend(
            pairs
                .into_iter()
                .map(|(written, value)| Entry::new(written, value)),
        );
        self.settle();
    }
}

impl Context {
    /// Adds the pairs whose key (any case) this context does not already have, with one sort
    /// for all of them: the keys already here win, and among the new ones a key given twice
    /// keeps its last value. What a session's keys need when a request brings its own (a
    /// request cannot change who the caller is), at n log n for a request of many keys where
    /// one insert per key cost n².
    pub fn extend_missing(&mut self, pairs: &[(String, ContextValue)]) {
        let before = self.entries.len();
        for (written, value) in pairs {
            let name = KeyName::new(written);
            let here = self
                .entries
                .get(..before)
                .unwrap_or_default()
                .binary_search_by(|e| e.name.lower.cmp(&name.lower))
                .is_ok();
            // A key already here is skipped before its text and value are copied.
            if !here {
                self.entries.push(Entry {
                    name,
                    written: written.clone(),
                    value: value.clone(),
                });
            }
        }
        self.settle();
    }

    /// Sorts the entries by name after pushes and keeps the last of each run of equal names.
    /// Not generic, so every caller of [`Extend::extend`] shares one copy of it.
    fn settle(&mut self) {
        if self
            .entries
            .is_sorted_by(|a, b| a.name.lower < b.name.lower)
        {
            return;
        }
        // A stable sort keeps equal names in insertion order; the last of each run wins.
        self.entries.sort_by(|a, b| a.name.lower.cmp(&b.name.lower));
        let mut kept: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for e in self.entries.drain(..) {
            match kept.last_mut() {
                Some(last) if last.name.lower == e.name.lower => *last = e,
                _ => kept.push(e),
            }
        }
        self.entries = kept;
    }
}

/// The most values one multi-valued context key may carry in a request. AWS requests carry
/// small sets (at most 50 tags, `aws:TagKeys`; at most 100 keys in a DynamoDB batch), and a
/// bound keeps `ForAnyValue:StringLike` with many patterns from costing patterns × values
/// without limit.
pub const MAX_CONTEXT_VALUES: usize = 256;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_case_insensitive_and_replaced() {
        let mut c = Context::new();
        c.insert("aws:SourceIp", ContextValue::Single("1".into()));
        c.insert("AWS:sourceip", ContextValue::Single("2".into()));
        c.insert("a", ContextValue::Multi(vec![]));
        assert_eq!(
            c.get("aws:sourceIP"),
            Some(&ContextValue::Single("2".into()))
        );
        assert_eq!(c.iter().count(), 2);
        assert_eq!(
            c.get_key(&KeyName::new("A")),
            Some(&ContextValue::Multi(vec![]))
        );
        assert_eq!(c.get("b"), None);
    }

    #[test]
    fn extend_sorts_once_and_keeps_the_last_value() {
        let mut c = Context::new();
        c.insert("b", ContextValue::Single("0".into()));
        c.extend(
            (0..20_000)
                .rev()
                .map(|i| (format!("k{i}"), ContextValue::Single(i.to_string()))),
        );
        c.extend([("K7".to_string(), ContextValue::Single("x".into()))]);
        assert_eq!(c.iter().count(), 20_001);
        assert_eq!(c.get("k7"), Some(&ContextValue::Single("x".into())));
        assert_eq!(c.get("B"), Some(&ContextValue::Single("0".into())));
    }

    #[test]
    fn extend_missing_keeps_the_keys_already_here_and_the_last_new_value() {
        let one = |v: &str| ContextValue::Single(v.into());
        let mut c = Context::new();
        c.insert("aws:userid", one("session"));
        let mut pairs: Vec<(String, ContextValue)> = (0..20_000)
            .rev()
            .map(|i| (format!("k{i}"), one(&i.to_string())))
            .collect();
        pairs.push(("AWS:UserId".into(), one("forged")));
        pairs.push(("K7".into(), one("last")));
        c.extend_missing(&pairs);
        assert_eq!(c.iter().count(), 20_001);
        assert_eq!(c.get("aws:userid"), Some(&one("session")));
        assert_eq!(c.get("k7"), Some(&one("last")));
        assert_eq!(c.get("k19999"), Some(&one("19999")));
        let written: Vec<&str> = c.iter().map(|(k, _)| k).take(2).collect();
        assert_eq!(written, ["aws:userid", "k0"]);
    }

    proptest::proptest! {
        /// `extend_missing` (one sort) gives what one insert per absent key gave: the keys
        /// already here win, a repeated new key keeps its last value, any case.
        #[test]
        fn extend_missing_agrees_with_inserting_each_absent_key(
            here in proptest::collection::vec(("[aAbB]{1,3}", "[0-9]"), 0..8),
            new in proptest::collection::vec(("[aAbBcC]{1,3}", "[0-9]"), 0..24),
        ) {
            let single = |v: &String| ContextValue::Single(v.clone());
            let mut start = Context::new();
            for (k, v) in &here {
                start.insert(k.clone(), single(v));
            }
            let pairs: Vec<(String, ContextValue)> =
                new.iter().map(|(k, v)| (k.clone(), single(v))).collect();
            let mut expected = start.clone();
            for (k, v) in &pairs {
                if start.get(k).is_none() {
                    expected.insert(k.clone(), v.clone());
                }
            }
            let mut got = start.clone();
            got.extend_missing(&pairs);
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn large_contexts_use_binary_search() {
        let mut c = Context::new();
        for i in 0..100 {
            c.insert(format!("k{i}"), ContextValue::Single(i.to_string()));
        }
        assert_eq!(c.get("K57"), Some(&ContextValue::Single("57".into())));
        assert_eq!(c.get("k100"), None);
    }
}
