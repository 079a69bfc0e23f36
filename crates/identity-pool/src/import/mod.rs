//! Bringing the user's own material in: a pasted JWT ([`jwt`]), infrastructure code that
//! defines the pool and its roles ([`cloudformation`], [`terraform`]: plans and HCL source), and CloudTrail events
//! ([`cloudtrail`]). Every
//! importer reports what it took, what it left out (with positions in the user's text) and
//! what it assumed ([`report`]).

pub mod base64url;
pub mod cloudformation;
pub mod cloudtrail;
pub mod jwt;
pub mod parts;
pub mod report;
pub mod terraform;
pub mod yaml;

use iam_policy::json::{JsonNode, JsonValue};
use iam_policy::{Diagnostic, Span};
use serde_json::{Map, Value};

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
    let json: Option<Value> = text
        .trim_start()
        .starts_with('{')
        .then(|| serde_json::from_str(text).ok())
        .flatten();
    match json {
        Some(root) if terraform::is_terraform_json(&root) => {
            terraform::import_terraform_json(text, base, options)
        }
        Some(root) if cloudtrail::is_cloudtrail(&root) => cloudtrail::import_cloudtrail(text, base),
        None if terraform::is_terraform_hcl(text) => {
            terraform::import_terraform_hcl(text, base, options)
        }
        _ => cloudformation::import_cloudformation(text, base, options),
    }
}

/// A resolved value as text (lists joined with commas, as CloudFormation joins them).
pub fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(","),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The span-keeping tree as plain JSON (numbers keep their text where JSON allows).
pub fn to_value(node: &JsonNode) -> Value {
    match &node.value {
        JsonValue::Null => Value::Null,
        JsonValue::Bool(b) => Value::Bool(*b),
        JsonValue::Number(n) => {
            serde_json::from_str(n).unwrap_or_else(|_| Value::String(n.clone()))
        }
        JsonValue::String(s) => Value::String(s.clone()),
        JsonValue::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        JsonValue::Object(members) => {
            let mut map = Map::new();
            for m in members {
                map.insert(m.key.clone(), to_value(&m.value));
            }
            Value::Object(map)
        }
    }
}
