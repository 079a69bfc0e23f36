//! Autosave: the scenario kept in the browser's local storage, so a reload keeps the work.
//!
//! The saved value is a small versioned envelope around the scenario text:
//! `{"format": "idpool-playground-autosave", "version": 1, "savedAt": <ms>, "scenario": "<json text>"}`.
//! The scenario is kept as text, not as parsed JSON, so exactly what the user had comes back,
//! even a scenario that does not parse yet.
//!
//! The shell uses it like this:
//! - Start-up (when the URL holds no share link): [`browser::load`] returns a [`SavedState`].
//!   `Nothing` → the default example, no notice; `Restored` → load that scenario text;
//!   `Discarded(reason)` → the default example **and** a `[data-testid="notice"]` showing
//!   `reason.message` (and `reason.help`). The page is never blank.
//! - After each (debounced) edit: [`browser::save`] the scenario JSON; on `Err(e)` show
//!   `e.message` once (storage full or disabled), and keep working.
//!
//! Everything except [`browser`] is pure and tested natively.

pub mod browser;
pub mod progress;
mod saved;

pub use saved::{
    envelope, parse_saved, recoverable_text, DiscardReason, SavedState, FORMAT, VERSION,
};

/// The local-storage key. The version is in the key as well as in the envelope, so a future
/// format can live next to this one while old tabs are still open.
pub const KEY: &str = "idpool-playground/autosave/v1";

/// Where a discarded saved state is moved, so the next autosave does not destroy what may
/// still be the user's only copy.
pub const DISCARDED_KEY: &str = "idpool-playground/autosave/discarded";

/// The largest scenario we save or restore, in bytes (local storage holds about 5 MB per origin).
pub const MAX_SAVED_LEN: usize = 1024 * 1024;
