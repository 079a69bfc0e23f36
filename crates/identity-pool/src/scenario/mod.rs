//! The scenario document (formats.md section 2): its typed model and its loader.

mod consistency;
mod load;
mod model;
mod policy_doc;
mod pool;
pub(crate) mod reader;
mod roles;
mod sign_in;
mod time;

pub(crate) use load::load_node;
pub use load::{
    load_scenario, load_scenario_any_size, load_scenarios, LoadedScenario, MAX_SCENARIO_BYTES,
};
pub use model::*;
pub use policy_doc::{non_whitespace_len, PolicyDoc};
pub(crate) use sign_in::read_request;
pub use time::{format_iso_utc, parse_iso_utc};

#[cfg(test)]
mod tests;
