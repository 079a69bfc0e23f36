//! A learner's progress in one workshop, kept in local storage under its own key per
//! workshop (never the playground's autosave): the exercise they are on, the exercises
//! they finished, how many hints they opened, and their own version of each exercise.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version, also in the key.
pub const PROGRESS_VERSION: u32 = 1;

/// The most a progress value may hold (drafts are scenarios); larger ones are not saved.
pub const MAX_PROGRESS_LEN: usize = 2 * 1024 * 1024;

/// The local-storage key of workshop `id`.
pub fn progress_key(id: &str) -> String {
    format!("idpool-playground/workshop/{id}/v{PROGRESS_VERSION}")
}

/// Progress in one workshop.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Progress {
    /// The exercise open last.
    pub current: Option<String>,
    /// Exercises whose goals were all met at some point, in the order finished.
    pub done: Vec<String>,
    /// How many hints of each exercise were shown.
    pub hints: BTreeMap<String, usize>,
    /// The learner's scenario text of each exercise they edited.
    pub drafts: BTreeMap<String, String>,
}

impl Progress {
    /// Reads a saved value; anything unreadable is no progress (a fresh start, not an error:
    /// the exercises themselves are never lost).
    pub fn from_saved(text: Option<&str>) -> Self {
        text.and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    /// The value to save.
    pub fn to_saved(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved progress of workshop `id` (none when storage is unavailable).
pub fn load(id: &str) -> Progress {
    let saved = local_storage().and_then(|s| s.get_item(&progress_key(id)).ok().flatten());
    Progress::from_saved(saved.as_deref())
}

/// Saves the progress of workshop `id`; false when storage refused it or it is too large.
pub fn save(id: &str, progress: &Progress) -> bool {
    let text = progress.to_saved();
    text.len() <= MAX_PROGRESS_LEN
        && local_storage().is_some_and(|s| s.set_item(&progress_key(id), &text).is_ok())
}

/// Forgets the progress of workshop `id`.
pub fn clear(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&progress_key(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips_and_bad_values_start_fresh() {
        let mut p = Progress {
            current: Some("own-s3-folder".into()),
            done: vec!["first-trust-policy".into()],
            ..Progress::default()
        };
        p.hints.insert("own-s3-folder".into(), 2);
        p.drafts
            .insert("own-s3-folder".into(), "{\"name\":\"x\"}".into());
        assert_eq!(Progress::from_saved(Some(&p.to_saved())), p);
        assert_eq!(Progress::from_saved(Some("not json")), Progress::default());
        assert_eq!(Progress::from_saved(Some("[1]")), Progress::default());
        assert_eq!(Progress::from_saved(None), Progress::default());
        // A value from a newer page with more fields keeps what this one knows.
        let newer = r#"{"current":"a","done":["a"],"future":true}"#;
        assert_eq!(Progress::from_saved(Some(newer)).done, vec!["a".to_owned()]);
    }

    #[test]
    fn each_workshop_has_its_own_key_apart_from_the_autosave() {
        assert_eq!(
            progress_key("iam-roles"),
            "idpool-playground/workshop/iam-roles/v1"
        );
        assert_ne!(progress_key("autosave"), crate::storage::KEY);
    }
}
