//! Very long documents: when the editor shows a read-only view instead of its textarea.
//!
//! A browser lays out a `<textarea>` whole, on load and again on every keystroke: for a
//! 30,014-line policy (a hostile share link whose `Resource` lists 30,000 copies of `"x"`)
//! Chromium spends about 0.9 s on the first layout and 1.7 s per keystroke. The highlighted
//! copy already renders only the lines around the view; a document longer than
//! [`LARGE_FROM_LINES`] therefore opens in that windowed view, read-only, with a notice
//! that says why and offers "Edit anyway" (the full textarea, at the named cost) and the
//! ways that keep working at any size: download it, or clear it
//! and paste. The text itself is never touched: the parent keeps it, with autosave and
//! share links. The choice is recorded in docs/divergences.md (section 12).

/// Documents with more lines than this open in the read-only windowed view. Beyond what
/// IAM accepts: a role's inline policies total at most 10,240 characters, a managed policy
/// 6,144, white space not counted (IAM quotas,
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>).
/// Formatted one string per line, each line at least `"",` (3 characters), that is at most
/// 3,414 lines; real policies are a few hundred. At 4,000 lines a textarea still lays out
/// in about a seventh of the hostile link's time.
pub const LARGE_FROM_LINES: usize = 4_000;

/// Documents with more characters than this open in the view too, whatever their lines:
/// the same hostile policy written compactly is one line of 120,000 characters. Nearly
/// ten times IAM's largest policy, and three times what indentation adds to a dense one.
pub const LARGE_FROM_CHARS: usize = 100_000;

/// The largest policy IAM accepts, in characters (a role's inline policies, all together).
pub const IAM_LARGEST_POLICY: usize = 10_240;

/// How a document of a given size is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presentation {
    /// The textarea over the highlighted copy (every document up to [`LARGE_FROM_LINES`]
    /// lines, and a longer one after "Edit anyway").
    Edit,
    /// The highlighted lines around the view only, read-only, with the notice.
    View,
}

/// What the person chose about a long document in this editor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LargeState {
    /// "Edit anyway" was chosen for the current document.
    pub edit_anyway: bool,
}

/// A document's size as the editor counts it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Size {
    /// Lines (an empty text is one line).
    pub lines: usize,
    /// Unicode characters.
    pub characters: usize,
}

impl Size {
    /// The size of `text`.
    pub fn of(text: &str) -> Self {
        Size {
            lines: line_count(text),
            characters: text.chars().count(),
        }
    }

    /// Whether a document of this size is past a threshold.
    pub fn is_large(self) -> bool {
        self.lines > LARGE_FROM_LINES || self.characters > LARGE_FROM_CHARS
    }
}

/// What changes [`LargeState`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LargeAction {
    /// The person chose the full textarea, knowing its cost.
    EditAnyway,
    /// The document now has this size: back under the thresholds, the choice lapses (a
    /// later long paste shows the notice again).
    Resized(Size),
    /// Another document (the editor was reused for another policy).
    NewDocument,
}

impl LargeState {
    /// The state after `action`.
    pub fn after(self, action: LargeAction) -> Self {
        match action {
            LargeAction::EditAnyway => LargeState { edit_anyway: true },
            LargeAction::Resized(size) if !size.is_large() => LargeState::default(),
            LargeAction::Resized(_) => self,
            LargeAction::NewDocument => LargeState::default(),
        }
    }

    /// How a document of `size` is shown in this state.
    pub fn presentation(self, size: Size) -> Presentation {
        if size.is_large() && !self.edit_anyway {
            Presentation::View
        } else {
            Presentation::Edit
        }
    }
}

/// The number of lines of `text` as the editor shows them (an empty text is one line).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The notice's first sentence: the document's size against IAM's limit.
pub fn size_notice(size: Size) -> String {
    format!(
        "This policy is {} line{} ({} characters). IAM accepts 10,240 (6,144 in a managed \
         policy): it is shown read-only.",
        size.lines,
        if size.lines == 1 { "" } else { "s" },
        size.characters,
    )
}

/// What "Edit anyway" costs, said before the person chooses it.
pub const EDIT_ANYWAY_COST: &str = "Editing it may take a second or more per key.";

#[cfg(test)]
#[path = "large_tests.rs"]
mod tests;
