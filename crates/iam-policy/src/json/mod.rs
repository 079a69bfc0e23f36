//! A small JSON parser that keeps the byte span of every key and value, so every policy
//! diagnostic can point at the user's text. Objects keep their members in order, duplicates
//! included: the policy reader reports duplicate keys itself (IAM rejects them).

mod parser;

pub use parser::{
    parse, parse_any_size, parse_at, parse_case_at, parse_unread, Unread, UnreadObject, MAX_DEPTH,
    MAX_INPUT_BYTES,
};

use crate::{Diagnostic, Span};

/// A JSON value with the span of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonNode {
    /// Where the value is in the source.
    pub span: Span,
    /// The value.
    pub value: JsonValue,
}

/// One member of an object: the key and its span, and the value.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonMember {
    /// The key, unescaped.
    pub key: String,
    /// The span of the key including its quotes.
    pub key_span: Span,
    /// The value.
    pub value: JsonNode,
}

/// A JSON value. Numbers keep their source text (IAM compares text, and no precision is lost).
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as written.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<JsonNode>),
    /// An object, members in source order (duplicates kept).
    Object(Vec<JsonMember>),
}

impl JsonNode {
    /// The members if this is an object.
    pub fn as_object(&self) -> Option<&[JsonMember]> {
        match &self.value {
            JsonValue::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The string if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The first member named `key` (exact case) if this is an object.
    pub fn get(&self, key: &str) -> Option<&JsonNode> {
        self.as_object()?
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// A word for the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "a boolean",
            JsonValue::Number(_) => "a number",
            JsonValue::String(_) => "a string",
            JsonValue::Array(_) => "an array",
            JsonValue::Object(_) => "an object",
        }
    }
}

/// The text a document given as a value (a JS object, a deserialized case) is read from:
/// pretty JSON, so its positions have lines, unless indentation would take it over the size
/// limit that the document itself is under (deep nesting inflates a 6 KB object to
/// megabytes): then compact JSON. The limit is thus checked against the size of what the
/// user gave, never against a rendering of it.
pub fn document_text(value: &impl serde::Serialize) -> String {
    let compact = serde_json::to_string(value).unwrap_or_default();
    if compact.len() > MAX_INPUT_BYTES {
        return compact;
    }
    match serde_json::to_string_pretty(value) {
        Ok(pretty) if pretty.len() <= MAX_INPUT_BYTES => pretty,
        _ => compact,
    }
}

/// `iam::parse::duplicate_key` errors for every key repeated within one object of `members`
/// (not recursive: callers check each object they read).
pub fn duplicate_keys(members: &[JsonMember]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A set, not a look back over earlier members: an object with 20,000 keys stays linear.
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    for member in members {
        if !seen.insert(member.key.as_str()) {
            out.push(
                Diagnostic::error(
                    "iam::parse::duplicate_key",
                    format!("duplicate key `{}`", member.key),
                    Some(member.key_span),
                )
                .with_help("IAM rejects a policy whose object repeats a key; merge the two"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_duplicate_keys_with_position() {
        let node = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        let dups = duplicate_keys(node.as_object().unwrap());
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].span, Some(Span::new(17, 20)));
    }

    #[test]
    fn a_deep_small_document_is_measured_as_given() {
        // 60 levels of arrays around 5,000 small numbers: 73 KB compact, over 1 MiB pretty.
        let mut value = serde_json::json!((0..5_000).collect::<Vec<_>>());
        for _ in 0..60 {
            value = serde_json::json!([value, (0..200).collect::<Vec<_>>()]);
        }
        assert!(serde_json::to_string_pretty(&value).unwrap().len() > MAX_INPUT_BYTES);
        let text = document_text(&value);
        assert!(text.len() < 100_000, "{}", text.len());
        assert!(parse(&text).is_ok());
        let small = serde_json::json!({"a": [1]});
        assert!(document_text(&small).contains('\n'));
    }

    #[test]
    fn get_and_type_names() {
        let node = parse(r#"{"a": [1, "x", null, true, {}]}"#).unwrap();
        let JsonValue::Array(items) = &node.get("a").unwrap().value else {
            panic!("array expected")
        };
        let names: Vec<_> = items.iter().map(JsonNode::type_name).collect();
        assert_eq!(
            names,
            ["a number", "a string", "null", "a boolean", "an object"]
        );
    }
}
