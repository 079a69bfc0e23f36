use crate::{parse_policy, PolicyKind};

fn codes(text: &str, kind: PolicyKind) -> Vec<String> {
    parse_policy(text, kind)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect()
}

fn stmt(body: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"{body}}}]}}"#
    )
}

#[test]
fn each_warning_fires() {
    let trust_cond = |c: &str| {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"cognito-identity.amazonaws.com"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{c}}}]}}"#
        )
    };
    let cases: Vec<(String, PolicyKind, &str)> = vec![
        (stmt(r#","Principal":"*""#), PolicyKind::Identity, "iam::validate::principal_in_identity_policy"),
        (stmt(""), PolicyKind::Trust, "iam::validate::missing_principal"),
        (stmt(r#","Principal":"*""#), PolicyKind::Trust, "iam::validate::resource_in_trust_policy"),
        (r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#.into(), PolicyKind::Identity, "iam::validate::missing_version"),
        (r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#.into(), PolicyKind::Identity, "iam::validate::variables_need_2012_version"),
        (trust_cond(r#"{"StringEquals":{"cognito-identity.amazon.com:amr":"x"}}"#), PolicyKind::Trust, "iam::validate::unknown_global_key"),
        (trust_cond(r#"{"StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}"#), PolicyKind::Trust, "iam::validate::multivalued_key_without_set_operator"),
        (trust_cond(r#"{"ForAnyValue:StringEquals":{"cognito-identity.amazonaws.com:aud":"x"}}"#), PolicyKind::Trust, "iam::validate::set_operator_on_single_valued_key"),
        (stmt(r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"}}"#), PolicyKind::Identity, "iam::validate::for_all_values_with_allow"),
        (stmt(r#","Condition":{"StringEquals":{"s3:prefix":"home/*"}}"#), PolicyKind::Identity, "iam::validate::wildcard_in_equals"),
        (stmt(r#","Sid":"A"}, {"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*""#), PolicyKind::Identity, "iam::validate::duplicate_sid"),
        (stmt(r#","Sid":"é😀""#), PolicyKind::Identity, "iam::validate::invalid_character"),
        (r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"bucket"}]}"#.into(), PolicyKind::Identity, "iam::validate::action_format"),
        (r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"bucket"}]}"#.into(), PolicyKind::Identity, "iam::validate::resource_format"),
        (r#"{"Version":"2012-10-17","Statement":[]}"#.into(), PolicyKind::Identity, "iam::validate::no_statements"),
        (r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}"#.into(), PolicyKind::Identity, "iam::validate::empty_list"),
    ];
    for (text, kind, code) in cases {
        let found = codes(&text, kind);
        assert!(
            found.iter().any(|c| c == code),
            "{code} not in {found:?} for {text}"
        );
    }
}

#[test]
fn missing_resource_is_an_error_except_in_trust_policies() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#;
    assert!(parse_policy(text, PolicyKind::Identity).policy.is_none());
    assert!(
        codes(text, PolicyKind::Identity).contains(&"iam::validate::missing_resource".to_string())
    );
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    assert!(codes(trust, PolicyKind::Trust).is_empty());
}

#[test]
fn size_limits_ignore_whitespace() {
    let padding = " ".repeat(5000);
    let small = stmt(&format!(r#","Sid":"a"{padding}"#));
    assert!(!codes(&small, PolicyKind::Session).contains(&"iam::validate::policy_size".to_string()));
    let big = stmt(&format!(r#","Sid":"{}""#, "a".repeat(2100)));
    assert!(codes(&big, PolicyKind::Session).contains(&"iam::validate::policy_size".to_string()));
    assert!(!codes(&big, PolicyKind::Identity).contains(&"iam::validate::policy_size".to_string()));
    let managed = stmt(&format!(r#","Sid":"{}""#, "a".repeat(7000)));
    assert!(
        codes(&managed, PolicyKind::Identity).contains(&"iam::validate::policy_size".to_string())
    );
}

#[test]
fn the_seed_trust_policy_is_clean() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "cognito-identity.amazonaws.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-corner-cafe-123456790ab"},
      "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "unauthenticated"}
    }
  }]
}"#;
    assert_eq!(codes(text, PolicyKind::Trust), Vec::<String>::new());
}

#[test]
fn for_all_values_is_quiet_when_the_statement_requires_the_key() {
    let quiet = [
        // The guard the warning's own help suggests.
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"},"Null":{"aws:TagKeys":"false"}}"#,
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"},"Null":{"AWS:tagkeys":["false"]}}"#,
        // ForAnyValue on the same key is false without it too.
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"},"ForAnyValue:StringLike":{"aws:TagKeys":"*"}}"#,
    ];
    for body in quiet {
        let found = codes(&stmt(body), PolicyKind::Identity);
        assert!(
            !found
                .iter()
                .any(|c| c == "iam::validate::for_all_values_with_allow"),
            "{body}: {found:?}"
        );
    }
    let loud = [
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"},"Null":{"aws:TagKeys":"true"}}"#,
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"},"Null":{"aws:RequestTag/x":"false"}}"#,
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a","aws:PrincipalTag/x":"b"},"Null":{"aws:TagKeys":"false"}}"#,
        r#","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"a"},"ForAnyValue:StringNotLike":{"aws:TagKeys":"*"}}"#,
    ];
    for body in loud {
        let found = codes(&stmt(body), PolicyKind::Identity);
        assert!(
            found
                .iter()
                .any(|c| c == "iam::validate::for_all_values_with_allow"),
            "{body}: {found:?}"
        );
    }
}

#[test]
fn an_escaped_wildcard_in_equals_is_not_a_wildcard() {
    let found = codes(
        &stmt(r#","Condition":{"StringEquals":{"s3:prefix":"home/${*}"}}"#),
        PolicyKind::Identity,
    );
    assert!(
        !found
            .iter()
            .any(|c| c == "iam::validate::wildcard_in_equals"),
        "{found:?}"
    );
}

#[test]
fn an_unterminated_variable_is_a_warning_at_its_dollar() {
    let text = stmt(r#","Condition":{"StringLike":{"s3:prefix":"a/${aws:username}/${x"}}"#)
        .replace(
            r#""Resource":"*""#,
            r#""Resource":"arn:aws:s3:::b/${aws:userid}""#,
        );
    let parsed = parse_policy(&text, PolicyKind::Identity);
    let found: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == "iam::validate::unterminated_variable")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", parsed.diagnostics);
    let span = found[0].span.unwrap();
    assert_eq!(&text[span.start..span.end], "${");
    assert_eq!(span.start, text.rfind("${x").unwrap());
}

#[test]
fn half_a_million_unterminated_variables_stay_linear() {
    // Compiling once looked for `}` again after every `${`: 450,000 of them took seconds.
    let resource = format!("arn:aws:s3:::b/{}", "${".repeat(450_000));
    let text = stmt("").replace(r#""Resource":"*""#, &format!(r#""Resource":"{resource}""#));
    let (policy, diagnostics) = crate::CompiledPolicy::from_text(
        &text,
        crate::PolicySource {
            name: "p".into(),
            kind: PolicyKind::Identity,
        },
    );
    assert!(policy.is_some());
    let warned = diagnostics
        .iter()
        .filter(|d| d.code == "iam::validate::unterminated_variable")
        .count();
    assert_eq!(warned, 1);
}

/// Per-value warnings past the cap are counted, not built: the document still gets the
/// first 100, and one summary with the right count at the first one left out, whether the
/// values are in one list or spread over statements.
#[test]
fn per_value_warnings_past_the_cap_are_counted_with_the_summary_in_place() {
    use crate::{MAX_PER_CODE, MORE_CODE};
    let one_list = |n: usize| {
        let xs = vec![r#""x""#; n].join(",");
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":[{xs}]}}]}}"#
        )
    };
    let spread = |n: usize| {
        let st = r#"{"Effect":"Allow","Action":"GetObject","Resource":"*"}"#;
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            vec![st; n].join(",")
        )
    };
    type Make<'a> = &'a dyn Fn(usize) -> String;
    let cases: [(Make, &str, &str); 2] = [
        (&one_list, "iam::validate::resource_format", r#""x""#),
        (&spread, "iam::validate::action_format", r#""GetObject""#),
    ];
    for (make, code, value) in cases {
        for n in [MAX_PER_CODE, MAX_PER_CODE + 1, MAX_PER_CODE + 2, 3_000] {
            let text = make(n);
            let diagnostics = parse_policy(&text, PolicyKind::Identity).diagnostics;
            let listed = diagnostics.iter().filter(|d| d.code == code).count();
            assert_eq!(listed, n.min(MAX_PER_CODE), "{code} × {n}");
            let summaries: Vec<_> = diagnostics.iter().filter(|d| d.code == MORE_CODE).collect();
            if n <= MAX_PER_CODE {
                assert!(summaries.is_empty(), "{code} × {n}: {summaries:?}");
                continue;
            }
            let [summary] = summaries[..] else {
                panic!("{code} × {n}: one summary, got {summaries:?}")
            };
            assert!(
                summary.message.starts_with(&format!(
                    "and {} more `{code}` diagnostic",
                    n - MAX_PER_CODE
                )),
                "{}",
                summary.message
            );
            // At the first value left out: the 101st occurrence in the text.
            let first_out = text
                .match_indices(value)
                .nth(MAX_PER_CODE)
                .map(|(at, _)| at);
            assert_eq!(summary.span.map(|s| s.start), first_out, "{code} × {n}");
            assert_eq!(summary.start.map(|p| p.line), Some(1));
            assert_eq!(
                diagnostics.last(),
                Some(summary),
                "the summary comes last, as the cap puts it"
            );
        }
    }
}
