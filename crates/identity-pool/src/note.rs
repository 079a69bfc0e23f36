//! Notes on facts AWS does not document: each one travels with the report so the
//! playground can show the user where the simulation is guessing.

use serde::Serialize;

/// How sure the simulation is about a behaviour it models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// AWS documentation or the service model says so.
    Documented,
    /// People have reported it from real accounts, but AWS does not document it.
    Observed,
    /// AWS is silent; the simulation chose the most defensible behaviour.
    Assumed,
}

/// One uncertain point the simulation relied on while producing a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Stable topic id, matching a `##` heading in `docs/divergences.md`.
    pub topic: &'static str,
    /// How sure we are.
    pub confidence: Confidence,
    /// What was assumed, in plain words.
    pub text: String,
}

impl Note {
    /// A note with the given topic, confidence and text.
    pub fn new(topic: &'static str, confidence: Confidence, text: impl Into<String>) -> Self {
        Self {
            topic,
            confidence,
            text: text.into(),
        }
    }
}

/// Collects notes without repeating a topic.
#[derive(Clone, Debug, Default)]
pub struct Notes(Vec<Note>);

impl Notes {
    /// Adds `note` unless a note with the same topic and text is already there.
    pub fn push(&mut self, note: Note) {
        if !self
            .0
            .iter()
            .any(|n| n.topic == note.topic && n.text == note.text)
        {
            self.0.push(note);
        }
    }

    /// Adds every note of `notes`.
    pub fn extend(&mut self, notes: impl IntoIterator<Item = Note>) {
        for note in notes {
            self.push(note);
        }
    }

    /// The notes in the order they were first added.
    pub fn into_vec(self) -> Vec<Note> {
        self.0
    }
}
