//! The three outcomes of an authorization decision.

use serde::{Deserialize, Serialize};

/// What AWS decides for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    /// Some layer allows it and nothing denies it.
    Allowed,
    /// A statement with `"Effect": "Deny"` matched.
    ExplicitDeny,
    /// No statement denied it, but a required layer did not allow it.
    ImplicitDeny,
}
