//! The scenario document (formats.md section 2): its typed model and its loader.

mod consistency;
mod load;
mod model;
mod policy_doc;
mod pool;
mod reader;
mod roles;
mod sign_in;
mod time;

pub use load::{load_scenario, load_scenarios, LoadedScenario, MAX_SCENARIO_BYTES};
pub use model::*;
pub use policy_doc::{non_whitespace_len, PolicyDoc};

#[cfg(test)]
mod tests;
