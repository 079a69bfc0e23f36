//! Positions in the texts a person edits. An editor keeps each policy as its own text and
//! hands the simulation one scenario document with those texts embedded verbatim; a
//! [`Placement`] records where each one sits, so every span the simulation reports inside a
//! policy is turned back into that policy's [`PolicyId`] and a line/column in its own text,
//! the text the person sees.

use std::cell::OnceCell;

use iam_policy::{Diagnostic, LineIndex, Position, Span};
use serde::{Deserialize, Serialize};

/// Which policy of a role (or of the sign-in) a text is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "name", rename_all = "camelCase")]
pub enum PolicySlot {
    /// The role's trust policy.
    Trust,
    /// One of the role's permission policies, by `PolicyName`.
    Access(String),
    /// The role's permissions boundary.
    Boundary,
    /// The basic flow's inline session policy.
    Session,
}

/// One policy of an edited scenario: its role (`signIn` for the session policy) and slot.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyId {
    /// The role's name.
    pub role: String,
    /// Which of its policies.
    pub slot: PolicySlot,
}

impl PolicyId {
    /// The id of `slot` of `role`.
    pub fn new(role: impl Into<String>, slot: PolicySlot) -> Self {
        Self {
            role: role.into(),
            slot,
        }
    }
}

impl std::fmt::Display for PolicyId {
    /// `ROLE:trust`, `ROLE:boundary`, `ROLE:POLICYNAME`, `signIn:session`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.slot {
            PolicySlot::Trust => write!(f, "{}:trust", self.role),
            PolicySlot::Access(name) => write!(f, "{}:{name}", self.role),
            PolicySlot::Boundary => write!(f, "{}:boundary", self.role),
            PolicySlot::Session => write!(f, "{}:session", self.role),
        }
    }
}

/// Where one policy's text sits, verbatim, in a scenario document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The policy.
    pub id: PolicyId,
    /// Its text's byte range in the document.
    pub span: Span,
}

/// A place in one policy's own text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyPlace {
    /// The policy.
    pub id: PolicyId,
    /// The byte range in the policy's text.
    pub span: Span,
    /// Where it starts, as line and column of the policy's text.
    pub start: Position,
}

/// The placements of one document, with the document they refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placements {
    /// In document order, not overlapping.
    pub list: Vec<Placement>,
}

impl Placements {
    /// The policy `span` (a byte range of `document`) lies in, with the range and start
    /// position within that policy's own text. `None` outside every policy.
    pub fn place(&self, document: &str, span: Span) -> Option<PolicyPlace> {
        Locator::new(document, self).place(span)
    }

    /// `d` relocated into the policy text it points into: span and positions relative to
    /// that text. `None` when it is about no policy (its positions would then be in a
    /// document the person never sees).
    pub fn relocate(&self, document: &str, d: &Diagnostic) -> Option<(PolicyId, Diagnostic)> {
        Locator::new(document, self).relocate(d)
    }
}

/// [`Placements`] with a line index of each policy text, built the first time a span in
/// that policy is located: placing the statements of 200 explained requests then costs one
/// pass over each policy, not one scan from the policy's start per statement.
pub struct Locator<'a> {
    document: &'a str,
    placements: &'a Placements,
    lines: Vec<OnceCell<LineIndex>>,
}

impl<'a> Locator<'a> {
    /// A locator for the policies `placements` records in `document`.
    pub fn new(document: &'a str, placements: &'a Placements) -> Self {
        Self {
            document,
            placements,
            lines: placements.list.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The document the spans are in.
    pub fn document(&self) -> &'a str {
        self.document
    }

    /// The placement `span` lies in, its text and that text's line index.
    fn find(&self, span: Span) -> Option<(&'a Placement, &'a str, &LineIndex)> {
        let (index, placement) = self
            .placements
            .list
            .iter()
            .enumerate()
            .find(|(_, p)| p.span.start <= span.start && span.end <= p.span.end)?;
        let text = self
            .document
            .get(placement.span.start..placement.span.end)?;
        let lines = self.lines.get(index)?.get_or_init(|| LineIndex::new(text));
        Some((placement, text, lines))
    }

    /// See [`Placements::place`].
    pub fn place(&self, span: Span) -> Option<PolicyPlace> {
        let (placement, _, lines) = self.find(span)?;
        let local = Span::new(
            span.start - placement.span.start,
            span.end - placement.span.start,
        );
        Some(PolicyPlace {
            id: placement.id.clone(),
            span: local,
            start: lines.position(local.start),
        })
    }

    /// See [`Placements::relocate`].
    pub fn relocate(&self, d: &Diagnostic) -> Option<(PolicyId, Diagnostic)> {
        let span = d.span?;
        let (placement, _, lines) = self.find(span)?;
        let mut local = d.clone();
        local.span = Some(Span::new(
            span.start - placement.span.start,
            span.end - placement.span.start,
        ));
        local.locate_with(lines);
        Some((placement.id.clone(), local))
    }
}

#[cfg(test)]
mod tests;
