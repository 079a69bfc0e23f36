//! The middle column (the roles with their policy editors, then the sign-in with the token
//! paste) lives in the second module (crate `review-panel`), which the page loads right
//! after the first decision: it is below the decisions, so the first download carries none
//! of the editors (docs/bundle.md has the sizes).
//!
//! This is the page's side of the bridge (the plumbing is [`crate::lazy_panel`]'s). The page
//! keeps the scenario and evaluates it; it tells the column what it shows ([`EditInput`]:
//! the roles, the sign-in, the pool's providers, the scope-down readings and each editor's
//! diagnostics, sent again whenever one of them changes), and applies the column's edits
//! ([`EditEvent`]) to its store like its own. A keystroke in a policy editor is one small
//! message each way plus the column's input; the evaluation stays the page's, so the
//! compiled-policy reuse that keeps a large scenario's keystroke fast is unchanged. The
//! module's side is `review_panel::edit`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use yew::Callback;

use crate::backend::{DiagnosticMap, ScopeDownChoice};
use crate::hooks::use_evaluation::Evaluation;
use crate::lazy_panel::PanelExport;
use crate::state::scenario::{ItemId, RoleDoc, SignInDoc};
use crate::state::{Action, PolicySlot, ScenarioDoc, SignInField};
use identity_pool::api::Diagnostic;

/// Where the column comes from: the second module's `mount_edit` export.
pub const EXPORT: PanelExport = PanelExport {
    meta: crate::review_module::META,
    export: "mount_edit",
};

/// What the column shows: the start message, and each update (as JSON).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditInput {
    /// The roles.
    pub roles: Vec<RoleDoc>,
    /// The sign-in.
    pub sign_in: SignInDoc,
    /// `identityPool` (its providers are offered).
    pub pool: Value,
    /// The scope-down reading the last run followed.
    pub scope_down_version: String,
    /// Every reading the user may choose.
    pub scope_down_versions: Vec<ScopeDownChoice>,
    /// Each editor's diagnostics, by editor id, in id order.
    pub diagnostics: Vec<(String, Vec<Diagnostic>)>,
}

/// The column's start and update message: `[applied, input]` as JSON, `applied` being how
/// many of the column's edits the page had applied when it wrote `input`. The column
/// ignores an input older than its own latest edit: shown, it would put back the text from
/// before a keystroke, and the next key would edit that old text. (A pair rather than a
/// field of [`EditInput`], so the page writes its input without copying it.)
pub fn input_message(applied: u64, input: &EditInput) -> String {
    serde_json::to_string(&(applied, input)).unwrap_or_default()
}

impl EditInput {
    /// What the column shows of `doc` after `evaluation`.
    pub fn of(doc: &ScenarioDoc, evaluation: &Evaluation) -> EditInput {
        let mut diagnostics: Vec<(String, Vec<Diagnostic>)> = evaluation
            .diagnostics
            .iter()
            .map(|(editor, list)| (editor.clone(), list.to_vec()))
            .collect();
        // The map's order is not stable; the message must be, so an unchanged input is
        // recognised as such.
        diagnostics.sort_by(|a, b| a.0.cmp(&b.0));
        EditInput {
            roles: doc.roles.clone(),
            sign_in: doc.sign_in.clone(),
            pool: doc.pool.clone(),
            scope_down_version: evaluation.report.scope_down_version.clone(),
            scope_down_versions: evaluation.report.scope_down_versions.clone(),
            diagnostics,
        }
    }

    /// The diagnostics as the column's editors read them.
    pub fn diagnostic_map(&self) -> DiagnosticMap {
        self.diagnostics
            .iter()
            .map(|(editor, list)| (editor.clone(), std::sync::Arc::new(list.clone())))
            .collect()
    }
}

/// What the column asks of the page: the scenario's JSON (the token paste checks a token
/// against its pool), and its edits, the store's [`Action`]s the column makes.
///
/// As a message it is a JSON array, the variant's name first, then its fields in order
/// (`["SetPolicyText", 0, "Trust", "{…}"]`; a policy slot is `"Trust"`, `"Boundary"` or an
/// access policy's id; a sign-in field is its variant's name): written and read by hand
/// through `serde_json::Value` ([`EditEvent::to_message`], [`EditEvent::from_message`]),
/// because serde's derived reader for these thirteen variants cost every page about 10 KB
/// of wasm, while `Value` is in the page anyway.
#[derive(Clone, Debug, PartialEq)]
pub enum EditEvent {
    /// The current scenario's JSON (the answer).
    Scenario,
    /// [`Action::AddRole`].
    AddRole,
    /// [`Action::RemoveRole`].
    RemoveRole(ItemId),
    /// [`Action::SetRoleName`].
    SetRoleName(ItemId, String),
    /// [`Action::SetRoleArn`].
    SetRoleArn(ItemId, String),
    /// [`Action::SetPolicyText`].
    SetPolicyText(ItemId, PolicySlot, String),
    /// [`Action::AddPolicy`].
    AddPolicy(ItemId),
    /// [`Action::RemovePolicy`].
    RemovePolicy(ItemId, ItemId),
    /// [`Action::SetPolicyName`].
    SetPolicyName(ItemId, ItemId, String),
    /// [`Action::ToggleBoundary`].
    ToggleBoundary(ItemId, bool),
    /// [`Action::SetSignIn`].
    SetSignIn(SignInField, String),
    /// [`Action::SetScopeDownVersion`].
    SetScopeDownVersion(String),
    /// [`Action::Load`] of this scenario JSON (a pasted token's provider and claims).
    Load(String),
}

impl EditEvent {
    /// The message for an edit the column's components dispatch; `None` for an action the
    /// column never makes.
    pub fn for_action(action: Action) -> Option<EditEvent> {
        Some(match action {
            Action::AddRole => EditEvent::AddRole,
            Action::RemoveRole(role) => EditEvent::RemoveRole(role),
            Action::SetRoleName(role, name) => EditEvent::SetRoleName(role, name),
            Action::SetRoleArn(role, arn) => EditEvent::SetRoleArn(role, arn),
            Action::SetPolicyText(role, slot, text) => EditEvent::SetPolicyText(role, slot, text),
            Action::AddPolicy(role) => EditEvent::AddPolicy(role),
            Action::RemovePolicy(role, policy) => EditEvent::RemovePolicy(role, policy),
            Action::SetPolicyName(role, policy, name) => {
                EditEvent::SetPolicyName(role, policy, name)
            }
            Action::ToggleBoundary(role, on) => EditEvent::ToggleBoundary(role, on),
            Action::SetSignIn(field, value) => EditEvent::SetSignIn(field, value),
            Action::SetScopeDownVersion(id) => EditEvent::SetScopeDownVersion(id),
            Action::Load(doc) => EditEvent::Load(doc.to_json()),
            _ => return None,
        })
    }

    /// The store's action for this edit; `None` for [`EditEvent::Scenario`] and for a
    /// scenario that does not read.
    pub fn into_action(self) -> Option<Action> {
        Some(match self {
            EditEvent::Scenario => return None,
            EditEvent::AddRole => Action::AddRole,
            EditEvent::RemoveRole(role) => Action::RemoveRole(role),
            EditEvent::SetRoleName(role, name) => Action::SetRoleName(role, name),
            EditEvent::SetRoleArn(role, arn) => Action::SetRoleArn(role, arn),
            EditEvent::SetPolicyText(role, slot, text) => Action::SetPolicyText(role, slot, text),
            EditEvent::AddPolicy(role) => Action::AddPolicy(role),
            EditEvent::RemovePolicy(role, policy) => Action::RemovePolicy(role, policy),
            EditEvent::SetPolicyName(role, policy, name) => {
                Action::SetPolicyName(role, policy, name)
            }
            EditEvent::ToggleBoundary(role, on) => Action::ToggleBoundary(role, on),
            EditEvent::SetSignIn(field, value) => Action::SetSignIn(field, value),
            EditEvent::SetScopeDownVersion(id) => Action::SetScopeDownVersion(id),
            EditEvent::Load(json) => Action::Load(Box::new(ScenarioDoc::from_json(&json).ok()?)),
        })
    }
}

const SIGN_IN_FIELDS: [(SignInField, &str); 6] = [
    (SignInField::Provider, "Provider"),
    (SignInField::Claims, "Claims"),
    (SignInField::CustomRoleArn, "CustomRoleArn"),
    (SignInField::BasicRoleArn, "BasicRoleArn"),
    (SignInField::BasicPolicy, "BasicPolicy"),
    (SignInField::Time, "Time"),
];

fn slot_value(slot: &PolicySlot) -> Value {
    match slot {
        PolicySlot::Trust => json!("Trust"),
        PolicySlot::Boundary => json!("Boundary"),
        PolicySlot::Access(id) => json!(id.0),
    }
}

fn field_name(field: SignInField) -> &'static str {
    SIGN_IN_FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, name)| name)
}

/// Reads a message's fields in order.
struct Fields(std::vec::IntoIter<Value>);

impl Fields {
    fn text(&mut self) -> Option<String> {
        match self.0.next()? {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    fn id(&mut self) -> Option<ItemId> {
        let n = self.0.next()?.as_u64()?;
        Some(ItemId(u32::try_from(n).ok()?))
    }

    fn flag(&mut self) -> Option<bool> {
        self.0.next()?.as_bool()
    }

    fn slot(&mut self) -> Option<PolicySlot> {
        match self.0.next()? {
            Value::String(name) if name == "Trust" => Some(PolicySlot::Trust),
            Value::String(name) if name == "Boundary" => Some(PolicySlot::Boundary),
            Value::Number(n) => Some(PolicySlot::Access(ItemId(u32::try_from(n.as_u64()?).ok()?))),
            _ => None,
        }
    }

    fn field(&mut self) -> Option<SignInField> {
        let name = self.text()?;
        SIGN_IN_FIELDS
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
    }
}

impl EditEvent {
    /// The message (see [`EditEvent`]).
    pub fn to_message(&self) -> String {
        match self {
            EditEvent::Scenario => json!(["Scenario"]),
            EditEvent::AddRole => json!(["AddRole"]),
            EditEvent::RemoveRole(role) => json!(["RemoveRole", role.0]),
            EditEvent::SetRoleName(role, name) => json!(["SetRoleName", role.0, name]),
            EditEvent::SetRoleArn(role, arn) => json!(["SetRoleArn", role.0, arn]),
            EditEvent::SetPolicyText(role, slot, text) => {
                json!(["SetPolicyText", role.0, slot_value(slot), text])
            }
            EditEvent::AddPolicy(role) => json!(["AddPolicy", role.0]),
            EditEvent::RemovePolicy(role, policy) => json!(["RemovePolicy", role.0, policy.0]),
            EditEvent::SetPolicyName(role, policy, name) => {
                json!(["SetPolicyName", role.0, policy.0, name])
            }
            EditEvent::ToggleBoundary(role, on) => json!(["ToggleBoundary", role.0, on]),
            EditEvent::SetSignIn(field, value) => json!(["SetSignIn", field_name(*field), value]),
            EditEvent::SetScopeDownVersion(id) => json!(["SetScopeDownVersion", id]),
            EditEvent::Load(scenario) => json!(["Load", scenario]),
        }
        .to_string()
    }

    /// Reads [`EditEvent::to_message`]'s message; `None` when it is not one.
    pub fn from_message(message: &str) -> Option<EditEvent> {
        let Value::Array(parts) = serde_json::from_str(message).ok()? else {
            return None;
        };
        let mut f = Fields(parts.into_iter());
        let name = f.text()?;
        let event = match name.as_str() {
            "Scenario" => EditEvent::Scenario,
            "AddRole" => EditEvent::AddRole,
            "RemoveRole" => EditEvent::RemoveRole(f.id()?),
            "SetRoleName" => EditEvent::SetRoleName(f.id()?, f.text()?),
            "SetRoleArn" => EditEvent::SetRoleArn(f.id()?, f.text()?),
            "SetPolicyText" => EditEvent::SetPolicyText(f.id()?, f.slot()?, f.text()?),
            "AddPolicy" => EditEvent::AddPolicy(f.id()?),
            "RemovePolicy" => EditEvent::RemovePolicy(f.id()?, f.id()?),
            "SetPolicyName" => EditEvent::SetPolicyName(f.id()?, f.id()?, f.text()?),
            "ToggleBoundary" => EditEvent::ToggleBoundary(f.id()?, f.flag()?),
            "SetSignIn" => EditEvent::SetSignIn(f.field()?, f.text()?),
            "SetScopeDownVersion" => EditEvent::SetScopeDownVersion(f.text()?),
            "Load" => EditEvent::Load(f.text()?),
            _ => return None,
        };
        // A message with more fields than its variant has is not one of these.
        f.0.next().is_none().then_some(event)
    }
}

/// The page's answer to the column's message `json` (an unreadable one is ignored): the
/// scenario's JSON for [`EditEvent::Scenario`]; an edit is counted in `applied` (see
/// [`input_message`]), applied to the store and answered with nothing.
pub fn answer(
    json: &str,
    dispatch: &Callback<Action>,
    scenario_json: &Callback<(), String>,
    applied: &std::cell::Cell<u64>,
) -> String {
    match EditEvent::from_message(json) {
        Some(EditEvent::Scenario) => scenario_json.emit(()),
        Some(event) => {
            applied.set(applied.get().saturating_add(1));
            if let Some(action) = event.into_action() {
                dispatch.emit(action);
            }
            String::new()
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    fn default_doc() -> ScenarioDoc {
        ScenarioDoc::from_json(crate::examples::DEFAULT_TEXT).expect("the default example reads")
    }

    #[test]
    fn the_columns_edits_cross_as_messages_and_come_back_as_the_same_actions() {
        let applied = Rc::new(RefCell::new(Vec::new()));
        let dispatch = {
            let applied = applied.clone();
            Callback::from(move |a: Action| applied.borrow_mut().push(a))
        };
        let scenario = Callback::from(|()| "{\"name\":\"s\"}".to_owned());
        let counted = std::cell::Cell::new(0);
        let (role, policy) = (ItemId(0), ItemId(1));
        let made = vec![
            Action::AddRole,
            Action::RemoveRole(role),
            Action::SetRoleName(role, "Guest".into()),
            Action::SetRoleArn(role, "arn:aws:iam::1:role/Guest".into()),
            Action::SetPolicyText(role, PolicySlot::Access(policy), "{}".into()),
            Action::SetPolicyText(role, PolicySlot::Trust, "{}".into()),
            Action::AddPolicy(role),
            Action::RemovePolicy(role, policy),
            Action::SetPolicyName(role, policy, "Read".into()),
            Action::ToggleBoundary(role, true),
            Action::SetSignIn(SignInField::Claims, "{\"sub\":\"x\"}".into()),
            Action::SetScopeDownVersion("2023".into()),
            Action::Load(Box::new(default_doc())),
        ];
        for action in made.clone() {
            let event = EditEvent::for_action(action).expect("the column makes this edit");
            let message = event.to_message();
            assert_eq!(
                EditEvent::from_message(&message).as_ref(),
                Some(&event),
                "{message}"
            );
            assert_eq!(answer(&message, &dispatch, &scenario, &counted), "");
        }
        assert_eq!(*applied.borrow(), made);
        assert_eq!(counted.get(), 13, "every edit is counted");
        let ask = EditEvent::Scenario.to_message();
        assert_eq!(
            answer(&ask, &dispatch, &scenario, &counted),
            "{\"name\":\"s\"}"
        );
        assert_eq!(counted.get(), 13, "the question is not an edit");
    }

    #[test]
    fn an_unreadable_message_an_unreadable_scenario_or_a_foreign_edit_is_ignored() {
        let dispatch = Callback::from(|_: Action| panic!("nothing is dispatched"));
        let scenario = Callback::from(|()| String::new());
        let applied = std::cell::Cell::new(0);
        for foreign in [
            "{\"SetName\":\"x\"}",
            "{\"Load\":\"not a scenario\"}",
            "not json",
        ] {
            assert_eq!(
                answer(foreign, &dispatch, &scenario, &applied),
                "",
                "{foreign}"
            );
        }
        assert_eq!(EditEvent::for_action(Action::AddRequest), None);
    }

    #[test]
    fn the_input_reads_back_and_its_diagnostics_are_in_a_stable_order() {
        let doc = default_doc();
        let input = EditInput {
            roles: doc.roles.clone(),
            sign_in: doc.sign_in.clone(),
            pool: doc.pool.clone(),
            scope_down_version: "v".into(),
            scope_down_versions: Vec::new(),
            diagnostics: vec![("a:trust".into(), Vec::new())],
        };
        let json = input_message(7, &input);
        let (applied, back): (u64, EditInput) = serde_json::from_str(&json).expect("reads");
        assert_eq!((applied, &back), (7, &input));
        assert_eq!(back.diagnostic_map().len(), 1);
    }
}
