//! Which page the URL fragment asks for: the full playground, an embedded widget
//! (`#embed=…`) or a workshop (`#workshop=…`). Decided once at start-up from the fragment
//! parameters of `share-link`; plain Rust, tested natively.

use share_link::{EmbedPart, Fragment, Theme};

/// What an embed shows and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The parts to show, in the order the page shows them.
    pub parts: Vec<EmbedPart>,
    /// Nothing is editable.
    pub readonly: bool,
    /// The widget's id, echoed in every message to the host page.
    pub id: String,
}

impl EmbedOptions {
    /// Whether `part` is shown.
    pub fn shows(&self, part: EmbedPart) -> bool {
        self.parts.contains(&part)
    }
}

/// A workshop link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkshopLink {
    /// The workshop id: the file `workshops/<id>.json` next to the page.
    pub id: String,
    /// The exercise to open first, by id.
    pub exercise: Option<String>,
}

impl WorkshopLink {
    /// The URL of the workshop file, relative to the page (same origin, any sub-path).
    pub fn file_url(&self) -> String {
        format!("workshops/{}.json", self.id)
    }
}

/// The page to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The playground.
    Full,
    /// A compact widget for a documentation page.
    Embed(EmbedOptions),
    /// The playground with a workshop's exercises.
    Workshop(WorkshopLink),
}

/// The mode a fragment asks for, the forced colour scheme, and notices about parameters
/// that could not be followed.
pub fn mode_of(fragment: &Fragment) -> (Mode, Option<Theme>, Vec<String>) {
    let mut notices = Vec::new();
    let mode = if let Some(parts) = &fragment.embed {
        let parts = parts.clone().unwrap_or_else(|message| {
            notices.push(format!("{message} (every part is shown)"));
            EmbedPart::ALL.to_vec()
        });
        Mode::Embed(EmbedOptions {
            parts,
            readonly: fragment.readonly,
            id: fragment.id.clone().unwrap_or_default(),
        })
    } else if let Some(id) = &fragment.workshop {
        if is_workshop_id(id) {
            Mode::Workshop(WorkshopLink {
                id: id.clone(),
                exercise: fragment.exercise.clone(),
            })
        } else {
            notices.push(format!(
                "`{id}` is not a workshop id (letters, digits, `-` and `_`); the playground was opened instead"
            ));
            Mode::Full
        }
    } else {
        Mode::Full
    };
    (mode, fragment.theme, notices)
}

/// A workshop id names a file next to the page, so it may not leave `workshops/`.
pub fn is_workshop_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(hash: &str) -> (Mode, Option<Theme>, Vec<String>) {
        mode_of(&Fragment::parse(hash))
    }

    #[test]
    fn no_parameter_is_the_full_page() {
        assert_eq!(mode(""), (Mode::Full, None, vec![]));
        assert_eq!(mode("#s=1.abc").0, Mode::Full);
        assert_eq!(mode("#theme=dark").1, Some(Theme::Dark));
    }

    #[test]
    fn an_embed_keeps_its_parts_readonly_flag_and_id() {
        let (m, theme, notices) = mode("#embed=access,result&readonly=1&id=w2&theme=light");
        assert_eq!(
            m,
            Mode::Embed(EmbedOptions {
                parts: vec![EmbedPart::Access, EmbedPart::Result],
                readonly: true,
                id: "w2".into(),
            })
        );
        assert_eq!(theme, Some(Theme::Light));
        assert!(notices.is_empty());
    }

    #[test]
    fn a_wrong_part_shows_everything_and_says_why() {
        let (m, _, notices) = mode("#embed=trust,policy");
        let Mode::Embed(options) = m else {
            panic!("still an embed");
        };
        assert_eq!(options.parts, EmbedPart::ALL.to_vec());
        assert_eq!(notices.len(), 1);
        assert!(
            notices.iter().all(|n| n.contains("`policy`")),
            "{notices:?}"
        );
    }

    #[test]
    fn a_workshop_link_names_its_file_and_exercise() {
        let (m, _, _) = mode("#workshop=iam-roles&exercise=own-s3-folder");
        let Mode::Workshop(link) = m else {
            panic!("a workshop");
        };
        assert_eq!(link.file_url(), "workshops/iam-roles.json");
        assert_eq!(link.exercise.as_deref(), Some("own-s3-folder"));
    }

    #[test]
    fn a_workshop_id_cannot_leave_the_workshops_folder() {
        for id in ["../secret", "a/b", "%2e%2e", "//evil.example/x", ""] {
            let (m, _, notices) = mode(&format!("#workshop={id}"));
            assert_eq!(m, Mode::Full, "{id}");
            assert_eq!(notices.len(), 1, "{id}");
        }
    }
}
