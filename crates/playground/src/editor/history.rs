//! Undo and redo for one editor, kept by the editor itself because the browser's own undo
//! stack is lost whenever the text is set from code (Tab, Enter, Format, a new example).
//!
//! A run of typing (or of deleting) within [`COALESCE_MS`] is one undo step, like in any
//! editor; every other edit (paste, Tab, Enter, Format, a change from outside) is a step
//! of its own and ends the run.

use super::text::Snapshot;

/// Keystrokes closer together than this belong to the same undo step.
pub const COALESCE_MS: f64 = 1000.0;

/// Most steps kept; the oldest go first.
pub const MAX_STEPS: usize = 200;

/// Most bytes of text kept across all steps, so a huge policy cannot exhaust memory.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// What kind of edit produced a snapshot, which decides whether it joins the previous step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Characters typed one by one.
    Typing,
    /// Backspace or Delete.
    Deleting,
    /// Anything else: paste, cut, Tab, Enter, Format, drag and drop, a new value from the app.
    Other,
}

impl EditKind {
    /// The kind of a browser `input` event, from its `inputType`.
    pub fn from_input_type(input_type: &str) -> Self {
        match input_type {
            // Composition (IME) updates are typing too, or each would be its own step.
            "insertText" | "insertCompositionText" => EditKind::Typing,
            t if t.starts_with("delete") && !t.starts_with("deleteBy") => EditKind::Deleting,
            _ => EditKind::Other,
        }
    }
}

/// The undo history: a list of snapshots and where we are in it.
#[derive(Clone, Debug)]
pub struct History {
    steps: Vec<Snapshot>,
    at: usize,
    /// The kind and time of the last recorded edit, while it may still be extended.
    open_run: Option<(EditKind, f64)>,
    /// The parent's text as last seen by [`History::follow`].
    page: String,
}

impl History {
    /// A history whose only step is `initial`.
    pub fn new(initial: Snapshot) -> Self {
        History {
            page: initial.text.clone(),
            steps: vec![initial],
            at: 0,
            open_run: None,
        }
    }

    /// The snapshot the editor shows now.
    pub fn current(&self) -> Option<&Snapshot> {
        self.steps.get(self.at)
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        self.at > 0
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        self.at + 1 < self.steps.len()
    }

    /// Records the editor's new state after an edit of `kind` at `now_ms`. Drops any redo
    /// steps. Extends the current step instead of adding one when the edit continues a run.
    pub fn record(&mut self, snapshot: Snapshot, kind: EditKind, now_ms: f64) {
        if self.current().is_some_and(|c| c.text == snapshot.text) {
            // Only the selection moved: remember it, but it is not an undo step.
            if let Some(current) = self.steps.get_mut(self.at) {
                *current = snapshot;
            }
            return;
        }
        self.steps.truncate(self.at + 1);
        let continues = match self.open_run {
            Some((run_kind, last)) => {
                kind != EditKind::Other
                    && kind == run_kind
                    && now_ms >= last
                    && now_ms - last < COALESCE_MS
                    && self.at > 0
            }
            None => false,
        };
        if continues {
            if let Some(top) = self.steps.get_mut(self.at) {
                *top = snapshot;
            }
        } else {
            self.steps.push(snapshot);
            self.at = self.steps.len() - 1;
        }
        self.open_run = (kind != EditKind::Other).then_some((kind, now_ms));
        self.trim();
    }

    /// Makes the history agree with a value set from outside the editor (a new example, a
    /// shared link, an edit in the JSON view). Does nothing if the text is already current.
    pub fn sync(&mut self, text: &str) {
        if self.current().is_some_and(|c| c.text == text) {
            return;
        }
        let caret = self
            .current()
            .map_or(0, |c| c.start.min(text.encode_utf16().count()));
        self.record(Snapshot::with_caret(text, caret), EditKind::Other, 0.0);
    }

    /// Follows the parent's text `page`, handed over on every render: a change is synced
    /// (see [`History::sync`]); the same text again changes nothing, even while the user's
    /// latest text differs from it. The parent may take a keystroke a task later (across
    /// the module boundary, or when its renders yield to input, as Yew's scheduler does
    /// after 16 ms): a render for another reason in between (the caret moved, a hover)
    /// must not put back the text from before the keystroke, which would also move the
    /// caret to the end, so the next key edits the wrong place.
    pub fn follow(&mut self, page: &str) {
        if self.page != page {
            page.clone_into(&mut self.page);
            self.sync(page);
        }
    }

    /// Steps back; returns the snapshot to show, or `None` at the oldest step.
    pub fn undo(&mut self) -> Option<&Snapshot> {
        if !self.can_undo() {
            return None;
        }
        self.at -= 1;
        self.open_run = None;
        self.current()
    }

    /// Steps forward again; returns the snapshot to show, or `None` at the newest step.
    pub fn redo(&mut self) -> Option<&Snapshot> {
        if !self.can_redo() {
            return None;
        }
        self.at += 1;
        self.open_run = None;
        self.current()
    }

    fn trim(&mut self) {
        let mut bytes: usize = self.steps.iter().map(|s| s.text.len()).sum();
        while self.at > 0 && (self.steps.len() > MAX_STEPS || bytes > MAX_BYTES) {
            let dropped = self.steps.remove(0);
            bytes -= dropped.text.len();
            self.at -= 1;
        }
    }
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "history_tests.rs"]
mod tests;
