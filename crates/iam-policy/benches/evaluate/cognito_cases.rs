//! Evaluation cases for load tests: one five-statement Cognito identity-pool policy (the one
//! the benches evaluate) with requests that cycle through eight shapes, each with its
//! expected decision. Shared by the criterion benches and `examples/gen_cases.rs`.

use serde_json::{json, Value};

/// The policy: own objects under the identity's `sub`, a `StringLike` on `s3:prefix`, a
/// `ForAllValues` on `dynamodb:LeadingKeys` (guarded by `Null`, as AWS advises), a Deny, and
/// Cognito Sync under the pool and identity.
pub fn policy() -> Value {
    json!({
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "OwnObjects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
         "Resource": "arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*"},
        {"Sid": "ListOwnPrefix", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::photos",
         "Condition": {"StringLike": {"s3:prefix": ["${cognito-identity.amazonaws.com:sub}/*", ""]}}},
        {"Sid": "OwnItems", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
         "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
         "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"]},
                       "Null": {"dynamodb:LeadingKeys": "false"}}},
        {"Sid": "NoBucketAdmin", "Effect": "Deny", "Action": ["s3:DeleteBucket", "s3:PutBucketPolicy"], "Resource": "*"},
        {"Sid": "Sync", "Effect": "Allow", "Action": "cognito-sync:*",
         "Resource": "arn:aws:cognito-sync:us-east-1:123456789012:identitypool/${cognito-identity.amazonaws.com:aud}/identity/${cognito-identity.amazonaws.com:sub}/*"}
      ]
    })
}

const SUB: &str = "us-east-1:11111111-2222-3333-4444-555555555555";

/// Whether the cases share one policy text or each has its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policies {
    /// Every case carries the same policy text: read and compiled once per stream.
    Shared,
    /// Case `i`'s first `Sid` is `OwnObjects{i}`: every policy text is new, so every case
    /// pays for reading and compiling its policy (the cost of a batch of real, varied cases).
    Distinct,
}

/// Case number `i`: the policy, a request of shape `i % 8`, and its expected decision.
pub fn case(i: usize, policies: Policies) -> Value {
    let table = "arn:aws:dynamodb:us-east-1:123456789012:table/Notes";
    let sync = format!(
        "arn:aws:cognito-sync:us-east-1:123456789012:identitypool/us-east-1:pool/identity/{SUB}/ds"
    );
    let (action, resource, extra, expected): (&str, String, Option<(&str, Value)>, &str) =
        match i % 8 {
            0 => (
                "s3:GetObject",
                format!("arn:aws:s3:::photos/{SUB}/a.jpg"),
                None,
                "Allowed",
            ),
            1 => (
                "s3:GetObject",
                "arn:aws:s3:::photos/someone-else/a.jpg".into(),
                None,
                "ImplicitDeny",
            ),
            2 => (
                "s3:ListBucket",
                "arn:aws:s3:::photos".into(),
                Some(("s3:prefix", json!(format!("{SUB}/2024/")))),
                "Allowed",
            ),
            3 => (
                "s3:ListBucket",
                "arn:aws:s3:::photos".into(),
                Some(("s3:prefix", json!("other/"))),
                "ImplicitDeny",
            ),
            4 => (
                "dynamodb:Query",
                table.into(),
                Some(("dynamodb:LeadingKeys", json!([SUB]))),
                "Allowed",
            ),
            5 => (
                "dynamodb:GetItem",
                table.into(),
                Some(("dynamodb:LeadingKeys", json!([SUB, "x"]))),
                "ImplicitDeny",
            ),
            6 => (
                "s3:DeleteBucket",
                "arn:aws:s3:::photos".into(),
                None,
                "ExplicitDeny",
            ),
            _ => ("cognito-sync:ListRecords", sync, None, "Allowed"),
        };
    let mut context = json!({
        "cognito-identity.amazonaws.com:sub": SUB,
        "cognito-identity.amazonaws.com:aud": "us-east-1:pool"
    });
    if let (Some((key, value)), Some(map)) = (extra, context.as_object_mut()) {
        map.insert(key.to_string(), value);
    }
    let mut policy = policy();
    if let (Policies::Distinct, Some(sid)) = (policies, policy.pointer_mut("/Statement/0/Sid")) {
        *sid = json!(format!("OwnObjects{i}"));
    }
    json!({
        "name": format!("case {i}"),
        "identityPolicies": [policy],
        "request": {
            "action": action,
            "resource": resource,
            "context": context
        },
        "expected": expected
    })
}

/// How the cases are laid out in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A JSON array, every case indented by two spaces per level.
    Pretty,
    /// A JSON array, every case indented by one space per level.
    Indent1,
    /// A JSON array on one line, no whitespace.
    Compact,
    /// JSON Lines: one compact case per line, no array.
    Lines,
}

/// `n` cases laid out as `layout`, written to `out`.
pub fn write_cases(
    n: usize,
    layout: Layout,
    policies: Policies,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    if layout != Layout::Lines {
        out.write_all(if layout == Layout::Compact {
            b"["
        } else {
            b"[\n"
        })?;
    }
    for i in 0..n {
        let value = case(i, policies);
        let text = match layout {
            Layout::Pretty => indented(&value, b"  ", 1)?,
            Layout::Indent1 => indented(&value, b" ", 1)?,
            Layout::Compact | Layout::Lines => serde_json::to_string(&value)?,
        };
        out.write_all(text.as_bytes())?;
        let last = i + 1 == n;
        let sep: &[u8] = match (layout, last) {
            (Layout::Lines, _) => b"\n",
            (Layout::Compact, false) => b",",
            (Layout::Compact, true) => b"",
            (_, false) => b",\n",
            (_, true) => b"\n",
        };
        out.write_all(sep)?;
    }
    if layout != Layout::Lines {
        out.write_all(b"]\n")?;
    }
    Ok(())
}

/// `value` pretty-printed with `indent` per level, as an item `depth` levels deep.
fn indented(value: &Value, indent: &[u8], depth: usize) -> std::io::Result<String> {
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    serde::Serialize::serialize(value, &mut ser)?;
    let text = String::from_utf8(buf).map_err(std::io::Error::other)?;
    let pad = std::str::from_utf8(indent).unwrap_or(" ").repeat(depth);
    let lines: Vec<String> = text.lines().map(|l| format!("{pad}{l}")).collect();
    Ok(lines.join("\n"))
}
