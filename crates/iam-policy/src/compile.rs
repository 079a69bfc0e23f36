//! Compiling a parsed [`Policy`] once: action and resource patterns, policy variables and
//! lowercased condition keys are prepared so evaluating a request allocates nothing.

use std::sync::Arc;

mod entry_spans;

use crate::arn::ArnPattern;
use crate::condition::{CompiledCondition, Operator};
use crate::index::actions::ActionsByService;
use crate::index::StatementIndex;
use crate::pattern::Template;
use crate::policy::{Effect, NameList, Policy, PolicyKind};
use crate::Span;
use entry_spans::EntrySpans;
use serde::Serialize;

/// Labels a compiled policy in explanations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicySource {
    /// E.g. `Guest/inline/S3Read`.
    pub name: String,
    /// Which kind of policy it is.
    pub kind: PolicyKind,
}

/// A policy ready to evaluate many requests.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledPolicy {
    /// Its label.
    pub source: PolicySource,
    pub(crate) statements: Vec<CompiledStatement>,
    /// The statements by service and resource head, for large policies (shared by clones).
    pub(crate) index: Option<Arc<StatementIndex>>,
}

/// A principal named in a `Principal` element: (type, value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PrincipalSpec {
    pub negated: bool,
    pub any: bool,
    pub entries: Vec<(String, String)>,
}

/// A string-or-array element ready to match. The items are shared: a policy compiled once is
/// cloned wherever it is reused (the page's workspace lends it to every simulation), and
/// copying 30,000 patterns of one long `Resource` each time cost more than compiling them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Patterns<T> {
    pub negated: bool,
    pub items: Arc<[(String, T)]>,
    /// Each item's span in the policy text, for explanations only (kept apart from `items`
    /// so the matching loops read no more memory than before).
    pub spans: EntrySpans,
}

impl<T> Patterns<T> {
    /// The explanation's record of entry `index` (the one that decided the comparison).
    pub fn entry(&self, index: usize) -> Option<crate::explain::MatchedEntry> {
        Some(crate::explain::MatchedEntry {
            index,
            span: self.spans.get(index)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CompiledStatement {
    pub index: usize,
    pub sid: Option<String>,
    pub span: Span,
    pub effect: Effect,
    pub principal: Option<PrincipalSpec>,
    pub action: Option<Patterns<Template>>,
    /// A long `Action` list by service (see `index::actions`).
    pub action_lookup: Option<ActionsByService>,
    pub resource: Option<Patterns<ArnPattern>>,
    pub conditions: Vec<CompiledCondition>,
}

impl CompiledStatement {
    /// The `Sid`, or `#index`.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(s) if !s.is_empty() => s.clone(),
            _ => format!("#{}", self.index),
        }
    }
}

impl CompiledPolicy {
    /// Compiles `policy`. Parts that failed validation were already reported; whatever
    /// remains unreadable here (e.g. an unknown operator) makes its statement match nothing.
    pub fn compile(policy: &Policy, source: PolicySource) -> CompiledPolicy {
        let variables = policy.version.substitutes_variables();
        let statements: Vec<CompiledStatement> = policy
            .statements
            .iter()
            .map(|st| CompiledStatement {
                index: st.index,
                sid: st.sid.as_ref().map(|s| s.value.clone()),
                span: st.span,
                effect: st.effect.value,
                principal: st.principal.as_ref().map(|p| PrincipalSpec {
                    negated: p.negated,
                    any: p.any,
                    entries: p
                        .entries
                        .iter()
                        .flat_map(|(ty, values)| {
                            values
                                .iter()
                                .map(move |v| (ty.value.clone(), v.value.clone()))
                        })
                        .collect(),
                }),
                action: st
                    .action
                    .as_ref()
                    .map(|list| patterns(list, |v| Template::compile(v, true, false))),
                action_lookup: None,
                resource: st
                    .resource
                    .as_ref()
                    .map(|list| patterns(list, |v| ArnPattern::compile(v, variables))),
                conditions: st
                    .conditions
                    .iter()
                    .flat_map(|block| {
                        let op = Operator::parse(&block.operator.value).ok();
                        block.entries.iter().filter_map(move |entry| {
                            let values: Vec<&str> =
                                entry.values.iter().map(|v| v.value.as_str()).collect();
                            op.map(|op| {
                                CompiledCondition::compile(
                                    op,
                                    &block.operator.value,
                                    &entry.key.value,
                                    &values,
                                    variables,
                                    entry.key.span,
                                )
                            })
                        })
                    })
                    .collect(),
            })
            .map(|mut st: CompiledStatement| {
                st.action_lookup = st
                    .action
                    .as_ref()
                    .and_then(|list| ActionsByService::build(&list.items));
                st
            })
            .collect();
        let index = StatementIndex::build(&statements).map(Arc::new);
        CompiledPolicy {
            source,
            statements,
            index,
        }
    }

    /// Parses and compiles `text` in one step; `None` (with diagnostics) when it has errors.
    pub fn from_text(
        text: &str,
        source: PolicySource,
    ) -> (Option<CompiledPolicy>, Vec<crate::Diagnostic>) {
        let parsed = crate::parse_policy(text, source.kind);
        let compiled = parsed
            .policy
            .as_ref()
            .map(|p| CompiledPolicy::compile(p, source));
        (compiled, parsed.diagnostics)
    }

    /// How many statements it has.
    pub fn statement_count(&self) -> usize {
        self.statements.len()
    }
}

fn patterns<T>(list: &NameList, compile: impl Fn(&str) -> T) -> Patterns<T> {
    Patterns {
        negated: list.negated,
        items: list
            .values
            .iter()
            .map(|v| (v.value.clone(), compile(&v.value)))
            .collect(),
        spans: EntrySpans::new(list.values.iter().map(|v| v.span)),
    }
}
