//! Bringing the user's own material in: a pasted JWT ([`jwt`]), infrastructure code that
//! defines the pool and its roles ([`cloudformation`]), and CloudTrail events. Every
//! importer reports what it took, what it left out (with positions in the user's text) and
//! what it assumed ([`report`]).

pub mod base64url;
pub mod cloudformation;
pub mod jwt;
pub mod parts;
pub mod report;
pub mod yaml;

use iam_policy::{Diagnostic, Span};
use serde_json::Value;

pub use jwt::{decode_token, DecodedToken, Issuer};
pub use parts::ImportOptions;
pub use report::{ImportFormat, ImportItem, Imported};

/// Longest text imported, in bytes.
pub const MAX_IMPORT_BYTES: usize = 2 << 20;

/// Recognises what `text` is and imports it. `base` is the scenario to import into.
pub fn import_text(text: &str, base: Option<&Value>, options: &ImportOptions) -> Imported {
    if text.len() > MAX_IMPORT_BYTES {
        let d = Diagnostic::error(
            "import::too_large",
            format!(
                "the text is {} bytes; at most {MAX_IMPORT_BYTES} are imported",
                text.len()
            ),
            Some(Span::new(0, 0)),
        )
        .with_help(
            "import the template or plan that defines the identity pool, not a whole account",
        );
        return report::Account::default().finish(
            ImportFormat::CloudFormation,
            base.cloned().unwrap_or(Value::Null),
            vec![d],
            text,
        );
    }
    cloudformation::import_cloudformation(text, base, options)
}
