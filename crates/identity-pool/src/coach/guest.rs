//! What the guest role grants: grants the enhanced flow's scope-down removes anyway, and
//! write or permissions-management actions.

use std::collections::HashMap;

use aws_catalog::{AccessLevel, Catalog};
use iam_policy::{decide, Context, Decision, Effect, PolicySet, Request, Statement};
use serde_json::Value;

use super::doc::{fix, one_or_list, remove_statement, statement_mut, FixBudget};
use super::{finding, guest_role, some, Finding, Level};
use crate::scenario::{Flow, Scenario};
use crate::scope_down::guest_scope_down;

/// The most actions a fix writes out in place of a wildcard.
const MAX_SPELLED_OUT: usize = 20;

/// The entries of an Allow statement's `Action` (not `NotAction`).
fn allow_entries(statement: &Statement) -> Option<Vec<String>> {
    if statement.effect.value != Effect::Allow {
        return None;
    }
    let list = statement.action.as_ref().filter(|l| !l.negated)?;
    Some(list.values.iter().map(|v| v.value.clone()).collect())
}

/// One `Action` entry split by a test on each action it covers.
struct Split {
    entry: String,
    kept: Vec<String>,
    dropped: Vec<String>,
}

fn split(
    entries: &[String],
    catalog: &Catalog,
    mut keep: impl FnMut(&str, AccessLevel) -> bool,
) -> Vec<Split> {
    entries
        .iter()
        .map(|entry| {
            let mut s = Split {
                entry: entry.clone(),
                kept: Vec::new(),
                dropped: Vec::new(),
            };
            for action in catalog.expand(entry) {
                let name = action.full_name();
                if keep(&name, action.level()) {
                    s.kept.push(name);
                } else {
                    s.dropped.push(name);
                }
            }
            s
        })
        .collect()
}

/// The `Action` a fix leaves: untouched entries, and in place of a partly dropped wildcard
/// the actions it keeps (when few). `None` when nothing is left.
fn kept_actions(splits: &[Split]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for s in splits {
        if s.dropped.is_empty() {
            out.push(s.entry.clone());
        } else if s.kept.is_empty() {
            continue;
        } else if s.kept.len() <= MAX_SPELLED_OUT {
            out.extend(s.kept.iter().cloned());
        } else {
            out.push(s.entry.clone());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The fix's edit: the statement's `Action` narrowed to `kept`, or the statement removed.
fn narrow(kept: Option<Vec<String>>, index: usize) -> impl FnOnce(&mut Value) -> Option<()> {
    move |document: &mut Value| match kept {
        Some(actions) => {
            let statement = statement_mut(document, index)?;
            statement
                .as_object_mut()?
                .insert("Action".to_owned(), one_or_list(&actions));
            Some(())
        }
        None => remove_statement(document, index),
    }
}

/// `coach::guest_above_scope_down`.
pub fn above_scope_down(
    scenario: &Scenario,
    catalog: &Catalog,
    budget: &FixBudget,
    out: &mut Vec<Finding>,
) {
    let Some(role) = guest_role(scenario) else {
        return;
    };
    let scope_down = guest_scope_down(scenario.scope_down());
    let set = PolicySet {
        identity: scope_down.compiled.iter().collect(),
        ..PolicySet::default()
    };
    let mut request = Request {
        action: String::new(),
        resource: "*".to_owned(),
        principal: None,
        account_id: None,
        context: Context::new(),
    };
    let mut cache: HashMap<String, bool> = HashMap::new();
    let mut survives = |action: &str| -> bool {
        if let Some(known) = cache.get(action) {
            return *known;
        }
        request.action.clear();
        request.action.push_str(action);
        let allowed = decide(&set, &request) == Decision::Allowed;
        cache.insert(action.to_owned(), allowed);
        allowed
    };
    for doc in &role.policies {
        let Some(policy) = &doc.policy else { continue };
        for statement in &policy.statements {
            let Some(entries) = allow_entries(statement) else {
                continue;
            };
            let splits = split(&entries, catalog, |name, _| survives(name));
            let removed: Vec<String> = splits.iter().flat_map(|s| s.dropped.clone()).collect();
            if removed.is_empty() {
                continue;
            }
            let total: usize = splits.iter().map(|s| s.kept.len() + s.dropped.len()).sum();
            let now = match scenario.sign_in.flow {
                Flow::Enhanced => "Today they are dead: guests in the enhanced flow never get them. They come alive the day someone turns on the basic (classic) flow, which applies no scope-down.",
                Flow::Basic => "This scenario uses the basic (classic) flow, which applies no scope-down: guests have them now.",
            };
            let mut f = finding(
                scenario,
                "coach::guest_above_scope_down",
                Level::Warning,
                doc,
                statement.index,
                format!(
                    "`{}` statement {} grants guests {} of {total} actions the enhanced flow's scope-down removes: {}",
                    doc.name,
                    statement.index,
                    removed.len(),
                    some(&removed, 3)
                ),
                format!(
                    "Cognito intersects the guest role with a scope-down session policy in the enhanced flow, and AWS advises not to give unauthenticated users any permission above it. {now} Remove what the scope-down removes."
                ),
            );
            f.evidence = removed.iter().take(20).cloned().collect();
            f.fix = fix(
                scenario,
                budget,
                doc,
                "keep only what guests can use".to_owned(),
                narrow(kept_actions(&splits), statement.index),
            );
            out.push(f);
        }
    }
}

/// `coach::guest_write_access`.
pub fn write_access(
    scenario: &Scenario,
    catalog: &Catalog,
    budget: &FixBudget,
    out: &mut Vec<Finding>,
) {
    let Some(role) = guest_role(scenario) else {
        return;
    };
    for doc in &role.policies {
        let Some(policy) = &doc.policy else { continue };
        for statement in &policy.statements {
            let Some(entries) = allow_entries(statement) else {
                continue;
            };
            let splits = split(&entries, catalog, |_, level| {
                !matches!(
                    level,
                    AccessLevel::Write | AccessLevel::PermissionsManagement
                )
            });
            let writes: Vec<String> = splits.iter().flat_map(|s| s.dropped.clone()).collect();
            if writes.is_empty() {
                continue;
            }
            let permissions = writes
                .iter()
                .filter(|a| {
                    catalog
                        .action(a)
                        .is_some_and(|r| r.level() == AccessLevel::PermissionsManagement)
                })
                .count();
            let (level, what) = if permissions > 0 {
                (
                    Level::Warning,
                    format!("{permissions} of them permissions management"),
                )
            } else {
                (Level::Info, "all of them Write".to_owned())
            };
            let mut f = finding(
                scenario,
                "coach::guest_write_access",
                level,
                doc,
                statement.index,
                format!(
                    "`{}` statement {} lets guests change things: {} write actions ({what}), e.g. {}",
                    doc.name,
                    statement.index,
                    writes.len(),
                    some(&writes, 3)
                ),
                "Anyone who loads the app gets guest credentials, no sign-in needed. Writes (and above all permissions management) in the guest role are open to the whole internet; keep guests to reads, or to the one write the app needs (analytics events), on one resource.".to_owned(),
            );
            f.evidence = writes.iter().take(20).cloned().collect();
            f.fix = kept_actions(&splits).and_then(|kept| {
                fix(
                    scenario,
                    budget,
                    doc,
                    "keep only the read and list actions".to_owned(),
                    narrow(Some(kept), statement.index),
                )
            });
            out.push(f);
        }
    }
}
