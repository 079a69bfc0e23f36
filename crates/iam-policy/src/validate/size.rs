//! Size and character checks, done on the JSON node so they work the same for a policy typed
//! on its own and for one embedded in a scenario or evaluation case. The size is the
//! document's compact JSON form with whitespace not counted, as IAM counts it.

use crate::json::{JsonNode, JsonValue};
use crate::policy::PolicyKind;
use crate::{Diagnostic, Span};

/// IAM's size limits in characters, whitespace not counted: (limit, what it is).
fn size_limit(kind: PolicyKind) -> Option<(usize, &'static str)> {
    match kind {
        PolicyKind::Identity => Some((10_240, "the 10,240-character limit for a role's inline policies (managed policies allow 6,144)")),
        PolicyKind::PermissionsBoundary => Some((6_144, "the 6,144-character limit for a managed policy")),
        PolicyKind::Trust => Some((2_048, "the default 2,048-character limit for a trust policy (a quota increase allows up to 4,096)")),
        PolicyKind::Session => Some((2_048, "the 2,048-character limit for a session policy")),
        PolicyKind::ServiceControl => Some((5_120, "the 5,120-character limit for a service control policy")),
        PolicyKind::ResourceControl => Some((5_120, "the 5,120-character limit for a resource control policy")),
        PolicyKind::VpcEndpoint => Some((20_480, "the 20,480-character limit for a VPC endpoint policy")),
        PolicyKind::Resource => None,
    }
}

/// Non-whitespace characters of `node` written as compact JSON.
fn counted(node: &JsonNode) -> usize {
    match &node.value {
        JsonValue::Null => 4,
        JsonValue::Bool(b) => {
            if *b {
                4
            } else {
                5
            }
        }
        JsonValue::Number(n) => n.chars().count(),
        JsonValue::String(s) => string_chars(s),
        JsonValue::Array(items) => {
            2 + items.len().saturating_sub(1) + items.iter().map(counted).sum::<usize>()
        }
        JsonValue::Object(members) => {
            2 + members.len().saturating_sub(1)
                + members
                    .iter()
                    .map(|m| string_chars(&m.key) + 1 + counted(&m.value))
                    .sum::<usize>()
        }
    }
}

/// A string literal's characters, quotes and escapes included, whitespace excluded.
fn string_chars(s: &str) -> usize {
    2 + s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '"' | '\\' => 2,
            c if (c as u32) < 0x20 => 6,
            _ => 1,
        })
        .sum::<usize>()
}

/// Whether IAM accepts `c` in a policy: tab, newline, carriage return and U+0020..U+00FF.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}')
}

/// Every string (keys included) with its span.
fn strings<'n>(node: &'n JsonNode, out: &mut Vec<(&'n str, Span)>) {
    match &node.value {
        JsonValue::String(s) => out.push((s, node.span)),
        JsonValue::Array(items) => items.iter().for_each(|i| strings(i, out)),
        JsonValue::Object(members) => {
            for m in members {
                out.push((&m.key, m.key_span));
                strings(&m.value, out);
            }
        }
        _ => {}
    }
}

/// Size limit and character range of the policy document `node` read as `kind`.
pub(crate) fn check_node(node: &JsonNode, kind: PolicyKind, out: &mut Vec<Diagnostic>) {
    let count = counted(node);
    let head = Some(Span::new(node.span.start, node.span.start + 1));
    if let Some((limit, what)) = size_limit(kind) {
        let managed = kind == PolicyKind::Identity && count > 6_144 && count <= limit;
        if count > limit || managed {
            let over = if managed {
                "over the 6,144-character limit for a managed policy"
            } else {
                "over IAM's limit"
            };
            out.push(
                Diagnostic::warning(
                    "iam::validate::policy_size",
                    format!("the policy has {count} characters without whitespace, {over}"),
                    head,
                )
                .with_help(format!("IAM enforces {what}; split it or shorten it")),
            );
        }
    }
    let mut all = Vec::new();
    strings(node, &mut all);
    let mut bad = all.iter().flat_map(|(s, span)| {
        s.char_indices()
            .filter(|(_, c)| !allowed(*c))
            .map(move |(at, c)| (c, char_span(s, *span, at, c)))
    });
    if let Some((c, span)) = bad.next() {
        let more = bad.count();
        let others = if more > 0 {
            format!(" (and {more} more)")
        } else {
            String::new()
        };
        out.push(
            Diagnostic::warning("iam::validate::invalid_character", format!("character `{c}` (U+{:04X}) is outside the range IAM accepts{others}", c as u32), Some(span))
                .with_help("IAM accepts printable characters up to U+00FF plus tab, newline and carriage return"),
        );
    }
}

/// The span of character `c` at byte `at` of string `s` whose literal spans `literal`.
fn char_span(s: &str, literal: Span, at: usize, c: char) -> Span {
    inner_span(s, literal, at, c.len_utf8())
}

/// The span of the `len` bytes at byte `at` of string `s` whose literal spans `literal`:
/// exact when the literal has no escapes (its source is the string plus two quotes), else
/// the whole literal.
pub(crate) fn inner_span(s: &str, literal: Span, at: usize, len: usize) -> Span {
    if literal.end.saturating_sub(literal.start) == s.len() + 2 {
        let start = literal.start + 1 + at;
        Span::new(start, start + len)
    } else {
        literal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_compact_json_without_whitespace() {
        let text = "{ \"a b\" : [ 1 , true , null , \"x\\\"y\" ] , \"c\" : { } }";
        let node = crate::json::parse(text).unwrap();
        let expected = text.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(counted(&node), expected);
    }
}
