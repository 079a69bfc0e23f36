//! The pool column (the identity pool's settings, its role mappings and tag maps, and the same
//! as JSON) lives in the second module, with the Permissions panel (crate `review-panel`):
//! it is below the first decision, so the page loads it right after that decision is
//! painted, and a first visit's initial download carries none of its code (docs/bundle.md
//! has the sizes).
//!
//! This is the page's side of the bridge (the plumbing is [`crate::lazy_panel`]'s): the
//! column shows four parts of the scenario ([`PoolInput`], sent again whenever one of them
//! changes) and makes five kinds of edit ([`PoolEvent`]), which the page applies to its store
//! like its own. The column's components are the page library's (`components::pool_column`
//! and the forms under it), so there is one of each; the module's side is
//! `review_panel::mount_pool`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use yew::Callback;

use crate::lazy_panel::PanelExport;
use crate::state::{Action, ScenarioDoc};

/// Where the column comes from: the Permissions panel's module, its `mount_pool` export.
pub const EXPORT: PanelExport = PanelExport {
    meta: crate::review_module::META,
    export: "mount_pool",
};

/// What the pool column shows: the start message, and each update (as JSON).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PoolInput {
    /// `identityPool`.
    pub pool: Value,
    /// `identityPoolRoles`.
    pub pool_roles: Value,
    /// `principalTagAttributeMaps`.
    pub tag_maps: Value,
    /// The ARNs of the scenario's roles, offered as suggestions.
    pub role_arns: Vec<String>,
}

impl PoolInput {
    /// The parts of `doc` the column shows.
    pub fn of(doc: &ScenarioDoc) -> PoolInput {
        PoolInput {
            pool: doc.pool.clone(),
            pool_roles: doc.pool_roles.clone(),
            tag_maps: doc.tag_maps.clone(),
            role_arns: doc.roles.iter().map(|r| r.arn.clone()).collect(),
        }
    }
}

/// An edit the column makes (as JSON): the pool's own [`Action`]s, and only those.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PoolEvent {
    /// [`Action::SetPoolField`].
    SetPoolField(String, Value),
    /// [`Action::SetDefaultRole`].
    SetDefaultRole(String, String),
    /// [`Action::SetRoleMappings`].
    SetRoleMappings(Value),
    /// [`Action::SetTagMaps`].
    SetTagMaps(Value),
    /// [`Action::SetPoolDocuments`]: `identityPool`, `identityPoolRoles`,
    /// `principalTagAttributeMaps`.
    SetPoolDocuments(Value, Value, Value),
}

impl PoolEvent {
    /// The message for an edit the column's components dispatch; `None` for an action the
    /// column never makes.
    pub fn for_action(action: Action) -> Option<PoolEvent> {
        match action {
            Action::SetPoolField(key, value) => Some(PoolEvent::SetPoolField(key, value)),
            Action::SetDefaultRole(kind, arn) => Some(PoolEvent::SetDefaultRole(kind, arn)),
            Action::SetRoleMappings(value) => Some(PoolEvent::SetRoleMappings(value)),
            Action::SetTagMaps(value) => Some(PoolEvent::SetTagMaps(value)),
            Action::SetPoolDocuments {
                pool,
                pool_roles,
                tag_maps,
            } => Some(PoolEvent::SetPoolDocuments(pool, pool_roles, tag_maps)),
            _ => None,
        }
    }

    /// The store's action for this edit.
    pub fn into_action(self) -> Action {
        match self {
            PoolEvent::SetPoolField(key, value) => Action::SetPoolField(key, value),
            PoolEvent::SetDefaultRole(kind, arn) => Action::SetDefaultRole(kind, arn),
            PoolEvent::SetRoleMappings(value) => Action::SetRoleMappings(value),
            PoolEvent::SetTagMaps(value) => Action::SetTagMaps(value),
            PoolEvent::SetPoolDocuments(pool, pool_roles, tag_maps) => Action::SetPoolDocuments {
                pool,
                pool_roles,
                tag_maps,
            },
        }
    }
}

/// The page's answer to the column's message `json`: the edit applied to the store (an
/// unreadable message is ignored); the column asks nothing, so the answer is empty.
pub fn answer(json: &str, dispatch: &Callback<Action>) -> String {
    if let Ok(event) = serde_json::from_str::<PoolEvent>(json) {
        dispatch.emit(event.into_action());
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use serde_json::json;

    use super::*;

    #[test]
    fn the_columns_edits_cross_as_messages_and_come_back_as_the_same_actions() {
        let applied = Rc::new(RefCell::new(Vec::new()));
        let dispatch = {
            let applied = applied.clone();
            Callback::from(move |a: Action| applied.borrow_mut().push(a))
        };
        let made = vec![
            Action::SetPoolField("AllowUnauthenticatedIdentities".into(), json!(true)),
            Action::SetDefaultRole("authenticated".into(), "arn:aws:iam::1:role/A".into()),
            Action::SetRoleMappings(json!({"p": {"Type": "Token"}})),
            Action::SetTagMaps(json!([])),
            Action::SetPoolDocuments {
                pool: json!({"IdentityPoolName": "p"}),
                pool_roles: json!({}),
                tag_maps: json!([]),
            },
        ];
        for action in made.clone() {
            let event = PoolEvent::for_action(action).expect("the column makes this edit");
            let json = serde_json::to_string(&event).expect("serializes");
            assert_eq!(answer(&json, &dispatch), "");
        }
        assert_eq!(*applied.borrow(), made);
    }

    #[test]
    fn an_unreadable_message_or_an_edit_the_column_never_makes_is_ignored() {
        let dispatch = Callback::from(|_: Action| panic!("nothing is dispatched"));
        for foreign in [
            "{\"SetName\":\"x\"}",
            "{\"SetPoolField\":[1,true]}",
            "[\"SetTagMaps\"]",
            "not json",
        ] {
            assert_eq!(answer(foreign, &dispatch), "", "{foreign}");
        }
        assert_eq!(PoolEvent::for_action(Action::AddRole), None);
    }

    #[test]
    fn the_column_shows_the_pool_its_roles_tag_maps_and_the_role_arns() {
        let doc = ScenarioDoc::from_json(crate::examples::DEFAULT_TEXT).expect("the example reads");
        let input = PoolInput::of(&doc);
        assert_eq!(input.pool, doc.pool);
        assert_eq!(input.role_arns.len(), doc.roles.len());
        let json = serde_json::to_string(&input).expect("serializes");
        assert_eq!(
            serde_json::from_str::<PoolInput>(&json).expect("reads"),
            input
        );
    }
}
