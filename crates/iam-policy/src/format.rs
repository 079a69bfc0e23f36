//! The one JSON formatter: the playground's Format button, the JS package's `formatPolicy`,
//! the CLI and the scenario writer all call it. Only whitespace changes: key order,
//! duplicate keys (which the policy reader reports, so they must stay visible), and every
//! string and number stay exactly as written (`\u00e9` stays `\u00e9`, `1.0` stays `1.0`),
//! because the writer copies them from the source by their spans.

// One parse error per call, returned as the contract's plain `Diagnostic`.
#![allow(
    clippy::result_large_err,
    reason = "the error is a Diagnostic, returned by value on the cold path; boxing it would only add an allocation"
)]

use crate::json::{self, JsonNode, JsonValue};
use crate::Diagnostic;

/// The IAM console's indentation, used for policies.
pub const POLICY_INDENT: &str = "    ";

/// Pretty-prints policy `text` as the IAM console shows it (four-space indent) with a final
/// line break. Fails (with a located diagnostic) only when it is not JSON.
pub fn format_policy(text: &str) -> Result<String, Diagnostic> {
    let mut out = format_json(text, POLICY_INDENT)?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Pretty-prints JSON `text` with `indent` per level, one member or item per line,
/// `"key": value`, and `{}`/`[]` for empty containers; a final line break is kept if the
/// text had one. Fails, changing nothing, when the text is not JSON: the diagnostic is
/// located (line and column in `text`).
pub fn format_json(text: &str, indent: &str) -> Result<String, Diagnostic> {
    let node = json::parse_any_size(text).map_err(|mut d| {
        d.locate(text);
        d
    })?;
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    write(text, &node, indent, 0, &mut out);
    if text.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// `text` with all whitespace between tokens dropped: the smallest form of the same
/// document, keys, duplicates and literals as written. `None` when it is not JSON.
pub fn compact_json(text: &str) -> Option<String> {
    let node = json::parse_any_size(text).ok()?;
    let mut out = String::with_capacity(text.len());
    write(text, &node, "", 0, &mut out);
    Some(out)
}

/// Writes `node`, copying strings, numbers and keys from `source` as written. With an
/// empty `indent` nothing but the tokens is written (compact).
fn write(source: &str, node: &JsonNode, indent: &str, level: usize, out: &mut String) {
    let pretty = !indent.is_empty();
    let raw = |span: crate::Span| source.get(span.start..span.end).unwrap_or_default();
    match &node.value {
        JsonValue::Array(items) if items.is_empty() => out.push_str("[]"),
        JsonValue::Object(members) if members.is_empty() => out.push_str("{}"),
        JsonValue::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(i, indent, level + 1, out);
                write(source, item, indent, level + 1, out);
            }
            line_break(indent, level, out);
            out.push(']');
        }
        JsonValue::Object(members) => {
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                separator(i, indent, level + 1, out);
                out.push_str(raw(member.key_span));
                out.push_str(if pretty { ": " } else { ":" });
                write(source, &member.value, indent, level + 1, out);
            }
            line_break(indent, level, out);
            out.push('}');
        }
        _ => out.push_str(raw(node.span)),
    }
}

fn separator(index: usize, indent: &str, level: usize, out: &mut String) {
    if index > 0 {
        out.push(',');
    }
    line_break(indent, level, out);
}

fn line_break(indent: &str, level: usize, out: &mut String) {
    if indent.is_empty() {
        return;
    }
    out.push('\n');
    for _ in 0..level {
        out.push_str(indent);
    }
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
