//! Writing the edited scenario as the scenario document the simulation reads (and the
//! file a person exports). Policy texts are written verbatim, so a position inside one is
//! a position in the editor's own text once its start is subtracted; [`Document`] records
//! where each one starts.

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::indent::{indent_after_first, nested_if_faithful};
use super::{Flow, IdentityType, ScenarioDoc};
use crate::placement::{Locator, Placement, Placements, PolicyId, PolicySlot};
use iam_policy::{Diagnostic, Span};

/// A scenario document with the places of the policy texts written into it verbatim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The scenario document (compact JSON around the verbatim texts).
    pub text: String,
    /// Where each policy text sits in `text`.
    pub placements: Placements,
}

impl Document {
    /// The policy a span of [`Document::text`] lies in, and the place in its own text.
    pub fn place(&self, span: Span) -> Option<crate::placement::PolicyPlace> {
        self.placements.place(&self.text, span)
    }

    /// `d` relocated into the policy text it points into (see [`Placements::relocate`]).
    pub fn relocate(&self, d: &Diagnostic) -> Option<(PolicyId, Diagnostic)> {
        self.placements.relocate(&self.text, d)
    }

    /// Places many spans and diagnostics of this document, indexing each policy's lines
    /// once (see [`Locator`]).
    pub fn locator(&self) -> Locator<'_> {
        Locator::new(&self.text, &self.placements)
    }
}

/// Says whether policy `id`'s text is JSON, when the caller already knows (a workspace
/// read it); `None` to have the writer check.
pub type KnownJson<'a> = &'a dyn Fn(&PolicyId, &str) -> Option<bool>;

/// Writes JSON by hand: members in the order given, and texts embedded verbatim.
struct Writer<'a> {
    out: String,
    placements: Placements,
    /// No member or item written yet in the innermost open container.
    first: bool,
    known: KnownJson<'a>,
    /// One level of indentation for a file a person reads (`""`: compact, for the simulation).
    indent: &'static str,
    /// How many containers are open.
    depth: usize,
}

impl<'a> Writer<'a> {
    fn new(known: KnownJson<'a>, indent: &'static str) -> Self {
        Self {
            out: String::new(),
            placements: Placements::default(),
            first: false,
            known,
            indent,
            depth: 0,
        }
    }

    fn pretty(&self) -> bool {
        !self.indent.is_empty()
    }

    /// A new line at the current depth, in a file a person reads.
    fn new_line(&mut self) {
        if self.pretty() {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(self.indent);
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.first {
            self.new_line();
        }
        self.out.push(bracket);
        self.first = false;
    }

    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.new_line();
        self.first = false;
    }

    fn key(&mut self, key: &str) {
        self.comma();
        self.string(key);
        self.out.push(':');
        if self.pretty() {
            self.out.push(' ');
        }
    }

    /// A list item follows.
    fn item(&mut self) {
        self.comma();
    }

    fn string(&mut self, s: &str) {
        // A string always serializes; the fallback is never taken.
        self.out
            .push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
    }

    fn value(&mut self, v: &Value) {
        if self.pretty() {
            // serde_json indents by two spaces, as the page does; nested at this depth.
            let text = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
            let prefix = self.indent.repeat(self.depth);
            self.out.push_str(&indent_after_first(&text, &prefix));
        } else {
            self.out
                .push_str(&serde_json::to_string(v).unwrap_or_else(|_| "null".into()));
        }
    }

    fn member(&mut self, key: &str, v: &Value) {
        self.key(key);
        self.value(v);
    }

    fn member_str(&mut self, key: &str, s: &str) {
        self.key(key);
        self.string(s);
    }

    fn extra(&mut self, extra: &Map<String, Value>) {
        for (k, v) in extra {
            self.member(k, v);
        }
    }

    /// A text the person typed as JSON: verbatim when it is JSON (placed, when it is a
    /// policy), else as a JSON string, so nothing typed is lost and the simulator names
    /// the field that does not parse.
    ///
    /// In a file a person reads, the text is nested at its depth (every line after the
    /// first indented), which reading takes away again; a text whose own layout that would
    /// change (see [`nested_if_faithful`]) is written as a JSON string, read back verbatim.
    fn text(&mut self, key: &str, text: &str, id: Option<PolicyId>) {
        self.key(key);
        let known = id.as_ref().and_then(|id| (self.known)(id, text));
        let is_json = known.unwrap_or_else(|| serde_json::from_str::<&RawValue>(text).is_ok());
        if self.pretty() {
            let prefix = self.indent.repeat(self.depth);
            match is_json.then(|| nested_if_faithful(text, &prefix)).flatten() {
                Some(nested) => self.out.push_str(&nested),
                None => self.string(text),
            }
            return;
        }
        if is_json {
            let start = self.out.len();
            self.out.push_str(text);
            if let Some(id) = id {
                self.placements.list.push(Placement {
                    id,
                    span: Span::new(start, self.out.len()),
                });
            }
        } else {
            self.string(text);
        }
    }
}

impl ScenarioDoc {
    /// Writes the scenario document the simulation reads, with every policy text embedded
    /// verbatim, and where each one is: a position the simulation reports inside a policy
    /// is then a position in the editor's own text.
    pub fn to_document(&self) -> Document {
        self.to_document_with(&|_, _| None)
    }

    /// [`ScenarioDoc::to_document`], asking `known` first whether a policy text is JSON
    /// (a [`crate::workspace::Workspace`] read every policy already: no need to scan it
    /// again).
    pub fn to_document_with(&self, known: KnownJson<'_>) -> Document {
        let mut w = Writer::new(known, "");
        self.write(&mut w);
        Document {
            text: w.out,
            placements: w.placements,
        }
    }

    /// The scenario file a person reads (export, share links, the autosave): indented by
    /// two spaces, each policy text as typed, nested at its depth, so reading it back
    /// ([`ScenarioDoc::from_json`]) gives every policy character for character.
    pub fn to_pretty_json(&self) -> String {
        let mut w = Writer::new(&|_, _| None, "  ");
        self.write(&mut w);
        w.out
    }

    fn write(&self, w: &mut Writer<'_>) {
        w.open('{');
        w.member_str("name", &self.name);
        if !self.description.is_empty() {
            w.member_str("description", &self.description);
        }
        w.member("identityPool", &self.pool);
        w.member("identityPoolRoles", &self.pool_roles);
        if self.tag_maps.as_array().is_none_or(|a| !a.is_empty()) {
            w.member("principalTagAttributeMaps", &self.tag_maps);
        }
        self.write_roles(w);
        if let Some(policies) = &self.resource_policies {
            w.member("resourcePolicies", policies);
        }
        self.write_sign_in(w);
        self.write_requests(w);
        if let Some(expect) = &self.expect {
            w.member("expect", expect);
        }
        w.extra(&self.extra);
        w.close('}');
    }

    fn write_roles(&self, w: &mut Writer<'_>) {
        w.key("roles");
        w.open('[');
        for role in &self.roles {
            w.item();
            w.open('{');
            w.member_str("RoleName", &role.name);
            w.member_str("Arn", &role.arn);
            let id = |slot| Some(PolicyId::new(&role.name, slot));
            w.text(
                "AssumeRolePolicyDocument",
                &role.trust,
                id(PolicySlot::Trust),
            );
            w.key("Policies");
            w.open('[');
            for p in &role.policies {
                w.item();
                w.open('{');
                w.member_str("PolicyName", &p.name);
                w.text(
                    "PolicyDocument",
                    &p.text,
                    id(PolicySlot::Access(p.name.clone())),
                );
                w.close('}');
            }
            w.close(']');
            if let Some(boundary) = &role.boundary {
                w.text("PermissionsBoundary", boundary, id(PolicySlot::Boundary));
            }
            w.extra(&role.extra);
            w.close('}');
        }
        w.close(']');
    }

    fn write_sign_in(&self, w: &mut Writer<'_>) {
        let s = &self.sign_in;
        w.key("signIn");
        w.open('{');
        let identity = match s.identity {
            IdentityType::Unauthenticated => "unauthenticated",
            IdentityType::Authenticated => "authenticated",
        };
        w.member_str("identity", identity);
        if s.identity == IdentityType::Authenticated {
            w.member_str("provider", &s.provider);
            w.text("claims", &s.claims, None);
        }
        let flow = match s.flow {
            Flow::Enhanced => "enhanced",
            Flow::Basic => "basic",
        };
        w.member_str("flow", flow);
        if s.flow == Flow::Enhanced && !s.custom_role_arn.is_empty() {
            w.member_str("customRoleArn", &s.custom_role_arn);
        }
        if s.flow == Flow::Basic {
            w.key("basic");
            w.open('{');
            w.member_str("RoleArn", &s.basic_role_arn);
            if !s.basic_policy.trim().is_empty() {
                let id = PolicyId::new(super::SIGN_IN, PolicySlot::Session);
                w.text("Policy", &s.basic_policy, Some(id));
            }
            w.extra(&s.basic_extra);
            w.close('}');
        }
        w.extra(&s.extra);
        w.close('}');
    }

    fn write_requests(&self, w: &mut Writer<'_>) {
        w.key("requests");
        w.open('[');
        for q in &self.requests {
            w.item();
            w.open('{');
            w.member_str("action", &q.action);
            w.member_str("resource", &q.resource);
            if !q.context.trim().is_empty() {
                w.text("context", &q.context, None);
            }
            if let Some(expect) = &q.expect {
                w.member_str("expect", expect);
            }
            w.close('}');
        }
        w.close(']');
    }
}
