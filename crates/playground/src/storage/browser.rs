//! The thin browser side of autosave: local storage reads and writes, nothing to decide.
//!
//! Local storage can be missing or refuse access (private modes, sandboxed iframes when the
//! page is embedded as a widget); that is treated as "nothing saved" on load and as a
//! [`StorageError`] on save, never as a crash.

use std::cell::Cell;

use super::{envelope, parse_saved, SavedState, DISCARDED_KEY, KEY, MAX_SAVED_LEN};

thread_local! {
    /// Where the saved value that was not restored is, when there is one.
    static UNRESTORED: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The local-storage key holding the saved value start-up could not restore: the discarded
/// key, or the autosave key itself when it could not be moved (autosave is then paused).
pub fn unrestored_key() -> Option<&'static str> {
    UNRESTORED.get()
}

/// The scenario start-up could not restore, to offer as a download.
pub fn unrestored_text() -> Option<String> {
    let raw = local_storage()?
        .get_item(unrestored_key()?)
        .ok()
        .flatten()?;
    Some(super::recoverable_text(&raw))
}

/// Saving failed: stable code, one-line lowercase message, help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError {
    /// `storage::unavailable`, `storage::write_failed`, `storage::too_large` or `storage::paused`.
    pub code: &'static str,
    /// One line, lowercase, no final period.
    pub message: String,
    /// What the user can do about it.
    pub help: String,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved scenario once at start-up. A discarded value is moved to
/// [`DISCARDED_KEY`] so the next autosave cannot overwrite what may be the user's only copy.
/// When local storage refuses that copy, the value is left where it is, never removed, and
/// autosave pauses so it cannot be overwritten either; the reason says so.
pub fn load() -> SavedState {
    let Some(storage) = local_storage() else {
        return SavedState::Nothing;
    };
    let raw = storage.get_item(KEY).ok().flatten();
    match (parse_saved(raw.as_deref()), raw) {
        (SavedState::Discarded(reason), Some(raw)) => {
            if storage.set_item(DISCARDED_KEY, &raw).is_ok() {
                let _ = storage.remove_item(KEY);
                UNRESTORED.set(Some(DISCARDED_KEY));
                SavedState::Discarded(reason)
            } else {
                UNRESTORED.set(Some(KEY));
                SavedState::Discarded(reason.left_in_place())
            }
        }
        (state, _) => state,
    }
}

/// Saves the scenario JSON text. Call it after the shell's debounce, not on every keystroke.
pub fn save(scenario_json: &str) -> Result<(), StorageError> {
    if unrestored_key() == Some(KEY) {
        return Err(StorageError {
            code: "storage::paused",
            message: "autosave is paused: the saved scenario that could not be restored is still under the autosave key, and saving would overwrite it".to_owned(),
            help: "download it with the button below the notices, then Reset to resume autosave".to_owned(),
        });
    }
    if scenario_json.len() > MAX_SAVED_LEN {
        return Err(StorageError {
            code: "storage::too_large",
            message: format!(
                "the scenario is {} KB, too large to autosave",
                scenario_json.len().div_ceil(1024)
            ),
            help: "export the scenario as a JSON file to keep it".to_owned(),
        });
    }
    let storage = local_storage().ok_or_else(|| StorageError {
        code: "storage::unavailable",
        message: "autosave is off: this browser does not allow local storage here".to_owned(),
        help: "export the scenario as a JSON file to keep it".to_owned(),
    })?;
    storage
        .set_item(KEY, &envelope(scenario_json, js_sys::Date::now()))
        .map_err(|_| StorageError {
            code: "storage::write_failed",
            message: "autosave failed: local storage is full or refused the write".to_owned(),
            help: "free space by clearing this site's data, or export the scenario as a JSON file"
                .to_owned(),
        })
}

/// Forgets the saved scenario (for a "reset to default" action).
pub fn clear() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(KEY);
    }
    if unrestored_key() == Some(KEY) {
        UNRESTORED.set(None);
    }
}
