//! The Identity Pool Playground page: a thin Yew front end over `identity_pool::api`,
//! as a library so its pieces are testable natively and in the browser; `main.rs` only
//! mounts the app.
//!
//! - [`state`]: the scenario being edited and the actions that change it (plain Rust).
//! - [`backend`]: the only caller of the simulation; [`api_module`]: the lazily loaded
//!   second wasm module that answers import, export and the Permissions panel;
//!   [`workshop_module`] and [`review_module`]: the bridges to workshop mode's panel and the
//!   Permissions panel, each a wasm module of its own (crates `workshop-panel` and
//!   `review-panel`, mounted by [`lazy_panel`]), all loaded by [`lazy_module`].
//! - [`components`]: the page, one component per file.
//! - [`hooks`]: live evaluation and keyboard shortcuts.
//! - [`editor`], [`share`], [`storage`]: the policy editor, share links, autosave.
//! - [`mode`], [`pages`], [`embed`], [`host`]: which mode the link asks for and the page
//!   (full, widget, workshop) that shows it; the embedded widget's decisions and its
//!   messages to the host page.

pub mod api_module;
pub mod backend;
#[cfg(test)]
mod backend_tests;
pub mod components;
pub mod dom;
pub mod edit_module;
pub mod editor;
pub mod embed;
pub mod examples;
pub mod hooks;
pub mod host;
pub mod lazy_module;
pub mod lazy_panel;
pub mod mode;
pub mod net;
pub mod overlay_module;
pub mod pages;
pub mod pool_module;
pub mod review_module;
pub mod share_module;
/// Share links: the codec lives in `share-link`, shared with `idpool link`.
pub use share_link::codec as share;
pub mod startup;
pub mod state;
pub mod storage;
pub mod timing;
pub mod workshop_module;

/// Mounts the full page on `<body>`: the playground (a link for another page goes there).
pub fn start() {
    yew::Renderer::<components::root::Root>::new().render();
}

/// Mounts the widget page (`embed.html`) on `<body>`: the embedded widget the URL names.
/// Its own entry point (`src/bin/embed.rs`), so its wasm leaves out the full page's panels.
pub fn start_embed() {
    yew::Renderer::<components::embed_root::EmbedRoot>::new().render();
}

/// Mounts workshop mode's page (`workshop.html`) on `<body>`: the playground with the
/// workshop the URL names. Its own entry point (`src/bin/workshop.rs`), so the full page's
/// wasm leaves out the workshop panel's host and bridge.
pub fn start_workshop() {
    yew::Renderer::<components::workshop_root::WorkshopRoot>::new().render();
}
