//! Applies an [`Action`] to the [`Editor`] state. Pure; the page wraps it in `use_reducer`.

use std::rc::Rc;

use serde_json::{Map, Value};
use yew::Reducible;

use super::action::{Action, PolicySlot, RequestField, SignInField};
use super::claims_presets::preset;
use super::providers::providers;
use super::scenario::{Flow, IdentityType, ItemId, PolicyDoc, RequestDoc, RoleDoc, ScenarioDoc};

/// An empty policy document to start a new policy from.
pub const EMPTY_POLICY: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";

/// The page's document state: the scenario and a counter of edits, which the evaluation
/// hook watches instead of comparing whole scenarios.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Editor {
    /// The scenario being edited.
    pub doc: ScenarioDoc,
    /// Bumped by every action.
    pub revision: u64,
}

impl Editor {
    /// Applies one action, returning the new state.
    pub fn apply(mut self, action: Action) -> Self {
        if let Action::ApplyFix(editor_id, text) = &action {
            if let Some((role, slot)) = policy_slot(&self.doc, editor_id) {
                return self.apply(Action::SetPolicyText(role, slot, text.clone()));
            }
        }
        self.revision = self.revision.wrapping_add(1);
        let doc = &mut self.doc;
        match action {
            Action::Load(new) => *doc = *new,
            Action::SetName(name) => doc.name = name,
            Action::SetDescription(text) => doc.description = text,
            Action::ClearExpectations => clear_expectations(doc),
            Action::SetPoolField(key, value) => with_object(&mut doc.pool, |pool| {
                pool.insert(key, value);
            }),
            Action::SetDefaultRole(kind, arn) => set_default_role(doc, kind, arn),
            Action::SetRoleMappings(mappings) => with_object(&mut doc.pool_roles, |pool_roles| {
                pool_roles.insert("RoleMappings".into(), mappings);
            }),
            Action::SetTagMaps(maps) => doc.tag_maps = maps,
            Action::SetPoolDocuments {
                pool,
                pool_roles,
                tag_maps,
            } => (doc.pool, doc.pool_roles, doc.tag_maps) = (pool, pool_roles, tag_maps),
            Action::AddRole => add_role(doc),
            Action::RemoveRole(id) => doc.roles.retain(|r| r.id != id),
            Action::SetRoleName(i, name) => with_role(doc, i, |r| rename_role(r, name)),
            Action::SetRoleArn(i, arn) => with_role(doc, i, |r| r.arn = arn),
            Action::SetPolicyText(i, slot, text) => {
                with_role(doc, i, |r| set_policy_text(r, slot, text));
            }
            Action::AddPolicy(i) => with_role(doc, i, add_policy),
            Action::RemovePolicy(i, p) => with_role(doc, i, |r| r.policies.retain(|q| q.id != p)),
            Action::SetPolicyName(i, p, name) => with_role(doc, i, |r| {
                if let Some(policy) = r.policy_mut(p) {
                    policy.name = name;
                }
            }),
            Action::ToggleBoundary(i, on) => with_role(doc, i, |r| toggle_boundary(r, on)),
            Action::SetIdentity(identity) => {
                doc.sign_in.identity = identity;
                if identity == IdentityType::Authenticated {
                    sign_in_with_first_provider(doc);
                }
            }
            Action::SetFlow(flow) => set_flow(doc, flow),
            Action::SetScopeDownVersion(id) => {
                doc.extra
                    .insert("scopeDownVersion".into(), serde_json::Value::String(id));
            }
            Action::SetSignIn(field, value) => set_sign_in(doc, field, value),
            Action::AddRequest => doc.requests.push(new_request(String::new(), "*".into())),
            Action::RemoveRequest(i) => remove_at(&mut doc.requests, i),
            Action::AddRequestFor(action, resource) => {
                doc.requests.push(new_request(action, resource));
            }
            // Rewritten to `SetPolicyText` above; an editor that no longer exists is left alone.
            Action::ApplyFix(..) => {}
            Action::DismissFinding(id) => dismiss_finding(doc, id),
            Action::SetRequest(i, field, value) => {
                if let Some(q) = doc.requests.get_mut(i) {
                    set_request(q, field, value);
                }
            }
        }
        self
    }
}

/// Edits the role with id `id`, if there is one (an edit sent just before its removal is
/// dropped, never applied to another role).
fn with_role(doc: &mut ScenarioDoc, id: ItemId, edit: impl FnOnce(&mut RoleDoc)) {
    if let Some(role) = doc.role_mut(id) {
        edit(role);
    }
}

/// Removes item `i`, if there is one.
fn remove_at<T>(items: &mut Vec<T>, i: usize) {
    if i < items.len() {
        items.remove(i);
    }
}

/// Forgets every expected outcome: the scenario's and each request's.
fn clear_expectations(doc: &mut ScenarioDoc) {
    doc.expect = None;
    for q in &mut doc.requests {
        q.expect = None;
    }
}

/// Sets (or, with an empty `arn`, removes) the pool's default role of `kind`.
fn set_default_role(doc: &mut ScenarioDoc, kind: String, arn: String) {
    with_object(&mut doc.pool_roles, |pool_roles| {
        let roles = pool_roles
            .entry("Roles")
            .or_insert_with(|| Value::Object(Map::new()));
        with_object(roles, |roles| {
            if arn.is_empty() {
                roles.remove(&kind);
            } else {
                roles.insert(kind, Value::String(arn));
            }
        });
    });
}

/// A new role `RoleN` in the scenario's account, trusting this pool.
fn add_role(doc: &mut ScenarioDoc) {
    let n = doc.roles.len() + 1;
    let trust = cognito_trust(&doc.pool);
    doc.roles.push(RoleDoc {
        id: doc.next_role_id(),
        name: format!("Role{n}"),
        arn: format!("arn:aws:iam::{}:role/Role{n}", account_of(doc)),
        trust,
        policies: Vec::new(),
        boundary: None,
        extra: Map::new(),
    });
}

/// Renames `role`; the ARN follows the name until the user writes another ARN.
fn rename_role(role: &mut RoleDoc, name: String) {
    let follows = format!(":role/{}", role.name);
    if role.arn.ends_with(&follows) {
        let base = role.arn.len() - follows.len();
        role.arn = format!("{}:role/{name}", role.arn.get(..base).unwrap_or_default());
    }
    role.name = name;
}

/// Replaces the text of one of `role`'s policies.
fn set_policy_text(role: &mut RoleDoc, slot: PolicySlot, text: String) {
    match slot {
        PolicySlot::Trust => role.trust = text,
        PolicySlot::Boundary => role.boundary = Some(text),
        PolicySlot::Access(p) => {
            if let Some(policy) = role.policy_mut(p) {
                policy.text = text;
            }
        }
    }
}

/// A new empty access policy `PolicyN` on `role`.
fn add_policy(role: &mut RoleDoc) {
    let n = role.policies.len() + 1;
    role.policies.push(PolicyDoc {
        id: role.next_policy_id(),
        name: format!("Policy{n}"),
        text: EMPTY_POLICY.into(),
    });
}

/// Gives `role` a boundary (keeping the one it has, else an empty policy) or takes it away.
fn toggle_boundary(role: &mut RoleDoc, on: bool) {
    role.boundary = match (on, role.boundary.take()) {
        (true, Some(existing)) => Some(existing),
        (true, None) => Some(EMPTY_POLICY.into()),
        (false, _) => None,
    };
}

/// Switches the flow; the basic flow names its role, so it starts from the one the pool
/// would give.
fn set_flow(doc: &mut ScenarioDoc, flow: Flow) {
    doc.sign_in.flow = flow;
    if flow == Flow::Basic && doc.sign_in.basic_role_arn.trim().is_empty() {
        let kind = match doc.sign_in.identity {
            IdentityType::Unauthenticated => "unauthenticated",
            IdentityType::Authenticated => "authenticated",
        };
        if let Some(arn) = doc
            .pool_roles
            .pointer(&format!("/Roles/{kind}"))
            .and_then(Value::as_str)
        {
            doc.sign_in.basic_role_arn = arn.to_owned();
        }
    }
}

/// Sets one field of the sign-in.
fn set_sign_in(doc: &mut ScenarioDoc, field: SignInField, value: String) {
    let s = &mut doc.sign_in;
    match field {
        SignInField::Provider => s.provider = value,
        SignInField::Claims => s.claims = value,
        SignInField::CustomRoleArn => s.custom_role_arn = value,
        SignInField::BasicRoleArn => s.basic_role_arn = value,
        SignInField::BasicPolicy => s.basic_policy = value,
        SignInField::Time => set_time(&mut s.extra, value.trim()),
    }
}

/// A request for `action` on `resource`, with an empty context and no expectation.
fn new_request(action: String, resource: String) -> RequestDoc {
    RequestDoc {
        action,
        resource,
        context: "{}".into(),
        expect: None,
    }
}

/// Adds `id` to the scenario's dismissed coach findings (once).
fn dismiss_finding(doc: &mut ScenarioDoc, id: String) {
    let list = doc
        .extra
        .entry("dismissedFindings")
        .or_insert_with(|| Value::Array(Vec::new()));
    if !list.is_array() {
        *list = Value::Array(Vec::new());
    }
    if let Value::Array(items) = list {
        if !items.iter().any(|v| v.as_str() == Some(id.as_str())) {
            items.push(Value::String(id));
        }
    }
}

/// Sets one field of a request.
fn set_request(q: &mut RequestDoc, field: RequestField, value: String) {
    match field {
        RequestField::Action => q.action = value,
        RequestField::Resource => q.resource = value,
        RequestField::Context => q.context = value,
    }
}

/// A trust policy that lets this pool's identities assume the role, as the Cognito console
/// writes it: `aud` is the pool's ID, `amr` says signed-in identities (edit to
/// `unauthenticated` for a guest role).
fn cognito_trust(pool: &Value) -> String {
    let id = pool
        .get("IdentityPoolId")
        .and_then(Value::as_str)
        .unwrap_or("us-east-1:00000000-0000-0000-0000-000000000000");
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Federated": "cognito-identity.amazonaws.com" },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": { "cognito-identity.amazonaws.com:aud": id },
                "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
            }
        }]
    });
    serde_json::to_string_pretty(&policy).unwrap_or_else(|_| EMPTY_POLICY.to_owned())
}

/// The account of the scenario's first role, for a new role's ARN.
fn account_of(doc: &ScenarioDoc) -> String {
    doc.roles
        .iter()
        .find_map(|r| r.arn.split(':').nth(4).filter(|a| !a.is_empty()))
        .unwrap_or("123456789012")
        .to_owned()
}

/// Signing in with no provider chosen yet picks the pool's first configured provider, and
/// with no claims written yet, that provider's first claims preset: a sign-in that works
/// instead of an empty provider and `{}`. A provider or claims the user wrote are kept.
fn sign_in_with_first_provider(doc: &mut ScenarioDoc) {
    let s = &mut doc.sign_in;
    if s.provider.trim().is_empty() {
        if let Some((name, _)) = providers(&doc.pool).into_iter().next() {
            s.provider = name;
        }
    }
    let unwritten = matches!(s.claims.trim(), "" | "{}");
    if unwritten && !s.provider.is_empty() {
        let app_id = providers(&doc.pool)
            .into_iter()
            .find(|(name, _)| *name == s.provider)
            .map(|(_, id)| id)
            .unwrap_or_default();
        if let Some((_, claims)) = preset(&s.provider, &app_id).into_iter().next() {
            s.claims = serde_json::to_string_pretty(&claims).unwrap_or_default();
        }
    }
}

/// The role id and slot of editor `ROLE:POLICY` (`ROLE:trust`, `ROLE:boundary`).
pub fn policy_slot(doc: &ScenarioDoc, editor_id: &str) -> Option<(ItemId, PolicySlot)> {
    let (role, policy) = editor_id.split_once(':')?;
    let role = doc.roles.iter().find(|r| r.name == role)?;
    let slot = match policy {
        "trust" => PolicySlot::Trust,
        "boundary" => PolicySlot::Boundary,
        name => PolicySlot::Access(role.policies.iter().find(|p| p.name == name)?.id),
    };
    Some((role.id, slot))
}

/// Edits the value as an object; a non-object (from a hand-edited JSON view) becomes `{}` first.
/// `signIn.time` from what the person typed: whole epoch seconds as a number (as a JWT
/// writes times), anything else as text for the simulation to read or refuse, with its
/// message; nothing removes it.
fn set_time(sign_in: &mut Map<String, Value>, text: &str) {
    if text.is_empty() {
        sign_in.remove("time");
    } else if let Some(n) = text
        .parse::<i64>()
        .ok()
        .filter(|_| text.bytes().all(|b| b.is_ascii_digit()))
    {
        sign_in.insert("time".into(), Value::from(n));
    } else {
        sign_in.insert("time".into(), Value::String(text.to_owned()));
    }
}

fn with_object(value: &mut Value, edit: impl FnOnce(&mut Map<String, Value>)) {
    let mut map = match std::mem::take(value) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    edit(&mut map);
    *value = Value::Object(map);
}

impl Reducible for Editor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}
