use super::*;

fn codes(text: &str, kind: PolicyKind) -> Vec<String> {
    parse_policy(text, kind)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn reads_string_or_array_everywhere() {
    let text = r#"{"Version":"2012-10-17","Id":"x","Statement":{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"],
        "Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}}}"#;
    let parsed = parse_policy(text, PolicyKind::Identity);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let policy = parsed.policy.unwrap();
    assert_eq!(policy.version, PolicyVersion::V2012_10_17);
    let st = &policy.statements[0];
    assert_eq!(st.label(), "A");
    assert_eq!(st.action.as_ref().unwrap().values[0].value, "s3:GetObject");
    assert_eq!(st.conditions[0].entries[0].values[0].value, "10");
    assert_eq!(st.conditions[1].entries[0].values[0].value, "true");
}

#[test]
fn principals() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"},
        {"Effect":"Deny","NotPrincipal":"*","Action":"*"}]}"#;
    let policy = parse_policy(text, PolicyKind::Trust).policy.unwrap();
    let p = policy.statements[0].principal.as_ref().unwrap();
    assert_eq!(p.entries[0].0.value, "Federated");
    assert!(policy.statements[1].principal.as_ref().unwrap().negated);
}

#[test]
fn errors_make_the_policy_unevaluable() {
    let cases = [
        (
            r#"{"Statement":[{"Action":"*","Resource":"*"}]}"#,
            "iam::parse::missing_effect",
        ),
        (
            r#"{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}"#,
            "iam::parse::invalid_effect",
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]}"#,
            "iam::parse::conflicting_elements",
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#,
            "iam::parse::missing_action",
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]}"#,
            "iam::parse::duplicate_key",
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqual":{"a":"b"}}}]}"#,
            "iam::parse::unknown_operator",
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"a":"b"}}}]}"#,
            "iam::parse::invalid_condition_value",
        ),
        (
            r#"{"Version":"2012-10-18","Statement":[]}"#,
            "iam::parse::invalid_version",
        ),
        (
            r#"{"Version":"2012-10-17"}"#,
            "iam::parse::missing_statement",
        ),
        (
            r#"{"Statement":[{"effect":"Allow","Action":"*"}]}"#,
            "iam::parse::unknown_element",
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Action":1}]}"#,
            "iam::parse::wrong_type",
        ),
        (r#"{"Statement":[ }"#, "iam::parse::json"),
    ];
    for (text, code) in cases {
        let parsed = parse_policy(text, PolicyKind::Identity);
        assert!(parsed.policy.is_none(), "{text}");
        assert!(
            parsed.diagnostics.iter().any(|d| d.code == code),
            "{text}: {:?}",
            codes(text, PolicyKind::Identity)
        );
    }
}

#[test]
fn suggestions_and_positions() {
    let text = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\",\n \"Condition\": {\"StringEqual\": {\"a\": \"b\"}}}]}";
    let d = parse_policy(text, PolicyKind::Identity)
        .diagnostics
        .into_iter()
        .find(|d| d.code == "iam::parse::unknown_operator")
        .unwrap();
    assert_eq!(d.help.as_deref(), Some("did you mean `StringEquals`?"));
    assert_eq!(d.start.unwrap().line, 2);
    assert_eq!(d.start.unwrap().column, 16);
}

#[test]
fn variables_in_string_values_skip_type_checks() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"${aws:PrincipalArn}"}}}]}"#;
    assert!(parse_policy(text, PolicyKind::Identity).policy.is_some());
}

#[test]
fn broken_elements_are_not_also_reported_missing() {
    for (text, only) in [
        (
            r#"{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
            "iam::parse::invalid_version",
        ),
        (
            r#"{"Version":20121017,"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
            "iam::parse::wrong_type",
        ),
        (
            r#"{"Version":"2012-10-17","Statement":"x"}"#,
            "iam::parse::wrong_type",
        ),
    ] {
        assert_eq!(codes(text, PolicyKind::Identity), [only], "{text}");
    }
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":1,"Action":"sts:AssumeRole"}]}"#;
    assert_eq!(codes(trust, PolicyKind::Trust), ["iam::parse::wrong_type"]);
}

#[test]
fn binary_values_must_be_base64() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"BinaryEquals":{"k":"***"}}}]}"#;
    assert_eq!(
        codes(text, PolicyKind::Identity),
        ["iam::parse::invalid_condition_value"]
    );
}

#[test]
fn variables_in_typed_values_are_checked_only_when_literal() {
    let text = |v: &str| {
        format!(
            r#"{{"Version":"{v}","Statement":[{{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{"NumericLessThan":{{"n":"${{limit}}"}}}}}}]}}"#
        )
    };
    assert!(parse_policy(&text("2012-10-17"), PolicyKind::Identity)
        .policy
        .is_some());
    assert!(codes(&text("2008-10-17"), PolicyKind::Identity)
        .contains(&"iam::parse::invalid_condition_value".to_string()));
}

#[test]
fn a_value_that_is_not_a_string_gets_help_for_its_kind() {
    let help = |action: &str| {
        let text = format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": {action}, "Resource": "*"}}]}}"#
        );
        let parsed = crate::parse_policy(&text, PolicyKind::Identity);
        let d = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == "iam::parse::wrong_type")
            .unwrap_or_else(|| panic!("no wrong_type for {action}: {:?}", parsed.diagnostics))
            .clone();
        d.help.unwrap_or_default()
    };
    // Quoting fixes a bare value...
    assert_eq!(help("42"), "put the value in double quotes");
    assert_eq!(help("[true]"), "put the value in double quotes");
    // ...but not an object or a nested list: quoting `{"a": 1}` would not make an action.
    for value in [
        r#"{"s3": "GetObject"}"#,
        r#"[{"a": 1}]"#,
        r#"[["s3:GetObject"]]"#,
    ] {
        let help = help(value);
        assert!(!help.contains("double quotes"), "{value}: {help}");
        assert!(help.contains("write one string here"), "{value}: {help}");
    }
}
