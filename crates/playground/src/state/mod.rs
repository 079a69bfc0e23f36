//! The page's document state: the scenario being edited and the actions that change it.
//! Everything here is plain Rust, tested natively.

pub mod action;
pub mod claims_presets;
pub mod empty;
pub mod import;
pub mod page;
pub mod pool_edit;
pub mod providers;
pub mod reducer;

/// The editable scenario is the simulation's own model (`identity_pool::edit`): the page
/// keeps no second one.
pub use identity_pool::edit as scenario;

#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod tests;

pub use action::{Action, PolicySlot, RequestField, SignInField};
pub use reducer::Editor;
pub use scenario::{Flow, IdentityType, ScenarioDoc};
#[cfg(test)]
mod sign_in_tests;
