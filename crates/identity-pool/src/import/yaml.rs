//! YAML to the span-keeping JSON tree, so CloudFormation templates in YAML and JSON are read
//! by one importer. CloudFormation's short tags become their long form: `!Ref X` is
//! `{"Ref": "X"}`, `!Sub s` is `{"Fn::Sub": s}`, `!GetAtt A.B` is `{"Fn::GetAtt": "A.B"}`.
//! Parsing is `saphyr-parser`'s (a YAML 1.2 event parser); spans are byte offsets in the text.

use iam_policy::json::{JsonMember, JsonNode, JsonValue};
use iam_policy::{Diagnostic, Span};
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};

/// Deepest nesting read (the JSON parser's limit).
pub const MAX_DEPTH: usize = iam_policy::json::MAX_DEPTH;
/// Most nodes built, aliases expanded: stops "billion laughs" documents.
const MAX_NODES: usize = 200_000;

enum Frame {
    Map {
        start: usize,
        tag: Option<String>,
        anchor: usize,
        members: Vec<JsonMember>,
        key: Option<(String, Span)>,
    },
    Seq {
        start: usize,
        tag: Option<String>,
        anchor: usize,
        items: Vec<JsonNode>,
    },
}

/// Converts character indexes (the parser's) to byte offsets.
struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
}

impl Offsets<'_> {
    fn byte(&self, char_index: usize) -> usize {
        if self.ascii {
            return char_index.min(self.text.len());
        }
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }
}

/// Parses the first document of `text`.
pub fn parse_yaml(text: &str) -> Result<JsonNode, Diagnostic> {
    let offsets = Offsets {
        text,
        ascii: text.is_ascii(),
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: Vec<(usize, JsonNode)> = Vec::new();
    let mut nodes = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let at = offsets.byte(e.marker().index());
            Diagnostic::error(
                "import::yaml::syntax",
                format!("the YAML cannot be read: {}", e.info()),
                Some(Span::new(at, at)),
            )
            .with_help("check the indentation and quoting at this place")
        })?;
        let here = Span::new(
            offsets.byte(span.start.index()),
            offsets.byte(span.end.index()),
        );
        let done = match event {
            Event::MappingStart(anchor, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(too_deep(here));
                }
                stack.push(Frame::Map {
                    start: here.start,
                    tag: tag.map(|t| tag_name(&t)),
                    anchor,
                    members: Vec::new(),
                    key: None,
                });
                None
            }
            Event::SequenceStart(anchor, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(too_deep(here));
                }
                stack.push(Frame::Seq {
                    start: here.start,
                    tag: tag.map(|t| tag_name(&t)),
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    start,
                    tag,
                    anchor,
                    members,
                    ..
                }) => Some((
                    anchor,
                    tagged(
                        tag,
                        JsonNode {
                            span: Span::new(start, here.end.max(start)),
                            value: JsonValue::Object(members),
                        },
                    ),
                )),
                _ => None,
            },
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq {
                    start,
                    tag,
                    anchor,
                    items,
                }) => Some((
                    anchor,
                    tagged(
                        tag,
                        JsonNode {
                            span: Span::new(start, here.end.max(start)),
                            value: JsonValue::Array(items),
                        },
                    ),
                )),
                _ => None,
            },
            Event::Scalar(value, style, anchor, tag) => {
                let tag = tag.map(|t| tag_name(&t));
                let node = JsonNode {
                    span: here,
                    value: scalar(&value, style, tag.as_deref()),
                };
                Some((anchor, tagged(tag, node)))
            }
            Event::Alias(id) => anchors
                .iter()
                .rev()
                .find(|(a, _)| *a == id)
                .map(|(_, node)| (0, node.clone())),
            Event::DocumentEnd => break,
            _ => None,
        };
        let Some((anchor, node)) = done else {
            continue;
        };
        nodes += count(&node);
        if nodes > MAX_NODES {
            return Err(Diagnostic::error(
                "import::yaml::too_large",
                format!("the YAML expands to more than {MAX_NODES} values (aliases included)"),
                Some(here),
            )
            .with_help("a template this large is not an identity pool's; import the part that defines the pool and its roles"));
        }
        if anchor != 0 {
            anchors.push((anchor, node.clone()));
        }
        match stack.last_mut() {
            None => return Ok(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { members, key, .. }) => match key.take() {
                None => {
                    let text = match &node.value {
                        JsonValue::String(s) | JsonValue::Number(s) => s.clone(),
                        JsonValue::Bool(b) => b.to_string(),
                        JsonValue::Null => String::new(),
                        _ => return Err(Diagnostic::error(
                            "import::yaml::complex_key",
                            "a mapping key is itself a mapping or a list; templates use plain keys",
                            Some(node.span),
                        )
                        .with_help("write the key as plain text")),
                    };
                    *key = Some((text, node.span));
                }
                Some((k, key_span)) => members.push(JsonMember {
                    key: k,
                    key_span,
                    value: node,
                }),
            },
        }
    }
    Err(Diagnostic::error(
        "import::yaml::empty",
        "the YAML text holds no document",
        Some(Span::new(0, 0)),
    )
    .with_help("paste the template's text"))
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(
        "import::yaml::too_deep",
        format!("the YAML nests more than {MAX_DEPTH} levels deep"),
        Some(span),
    )
    .with_help("flatten the document")
}

fn count(node: &JsonNode) -> usize {
    match &node.value {
        JsonValue::Array(items) => 1 + items.iter().map(count).sum::<usize>(),
        JsonValue::Object(members) => 1 + members.iter().map(|m| count(&m.value)).sum::<usize>(),
        _ => 1,
    }
}

/// `!Ref` → `Ref`; `!!str` → `tag:yaml.org,2002:str`.
fn tag_name(tag: &Tag) -> String {
    if tag.handle == "!" {
        tag.suffix.clone()
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

/// A CloudFormation short tag's long form.
fn intrinsic(tag: &str) -> Option<String> {
    match tag {
        "Ref" | "Condition" => Some(tag.to_owned()),
        "GetAtt" | "Sub" | "Join" | "Select" | "Split" | "If" | "Equals" | "Not" | "And" | "Or"
        | "FindInMap" | "Base64" | "Cidr" | "GetAZs" | "ImportValue" | "Transform" | "Length"
        | "ToJsonString" => Some(format!("Fn::{tag}")),
        _ => None,
    }
}

fn tagged(tag: Option<String>, node: JsonNode) -> JsonNode {
    let Some(name) = tag.as_deref().and_then(intrinsic) else {
        return node;
    };
    let span = node.span;
    JsonNode {
        span,
        value: JsonValue::Object(vec![JsonMember {
            key: name,
            key_span: span,
            value: node,
        }]),
    }
}

/// A scalar's JSON value by the YAML 1.2 core schema; quoted and tagged text stays text.
fn scalar(value: &str, style: ScalarStyle, tag: Option<&str>) -> JsonValue {
    let core = tag.and_then(|t| t.strip_prefix("tag:yaml.org,2002:"));
    if style != ScalarStyle::Plain || core == Some("str") || (tag.is_some() && core.is_none()) {
        return JsonValue::String(value.to_owned());
    }
    match value {
        "" | "~" | "null" | "Null" | "NULL" => JsonValue::Null,
        "true" | "True" | "TRUE" => JsonValue::Bool(true),
        "false" | "False" | "FALSE" => JsonValue::Bool(false),
        _ if is_number(value) => JsonValue::Number(value.to_owned()),
        _ => JsonValue::String(value.to_owned()),
    }
}

/// Decimal integers and floats as JSON writes them (no hex, octal or `.inf`: templates
/// do not use them, and such text stays a string, which is what CloudFormation passes on).
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut seen_digit = false;
    let mut seen_dot = false;
    let mut seen_exp = false;
    let mut previous = ' ';
    for c in digits.chars() {
        match c {
            '0'..='9' => seen_digit = true,
            '.' if !seen_dot && !seen_exp => seen_dot = true,
            'e' | 'E' if seen_digit && !seen_exp => seen_exp = true,
            '-' | '+' if matches!(previous, 'e' | 'E') => {}
            _ => return false,
        }
        previous = c;
    }
    seen_digit && !matches!(previous, 'e' | 'E' | '-' | '+')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(node: &'a JsonNode, path: &[&str]) -> &'a JsonNode {
        path.iter().fold(node, |n, k| n.get(k).unwrap())
    }

    #[test]
    fn short_tags_become_long_form_intrinsics() {
        let text = "A:\n  B: !Ref Pool\n  C: !GetAtt Role.Arn\n  D: !Sub\n    - 'x${Y}'\n    - Y: 1\n  E: !Join [':', [a, !Ref B]]\n";
        let root = parse_yaml(text).unwrap();
        assert_eq!(get(&root, &["A", "B", "Ref"]).as_str(), Some("Pool"));
        assert_eq!(
            get(&root, &["A", "C", "Fn::GetAtt"]).as_str(),
            Some("Role.Arn")
        );
        assert!(matches!(
            get(&root, &["A", "D", "Fn::Sub"]).value,
            JsonValue::Array(_)
        ));
        let join = get(&root, &["A", "E", "Fn::Join"]);
        let JsonValue::Array(parts) = &join.value else {
            panic!()
        };
        let JsonValue::Array(inner) = &parts[1].value else {
            panic!()
        };
        assert_eq!(inner[1].get("Ref").unwrap().as_str(), Some("B"));
    }

    #[test]
    fn spans_are_byte_offsets_in_the_text() {
        let text = "# é comment\nKey: 'value'\n";
        let root = parse_yaml(text).unwrap();
        let v = root.get("Key").unwrap();
        assert_eq!(&text[v.span.start..v.span.end], "'value'");
    }

    #[test]
    fn scalars_follow_the_core_schema_and_quotes_keep_text() {
        let root = parse_yaml("a: 12\nb: '12'\nc: true\nd: ~\ne: 1.5e3\nf: 2012-10-17\n").unwrap();
        assert_eq!(root.get("a").unwrap().value, JsonValue::Number("12".into()));
        assert_eq!(root.get("b").unwrap().value, JsonValue::String("12".into()));
        assert_eq!(root.get("c").unwrap().value, JsonValue::Bool(true));
        assert_eq!(root.get("d").unwrap().value, JsonValue::Null);
        assert_eq!(
            root.get("e").unwrap().value,
            JsonValue::Number("1.5e3".into())
        );
        assert_eq!(
            root.get("f").unwrap().value,
            JsonValue::String("2012-10-17".into())
        );
    }

    #[test]
    fn errors_and_alias_bombs_are_diagnostics() {
        let e = parse_yaml("a: [1, 2\nb: 3\n").unwrap_err();
        assert_eq!(e.code, "import::yaml::syntax");
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..8 {
            let prev = if i == 0 {
                "a".to_owned()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert_eq!(
            parse_yaml(&bomb).unwrap_err().code,
            "import::yaml::too_large"
        );
    }
}
