//! The saved envelope: writing it, and reading back whatever local storage holds.

use serde::{Deserialize, Serialize};

use super::MAX_SAVED_LEN;

/// Marks our envelope, so an unrelated value under the same key is recognised as such.
pub const FORMAT: &str = "idpool-playground-autosave";

/// The envelope version this build writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// What local storage gave back, decided once at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum SavedState {
    /// Nothing saved: start from the default example without a notice.
    Nothing,
    /// A scenario to load (its text, exactly as saved).
    Restored {
        /// The scenario JSON text.
        scenario: String,
        /// When it was saved, in milliseconds since the Unix epoch, if recorded.
        saved_at_ms: Option<f64>,
    },
    /// Something was saved but cannot be used: start from the default example and show
    /// the reason in a notice.
    Discarded(DiscardReason),
}

/// Why a saved state was not restored: stable code, one-line lowercase message, help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscardReason {
    /// `storage::corrupted`, `storage::old_version`, `storage::newer_version` or `storage::too_large`.
    pub code: &'static str,
    /// One line, lowercase, no final period.
    pub message: String,
    /// What the user can do about it.
    pub help: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    saved_at: f64,
    scenario: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeIn {
    format: String,
    version: u32,
    #[serde(default)]
    saved_at: Option<f64>,
    scenario: String,
}

/// The text to store for `scenario_json`, saved at `now_ms` (milliseconds since the epoch).
pub fn envelope(scenario_json: &str, now_ms: f64) -> String {
    let out = EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        saved_at: now_ms,
        scenario: scenario_json,
    };
    // Serialising a struct of strings and numbers cannot fail; the fallback only keeps
    // this function total (it would read back as "corrupted", never crash).
    serde_json::to_string(&out).unwrap_or_default()
}

/// Decides what a stored value (`None` when the key is absent) means.
pub fn parse_saved(raw: Option<&str>) -> SavedState {
    let Some(raw) = raw else {
        return SavedState::Nothing;
    };
    if raw.len() > MAX_SAVED_LEN + 4096 {
        return SavedState::Discarded(DiscardReason::new(
            "storage::too_large",
            format!(
                "the saved scenario is {} KB, more than the playground restores",
                raw.len().div_ceil(1024)
            ),
        ));
    }
    // Look at the version before the rest of the shape, so an old or newer envelope is
    // named as such even if its other fields differ from ours.
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(value) => value,
        // No line or column: the user never sees the stored text.
        Err(_) => return corrupted("it is not valid JSON"),
    };
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return corrupted("it was not written by this playground");
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        None => return corrupted("it has no format version"),
        Some(v) if v < u64::from(VERSION) => return SavedState::Discarded(old_version(v)),
        Some(v) if v > u64::from(VERSION) => return SavedState::Discarded(newer_version(v)),
        Some(_) => {}
    }
    let envelope: EnvelopeIn = match serde_json::from_value(value) {
        Ok(envelope) => envelope,
        Err(_) => return corrupted("its fields are missing or of the wrong type"),
    };
    if envelope.format != FORMAT || envelope.version != VERSION {
        return corrupted("it was not written by this playground");
    }
    // Read it as the page will: an envelope that holds a scenario the page cannot load is as
    // unusable as a damaged one, and must be kept aside rather than overwritten by the first
    // autosave.
    if let Err(e) = crate::state::ScenarioDoc::from_json(&envelope.scenario) {
        return corrupted(&e.message);
    }
    SavedState::Restored {
        scenario: envelope.scenario,
        saved_at_ms: envelope.saved_at,
    }
}

impl DiscardReason {
    fn new(code: &'static str, message: String) -> Self {
        DiscardReason {
            code,
            message,
            help: format!(
                "the default example was loaded instead; the saved copy was moved to `{}` in local storage, and the button below offers it as a file",
                super::DISCARDED_KEY
            ),
        }
    }

    /// The same reason when the saved value could not be moved aside (local storage refused
    /// the copy, typically because it is full): it stays where it was, and saying it was
    /// kept elsewhere would be untrue.
    pub fn left_in_place(self) -> Self {
        DiscardReason {
            help: "the default example was loaded instead; local storage is too full to move the saved copy aside, so it was left in place and autosave is paused: download it with the button below, then Reset to resume autosave".to_owned(),
            ..self
        }
    }
}

/// The text worth giving back to the user from a stored value that was not restored: the
/// scenario inside our envelope when there is one, otherwise the value as it is.
pub fn recoverable_text(raw: &str) -> String {
    #[derive(Deserialize)]
    struct Scenario {
        scenario: String,
    }
    serde_json::from_str::<Scenario>(raw).map_or_else(|_| raw.to_owned(), |e| e.scenario)
}

fn corrupted(detail: &str) -> SavedState {
    SavedState::Discarded(DiscardReason::new(
        "storage::corrupted",
        format!("the saved scenario could not be restored: {detail}"),
    ))
}

fn old_version(version: u64) -> DiscardReason {
    DiscardReason::new(
        "storage::old_version",
        format!(
            "the saved scenario is from an older playground (format version `{version}`) and was not restored"
        ),
    )
}

fn newer_version(version: u64) -> DiscardReason {
    DiscardReason::new(
        "storage::newer_version",
        format!(
            "the saved scenario is from a newer playground (format version `{version}`) and was not restored"
        ),
    )
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "saved_tests.rs"]
mod tests;
