//! What can go wrong with a share link, as data the page shows in a notice.

use std::fmt;

/// The four things a user needs to tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareErrorKind {
    /// Making a link: the link would be longer than the ceiling.
    TooLong,
    /// The scenario is (or inflates to) more than the playground accepts.
    TooLarge,
    /// The link was made by a newer playground.
    NewerVersion,
    /// The link is cut short or altered: bad base64, deflate, text or JSON.
    Damaged,
}

/// A share-link error: stable code, one-line lowercase message, and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareError {
    /// Which kind, for the shell to choose wording or styling.
    pub kind: ShareErrorKind,
    /// Stable code, e.g. `share::newer_version`.
    pub code: &'static str,
    /// One line, lowercase, no final period.
    pub message: String,
    /// What the user can do about it.
    pub help: String,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ShareError {}

/// What probably happened, by what the damage looks like: a link that ends early was cut
/// short; a character that cannot be in a link, or data that does not unpack, was altered;
/// data that unpacks but is not a scenario was never a playground link.
const CUT_SHORT_HELP: &str =
    "the link was probably cut short when it was copied; ask for it again or for the scenario file";
const ALTERED_HELP: &str =
    "part of the link was changed (a chat or mail program may rewrite links); ask for it again or for the scenario file";
const NOT_OURS_HELP: &str =
    "the link was not made by this playground's Share button, or was edited by hand; ask for the scenario file";

impl ShareError {
    fn new(kind: ShareErrorKind, code: &'static str, message: String, help: &str) -> Self {
        ShareError {
            kind,
            code,
            message,
            help: help.to_owned(),
        }
    }

    pub(super) fn too_long(len: usize) -> Self {
        Self::new(
            ShareErrorKind::TooLong,
            "share::too_long",
            format!(
                "the share link would be {} KB, more than the {} KB a link may hold",
                len.div_ceil(1024),
                super::MAX_FRAGMENT_LEN / 1024
            ),
            "export the scenario as a JSON file and share the file instead",
        )
    }

    pub(super) fn received_too_long(len: usize) -> Self {
        Self::new(
            ShareErrorKind::TooLong,
            "share::too_long",
            format!(
                "the share link is {} KB, more than the {} KB a link may hold, so it was not opened",
                len.div_ceil(1024),
                super::MAX_FRAGMENT_LEN / 1024
            ),
            "ask for the scenario as a JSON file instead",
        )
    }

    pub(super) fn too_large(len: usize) -> Self {
        Self::new(
            ShareErrorKind::TooLarge,
            "share::too_large",
            format!(
                "the scenario is {} KB, more than the {} KB a share link may carry",
                len.div_ceil(1024),
                super::MAX_SCENARIO_LEN / 1024
            ),
            "export the scenario as a JSON file and share the file instead",
        )
    }

    pub(super) fn inflates_too_large() -> Self {
        Self::new(
            ShareErrorKind::TooLarge,
            "share::too_large",
            format!(
                "the shared scenario unpacks to more than {} KB, so it was not opened",
                super::MAX_SCENARIO_LEN / 1024
            ),
            "ask for the scenario as a JSON file instead",
        )
    }

    pub(super) fn newer_version(version: u32) -> Self {
        Self::new(
            ShareErrorKind::NewerVersion,
            "share::newer_version",
            format!(
                "the share link uses format version `{version}`, newer than this playground reads (version `{}`)",
                super::VERSION
            ),
            "open the link in the latest version of the playground",
        )
    }

    pub(super) fn no_version() -> Self {
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_format",
            "the share link is damaged: it has no format version".to_owned(),
            NOT_OURS_HELP,
        )
    }

    pub(super) fn bad_version(version: &str) -> Self {
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_format",
            format!(
                "the share link is damaged: `{}` is not a format version",
                truncate(version)
            ),
            NOT_OURS_HELP,
        )
    }

    /// `character` (at 1-based `position` of the data after `s=1.`) cannot be in a link.
    pub(super) fn bad_character(character: char, position: usize) -> Self {
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_base64",
            format!(
                "the share link is damaged: character `{}` at position {position} of its data does not belong in a link",
                character.escape_default()
            ),
            ALTERED_HELP,
        )
    }

    pub(super) fn bad_base64(error: &base64::DecodeError) -> Self {
        let (detail, help) = match error {
            // Only reached for what the alphabet scan lets through (e.g. a misplaced `=`).
            base64::DecodeError::InvalidByte(..) | base64::DecodeError::InvalidPadding => {
                ("it has padding it should not have", ALTERED_HELP)
            }
            base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
                ("it ends in the middle of a character", CUT_SHORT_HELP)
            }
        };
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_base64",
            format!("the share link is damaged: {detail}"),
            help,
        )
    }

    /// `cut_short`: the compressed data ended before its last block (not a wrong byte).
    pub(super) fn bad_deflate(cut_short: bool) -> Self {
        let (detail, help) = if cut_short {
            ("its compressed data ends too early", CUT_SHORT_HELP)
        } else {
            ("its compressed data is altered", ALTERED_HELP)
        };
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_deflate",
            format!("the share link is damaged: {detail}"),
            help,
        )
    }

    pub(super) fn bad_utf8() -> Self {
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_text",
            "the share link is damaged: it does not unpack to text".to_owned(),
            NOT_OURS_HELP,
        )
    }

    /// The link unpacks to text that is not JSON. No line or column: the user never sees
    /// that text, only the link.
    pub(super) fn bad_json() -> Self {
        Self::new(
            ShareErrorKind::Damaged,
            "share::damaged_json",
            "the share link is damaged: what it carries is not a scenario (not JSON)".to_owned(),
            NOT_OURS_HELP,
        )
    }
}

/// Keeps the user's text in a message short: a damaged link can be arbitrarily long.
fn truncate(text: &str) -> String {
    const MAX_CHARS: usize = 16;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
