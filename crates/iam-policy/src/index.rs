//! An index of a large policy's statements by the service of their actions and the literal
//! head of their resources, so a decision meets only the statements that can match its
//! request: a policy of 20,000 statements decides `s3:GetObject` on one object by matching
//! the few statements that name that object's prefix, not all 20,000 (which made the
//! effective-permissions table, the diff and the coach cost the square of the policy).
//!
//! The index is a filter, never a judge: every candidate is still matched in full by
//! `statement::applies`, and a statement the index cannot place (`NotAction`, `NotResource`,
//! a wildcard or non-ASCII text in the service, a resource that starts with a wildcard or a
//! variable) is a candidate for every request. Only the fast path (no explanation) uses it:
//! there the layer's outcome (any Allow, any Deny, the strongest grant) does not depend on
//! the order statements are met in, nor on meeting one twice.

pub(crate) mod actions;

use std::collections::HashMap;

use crate::compile::CompiledStatement;
use crate::CompiledPolicy;

/// Policies with fewer statements are scanned: the index would cost more than it saves.
const MIN_INDEXED: usize = 16;

/// The longest service prefix looked up without allocating; longer ones scan.
const MAX_SERVICE: usize = 64;

/// The statements of one policy by action service, then by resource head.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StatementIndex {
    /// Statements whose actions all name a plain service (lowercase ASCII), by service.
    by_service: HashMap<Box<str>, ResourceIndex>,
    /// Statements that may match an action of any service.
    any_service: ResourceIndex,
}

/// Statements by the literal text their resource patterns start with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ResourceIndex {
    /// Statements that may match any resource.
    any: Vec<usize>,
    /// Statements by the literal head of one of their `Resource` entries.
    by_head: HashMap<Box<str>, Vec<usize>>,
    /// The distinct lengths of the heads, ascending: a resource is looked up at each.
    lengths: Vec<usize>,
}

impl ResourceIndex {
    fn add(&mut self, statement: usize, heads: Option<&[&str]>) {
        match heads {
            None => self.any.push(statement),
            Some(heads) => {
                for head in heads {
                    self.by_head
                        .entry((*head).into())
                        .or_default()
                        .push(statement);
                }
            }
        }
    }

    fn finish(&mut self) {
        self.lengths = self.by_head.keys().map(|k| k.len()).collect();
        self.lengths.sort_unstable();
        self.lengths.dedup();
    }

    fn visit(&self, resource: &str, visit: &mut impl FnMut(usize)) {
        self.any.iter().for_each(|&i| visit(i));
        for &len in &self.lengths {
            // A head is valid text, so it can only equal a prefix that ends on a character
            // boundary (`get` refuses the others).
            let Some(head) = resource.get(..len) else {
                if len > resource.len() {
                    break;
                }
                continue;
            };
            if let Some(list) = self.by_head.get(head) {
                list.iter().for_each(|&i| visit(i));
            }
        }
    }
}

/// The services (lowercase ASCII) a statement's actions can belong to; `None` when it may
/// match an action of any service. Actions match case-insensitively, and a non-ASCII
/// pattern character may fold onto an ASCII one, so only ASCII services are keyed.
fn services(st: &CompiledStatement) -> Option<Vec<String>> {
    let list = st.action.as_ref().filter(|l| !l.negated)?;
    let mut out: Vec<String> = Vec::new();
    for (_, pattern) in list.items.iter() {
        let (service, _) = pattern.leading_literal().split_once(':')?;
        if !service.is_ascii() || service.len() > MAX_SERVICE {
            return None;
        }
        let service = service.to_ascii_lowercase();
        if !out.contains(&service) {
            out.push(service);
        }
    }
    Some(out)
}

/// The literal heads of a statement's resource patterns; `None` when it may match any
/// resource (no `Resource`, `NotResource`, or an entry that starts with `*` or a variable).
/// Resources match case-sensitively, so heads are kept as written.
fn heads(st: &CompiledStatement) -> Option<Vec<&str>> {
    let list = st.resource.as_ref().filter(|l| !l.negated)?;
    let mut out: Vec<&str> = Vec::new();
    for (_, pattern) in list.items.iter() {
        let head = pattern.template().leading_literal();
        if head.is_empty() {
            return None;
        }
        if !out.contains(&head) {
            out.push(head);
        }
    }
    Some(out)
}

impl StatementIndex {
    /// Indexes `statements`; `None` for a policy small enough to scan.
    pub(crate) fn build(statements: &[CompiledStatement]) -> Option<StatementIndex> {
        if statements.len() < MIN_INDEXED {
            return None;
        }
        let mut index = StatementIndex::default();
        for (i, st) in statements.iter().enumerate() {
            let heads = heads(st);
            match services(st) {
                None => index.any_service.add(i, heads.as_deref()),
                Some(services) => {
                    for service in services {
                        index
                            .by_service
                            .entry(service.into())
                            .or_default()
                            .add(i, heads.as_deref());
                    }
                }
            }
        }
        index.any_service.finish();
        index
            .by_service
            .values_mut()
            .for_each(ResourceIndex::finish);
        Some(index)
    }

    /// Calls `visit` with the index of every statement that may apply to `action` on
    /// `resource` (some possibly more than once). Returns `false`, without visiting, when
    /// the index cannot narrow this request: the caller then meets every statement.
    pub(crate) fn candidates(
        &self,
        action: &str,
        resource: &str,
        mut visit: impl FnMut(usize),
    ) -> bool {
        let service = action.split_once(':').map_or(action, |(s, _)| s);
        if !service.is_ascii() || service.len() > MAX_SERVICE {
            return false;
        }
        let mut buf = [0u8; MAX_SERVICE];
        let Some(lower) = buf.get_mut(..service.len()) else {
            return false;
        };
        lower.copy_from_slice(service.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            return false;
        };
        if let Some(keyed) = self.by_service.get(lower) {
            keyed.visit(resource, &mut visit);
        }
        self.any_service.visit(resource, &mut visit);
        true
    }
}

impl CompiledPolicy {
    /// This policy with only the statements that can apply to an action of service `prefix`
    /// (ASCII, any case): every decision on an action `prefix:...` is the same as with the
    /// whole policy (explanations list fewer statements). A table of decisions over one
    /// service's actions (effective permissions) then meets a handful of statements per
    /// decision instead of all. `None` when nothing would be gained: the policy has a
    /// statement index (decisions already meet only the service's statements), every
    /// statement may apply, or `prefix` is not ASCII.
    pub fn for_service(&self, prefix: &str) -> Option<CompiledPolicy> {
        if self.index.is_some() || !prefix.is_ascii() {
            return None;
        }
        let prefix = prefix.to_ascii_lowercase();
        let keep: Vec<bool> = self
            .statements
            .iter()
            .map(|st| services(st).is_none_or(|services| services.contains(&prefix)))
            .collect();
        if keep.iter().all(|k| *k) {
            return None;
        }
        let statements = self
            .statements
            .iter()
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .map(|(st, _)| st.clone())
            .collect();
        Some(CompiledPolicy {
            source: self.source.clone(),
            statements,
            index: None,
        })
    }
}

#[cfg(test)]
mod tests;
