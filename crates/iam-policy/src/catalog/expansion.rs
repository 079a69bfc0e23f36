//! The actions a wildcard `Action` entry covers (`s3:Get*`, `*`), for hovers and
//! explanations.

use aws_catalog::Catalog;
use serde::Serialize;

use crate::Explanation;

/// How many action names an expansion lists; the count is always complete.
pub const LISTED: usize = 50;

/// The actions one wildcard entry covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActionExpansion {
    /// The entry as written, e.g. `s3:Get*`.
    pub pattern: String,
    /// How many actions of the catalog it covers.
    pub count: usize,
    /// The first [`LISTED`] of them, `service:Name`, in catalog order.
    pub actions: Vec<String>,
}

/// The expansion of one pattern.
pub fn expand(pattern: &str, catalog: &Catalog) -> ActionExpansion {
    let all = catalog.expand(pattern);
    ActionExpansion {
        pattern: pattern.to_owned(),
        count: all.len(),
        actions: all.iter().take(LISTED).map(|a| a.full_name()).collect(),
    }
}

/// The expansion of every wildcard `Action`/`NotAction` entry the explanation's statements
/// compared the request's action with, each pattern once, in order of appearance.
pub fn expansions(explanation: &Explanation, catalog: &Catalog) -> Vec<ActionExpansion> {
    let mut seen: Vec<&str> = Vec::new();
    for st in &explanation.statements {
        for value in &st.action.values {
            if value.contains(['*', '?']) && !seen.contains(&value.as_str()) {
                seen.push(value);
            }
        }
    }
    seen.into_iter().map(|p| expand(p, catalog)).collect()
}
