//! Everything the page can do to the scenario, as plain data.

use serde_json::Value;

use super::scenario::{Flow, IdentityType, ItemId, ScenarioDoc};

/// Which policy of a role an edit is aimed at.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PolicySlot {
    /// `AssumeRolePolicyDocument`.
    Trust,
    /// The access policy with this id.
    Access(ItemId),
    /// `PermissionsBoundary`.
    Boundary,
}

/// Which text field of a request an edit is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestField {
    /// `action`.
    Action,
    /// `resource`.
    Resource,
    /// `context` (JSON object text).
    Context,
}

/// Which string field of the sign-in an edit is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SignInField {
    /// `provider`.
    Provider,
    /// `claims` (JSON text).
    Claims,
    /// `customRoleArn`.
    CustomRoleArn,
    /// `basic.RoleArn`.
    BasicRoleArn,
    /// `basic.Policy` (JSON text).
    BasicPolicy,
    /// `time`, the moment of the sign-in: whole epoch seconds are kept as a number, other
    /// text as a string (UTC ISO 8601, read by the simulation); empty removes it.
    Time,
}

/// One edit of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace everything (example picked, file imported, share link opened).
    Load(Box<ScenarioDoc>),
    /// Set the scenario's name.
    SetName(String),
    /// Set the scenario's description.
    SetDescription(String),
    /// Drop every expected result (the scenario's `expect` and each request's): a stale
    /// "(expected Allowed)" from an example goes away.
    ClearExpectations,
    /// Set a top-level member of `identityPool` (e.g. `AllowUnauthenticatedIdentities`).
    SetPoolField(String, Value),
    /// Set a member of `identityPoolRoles.Roles` (`authenticated` / `unauthenticated`); empty removes it.
    SetDefaultRole(String, String),
    /// Replace `identityPoolRoles.RoleMappings`.
    SetRoleMappings(Value),
    /// Replace `principalTagAttributeMaps`.
    SetTagMaps(Value),
    /// Replace the pool, its roles and tag maps at once (the JSON view).
    SetPoolDocuments {
        /// `identityPool`.
        pool: Value,
        /// `identityPoolRoles`.
        pool_roles: Value,
        /// `principalTagAttributeMaps`.
        tag_maps: Value,
    },
    /// Add a role with an empty trust policy.
    AddRole,
    /// Remove the role.
    RemoveRole(ItemId),
    /// Rename the role (the ARN follows until the user writes another).
    SetRoleName(ItemId, String),
    /// Set the role's ARN.
    SetRoleArn(ItemId, String),
    /// Replace the text of one policy of the role.
    SetPolicyText(ItemId, PolicySlot, String),
    /// Add an access policy to the role.
    AddPolicy(ItemId),
    /// Remove access policy (role, policy).
    RemovePolicy(ItemId, ItemId),
    /// Rename access policy (role, policy).
    SetPolicyName(ItemId, ItemId, String),
    /// Give the role a boundary (`true`) or remove it (`false`).
    ToggleBoundary(ItemId, bool),
    /// Guest or signed in.
    SetIdentity(IdentityType),
    /// Enhanced or basic flow.
    SetFlow(Flow),
    /// Set one text field of the sign-in.
    SetSignIn(SignInField, String),
    /// Choose the reading of the guest scope-down (`scopeDownVersion`, an id the report lists).
    SetScopeDownVersion(String),
    /// Add an empty request.
    AddRequest,
    /// Remove request `index`.
    RemoveRequest(usize),
    /// Set one field of request `index`.
    SetRequest(usize, RequestField, String),
    /// Add a request for `action` on `resource` (from the effective-permissions explorer).
    AddRequestFor(String, String),
    /// Replace the policy in editor `ROLE:POLICY` (`ROLE:trust`, `ROLE:boundary`) with a
    /// coach fix the user accepted.
    ApplyFix(String, String),
    /// Keep a coach finding's id in `dismissedFindings`.
    DismissFinding(String),
}
