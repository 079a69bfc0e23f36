//! The Identity Pool Playground as a library, so its pieces are testable natively and in
//! the browser; `main.rs` only mounts the app.

pub mod editor;
pub mod share;
pub mod storage;
