//! The explanation of a decision, as serde data: which layer decided, which statements,
//! why each statement did or did not apply, which context keys were missing, and what the
//! engine could not evaluate.

use crate::policy::{Effect, PolicyKind};
use crate::{Decision, Span};
use serde::Serialize;

/// A layer of policies in AWS's evaluation logic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Layer {
    /// AWS Organizations service control policies (one level of the organization at a time).
    ServiceControl,
    /// AWS Organizations resource control policies, of the resource's account.
    ResourceControl,
    /// The policies of the VPC endpoints the request passes through.
    VpcEndpoint,
    /// The resource's resource-based policy (or a role's trust policy).
    ResourceBased,
    /// The principal's identity-based policies.
    Identity,
    /// The permissions boundary.
    PermissionsBoundary,
    /// Session policies (inline and managed together).
    Session,
}

/// Points at one statement of one policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StatementRef {
    /// The policy's name.
    pub policy: String,
    /// The policy's kind.
    pub kind: PolicyKind,
    /// The `Sid`, if the statement has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// The `Sid`, or `#index`.
    pub label: String,
    /// 0-based index in the `Statement` array.
    pub index: usize,
    /// The statement's span in its policy text.
    pub span: Span,
    /// The statement's effect.
    pub effect: Effect,
}

/// How one element (`Action`, `Resource`, `Principal`) compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ElementMatch {
    /// `Action`, `NotAction`, ...; absent elements say so.
    pub element: String,
    /// Whether the element lets the statement apply.
    pub matched: bool,
    /// What the request had.
    pub request: String,
    /// The element's values after variable substitution.
    pub values: Vec<String>,
    /// Why, when it is not obvious (an unresolved variable, a role-ARN match, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The entry that covered the request's value: the `Action` or `Resource` entry that
    /// matched, or the `NotAction`/`NotResource` entry that excluded it (the first, in the
    /// element's order). Absent when none did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<MatchedEntry>,
}

/// Which entry of an `Action`/`NotAction`/`Resource`/`NotResource` element it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MatchedEntry {
    /// 0-based index in the element's list (0 for a single string); the entry is
    /// `values[index]`.
    pub index: usize,
    /// Its span in the policy text, quotes included (as the statement's `span`).
    pub span: Span,
}

impl ElementMatch {
    /// The entry in backticks, with what `covers` says of it (for a wildcard action entry
    /// with the catalog at hand: ` (63 actions, all Read)`).
    fn entry_words(&self, covers: &impl Fn(&str) -> Option<String>) -> Option<String> {
        let value = self.values.get(self.entry.as_ref()?.index)?;
        let mut words = format!("`{value}`");
        if self.element.ends_with("Action") && value.contains(['*', '?']) {
            if let Some(covered) = covers(value) {
                words.push_str(&format!(" ({covered})"));
            }
        }
        Some(words)
    }

    /// How the element let the statement apply: "`s3:Get*` matches `s3:GetObject`"; `None`
    /// when no entry matched (a `NotAction`, or no `Resource` in a trust policy).
    fn applies_words(&self, covers: &impl Fn(&str) -> Option<String>) -> Option<String> {
        let entry = self.entry_words(covers)?;
        (!self.element.starts_with("Not")).then(|| format!("{entry} matches `{}`", self.request))
    }
}

/// How one condition (one operator and one key) evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConditionExplanation {
    /// The operator as written.
    pub operator: String,
    /// The key as written.
    pub key: String,
    /// The request's values (`null` when the key is missing).
    pub request_values: Option<Vec<String>>,
    /// The policy's values after variable substitution.
    pub policy_values: Vec<String>,
    /// Whether the condition held.
    pub result: bool,
    /// The key's span in the policy text.
    pub span: Span,
}

/// Why one statement applied or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct StatementExplanation {
    /// Which statement.
    pub statement: StatementRef,
    /// Its layer.
    pub layer: Layer,
    /// Whether every part matched (the statement applies).
    pub matched: bool,
    /// The action comparison.
    pub action: ElementMatch,
    /// The resource comparison.
    pub resource: ElementMatch,
    /// The principal comparison, for resource-based and trust policies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<ElementMatch>,
    /// Each condition (all must hold).
    pub conditions: Vec<ConditionExplanation>,
    /// In plain words: why it applies, or the first part that did not match.
    pub reason: String,
}

impl StatementExplanation {
    /// The plain-words `reason` for the parts recorded.
    pub fn describe(&self) -> String {
        self.describe_with(|_| None)
    }

    /// [`Self::describe`], with `covers` saying what a wildcard action entry covers (the
    /// catalog's count, `iam_policy::catalog::coverage_words`): the one formatter of the
    /// reason, with or without a catalog.
    pub fn describe_with(&self, covers: impl Fn(&str) -> Option<String>) -> String {
        let list = |values: &[String]| {
            values
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let element = |e: &ElementMatch, what: &str| {
            let base = match e.entry_words(&covers) {
                // A `NotAction`/`NotResource` entry excluded it: name that entry.
                Some(entry) if e.element.starts_with("Not") => format!(
                    "{what} `{}` is excluded by `{}` entry {entry}",
                    e.request, e.element
                ),
                _ => {
                    let verdict = if e.element.starts_with("Not") {
                        "is excluded by"
                    } else {
                        "is not covered by"
                    };
                    format!(
                        "{what} `{}` {verdict} `{}` ({})",
                        e.request,
                        e.element,
                        list(&e.values)
                    )
                }
            };
            match &e.note {
                Some(note) => format!("{base}: {note}"),
                None => base,
            }
        };
        if !self.action.matched {
            return element(&self.action, "the action");
        }
        if !self.resource.matched {
            return element(&self.resource, "the resource");
        }
        if let Some(p) = self.principal.as_ref().filter(|p| !p.matched) {
            return element(p, "the caller");
        }
        if let Some(c) = self.conditions.iter().find(|c| !c.result) {
            return match &c.request_values {
                None => format!(
                    "the request has no `{}`, so `{}` is false",
                    c.key, c.operator
                ),
                Some(values) => format!(
                    "`{}` on `{}` is false: the request has {}, the policy {}",
                    c.operator,
                    c.key,
                    if values.is_empty() {
                        "an empty set".to_string()
                    } else {
                        list(values)
                    },
                    list(&c.policy_values)
                ),
            };
        }
        if self.matched {
            let n = self.conditions.len();
            let conditions = if n == 0 {
                String::new()
            } else {
                format!(" and its {n} condition(s) hold")
            };
            let parts: Vec<String> = [&self.action, &self.resource]
                .into_iter()
                .filter_map(|e| e.applies_words(&covers))
                .collect();
            let matches = if parts.is_empty() {
                "action and resource match".to_owned()
            } else {
                parts.join(", ")
            };
            format!("the statement applies: {matches}{conditions}")
        } else {
            "the statement does not apply".to_string()
        }
    }
}

/// What one layer concluded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LayerResult {
    /// The layer.
    pub layer: Layer,
    /// The organization level (root, OU or account ID) for SCPs and RCPs given by level, or
    /// the endpoint's label for an endpoint policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// How many policies it has.
    pub policies: usize,
    /// Whether an Allow statement applied.
    pub allows: bool,
    /// Whether a Deny statement applied.
    pub denies: bool,
}

/// A rule of AWS's evaluation logic that decided a request beyond "every layer must allow":
/// named in the explanation so the user can look it up (docs/engine.md lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// `sts:GetCallerIdentity` needs no permission and works even under an explicit Deny.
    NoPermissionRequired,
    /// A KMS key is usable only when its key policy allows (directly, or through the
    /// `arn:aws:iam::ACCOUNT:root` statement that lets IAM policies grant).
    KeyPolicyMustAllow,
    /// A role can be assumed only when its trust policy allows the caller, even in its account.
    TrustPolicyMustAllow,
    /// An anonymous (unsigned) request can be allowed only by a resource-based policy.
    AnonymousNeedsResourcePolicy,
    /// The resource belongs to AWS (account `aws`, or a `alias/aws/*` KMS alias): no customer
    /// policy can change it.
    AwsOwnedResource,
    /// Every organization level (root, each OU, the account) must allow.
    EveryOrganizationLevel,
    /// Every VPC endpoint the request passes through must allow.
    EveryEndpoint,
}

/// A layer that would block the request on its own: a Deny that applies there, or the
/// Allow it lacks where every request needs one. The deciding layer is the first; the
/// others are what a user would meet next after fixing it, so all are named at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    /// `ExplicitDeny` (a Deny applies) or `ImplicitDeny` (no Allow where one is needed).
    pub decision: Decision,
    /// The layer; absent for a rule that no policy can change (an AWS-owned resource).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<Layer>,
    /// The organization level or endpoint, for layers with several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The rule of the evaluation logic that needs the Allow, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The Deny statements that apply there (explicit denies only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<StatementRef>,
    /// In plain words, e.g. "no statement in the session policies allows this request".
    pub summary: String,
}

/// Something the engine could not evaluate; reported, never a silent false.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Unevaluated {
    /// Where.
    pub statement: StatementRef,
    /// What and why.
    pub reason: String,
}

/// The full explanation of one decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The decision.
    pub decision: Decision,
    /// The layer that decided (the denying one, or the one that failed to allow).
    pub deciding_layer: Option<Layer>,
    /// The organization level or endpoint of the deciding layer, when it has several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deciding_level: Option<String>,
    /// The rule of the evaluation logic that decided, when it is more than the layer order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The statements that decided: matching Denies, or the Allows that granted.
    pub deciding_statements: Vec<StatementRef>,
    /// Every layer that would block the request, in the order AWS checks them: the deciding
    /// one first, then those a user would meet after fixing it. Empty when allowed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocking: Vec<Blocker>,
    /// One line in plain words.
    pub summary: String,
    /// Each layer present.
    pub layers: Vec<LayerResult>,
    /// Every statement considered.
    pub statements: Vec<StatementExplanation>,
    /// Context keys the policies read that the request lacked.
    pub missing_context_keys: Vec<String>,
    /// What could not be evaluated.
    pub unevaluated: Vec<Unevaluated>,
    /// Layers left out and why (SCPs for an anonymous request, the management account, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A decision with its explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evaluation {
    /// The decision.
    pub decision: Decision,
    /// Why.
    pub explanation: Explanation,
}
