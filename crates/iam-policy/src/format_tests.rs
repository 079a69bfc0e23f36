use super::*;
use crate::json::MAX_DEPTH;
use crate::{parse_policy, PolicyKind};
use proptest::prelude::*;

const TWO: &str = "  ";

#[test]
fn formats_a_policy_like_the_console_and_keeps_meaning() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*","Condition":{"NumericLessThan":{"s3:max-keys":1.50}}}]}"#;
    let pretty = format_policy(text).unwrap();
    assert!(pretty.starts_with("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n"));
    assert!(pretty.ends_with("}\n"));
    assert!(pretty.contains("1.50"));
    let a = parse_policy(text, PolicyKind::Identity).policy.unwrap();
    let b = parse_policy(&pretty, PolicyKind::Identity).policy.unwrap();
    assert_eq!(a.statements.len(), b.statements.len());
    assert_eq!(format_policy(&pretty).unwrap(), pretty);
}

#[test]
fn two_space_indent_for_the_page() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*","Condition":{}}]}"#;
    let expected = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\n        \"s3:GetObject\"\n      ],\n      \"Resource\": \"*\",\n      \"Condition\": {}\n    }\n  ]\n}";
    assert_eq!(format_json(text, TWO).unwrap(), expected);
}

#[test]
fn keeps_key_order_duplicates_and_literal_spelling() {
    let text = "{\"z\": 1.0, \"a\": \"\\u00e9\", \"z\": [ ], \"e\": 1E5, \"k\\u0041\": \"x\\n\"}";
    assert_eq!(
        format_json(text, TWO).unwrap(),
        "{\n  \"z\": 1.0,\n  \"a\": \"\\u00e9\",\n  \"z\": [],\n  \"e\": 1E5,\n  \"k\\u0041\": \"x\\n\"\n}"
    );
    assert_eq!(
        compact_json(text).unwrap(),
        "{\"z\":1.0,\"a\":\"\\u00e9\",\"z\":[],\"e\":1E5,\"k\\u0041\":\"x\\n\"}"
    );
}

#[test]
fn formatting_is_idempotent_and_keeps_a_final_line_break() {
    let once = format_json("[1,{\"a\":[true,null]}]\n", TWO).unwrap();
    assert!(once.ends_with("]\n"));
    assert_eq!(format_json(&once, TWO).unwrap(), once);
}

#[test]
fn scalars_format_to_themselves() {
    for text in ["1", "\"x\"", "null", "  true  "] {
        assert_eq!(format_json(text, TWO).unwrap(), text.trim());
    }
}

#[test]
fn invalid_json_is_refused_with_its_position() {
    let error = format_json("{\n  \"a\": tru\n}", TWO).unwrap_err();
    assert_eq!(error.code, "iam::parse::json");
    let start = error.start.unwrap();
    assert_eq!((start.line, start.column), (2, 8));
    let error = format_json("{\"a\": 1 \"b\": 2}", TWO).unwrap_err();
    let start = error.start.unwrap();
    assert_eq!((start.line, start.column), (1, 9), "{error:?}");
    for bad in ["", "{", "[1,]", "{} {}", "// comment\n{}"] {
        assert!(format_json(bad, TWO).is_err(), "{bad:?}");
        assert!(compact_json(bad).is_none(), "{bad:?}");
    }
    let error = format_policy("{\n  \"a\": ,\n}").unwrap_err();
    assert_eq!(error.start.unwrap().line, 2);
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = format_json(&deep, TWO).unwrap_err();
    assert!(error.message.contains("nest"), "{}", error.message);
    let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(format_json(&fine, TWO).is_ok());
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
    /// Formatting any compact document gives serde_json's pretty form of the same value,
    /// and compacting that gives the compact form back.
    #[test]
    fn matches_serde_json_pretty(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        let pretty = format_json(&compact, TWO).unwrap();
        prop_assert_eq!(&pretty, &serde_json::to_string_pretty(&value).unwrap());
        prop_assert_eq!(compact_json(&pretty).unwrap(), compact);
    }
}
