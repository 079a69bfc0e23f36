//! The three outcomes of an authorization decision.

use serde::{Deserialize, Serialize};

/// What AWS decides for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Decision {
    /// Some layer allows it and nothing denies it.
    Allowed,
    /// A statement with `"Effect": "Deny"` matched.
    ExplicitDeny,
    /// No statement denied it, but a required layer did not allow it.
    ImplicitDeny,
}

/// A decision as the request/answer API reports it: the engine's three, or `Error` when
/// nothing could be evaluated (an invalid case, or a sign-in that issued no credentials).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Verdict {
    /// Some layer allows it and nothing denies it.
    Allowed,
    /// A statement with `"Effect": "Deny"` matched.
    ExplicitDeny,
    /// No statement denied it, but a required layer did not allow it.
    ImplicitDeny,
    /// Not evaluated.
    Error,
}

impl From<Decision> for Verdict {
    fn from(d: Decision) -> Self {
        match d {
            Decision::Allowed => Self::Allowed,
            Decision::ExplicitDeny => Self::ExplicitDeny,
            Decision::ImplicitDeny => Self::ImplicitDeny,
        }
    }
}

impl Verdict {
    /// The wire name, e.g. `ExplicitDeny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allowed => "Allowed",
            Self::ExplicitDeny => "ExplicitDeny",
            Self::ImplicitDeny => "ImplicitDeny",
            Self::Error => "Error",
        }
    }

    /// Reads a wire name.
    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Allowed,
            Self::ExplicitDeny,
            Self::ImplicitDeny,
            Self::Error,
        ]
        .into_iter()
        .find(|v| v.as_str() == text)
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
