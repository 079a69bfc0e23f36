use super::*;
use proptest::prelude::*;

const SCENARIO: &str = "{\n  \"name\": \"Guest — ünïcødé\",\n  \"roles\": []\n}";

fn discarded_code(raw: &str) -> &'static str {
    match parse_saved(Some(raw)) {
        SavedState::Discarded(reason) => {
            assert!(!reason.message.contains('\n'));
            assert!(
                reason.message.starts_with("the saved scenario "),
                "{}",
                reason.message
            );
            assert!(!reason.help.is_empty());
            reason.code
        }
        other => panic!("expected a discarded state for {raw:?}, got {other:?}"),
    }
}

#[test]
fn nothing_saved_is_nothing() {
    assert_eq!(parse_saved(None), SavedState::Nothing);
}

#[test]
fn envelope_round_trips_the_exact_text() {
    let raw = envelope(SCENARIO, 1_700_000_000_000.0);
    assert_eq!(
        parse_saved(Some(&raw)),
        SavedState::Restored {
            scenario: SCENARIO.to_owned(),
            saved_at_ms: Some(1_700_000_000_000.0)
        }
    );
}

#[test]
fn envelope_is_versioned_and_marked() {
    let value: serde_json::Value = serde_json::from_str(&envelope("{}", 1.0)).unwrap();
    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["version"], VERSION);
    assert_eq!(value["scenario"], "{}");
}

#[test]
fn damaged_values_are_corrupted() {
    let truncated = envelope(SCENARIO, 1.0);
    let truncated = &truncated[..truncated.len() / 2];
    for raw in [
        "",
        "not json",
        truncated,
        "[]",
        "{\"scenario\": \"{}\"}",
        "{\"format\": \"something-else\", \"version\": 1, \"scenario\": \"{}\"}",
        "{\"format\": \"idpool-playground-autosave\", \"scenario\": \"{}\"}",
        "{\"format\": \"idpool-playground-autosave\", \"version\": \"1\", \"scenario\": \"{}\"}",
        "{\"format\": \"idpool-playground-autosave\", \"version\": 1}",
        "{\"format\": \"idpool-playground-autosave\", \"version\": 1, \"scenario\": {}}",
        "{\"format\": \"idpool-playground-autosave\", \"version\": 1, \"scenario\": \"{\\\"a\\\":\"}",
    ] {
        assert_eq!(discarded_code(raw), "storage::corrupted", "{raw}");
    }
}

#[test]
fn old_and_newer_versions_are_named() {
    let old = "{\"format\": \"idpool-playground-autosave\", \"version\": 0, \"policies\": {}}";
    assert_eq!(discarded_code(old), "storage::old_version");
    let newer =
        "{\"format\": \"idpool-playground-autosave\", \"version\": 7, \"scenario\": {\"x\": 1}}";
    assert_eq!(discarded_code(newer), "storage::newer_version");
    if let SavedState::Discarded(reason) = parse_saved(Some(newer)) {
        assert!(reason.message.contains("`7`"), "{}", reason.message);
    }
}

#[test]
fn oversized_value_is_refused_before_parsing() {
    let raw = envelope(&format!("\"{}\"", "x".repeat(MAX_SAVED_LEN + 10_000)), 1.0);
    assert_eq!(discarded_code(&raw), "storage::too_large");
}

#[test]
fn an_envelope_whose_scenario_the_page_cannot_read_is_discarded() {
    // A valid envelope and valid JSON, but `roles` is not a list: restoring it failed later,
    // the default example was loaded, and the first autosave overwrote the user's copy.
    let raw = envelope("{\"name\": \"mine\", \"roles\": \"x\"}", 1.0);
    match parse_saved(Some(&raw)) {
        SavedState::Discarded(reason) => {
            assert_eq!(reason.code, "storage::corrupted");
            assert_eq!(
                reason.message,
                "the saved scenario could not be restored: `roles` must be a list, not a string"
            );
            assert!(reason.help.contains("idpool-playground/autosave/discarded"));
        }
        other => panic!("expected a discarded state, got {other:?}"),
    }
}

#[test]
fn discard_messages_speak_of_the_user_not_of_serde() {
    for raw in ["{\"format\": ", "not json"] {
        if let SavedState::Discarded(reason) = parse_saved(Some(raw)) {
            assert!(!reason.message.contains("line"), "{}", reason.message);
            assert!(!reason.message.contains("expected"), "{}", reason.message);
        }
    }
}

#[test]
fn a_copy_left_in_place_is_reported_as_such() {
    let SavedState::Discarded(reason) = parse_saved(Some(&"x".repeat(3 << 20))) else {
        panic!("a 3 MB value is not restored");
    };
    assert_eq!(reason.code, "storage::too_large");
    let left = reason.left_in_place();
    assert!(!left.help.contains("moved"), "{}", left.help);
    assert!(
        left.help.contains("left in place and autosave is paused"),
        "{}",
        left.help
    );
    assert_eq!(recoverable_text("x"), "x");
    assert_eq!(
        recoverable_text(&envelope("{\"name\": 1}", 1.0)),
        "{\"name\": 1}"
    );
}

#[test]
fn saved_at_is_optional() {
    let raw = "{\"format\": \"idpool-playground-autosave\", \"version\": 1, \"scenario\": \"{}\"}";
    assert_eq!(
        parse_saved(Some(raw)),
        SavedState::Restored {
            scenario: "{}".to_owned(),
            saved_at_ms: None
        }
    );
}

proptest! {
    /// Any scenario text comes back unchanged, byte for byte (here: any name, so any
    /// characters and escapes).
    #[test]
    fn any_scenario_text_round_trips(text in any::<String>()) {
        let scenario = serde_json::to_string(&serde_json::json!({ "name": text })).unwrap();
        let restored = parse_saved(Some(&envelope(&scenario, 0.0)));
        prop_assert_eq!(restored, SavedState::Restored { scenario, saved_at_ms: Some(0.0) });
    }

    /// Valid JSON that is not a scenario the page can load is never restored (it would be
    /// replaced by the default example and then overwritten by the first autosave).
    #[test]
    fn json_that_is_not_a_scenario_is_discarded(text in any::<String>()) {
        let scenario = serde_json::to_string(&text).unwrap();
        let restored = parse_saved(Some(&envelope(&scenario, 0.0)));
        prop_assert!(matches!(restored, SavedState::Discarded(ref r) if r.code == "storage::corrupted"));
    }

    /// Whatever sits under the key, reading it never panics.
    #[test]
    fn any_stored_text_is_handled(raw in any::<String>()) {
        let _ = parse_saved(Some(&raw));
    }
}
