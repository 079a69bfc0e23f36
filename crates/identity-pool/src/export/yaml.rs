//! A small YAML writer for templates: block style, strings plain when YAML reads them back
//! as the same string and double-quoted (JSON escapes) otherwise, and single-key `Ref` /
//! `Fn::GetAtt` / `Fn::Sub` objects written as CloudFormation's short tags.

use serde_json::Value;

/// The YAML text of `value` at the top level (a mapping).
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    node(&mut out, value, 0);
    out
}

fn tag(value: &Value) -> Option<(&'static str, &Value)> {
    let map = value.as_object()?;
    if map.len() != 1 {
        return None;
    }
    let (key, arg) = map.iter().next()?;
    let short = match key.as_str() {
        "Ref" => "!Ref",
        "Fn::GetAtt" => "!GetAtt",
        "Fn::Sub" => "!Sub",
        _ => return None,
    };
    arg.is_string().then_some((short, arg))
}

/// Whether `text` can be written without quotes and read back as the same string.
fn plain_ok(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@` ".contains(first) || text.ends_with([' ', ':']) {
        return false;
    }
    if text.contains(": ")
        || text.contains(" #")
        || text.contains(['\n', '\t', '"', '\'', '{', '}', '[', ']', ','])
    {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let reserved = [
        "true", "false", "null", "~", "yes", "no", "on", "off", "y", "n",
    ];
    if reserved.contains(&lower.as_str()) {
        return false;
    }
    // Numbers, dates and anything number-like stay quoted.
    !text.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+')
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) if plain_ok(s) => s.clone(),
        Value::String(s) => serde_json::to_string(s).unwrap_or_default(),
        Value::Null => "null".to_owned(),
        Value::Array(a) if a.is_empty() => "[]".to_owned(),
        Value::Object(o) if o.is_empty() => "{}".to_owned(),
        other => other.to_string(),
    }
}

fn inline(value: &Value) -> Option<String> {
    if let Some((short, arg)) = tag(value) {
        return Some(format!("{short} {}", scalar(arg)));
    }
    match value {
        Value::Array(a) if !a.is_empty() => None,
        Value::Object(o) if !o.is_empty() => None,
        other => Some(scalar(other)),
    }
}

fn key(text: &str) -> String {
    if plain_ok(text) {
        text.to_owned()
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

fn node(out: &mut String, value: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match inline(v) {
                    Some(text) => out.push_str(&format!("{pad}{}: {text}\n", key(k))),
                    None => {
                        out.push_str(&format!("{pad}{}:\n", key(k)));
                        let child = if v.is_array() { indent } else { indent + 2 };
                        node(out, v, child);
                    }
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match inline(item) {
                    Some(text) => out.push_str(&format!("{pad}- {text}\n")),
                    None => {
                        // The first line of the item's block goes after the dash.
                        let mut block = String::new();
                        node(&mut block, item, indent + 2);
                        let trimmed = block.get(indent + 2..).unwrap_or_default();
                        out.push_str(&format!("{pad}- {trimmed}"));
                    }
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::to_value;
    use crate::import::yaml::parse_yaml;
    use serde_json::json;

    #[test]
    fn written_yaml_reads_back_as_the_same_value() {
        let value = json!({
            "A": {"Version": "2012-10-17", "n": 3, "b": true, "empty": [], "e": {},
                  "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "sts:TagSession"],
                                 "Resource": "arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*",
                                 "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:1"}}},
                                {"Effect": "Deny", "NotAction": "*", "x": "yes", "y": "- dash", "z": "a: b", "q": "it's \"q\""}],
                  "nested": [[1, 2], [{"k": "v"}]]}
        });
        let text = write(&value);
        let back = to_value(&parse_yaml(&text).unwrap());
        assert_eq!(back, value, "{text}");
    }

    #[test]
    fn intrinsics_become_short_tags() {
        let text =
            write(&json!({"R": {"Ref": "IdentityPool"}, "A": {"Fn::GetAtt": "AuthRole.Arn"}}));
        assert_eq!(text, "R: !Ref IdentityPool\nA: !GetAtt AuthRole.Arn\n");
        let back = to_value(&parse_yaml(&text).unwrap());
        assert_eq!(
            back,
            json!({"R": {"Ref": "IdentityPool"}, "A": {"Fn::GetAtt": "AuthRole.Arn"}})
        );
    }
}
