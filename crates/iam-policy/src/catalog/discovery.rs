//! Context-key discovery for one request: the condition keys the policies read in
//! statements about the request's action, whether the action can carry each one (the
//! catalog's list, plus the global keys), and which of those the request lacks, so a user
//! knows what to fill in. AWS's `GetContextKeysForCustomPolicy` lists referenced keys for
//! a whole policy; this narrows them to one request.

use aws_catalog::Catalog;
use serde::Serialize;

use crate::pattern::Matched;
use crate::{PolicySet, Request};

/// One condition key a policy reads for this request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct KeyUse {
    /// The key as the policy writes it.
    pub key: String,
    /// Whether the request's action can carry it: a global key or one the catalog lists
    /// for the action; `None` when the catalog does not know the action.
    pub supported: Option<bool>,
    /// Whether the request has it.
    pub present: bool,
}

/// The keys of one request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContextKeys {
    /// Every key read by a statement whose `Action` covers the request's action, once each
    /// (first spelling kept), in policy order.
    pub referenced: Vec<KeyUse>,
    /// The referenced keys the action supports (or may: unknown action) that the request
    /// lacks: what to fill in.
    pub missing: Vec<String>,
}

/// Discovers the context keys of `request` against `set`.
pub fn context_keys(set: &PolicySet<'_>, request: &Request, catalog: &Catalog) -> ContextKeys {
    let action = catalog.action(&request.action);
    let mut out = ContextKeys::default();
    for policy in set.policies() {
        for st in &policy.statements {
            let covers = st.action.as_ref().is_some_and(|list| {
                let hit = list.items.iter().any(|(_, p)| {
                    p.matches(&request.action, &request.context, true) == Matched::Yes
                });
                hit != list.negated
            });
            if !covers {
                continue;
            }
            for cond in &st.conditions {
                let key = cond.key.as_str();
                if out
                    .referenced
                    .iter()
                    .any(|k| k.key.eq_ignore_ascii_case(key))
                {
                    continue;
                }
                let supported = action.map(|a| catalog.is_global_key(key) || a.supports_key(key));
                let present = request.context.get(key).is_some();
                if !present && supported != Some(false) {
                    out.missing.push(key.to_owned());
                }
                out.referenced.push(KeyUse {
                    key: key.to_owned(),
                    supported,
                    present,
                });
            }
        }
    }
    out
}
