use super::*;
use proptest::prelude::*;

#[test]
fn formats_a_policy_like_serde_json_pretty() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*","Condition":{}}]}"#;
    let expected = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\n        \"s3:GetObject\"\n      ],\n      \"Resource\": \"*\",\n      \"Condition\": {}\n    }\n  ]\n}";
    assert_eq!(format_json(text).unwrap(), expected);
}

#[test]
fn keeps_key_order_duplicates_and_literal_spelling() {
    let text = "{\"z\": 1.0, \"a\": \"\\u00e9\", \"z\": [ ], \"e\": 1E5}";
    assert_eq!(
        format_json(text).unwrap(),
        "{\n  \"z\": 1.0,\n  \"a\": \"\\u00e9\",\n  \"z\": [],\n  \"e\": 1E5\n}"
    );
}

#[test]
fn formatting_is_idempotent_and_keeps_a_final_line_break() {
    let once = format_json("[1,{\"a\":[true,null]}]\n").unwrap();
    assert!(once.ends_with("]\n"));
    assert_eq!(format_json(&once).unwrap(), once);
}

#[test]
fn scalars_format_to_themselves() {
    for text in ["1", "\"x\"", "null", "  true  "] {
        assert_eq!(format_json(text).unwrap(), text.trim());
    }
}

#[test]
fn invalid_json_is_refused_with_its_position() {
    let error = format_json("{\n  \"a\": tru\n}").unwrap_err();
    assert_eq!(error.code, "editor::format::invalid_json");
    assert_eq!((error.line, error.column), (2, 8));
    assert!(error.message.contains("`tru`"), "{}", error.message);
    let error = format_json("{\"a\": 1 \"b\": 2}").unwrap_err();
    assert_eq!((error.line, error.column), (1, 9), "{error:?}");
    let error = format_json("[\"é\", \"open\n]").unwrap_err();
    assert_eq!((error.line, error.column), (1, 7), "{error:?}");
    assert!(
        error.message.starts_with("cannot format: "),
        "{}",
        error.message
    );
    assert!(!error.message.contains(" at line "), "{}", error.message);
    for bad in ["", "{", "[1,]", "{} {}", "// comment\n{}"] {
        assert!(format_json(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = format_json(&deep).unwrap_err();
    assert_eq!(error.column, MAX_DEPTH + 1);
    let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(format_json(&fine).is_ok());
}

#[test]
fn caret_stays_by_the_same_character() {
    let old = "{\"a\":[1,2]}";
    let new = format_json(old).unwrap();
    let caret = old.find('2').unwrap();
    let mapped = map_caret(old, &new, caret);
    assert_eq!(&new[mapped..mapped + 1], "2");
    assert_eq!(map_caret(old, &new, 0), 0);
    assert_eq!(map_caret(old, &new, old.len()), new.len());
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z]{0,4}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Formatting any compact document gives serde_json's pretty form of the same value.
    #[test]
    fn matches_serde_json_pretty(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(format_json(&compact).unwrap(), serde_json::to_string_pretty(&value).unwrap());
    }
}
