//! Pretty-printing a [`JsonNode`] the way the IAM console shows policies: four-space indent,
//! one member or item per line, key order kept, numbers exactly as written.

use super::{JsonNode, JsonValue};

/// The node as indented JSON text with a final newline.
pub fn write_pretty(node: &JsonNode) -> String {
    let mut out = String::new();
    write_node(node, 0, &mut out);
    out.push('\n');
    out
}

fn indent(level: usize, out: &mut String) {
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_node(node: &JsonNode, level: usize, out: &mut String) {
    match &node.value {
        JsonValue::Null => out.push_str("null"),
        JsonValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        JsonValue::Number(n) => out.push_str(n),
        JsonValue::String(s) => write_string(s, out),
        JsonValue::Array(items) if items.is_empty() => out.push_str("[]"),
        JsonValue::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(level + 1, out);
                write_node(item, level + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(level, out);
            out.push(']');
        }
        JsonValue::Object(members) if members.is_empty() => out.push_str("{}"),
        JsonValue::Object(members) => {
            out.push_str("{\n");
            for (i, member) in members.iter().enumerate() {
                indent(level + 1, out);
                write_string(&member.key, out);
                out.push_str(": ");
                write_node(&member.value, level + 1, out);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            indent(level, out);
            out.push('}');
        }
    }
}

/// Writes `s` as a JSON string literal, escaping only what JSON requires.
pub(crate) fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn pretty_prints_and_round_trips() {
        let text = r#"{"b":1,"a":["x\n",{}],"c":{"d":null,"e":[]}}"#;
        let pretty = write_pretty(&parse(text).unwrap());
        assert_eq!(
            pretty,
            "{\n    \"b\": 1,\n    \"a\": [\n        \"x\\n\",\n        {}\n    ],\n    \"c\": {\n        \"d\": null,\n        \"e\": []\n    }\n}\n"
        );
        assert_eq!(write_pretty(&parse(&pretty).unwrap()), pretty);
    }
}
