//! Reading a policy document from span-keeping JSON into the [`Policy`] AST. Every problem
//! becomes a positioned [`Diagnostic`]; reading continues after an error so the user sees
//! all of them at once.

use super::{
    ConditionBlock, ConditionEntry, Effect, NameList, Parsed, Policy, PolicyKind, PolicyVersion,
    PrincipalElement, Spanned, Statement,
};
use crate::condition::{check_value, Operator};
use crate::json::{self, duplicate_keys, JsonMember, JsonNode, JsonValue};
use crate::{Diagnostic, Span};

/// Parses policy `text` read as `kind`; diagnostics are located against `text`.
pub fn parse_policy(text: &str, kind: PolicyKind) -> Parsed {
    let mut parsed = match json::parse(text) {
        Ok(node) => Policy::from_json(&node, kind),
        Err(d) => Parsed {
            policy: None,
            diagnostics: vec![d],
        },
    };
    crate::locate_all(&mut parsed.diagnostics, text);
    parsed
}

impl Policy {
    /// Reads a policy from a JSON node (perhaps embedded in a larger document). Spans refer
    /// to the text the node was parsed from; call [`crate::locate_all`] with that text.
    pub fn from_json(node: &JsonNode, kind: PolicyKind) -> Parsed {
        let mut r = Reader {
            diags: Vec::new(),
            broken: Vec::new(),
            broken_principals: Vec::new(),
        };
        let policy = r.policy(node, kind);
        let mut per_value = crate::validate::PerValue::default();
        if let Some(p) = &policy {
            let mut found = Vec::new();
            crate::validate::check_node(node, kind, &mut found);
            crate::validate::check_policy(p, &mut found, &mut per_value);
            // A warning that an element is missing is noise when the user wrote it and it
            // already has an error (e.g. a `Principal` of the wrong type).
            found.retain(|d| !r.follows_error(d));
            r.diags.extend(found);
        }
        r.diags.sort_by_key(|d| d.span.map_or(0, |s| s.start));
        // Warnings counted but never built are summed up now, while the count is known;
        // the cap that every front end applies later finds this document within it.
        let unbuilt = per_value.unbuilt();
        if !unbuilt.is_empty() {
            crate::diagnostic::cap_counting(&mut r.diags, &unbuilt);
        }
        let failed = r.diags.iter().any(Diagnostic::is_error);
        Parsed {
            policy: if failed { None } else { policy },
            diagnostics: r.diags,
        }
    }
}

struct Reader {
    diags: Vec<Diagnostic>,
    /// Elements the user wrote that failed to read: (enclosing object's span, element name).
    broken: Vec<(Span, &'static str)>,
    /// The statements whose `Principal` failed to read, in source order.
    broken_principals: Vec<Span>,
}

const TOP_KEYS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_KEYS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

impl Reader {
    /// Whether `d` reports a missing element that is in fact present but broken.
    fn follows_error(&self, d: &Diagnostic) -> bool {
        let element = match d.code.as_str() {
            "iam::validate::missing_version" => "Version",
            "iam::validate::no_statements" => "Statement",
            "iam::validate::missing_principal" => "Principal",
            _ => return false,
        };
        // `Version` and `Statement` occur once per document; a `Principal` is matched to
        // its statement by position.
        // Statements are read in order, so their spans are sorted: a binary search keeps
        // 17,500 broken statements from costing 17,500² comparisons.
        let at = d.span.map_or(0, |s| s.start);
        if element != "Principal" {
            return self.broken.iter().any(|(_, name)| *name == element);
        }
        let i = self
            .broken_principals
            .partition_point(|span| span.start <= at);
        i.checked_sub(1)
            .and_then(|i| self.broken_principals.get(i))
            .is_some_and(|span| at < span.end)
    }

    fn error(&mut self, code: &str, message: String, span: Span, help: &str) {
        self.diags
            .push(Diagnostic::error(code, message, Some(span)).with_help(help));
    }

    fn object<'n>(&mut self, node: &'n JsonNode, what: &str) -> Option<&'n [JsonMember]> {
        match node.as_object() {
            Some(members) => {
                self.diags.extend(duplicate_keys(members));
                Some(members)
            }
            None => {
                let message = format!("{what} must be an object, not {}", node.type_name());
                self.error(
                    "iam::parse::wrong_type",
                    message,
                    node.span,
                    "write it as `{ ... }`",
                );
                None
            }
        }
    }

    fn unknown_key(&mut self, member: &JsonMember, allowed: &[&str], place: &str) {
        let near = allowed
            .iter()
            .find(|k| k.eq_ignore_ascii_case(&member.key))
            .copied()
            .or_else(|| {
                // Measured only up to 2 edits (a hostile key can be megabytes long).
                let key: Vec<char> = member.key.to_ascii_lowercase().chars().collect();
                allowed.iter().copied().find(|k| {
                    let k: Vec<char> = k.to_ascii_lowercase().chars().collect();
                    crate::condition::distance_within(&key, &k, 2).is_some()
                })
            });
        let help = match near {
            Some(k) => format!("did you mean `{k}`? element names are case-sensitive"),
            None => format!("{place} elements are {}", allowed.join(", ")),
        };
        let message = format!("unknown {place} element `{}`", member.key);
        self.error(
            "iam::parse::unknown_element",
            message,
            member.key_span,
            &help,
        );
    }

    fn string(&mut self, node: &JsonNode, what: &str) -> Option<Spanned<String>> {
        match node.as_str() {
            Some(s) => Some(Spanned {
                value: s.to_string(),
                span: node.span,
            }),
            None => {
                let message = format!("{what} must be a string, not {}", node.type_name());
                // Quoting fixes a bare number or `true`; an object or a list needs rewriting.
                let help = match node.value {
                    JsonValue::Object(_) => {
                        "write one string here, such as `\"s3:GetObject\"`; an object does not belong in this place"
                    }
                    JsonValue::Array(_) => {
                        "write one string here, such as `\"s3:GetObject\"`; a list does not belong in this place"
                    }
                    _ => "put the value in double quotes",
                };
                self.error("iam::parse::wrong_type", message, node.span, help);
                None
            }
        }
    }

    /// A string or an array of strings.
    fn strings(&mut self, node: &JsonNode, what: &str) -> Vec<Spanned<String>> {
        match &node.value {
            JsonValue::Array(items) => items.iter().filter_map(|i| self.string(i, what)).collect(),
            _ => self.string(node, what).into_iter().collect(),
        }
    }

    fn policy(&mut self, node: &JsonNode, kind: PolicyKind) -> Option<Policy> {
        let members = self.object(node, "a policy document")?;
        let mut version = PolicyVersion::Absent;
        let mut id = None;
        let mut statements = None;
        for m in members {
            match m.key.as_str() {
                "Version" => {
                    // Present, so never "missing" even when unreadable.
                    self.broken.push((node.span, "Version"));
                    version = self.version(&m.value).unwrap_or(version);
                }
                "Id" => id = self.string(&m.value, "`Id`"),
                "Statement" => statements = Some(self.statements(&m.value, version_hint(members))),
                _ => self.unknown_key(m, TOP_KEYS, "policy"),
            }
        }
        let Some(statements) = statements else {
            let span = Span::new(node.span.start, node.span.start + 1);
            self.error(
                "iam::parse::missing_statement",
                "the policy has no `Statement`".into(),
                span,
                "add \"Statement\": [ ... ]",
            );
            return None;
        };
        Some(Policy {
            kind,
            version,
            id,
            statements,
            span: node.span,
        })
    }

    fn version(&mut self, node: &JsonNode) -> Option<PolicyVersion> {
        let v = self.string(node, "`Version`")?;
        match v.value.as_str() {
            "2012-10-17" => Some(PolicyVersion::V2012_10_17),
            "2008-10-17" => Some(PolicyVersion::V2008_10_17),
            _ => {
                let message = format!("unknown policy version `{}`", v.value);
                self.error(
                    "iam::parse::invalid_version",
                    message,
                    v.span,
                    "use \"2012-10-17\"",
                );
                None
            }
        }
    }

    fn statements(&mut self, node: &JsonNode, variables: bool) -> Vec<Statement> {
        let items = match &node.value {
            JsonValue::Array(items) => items.iter().collect(),
            _ => vec![node],
        };
        let count = items.len();
        let read: Vec<Statement> = items
            .into_iter()
            .enumerate()
            .filter_map(|(index, item)| self.statement(item, index, variables))
            .collect();
        if read.len() < count {
            self.broken.push((node.span, "Statement"));
        }
        read
    }

    fn statement(&mut self, node: &JsonNode, index: usize, variables: bool) -> Option<Statement> {
        let members = self.object(node, "a statement")?;
        let mut st = Statement {
            index,
            sid: None,
            effect: Spanned {
                value: Effect::Allow,
                span: node.span,
            },
            principal: None,
            action: None,
            resource: None,
            conditions: Vec::new(),
            span: node.span,
        };
        let mut effect_seen = false;
        for m in members {
            let negated = m.key.starts_with("Not");
            match m.key.as_str() {
                "Sid" => st.sid = self.string(&m.value, "`Sid`"),
                "Effect" => {
                    effect_seen = true;
                    match self.string(&m.value, "`Effect`") {
                        Some(e) if e.value == "Allow" => {
                            st.effect = Spanned {
                                value: Effect::Allow,
                                span: e.span,
                            }
                        }
                        Some(e) if e.value == "Deny" => {
                            st.effect = Spanned {
                                value: Effect::Deny,
                                span: e.span,
                            }
                        }
                        Some(e) => {
                            let message = format!("unknown effect `{}`", e.value);
                            self.error(
                                "iam::parse::invalid_effect",
                                message,
                                e.span,
                                "`Effect` is \"Allow\" or \"Deny\" (case-sensitive)",
                            );
                        }
                        None => {}
                    }
                }
                "Principal" | "NotPrincipal" => {
                    if st.principal.is_some() {
                        self.both(m, "Principal", "NotPrincipal");
                    }
                    st.principal = self.principal(m, negated);
                    if st.principal.is_none() {
                        self.broken_principals.push(node.span);
                    }
                }
                "Action" | "NotAction" => {
                    if st.action.is_some() {
                        self.both(m, "Action", "NotAction");
                    }
                    st.action = Some(self.name_list(m, negated));
                }
                "Resource" | "NotResource" => {
                    if st.resource.is_some() {
                        self.both(m, "Resource", "NotResource");
                    }
                    st.resource = Some(self.name_list(m, negated));
                }
                "Condition" => st.conditions = self.conditions(&m.value, variables),
                _ => self.unknown_key(m, STATEMENT_KEYS, "statement"),
            }
        }
        let head = Span::new(node.span.start, node.span.start + 1);
        if !effect_seen {
            self.error(
                "iam::parse::missing_effect",
                format!("statement {} has no `Effect`", st.label()),
                head,
                "add \"Effect\": \"Allow\" or \"Deny\"",
            );
        }
        if st.action.is_none() {
            self.error(
                "iam::parse::missing_action",
                format!("statement {} has no `Action` or `NotAction`", st.label()),
                head,
                "add \"Action\": [ ... ]",
            );
        }
        Some(st)
    }

    fn both(&mut self, m: &JsonMember, a: &str, b: &str) {
        let message = format!("a statement cannot have both `{a}` and `{b}`");
        self.error(
            "iam::parse::conflicting_elements",
            message,
            m.key_span,
            &format!("keep only `{a}` or only `{b}`"),
        );
    }

    fn name_list(&mut self, m: &JsonMember, negated: bool) -> NameList {
        let what = format!("`{}`", m.key);
        let values = self.strings(&m.value, &what);
        if values.is_empty() && self.diags.iter().all(|d| d.span != Some(m.value.span)) {
            self.diags.push(Diagnostic::warning(
                "iam::validate::empty_list",
                format!("`{}` is empty and matches nothing", m.key),
                Some(m.value.span),
            ));
        }
        NameList {
            negated,
            values,
            key_span: m.key_span,
        }
    }

    fn principal(&mut self, m: &JsonMember, negated: bool) -> Option<PrincipalElement> {
        let mut el = PrincipalElement {
            negated,
            any: false,
            entries: Vec::new(),
            key_span: m.key_span,
        };
        match &m.value.value {
            JsonValue::String(s) if s == "*" => el.any = true,
            JsonValue::Object(_) => {
                let members = self.object(&m.value, "`Principal`")?;
                for pm in members {
                    if !matches!(
                        pm.key.as_str(),
                        "AWS" | "Federated" | "Service" | "CanonicalUser"
                    ) {
                        let message = format!("unknown principal type `{}`", pm.key);
                        self.error(
                            "iam::parse::unknown_principal_type",
                            message,
                            pm.key_span,
                            "principal types are AWS, Federated, Service and CanonicalUser",
                        );
                        continue;
                    }
                    let values = self.strings(&pm.value, "a principal");
                    el.entries.push((
                        Spanned {
                            value: pm.key.clone(),
                            span: pm.key_span,
                        },
                        values,
                    ));
                }
            }
            _ => {
                let message = format!(
                    "`{}` must be \"*\" or an object such as {{\"AWS\": ...}}",
                    m.key
                );
                self.error(
                    "iam::parse::wrong_type",
                    message,
                    m.value.span,
                    "write {\"AWS\": \"arn:aws:iam::123456789012:root\"}",
                );
                return None;
            }
        }
        Some(el)
    }

    fn conditions(&mut self, node: &JsonNode, variables: bool) -> Vec<ConditionBlock> {
        let Some(members) = self.object(node, "`Condition`") else {
            return Vec::new();
        };
        let mut blocks = Vec::new();
        for m in members {
            let operator = Spanned {
                value: m.key.clone(),
                span: m.key_span,
            };
            let parsed = Operator::parse(&m.key);
            if let Err(suggestion) = &parsed {
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "see the IAM condition operators reference".to_string(),
                };
                self.error(
                    "iam::parse::unknown_operator",
                    format!("unknown condition operator `{}`", m.key),
                    m.key_span,
                    &help,
                );
            }
            let Some(keys) = self.object(&m.value, "a condition operator's value") else {
                continue;
            };
            let mut entries = Vec::new();
            for k in keys {
                let values = self.condition_values(&k.value);
                if let Ok(op) = parsed {
                    for v in &values {
                        let substituted = variables
                            && op.base != crate::condition::Base::Null
                            && v.value.contains("${");
                        if let (Some(why), false) = (check_value(op.base, &v.value), substituted) {
                            let message =
                                format!("`{}` is {why}, as `{}` requires", v.value, m.key);
                            self.error(
                                "iam::parse::invalid_condition_value",
                                message,
                                v.span,
                                "fix the value or choose the operator for its type",
                            );
                        }
                    }
                }
                entries.push(ConditionEntry {
                    key: Spanned {
                        value: k.key.clone(),
                        span: k.key_span,
                    },
                    values,
                });
            }
            blocks.push(ConditionBlock { operator, entries });
        }
        blocks
    }

    /// Condition values: strings, numbers and booleans (as their text), or an array of them.
    fn condition_values(&mut self, node: &JsonNode) -> Vec<Spanned<String>> {
        let items: Vec<&JsonNode> = match &node.value {
            JsonValue::Array(items) => items.iter().collect(),
            _ => vec![node],
        };
        let mut out = Vec::new();
        for item in items {
            let text = match &item.value {
                JsonValue::String(s) => s.clone(),
                JsonValue::Number(n) => n.clone(),
                JsonValue::Bool(b) => b.to_string(),
                _ => {
                    let message = format!(
                        "a condition value must be a string, number or boolean, not {}",
                        item.type_name()
                    );
                    self.error(
                        "iam::parse::wrong_type",
                        message,
                        item.span,
                        "write the value as a string",
                    );
                    continue;
                }
            };
            out.push(Spanned {
                value: text,
                span: item.span,
            });
        }
        out
    }
}

/// Whether the document's `Version` (wherever it appears among the members) enables variables.
fn version_hint(members: &[JsonMember]) -> bool {
    members
        .iter()
        .any(|m| m.key == "Version" && m.value.as_str() == Some("2012-10-17"))
}

#[cfg(test)]
mod tests;
