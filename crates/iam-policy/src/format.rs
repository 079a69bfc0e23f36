//! The policy formatter behind the playground's "format" command: pretty-prints the JSON as
//! the IAM console does (four-space indent), keeping key order, duplicates and number text,
//! so formatting never changes what a policy means.

// One parse error per call, returned as the contract's plain `Diagnostic`.
#![allow(clippy::result_large_err)]

use crate::{json, Diagnostic};

/// Pretty-prints policy `text`. Fails (with a located diagnostic) only when it is not JSON.
pub fn format_policy(text: &str) -> Result<String, Diagnostic> {
    json::parse(text)
        .map(|node| json::write_pretty(&node))
        .map_err(|mut d| {
            d.locate(text);
            d
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_policy, PolicyKind};

    #[test]
    fn formats_and_keeps_meaning() {
        let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*","Condition":{"NumericLessThan":{"s3:max-keys":1.50}}}]}"#;
        let pretty = format_policy(text).unwrap();
        assert!(pretty.starts_with("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n"));
        assert!(pretty.contains("1.50"));
        let a = parse_policy(text, PolicyKind::Identity).policy.unwrap();
        let b = parse_policy(&pretty, PolicyKind::Identity).policy.unwrap();
        assert_eq!(a.statements.len(), b.statements.len());
        assert_eq!(format_policy(&pretty).unwrap(), pretty);
    }

    #[test]
    fn reports_malformed_json_with_a_position() {
        let err = format_policy("{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!(err.code, "iam::parse::json");
        assert_eq!(err.start.unwrap().line, 2);
    }
}
