//! The Identity Pool Playground page: a thin Yew front end over `identity_pool::api`.
//!
//! - [`state`]: the scenario being edited and the actions that change it (plain Rust).
//! - [`backend`]: the only caller of the simulation.
//! - [`components`]: the page, one component per file.
//! - [`hooks`]: live evaluation and keyboard shortcuts.

pub mod backend;
pub mod components;
pub mod dom;
pub mod examples;
pub mod hooks;
pub mod state;

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
