//! A policy document embedded in the scenario: as a JSON object, or as a JSON string (the
//! way STS takes `Policy` and IAM's raw API returns documents, possibly URL-encoded).

use iam_policy::json::{JsonNode, JsonValue};
use iam_policy::{parse_policy, position_of, Diagnostic, Policy, PolicyKind, Position, Span};

use super::reader::Reader;

/// One policy document of the scenario, parsed.
#[derive(Clone, Debug)]
pub struct PolicyDoc {
    /// Label in explanations, e.g. `Guest/ReadPicture` or `Guest/trust`.
    pub name: String,
    /// How it is used.
    pub kind: PolicyKind,
    /// The parsed document; `None` when it could not be read at all.
    pub policy: Option<Policy>,
    /// Where it is in the scenario file.
    pub span: Span,
    /// Its length in characters, whitespace removed (what IAM's limits on stored policies count).
    pub plaintext_len: usize,
    /// For a document given as a string that is not JSON at all: the parser's message and
    /// its position inside the string (where STS's own parser would stop, too).
    pub syntax_error: Option<(String, Position)>,
    /// Its length in characters as written, whitespace included (what STS's `Policy`
    /// parameter limit counts: it takes the raw string).
    pub raw_len: usize,
    /// Its compiled form, when it came compiled from a workspace (else compiled on use).
    pub compiled: Option<iam_policy::CompiledPolicy>,
}

/// Reads the policy at `node` (object or string) as `kind`, labelled `name`.
pub fn read_policy(
    reader: &mut Reader,
    path: &str,
    node: &JsonNode,
    kind: PolicyKind,
    name: String,
    source: &str,
) -> PolicyDoc {
    let mut syntax_error = None;
    let mut compiled = None;
    let (parsed, plaintext_len, raw_len) = match &node.value {
        JsonValue::Object(_) => {
            let text = source.get(node.span.start..node.span.end).unwrap_or("");
            // A policy the workspace read already is taken as it was read, not read again.
            let parsed = match crate::workspace::reuse(node.span, text, kind, &name) {
                Some(reused) => {
                    compiled = reused.compiled;
                    iam_policy::Parsed {
                        policy: reused.policy,
                        diagnostics: reused.diagnostics,
                    }
                }
                None => Policy::from_json(node, kind),
            };
            (parsed, non_whitespace_len(text), dedented_len(text))
        }
        JsonValue::String(text) => {
            let decoded = percent_decode(text);
            let inner = decoded.as_deref().unwrap_or(text);
            let mut parsed = parse_policy(inner, kind);
            if parsed.policy.is_none() {
                syntax_error = parsed.diagnostics.iter().find(|d| d.is_error()).map(|d| {
                    let at = d.span.map_or(0, |s| s.start);
                    (d.message.clone(), position_of(inner, at))
                });
            }
            place_inner_diagnostics(
                &mut parsed.diagnostics,
                node,
                text,
                decoded.is_none(),
                source,
            );
            (parsed, non_whitespace_len(inner), inner.chars().count())
        }
        _ => {
            reader.error(
                "wrong_type",
                format!(
                    "`{path}` must be a policy document (an object, or a JSON string), found {}",
                    node.type_name()
                ),
                node.span,
                "",
            );
            return PolicyDoc {
                name,
                kind,
                policy: None,
                span: node.span,
                plaintext_len: 0,
                raw_len: 0,
                syntax_error: None,
                compiled: None,
            };
        }
    };
    // Say which document of the scenario each engine finding is about.
    reader
        .diagnostics
        .extend(parsed.diagnostics.into_iter().map(|mut d| {
            let place = format!("in `{path}`");
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help} ({place})"),
                None => place,
            });
            d
        }));
    PolicyDoc {
        name,
        kind,
        policy: parsed.policy,
        span: node.span,
        plaintext_len,
        raw_len,
        syntax_error,
        compiled,
    }
}

/// Diagnostics of a policy given as a string have spans inside the string's value. When the
/// string holds no escapes those map one-to-one onto the file; otherwise point at the string.
fn place_inner_diagnostics(
    diagnostics: &mut [Diagnostic],
    node: &JsonNode,
    value: &str,
    plain: bool,
    source: &str,
) {
    let raw = source.get(node.span.start.saturating_add(1)..node.span.end.saturating_sub(1));
    let verbatim = plain && raw == Some(value);
    for d in diagnostics {
        if verbatim {
            d.shift(node.span.start + 1);
        } else {
            d.span = Some(node.span);
            if d.help.is_none() {
                d.help = Some("the policy is an escaped string; its exact position inside the string is not shown".to_owned());
            }
        }
    }
}

/// Characters that count towards IAM size limits (whitespace outside strings does not count;
/// we drop all whitespace, which is what AWS documents: "whitespace is not counted").
///
/// Counted on bytes: one loop over the text's bytes, no character decoding, for the
/// common all-ASCII text (the page measures each policy of the document once as it
/// loads; decoding the 120,000 characters of a hostile share link's policy character by
/// character cost about 0.3 s of the page's first render in the browser's baseline wasm
/// code). Other text counts what `char::is_whitespace` says, the same result.
pub fn non_whitespace_len(text: &str) -> usize {
    if !text.is_ascii() {
        return text.chars().filter(|c| !c.is_whitespace()).count();
    }
    // The ASCII characters `char::is_whitespace` accepts: tab, line feed, vertical tab,
    // form feed, carriage return and space.
    let white = text
        .bytes()
        .filter(|b| matches!(b, b'\t'..=b'\r' | b' '))
        .count();
    text.len() - white
}

/// The length of a document written as an object inside the scenario, as if it stood on
/// its own: the indentation its lines share because of where it sits in the file is not
/// part of the string the app would send.
fn dedented_len(text: &str) -> usize {
    let mut lines = text.split('\n');
    let first = lines.next().map_or(0, |l| l.chars().count());
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().take_while(|c| *c == ' ' || *c == '\t').count())
        .min()
        .unwrap_or(0);
    let body: usize = rest
        .iter()
        .map(|l| l.chars().count().saturating_sub(indent))
        .sum();
    // One line break per line after the first.
    first + body + rest.len()
}

/// Decodes a URL-encoded document (`%7B%22Version%22...`, as the raw IAM API returns it).
/// `None` when the text is not URL-encoded.
fn percent_decode(text: &str) -> Option<String> {
    if !text.trim_start().starts_with("%7B") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encoded_documents_are_decoded() {
        assert_eq!(
            percent_decode("%7B%22a%22%3A1%7D").as_deref(),
            Some("{\"a\":1}")
        );
        assert_eq!(percent_decode("{\"a\":1}"), None);
    }

    #[test]
    fn an_embedded_object_is_counted_without_the_file_s_indentation() {
        let nested = "{\n        \"a\": 1\n    }";
        let alone = "{\n    \"a\": 1\n}";
        assert_eq!(dedented_len(nested), alone.chars().count());
        assert_eq!(dedented_len("{\"a\":1}"), 7);
    }

    #[test]
    fn size_ignores_whitespace() {
        assert_eq!(non_whitespace_len("{ \"a\" :\n 1 }"), 7);
    }

    #[test]
    fn the_byte_count_agrees_with_char_is_whitespace() {
        let by_char = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
        for text in [
            "",
            "\t\n\u{b}\u{c}\r x \u{1c}\u{1f}\u{7f}",
            "{\"a\": \"caf\u{e9}\u{a0}\u{2003}\u{3000}z\"}",
            "\u{85}\u{2028}\u{1680}é",
        ] {
            assert_eq!(non_whitespace_len(text), by_char(text), "{text:?}");
        }
    }
}
