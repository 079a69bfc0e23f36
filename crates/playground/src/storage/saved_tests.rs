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
    /// Any JSON string as scenario comes back unchanged.
    #[test]
    fn any_scenario_text_round_trips(text in any::<String>()) {
        let scenario = serde_json::to_string(&text).unwrap();
        let restored = parse_saved(Some(&envelope(&scenario, 0.0)));
        prop_assert_eq!(restored, SavedState::Restored { scenario, saved_at_ms: Some(0.0) });
    }

    /// Whatever sits under the key, reading it never panics.
    #[test]
    fn any_stored_text_is_handled(raw in any::<String>()) {
        let _ = parse_saved(Some(&raw));
    }
}
