//! Typed reads from the span-keeping JSON tree. Every mismatch becomes a positioned
//! diagnostic that names the field by its path (e.g. `signIn.claims`), and reading goes on.

use iam_policy::json::{JsonMember, JsonNode, JsonValue};
use iam_policy::{Diagnostic, Span};

use super::model::Spanned;

/// Diagnostic code prefix for scenario problems.
pub const PREFIX: &str = "cognito::scenario::";

/// Collects diagnostics while reading one scenario.
#[derive(Debug, Default)]
pub struct Reader {
    /// Everything found so far.
    pub diagnostics: Vec<Diagnostic>,
    /// The code prefix when not [`PREFIX`] (another document read with the same reads).
    prefix: Option<&'static str>,
}

impl Reader {
    /// A reader whose diagnostic codes start with `prefix` instead of [`PREFIX`].
    pub fn with_prefix(prefix: &'static str) -> Self {
        Self {
            diagnostics: Vec::new(),
            prefix: Some(prefix),
        }
    }

    fn code(&self, code: &str) -> String {
        format!("{}{code}", self.prefix.unwrap_or(PREFIX))
    }

    /// Records an error.
    pub fn error(&mut self, code: &str, message: String, span: Span, help: &str) {
        let mut d = Diagnostic::error(&self.code(code), message, Some(span));
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.diagnostics.push(d);
    }

    /// Records a warning.
    pub fn warning(&mut self, code: &str, message: String, span: Span, help: &str) {
        let mut d = Diagnostic::warning(&self.code(code), message, Some(span));
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.diagnostics.push(d);
    }

    fn wrong_type(&mut self, path: &str, node: &JsonNode, expected: &str) {
        self.error(
            "wrong_type",
            format!("`{path}` must be {expected}, found {}", node.type_name()),
            node.span,
            "",
        );
    }

    /// The members of an object, or an error naming `path`.
    pub fn object<'a>(&mut self, path: &str, node: &'a JsonNode) -> Option<&'a [JsonMember]> {
        let members = node.as_object();
        if members.is_none() {
            self.wrong_type(path, node, "an object");
        }
        members
    }

    /// The items of an array, or an error naming `path`.
    pub fn array<'a>(&mut self, path: &str, node: &'a JsonNode) -> Option<&'a [JsonNode]> {
        match &node.value {
            JsonValue::Array(items) => Some(items),
            _ => {
                self.wrong_type(path, node, "an array");
                None
            }
        }
    }

    /// A string, or an error naming `path`.
    pub fn string(&mut self, path: &str, node: &JsonNode) -> Option<Spanned<String>> {
        match node.as_str() {
            Some(s) => Some(Spanned::new(s.to_owned(), node.span)),
            None => {
                self.wrong_type(path, node, "a string");
                None
            }
        }
    }

    /// A string or `null` (absent); anything else is an error.
    pub fn optional_string(
        &mut self,
        path: &str,
        node: Option<&JsonNode>,
    ) -> Option<Spanned<String>> {
        match node {
            None => None,
            Some(n) if n.value == JsonValue::Null => None,
            Some(n) => self.string(path, n),
        }
    }

    /// A boolean, or an error naming `path`. AWS CLI input sometimes has `"true"`: accepted
    /// with a warning.
    pub fn boolean(&mut self, path: &str, node: &JsonNode) -> Option<bool> {
        match &node.value {
            JsonValue::Bool(b) => Some(*b),
            JsonValue::String(s) if s == "true" || s == "false" => {
                self.warning(
                    "string_boolean",
                    format!("`{path}` is the string `{s}`; AWS prints a JSON boolean"),
                    node.span,
                    "write it without quotes",
                );
                Some(s == "true")
            }
            _ => {
                self.wrong_type(path, node, "a boolean");
                None
            }
        }
    }

    /// An integer, or an error naming `path`.
    pub fn integer(&mut self, path: &str, node: &JsonNode) -> Option<i64> {
        let parsed = match &node.value {
            JsonValue::Number(text) => text.parse::<i64>().ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.wrong_type(path, node, "a whole number");
        }
        parsed
    }

    /// A list of strings (an array; a single string is accepted as a one-item list).
    pub fn string_list(&mut self, path: &str, node: &JsonNode) -> Vec<Spanned<String>> {
        match &node.value {
            JsonValue::String(s) => vec![Spanned::new(s.clone(), node.span)],
            JsonValue::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| self.string(&format!("{path}[{i}]"), item))
                .collect(),
            JsonValue::Null => Vec::new(),
            _ => {
                self.wrong_type(path, node, "an array of strings");
                Vec::new()
            }
        }
    }

    /// Warns about every member of `members` not in `known`, and reports repeated keys.
    pub fn check_fields(&mut self, path: &str, members: &[JsonMember], known: &[&str]) {
        // A set, not a look back over earlier members: 20,000 fields must stay linear.
        let mut seen = std::collections::HashSet::with_capacity(members.len());
        for member in members {
            if !seen.insert(member.key.as_str()) {
                self.error(
                    "duplicate_key",
                    format!("duplicate key `{}` in `{path}`", member.key),
                    member.key_span,
                    "keep one of the two",
                );
            } else if !known.contains(&member.key.as_str()) {
                let near = known.iter().find(|k| k.eq_ignore_ascii_case(&member.key));
                let help = match near {
                    Some(k) => format!("did you mean `{k}`? field names are case-sensitive"),
                    None => format!("known fields: {}", known.join(", ")),
                };
                self.warning(
                    "unknown_field",
                    format!("unknown field `{}` in `{path}` is ignored", member.key),
                    member.key_span,
                    &help,
                );
            }
        }
    }

    /// Limits a list to `max` entries, with an error on the first one beyond.
    pub fn limit<'a, T>(
        &mut self,
        path: &str,
        items: &'a [T],
        max: usize,
        span_of: impl Fn(&T) -> Span,
    ) -> &'a [T] {
        if let Some(extra) = items.get(max) {
            self.error(
                "too_many",
                format!(
                    "`{path}` has {} entries; the simulator reads at most {max}",
                    items.len()
                ),
                span_of(extra),
                "split the scenario",
            );
        }
        items.get(..max).unwrap_or(items)
    }
}

/// The member named `key` in `members`.
pub fn field<'a>(members: &'a [JsonMember], key: &str) -> Option<&'a JsonNode> {
    members.iter().find(|m| m.key == key).map(|m| &m.value)
}
