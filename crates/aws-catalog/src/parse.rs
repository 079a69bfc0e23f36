//! Reading the compact line format (README.md): one record per line, tab-separated,
//! the first field saying what the line is.

use crate::model::{key_kind, AccessLevel, Action, ConditionKey, ResourceType, Service, Source};
use crate::Catalog;

/// Why a catalog text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "catalog line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for CatalogError {}

fn indices(field: Option<&str>) -> Result<Box<[u16]>, String> {
    match field {
        None | Some("") => Ok(Box::default()),
        Some(list) => list
            .split(',')
            .map(|n| {
                n.parse::<u16>()
                    .map_err(|_| format!("`{n}` is not an index"))
            })
            .collect(),
    }
}

/// Parses the catalog text.
pub(crate) fn parse(text: &str) -> Result<Catalog, CatalogError> {
    let mut catalog = Catalog::default();
    for (n, line) in text.lines().enumerate() {
        let fail = |message: String| CatalogError {
            line: n + 1,
            message,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let tag = fields.next().unwrap_or_default();
        let mut next = || fields.next();
        match tag {
            "@" => {
                catalog.source = Source {
                    package: next().unwrap_or_default().to_owned(),
                    version: next().unwrap_or_default().to_owned(),
                    license: next().unwrap_or_default().to_owned(),
                    updated: next().unwrap_or_default().to_owned(),
                }
            }
            "g" => catalog.globals.push(ConditionKey {
                name: next().unwrap_or_default().into(),
                kind: key_kind(next().unwrap_or_default()),
            }),
            "s" => catalog.services.push(Service {
                prefix: next().unwrap_or_default().into(),
                name: next().unwrap_or_default().into(),
                keys: Vec::new(),
                resource_types: Vec::new(),
                actions: Vec::new(),
            }),
            "k" | "r" | "a" => {
                let service = catalog
                    .services
                    .last_mut()
                    .ok_or_else(|| fail(format!("`{tag}` line before any service")))?;
                match tag {
                    "k" => service.keys.push(ConditionKey {
                        name: next().unwrap_or_default().into(),
                        kind: key_kind(next().unwrap_or_default()),
                    }),
                    "r" => service.resource_types.push(ResourceType {
                        name: next().unwrap_or_default().into(),
                        arn: next().unwrap_or_default().into(),
                        keys: indices(next()).map_err(fail)?,
                    }),
                    _ => {
                        let name = next().unwrap_or_default();
                        let level = next().unwrap_or_default();
                        let level = AccessLevel::from_code(level)
                            .ok_or_else(|| fail(format!("unknown access level `{level}`")))?;
                        service.actions.push(Action {
                            name: name.into(),
                            level,
                            resource_types: indices(next()).map_err(fail)?,
                            keys: indices(next()).map_err(fail)?,
                        });
                    }
                }
            }
            other => return Err(fail(format!("unknown record `{other}`"))),
        }
    }
    // The generator sorts; sorting again keeps lookups right for a hand-edited file.
    catalog.services.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    for service in &mut catalog.services {
        // Indices must point inside the service, so lookups can never go out of range.
        let (keys, types) = (service.keys.len(), service.resource_types.len());
        let bad_key = |list: &[u16]| list.iter().any(|&i| usize::from(i) >= keys);
        if service.resource_types.iter().any(|rt| bad_key(&rt.keys))
            || service.actions.iter().any(|a| {
                bad_key(&a.keys) || a.resource_types.iter().any(|&i| usize::from(i) >= types)
            })
        {
            return Err(CatalogError {
                line: 0,
                message: format!("service `{}` has an index out of range", service.prefix),
            });
        }
        service
            .actions
            .sort_by_cached_key(|a| a.name.to_ascii_lowercase());
    }
    Ok(catalog)
}
