//! The parameters of a playground URL's fragment (`#a=1&b=2`), read and written in one place.
//!
//! | parameter | meaning |
//! |---|---|
//! | `s=1.<payload>` | the scenario itself (the share-link codec) |
//! | `example=<id>` | an example of the library by its id |
//! | `embed=<parts>` | embed mode showing only these parts: `trust`, `access`, `signin`, `requests`, `result` |
//! | `readonly=1` | embed mode: nothing is editable |
//! | `theme=light` / `theme=dark` | force a colour scheme (otherwise the host's preference) |
//! | `id=<text>` | the widget's id, echoed in every message to the parent page |
//! | `workshop=<id>` | workshop mode: `workshops/<id>.json` from the same site |
//! | `exercise=<id>` | the exercise to open in the workshop |
//!
//! Values are percent-encoded where they need it; parameters a build does not know are
//! ignored, so older pages open newer links as far as they can.

/// One part of the page an embed can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedPart {
    /// The role's trust policy.
    Trust,
    /// The role's access policy.
    Access,
    /// The sign-in settings.
    SignIn,
    /// The requests.
    Requests,
    /// The outcome and decisions.
    Result,
}

impl EmbedPart {
    /// Every part, in the order an embed shows them.
    pub const ALL: [EmbedPart; 5] = [
        EmbedPart::Trust,
        EmbedPart::Access,
        EmbedPart::SignIn,
        EmbedPart::Requests,
        EmbedPart::Result,
    ];

    /// The name used in links.
    pub fn name(self) -> &'static str {
        match self {
            EmbedPart::Trust => "trust",
            EmbedPart::Access => "access",
            EmbedPart::SignIn => "signin",
            EmbedPart::Requests => "requests",
            EmbedPart::Result => "result",
        }
    }

    /// Reads a name used in links.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Reads a comma-separated list (`trust,result`); an unknown name is an error naming it.
    pub fn parse_list(list: &str) -> Result<Vec<Self>, String> {
        let mut parts = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let part = Self::parse(name).ok_or_else(|| {
                format!(
                    "`{name}` is not a part an embed can show; use {}",
                    Self::ALL.map(|p| format!("`{}`", p.name())).join(", ")
                )
            })?;
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        if parts.is_empty() {
            return Err("name at least one part to embed, e.g. `trust,result`".to_owned());
        }
        Ok(parts)
    }
}

/// A forced colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// What a fragment asks for. Every field is optional; [`Fragment::to_hash`] writes them back
/// in a fixed order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fragment {
    /// The `s=` value (`1.<payload>`), still encoded.
    pub scenario: Option<String>,
    /// An example id.
    pub example: Option<String>,
    /// Embed mode with these parts (`Some(Err)`: the parameter is there but wrong).
    pub embed: Option<Result<Vec<EmbedPart>, String>>,
    /// Embed mode, read-only.
    pub readonly: bool,
    /// A forced colour scheme.
    pub theme: Option<Theme>,
    /// The widget's id.
    pub id: Option<String>,
    /// A workshop id.
    pub workshop: Option<String>,
    /// An exercise id.
    pub exercise: Option<String>,
}

impl Fragment {
    /// Reads a fragment, with or without the leading `#`.
    pub fn parse(hash: &str) -> Self {
        let mut f = Fragment::default();
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        for param in hash.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = param.split_once('=').unwrap_or((param, ""));
            let value = percent_decode(value);
            match key {
                "s" => f.scenario = Some(value),
                "example" => f.example = Some(value),
                "embed" => f.embed = Some(EmbedPart::parse_list(&value)),
                "readonly" => f.readonly = value != "0",
                "theme" => {
                    f.theme = match value.as_str() {
                        "light" => Some(Theme::Light),
                        "dark" => Some(Theme::Dark),
                        _ => None,
                    }
                }
                "id" => f.id = Some(value),
                "workshop" => f.workshop = Some(value),
                "exercise" => f.exercise = Some(value),
                _ => {}
            }
        }
        f
    }

    /// Whether the page is an embed.
    pub fn is_embed(&self) -> bool {
        self.embed.is_some()
    }

    /// The fragment with its `#`, parameters in a fixed order (`s` last: it is the long one).
    pub fn to_hash(&self) -> String {
        let mut params: Vec<String> = Vec::new();
        if let Some(Ok(parts)) = &self.embed {
            let names: Vec<&str> = parts.iter().map(|p| p.name()).collect();
            params.push(format!("embed={}", names.join(",")));
        }
        if self.readonly {
            params.push("readonly=1".to_owned());
        }
        if let Some(theme) = self.theme {
            let name = match theme {
                Theme::Light => "light",
                Theme::Dark => "dark",
            };
            params.push(format!("theme={name}"));
        }
        for (key, value) in [
            ("id", &self.id),
            ("workshop", &self.workshop),
            ("exercise", &self.exercise),
            ("example", &self.example),
        ] {
            if let Some(value) = value {
                params.push(format!("{key}={}", percent_encode(value)));
            }
        }
        if let Some(s) = &self.scenario {
            params.push(format!("s={s}"));
        }
        format!("#{}", params.join("&"))
    }
}

/// Encodes everything but unreserved characters (RFC 3986) and `,`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a malformed escape is kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_parameter_and_ignores_unknown_ones() {
        let f = Fragment::parse(
            "#embed=trust,result&readonly=1&theme=dark&id=w%201&future=x&example=guest-reads-public-picture",
        );
        assert_eq!(f.embed, Some(Ok(vec![EmbedPart::Trust, EmbedPart::Result])));
        assert!(f.readonly && f.is_embed());
        assert_eq!(f.theme, Some(Theme::Dark));
        assert_eq!(f.id.as_deref(), Some("w 1"));
        assert_eq!(f.example.as_deref(), Some("guest-reads-public-picture"));
        assert_eq!(
            f.to_hash(),
            "#embed=trust,result&readonly=1&theme=dark&id=w%201&example=guest-reads-public-picture"
        );
    }

    #[test]
    fn an_unknown_part_is_named_in_the_error() {
        let f = Fragment::parse("embed=trust,policy");
        let Some(Err(message)) = f.embed else {
            panic!("expected an error");
        };
        assert!(message.starts_with("`policy` is not a part"), "{message}");
        assert!(EmbedPart::parse_list(",").is_err());
    }

    #[test]
    fn the_scenario_is_written_last_and_kept_encoded() {
        let f = Fragment {
            scenario: Some("1.abc-_".to_owned()),
            embed: Some(Ok(vec![EmbedPart::Result])),
            ..Fragment::default()
        };
        assert_eq!(f.to_hash(), "#embed=result&s=1.abc-_");
        assert_eq!(Fragment::parse(&f.to_hash()), f);
    }

    #[test]
    fn percent_decoding_keeps_malformed_escapes() {
        assert_eq!(percent_decode("a%2Cb%zz%"), "a,b%zz%");
        assert_eq!(percent_decode(&percent_encode("é & #")), "é & #");
    }
}
