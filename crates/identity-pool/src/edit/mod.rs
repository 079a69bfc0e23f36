//! The scenario as a person edits it: the one editable model, shared by every front end.
//!
//! Structured parts the forms edit (the identity pool, its roles and mappings, principal-tag
//! maps) are JSON values. Everything a person types as JSON (policies, claims, context
//! keys) is kept as text exactly as typed, so a half-typed policy survives and the engine,
//! not the page, reports what is wrong with it. Each policy text is addressed by its
//! [`PolicyId`]. [`ScenarioDoc::from_json`] reads a scenario file (formats.md section 2);
//! [`ScenarioDoc::to_document`] writes the document the simulation reads, with every policy
//! text verbatim and its place recorded; [`ScenarioDoc::to_json`] the file a person
//! exports. No AWS rule is applied here.

mod indent;
mod read;
mod write;

pub use read::{kind_of, ReadError};
pub use write::Document;

use iam_policy::PolicyKind;
use serde_json::{Map, Value};

pub use crate::placement::{PolicyId, PolicySlot};
pub use crate::scenario::{Flow, IdentityType};

/// The role name of the sign-in's own policy (the basic flow's session policy).
pub const SIGN_IN: &str = "signIn";

/// A JSON object whose members are kept as raw text.
pub type RawObject = std::collections::BTreeMap<String, Box<serde_json::value::RawValue>>;

/// Pretty-prints JSON the page took verbatim from a file with the page's two-space indent,
/// keeping the author's key order and spelling (the engine's formatter). Should the
/// formatter refuse it (e.g. nesting deeper than it reads), the text is kept.
pub fn pretty(text: &str) -> String {
    iam_policy::format::format_json(text, "  ").unwrap_or_else(|_| text.to_string())
}

/// Which role, or which policy of a role, an edit is aimed at: stable while others are
/// added, removed or renamed, so a list keyed by it keeps each editor's state (caret, undo)
/// with its own policy, and an edit sent just before a removal cannot land on a neighbour.
/// Given when a scenario is read (in document order) or an item is added; never written to
/// the scenario file. Serializable so the playground's modules can name one to each other.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct ItemId(pub u32);

impl ItemId {
    /// The id after the largest of `ids` (the first id when there are none).
    pub fn after(ids: impl IntoIterator<Item = ItemId>) -> ItemId {
        ids.into_iter()
            .max()
            .map_or(ItemId(0), |ItemId(n)| ItemId(n.saturating_add(1)))
    }

    /// The id of the item at `index` of a list as read.
    pub fn at(index: usize) -> ItemId {
        ItemId(u32::try_from(index).unwrap_or(u32::MAX))
    }
}

/// One named policy of a role (serializable: the playground's editors live in a module of
/// their own, which the page tells what to show as JSON).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PolicyDoc {
    /// The policy's id within its role (not part of the scenario file).
    pub id: ItemId,
    /// `PolicyName`.
    pub name: String,
    /// The policy document as the user typed it.
    pub text: String,
}

/// One IAM role with its trust policy, access policies and optional boundary (serializable,
/// as [`PolicyDoc`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RoleDoc {
    /// The role's id within the scenario (not part of the scenario file).
    pub id: ItemId,
    /// `RoleName`.
    pub name: String,
    /// `Arn`.
    pub arn: String,
    /// `AssumeRolePolicyDocument` as text.
    pub trust: String,
    /// `Policies`.
    pub policies: Vec<PolicyDoc>,
    /// `PermissionsBoundary` as text, when the role has one.
    pub boundary: Option<String>,
    /// Fields of the role the page does not edit, passed through unchanged.
    pub extra: Map<String, Value>,
}

impl RoleDoc {
    /// The access policy with id `id`, to edit.
    pub fn policy_mut(&mut self, id: ItemId) -> Option<&mut PolicyDoc> {
        self.policies.iter_mut().find(|p| p.id == id)
    }

    /// The id an access policy added to this role now gets.
    pub fn next_policy_id(&self) -> ItemId {
        ItemId::after(self.policies.iter().map(|p| p.id))
    }
}

/// The sign-in the scenario simulates (serializable, as [`PolicyDoc`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SignInDoc {
    /// Guest or signed in.
    pub identity: IdentityType,
    /// The provider key (signed in only).
    pub provider: String,
    /// The provider token's claims as JSON text.
    pub claims: String,
    /// Enhanced or basic flow.
    pub flow: Flow,
    /// Enhanced flow: the optional `CustomRoleArn`.
    pub custom_role_arn: String,
    /// Basic flow: the `RoleArn` of `AssumeRoleWithWebIdentity`.
    pub basic_role_arn: String,
    /// Basic flow: the optional inline session policy as text (empty: none).
    pub basic_policy: String,
    /// Other fields of `signIn` and of `signIn.basic` (identityId, PolicyArns, DurationSeconds...).
    pub extra: Map<String, Value>,
    /// Other fields of `signIn.basic`.
    pub basic_extra: Map<String, Value>,
}

/// One request made with the credentials.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestDoc {
    /// e.g. `s3:GetObject`.
    pub action: String,
    /// The resource ARN.
    pub resource: String,
    /// Extra context keys as JSON object text.
    pub context: String,
    /// The optional expected decision.
    pub expect: Option<String>,
}

/// The whole scenario being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioDoc {
    /// `name`.
    pub name: String,
    /// `description`.
    pub description: String,
    /// `identityPool`, as `describe-identity-pool` prints it.
    pub pool: Value,
    /// `identityPoolRoles`, as `get-identity-pool-roles` prints it.
    pub pool_roles: Value,
    /// `principalTagAttributeMaps`.
    pub tag_maps: Value,
    /// `roles`.
    pub roles: Vec<RoleDoc>,
    /// `resourcePolicies` (object of ARN → policy), kept as a value.
    pub resource_policies: Option<Value>,
    /// `signIn`.
    pub sign_in: SignInDoc,
    /// `requests`.
    pub requests: Vec<RequestDoc>,
    /// `expect`.
    pub expect: Option<Value>,
    /// Top-level fields the page does not know, passed through unchanged.
    pub extra: Map<String, Value>,
}

impl ScenarioDoc {
    /// The role with id `id`, to edit.
    pub fn role_mut(&mut self, id: ItemId) -> Option<&mut RoleDoc> {
        self.roles.iter_mut().find(|r| r.id == id)
    }

    /// The id a role added now gets.
    pub fn next_role_id(&self) -> ItemId {
        ItemId::after(self.roles.iter().map(|r| r.id))
    }

    /// Every policy text of the scenario with its id and how it is used, in document
    /// order: each role's trust policy, access policies and boundary, then the basic
    /// flow's session policy when there is one.
    pub fn policies(&self) -> Vec<(PolicyId, PolicyKind, &str)> {
        let mut out = Vec::new();
        for role in &self.roles {
            let id = |slot| PolicyId::new(&role.name, slot);
            out.push((
                id(PolicySlot::Trust),
                PolicyKind::Trust,
                role.trust.as_str(),
            ));
            for p in &role.policies {
                let slot = PolicySlot::Access(p.name.clone());
                out.push((id(slot), PolicyKind::Identity, p.text.as_str()));
            }
            if let Some(boundary) = &role.boundary {
                out.push((
                    id(PolicySlot::Boundary),
                    PolicyKind::PermissionsBoundary,
                    boundary.as_str(),
                ));
            }
        }
        let s = &self.sign_in;
        if s.flow == Flow::Basic && !s.basic_policy.trim().is_empty() {
            let id = PolicyId::new(SIGN_IN, PolicySlot::Session);
            out.push((id, PolicyKind::Session, s.basic_policy.as_str()));
        }
        out
    }

    /// Writes the scenario file, pretty-printed, every policy as typed (for export, share
    /// links and the autosave; see [`ScenarioDoc::to_pretty_json`]).
    pub fn to_json(&self) -> String {
        let pretty_text = self.to_pretty_json();
        // The size that counts is the user's: a scenario that arrived as 0.9 MB of compact
        // JSON (a share link, an import) must not grow past the simulator's 1 MB limit just
        // because the page indents it. Indentation goes only when it would not fit: first
        // around the policies (kept as typed), then, as a last resort, inside them too.
        if pretty_text.len() <= crate::scenario::MAX_SCENARIO_BYTES {
            return pretty_text;
        }
        let text = self.to_document().text;
        if text.len() <= crate::scenario::MAX_SCENARIO_BYTES {
            return text;
        }
        iam_policy::format::compact_json(&text)
            .filter(|compact| compact.len() < text.len())
            .unwrap_or(text)
    }

    /// The names of JSON text fields that do not parse, for a notice before export.
    pub fn broken_fields(&self) -> Vec<String> {
        let mut broken = Vec::new();
        let mut check = |label: String, text: &str| {
            if serde_json::from_str::<&serde_json::value::RawValue>(text).is_err() {
                broken.push(label);
            }
        };
        for role in &self.roles {
            check(format!("{} trust policy", role.name), &role.trust);
            for p in &role.policies {
                check(format!("{} policy {}", role.name, p.name), &p.text);
            }
            if let Some(b) = &role.boundary {
                check(format!("{} boundary", role.name), b);
            }
        }
        if self.sign_in.identity == IdentityType::Authenticated {
            check("claims".into(), &self.sign_in.claims);
        }
        for (i, q) in self.requests.iter().enumerate() {
            if !q.context.trim().is_empty() {
                check(format!("request {} context", i + 1), &q.context);
            }
        }
        broken
    }
}

impl Default for SignInDoc {
    fn default() -> Self {
        Self {
            identity: IdentityType::Unauthenticated,
            provider: String::new(),
            claims: "{}".into(),
            flow: Flow::Enhanced,
            custom_role_arn: String::new(),
            basic_role_arn: String::new(),
            basic_policy: String::new(),
            extra: Map::new(),
            basic_extra: Map::new(),
        }
    }
}

impl Default for ScenarioDoc {
    fn default() -> Self {
        Self {
            name: "Untitled".into(),
            description: String::new(),
            pool: Value::Object(Map::new()),
            pool_roles: Value::Object(Map::new()),
            tag_maps: Value::Array(Vec::new()),
            roles: Vec::new(),
            resource_policies: None,
            sign_in: SignInDoc::default(),
            requests: Vec::new(),
            expect: None,
            extra: Map::new(),
        }
    }
}

/// Where statement `index` (0-based, in the `Statement` list) starts in policy `text`, as
/// the engine reads it: for a link that puts the caret on a statement the report names by
/// its index. `None` when the text has no such statement.
pub fn statement_start(text: &str, index: usize) -> Option<iam_policy::Position> {
    let parsed = iam_policy::parse_policy(text, PolicyKind::Identity);
    let statement = parsed.policy?.statements.into_iter().nth(index)?;
    Some(iam_policy::position_of(text, statement.span.start))
}

#[cfg(test)]
mod tests;
