use super::*;

/// Evaluates `operator: {key: values}` against a context given as JSON-ish pairs.
fn eval(operator: &str, key: &str, values: &[&str], ctx: &[(&str, ContextValue)]) -> bool {
    let op = Operator::parse(operator).unwrap();
    let cond = CompiledCondition::compile(op, operator, key, values, true, Span::default());
    let mut c = Context::new();
    for (k, v) in ctx {
        c.insert(*k, v.clone());
    }
    let mut trace = ConditionTrace::default();
    let traced = cond.evaluate(&c, Some(&mut trace));
    assert_eq!(
        traced,
        cond.evaluate(&c, None),
        "trace must not change the result"
    );
    traced
}

fn s(v: &str) -> ContextValue {
    ContextValue::Single(v.to_string())
}

fn m(v: &[&str]) -> ContextValue {
    ContextValue::Multi(v.iter().map(|x| x.to_string()).collect())
}

#[test]
fn string_family() {
    assert!(eval("StringEquals", "k", &["a", "b"], &[("K", s("b"))]));
    assert!(!eval("StringEquals", "k", &["a*"], &[("k", s("abc"))]));
    assert!(eval("StringNotEquals", "k", &["a"], &[("k", s("b"))]));
    assert!(eval(
        "StringEqualsIgnoreCase",
        "k",
        &["ABC"],
        &[("k", s("abc"))]
    ));
    assert!(!eval(
        "StringNotEqualsIgnoreCase",
        "k",
        &["ABC"],
        &[("k", s("abc"))]
    ));
    assert!(eval(
        "StringLike",
        "s3:prefix",
        &["home/*"],
        &[("s3:prefix", s("home/x"))]
    ));
    assert!(eval("StringNotLike", "k", &["a?"], &[("k", s("abc"))]));
    assert!(eval(
        "BinaryEquals",
        "k",
        &["QmluYXJ5"],
        &[("k", s("QmluYXJ5"))]
    ));
}

#[test]
fn missing_keys_follow_aws_rules() {
    assert!(!eval("StringEquals", "k", &["a"], &[]));
    assert!(eval("StringNotEquals", "k", &["a"], &[]));
    assert!(eval("StringEqualsIfExists", "k", &["a"], &[]));
    assert!(!eval("ForAnyValue:StringEquals", "k", &["a"], &[]));
    assert!(eval("ForAllValues:StringEquals", "k", &["a"], &[]));
    assert!(eval(
        "ForAllValues:StringEquals",
        "k",
        &["a"],
        &[("k", m(&[]))]
    ));
    assert!(!eval("ForAnyValue:StringNotEquals", "k", &["a"], &[]));
    assert!(eval("NotIpAddress", "aws:SourceIp", &["10.0.0.0/8"], &[]));
    assert!(eval("Null", "k", &["true"], &[]));
    assert!(!eval("Null", "k", &["false"], &[]));
    assert!(eval("Null", "k", &["false"], &[("k", s("x"))]));
}

#[test]
fn set_operators() {
    let amr = m(&["authenticated", "graph.facebook.com"]);
    assert!(eval(
        "ForAnyValue:StringLike",
        "amr",
        &["authenticated"],
        &[("amr", amr.clone())]
    ));
    assert!(!eval(
        "ForAllValues:StringLike",
        "amr",
        &["authenticated"],
        &[("amr", amr.clone())]
    ));
    assert!(eval(
        "ForAllValues:StringLike",
        "amr",
        &["authenticated", "graph.*"],
        &[("amr", amr.clone())]
    ));
    assert!(eval(
        "ForAnyValue:StringNotEquals",
        "amr",
        &["authenticated"],
        &[("amr", amr.clone())]
    ));
    assert!(!eval(
        "ForAllValues:StringNotEquals",
        "amr",
        &["authenticated"],
        &[("amr", amr.clone())]
    ));
    // Without a qualifier: any value for positive operators, none for negated ones.
    assert!(eval(
        "StringEquals",
        "amr",
        &["authenticated"],
        &[("amr", amr.clone())]
    ));
    assert!(!eval(
        "StringNotEquals",
        "amr",
        &["authenticated"],
        &[("amr", amr)]
    ));
}

#[test]
fn numeric_date_bool_ip_arn() {
    assert!(eval("NumericLessThan", "n", &["10"], &[("n", s("9.5"))]));
    assert!(!eval("NumericLessThan", "n", &["10"], &[("n", s("10"))]));
    assert!(eval(
        "NumericLessThanEquals",
        "n",
        &["10"],
        &[("n", s("10"))]
    ));
    assert!(eval("NumericNotEquals", "n", &["10"], &[("n", s("11"))]));
    assert!(eval(
        "NumericGreaterThanEquals",
        "n",
        &["10"],
        &[("n", s("10"))]
    ));
    assert!(!eval("NumericEquals", "n", &["10"], &[("n", s("ten"))]));
    assert!(eval(
        "DateGreaterThan",
        "aws:CurrentTime",
        &["2020-01-01T00:00:00Z"],
        &[("aws:CurrentTime", s("2024-05-01T10:00:00Z"))]
    ));
    assert!(eval(
        "DateLessThan",
        "aws:EpochTime",
        &["1700000000"],
        &[("aws:EpochTime", s("2020-01-01"))]
    ));
    assert!(eval(
        "Bool",
        "aws:SecureTransport",
        &["true"],
        &[("aws:SecureTransport", s("TRUE"))]
    ));
    assert!(!eval(
        "Bool",
        "aws:SecureTransport",
        &["true"],
        &[("aws:SecureTransport", s("false"))]
    ));
    assert!(eval(
        "IpAddress",
        "aws:SourceIp",
        &["203.0.113.0/24", "2001:db8::/32"],
        &[("aws:SourceIp", s("2001:db8::1"))]
    ));
    assert!(eval(
        "NotIpAddress",
        "aws:SourceIp",
        &["203.0.113.0/24"],
        &[("aws:SourceIp", s("198.51.100.1"))]
    ));
    assert!(eval(
        "ArnLike",
        "aws:SourceArn",
        &["arn:aws:sns:*:123:*"],
        &[("aws:SourceArn", s("arn:aws:sns:us-east-1:123:t"))]
    ));
    assert!(eval(
        "ArnEquals",
        "aws:SourceArn",
        &["arn:aws:sns:*:123:*"],
        &[("aws:SourceArn", s("arn:aws:sns:us-east-1:123:t"))]
    ));
    assert!(eval(
        "ArnNotLike",
        "aws:SourceArn",
        &["arn:aws:sns:*:999:*"],
        &[("aws:SourceArn", s("arn:aws:sns:us-east-1:123:t"))]
    ));
}

#[test]
fn variables_in_values() {
    let ctx = [("aws:username", s("bob")), ("k", s("home/bob/x"))];
    assert!(eval("StringLike", "k", &["home/${aws:username}/*"], &ctx));
    assert!(!eval("StringLike", "k", &["home/${aws:userid}/*"], &ctx));
    assert!(eval(
        "StringLike",
        "k",
        &["home/${aws:userid, 'bob'}/*"],
        &ctx
    ));
}

#[test]
fn traces_record_substitution_and_unreadable_values() {
    let op = Operator::parse("NumericEquals").unwrap();
    let cond = CompiledCondition::compile(op, "NumericEquals", "n", &["1"], true, Span::default());
    let mut c = Context::new();
    c.insert("n", s("one"));
    let mut trace = ConditionTrace::default();
    assert!(!cond.evaluate(&c, Some(&mut trace)));
    assert_eq!(trace.request_values, Some(vec!["one".to_string()]));
    assert_eq!(trace.unevaluated.len(), 1);
    let op = Operator::parse("StringEquals").unwrap();
    let cond = CompiledCondition::compile(
        op,
        "StringEquals",
        "k",
        &["${aws:username}", "${x}"],
        true,
        Span::default(),
    );
    c.insert("aws:username", s("bob"));
    let mut trace = ConditionTrace::default();
    cond.evaluate(&c, Some(&mut trace));
    assert_eq!(trace.policy_values, ["bob", "${x}"]);
    assert_eq!(trace.unresolved_variables, ["x"]);
}

#[test]
fn check_value_reports_bad_policy_values() {
    assert_eq!(check_value(Base::Numeric(Cmp::Eq), "x"), Some(NOT_NUMBER));
    assert_eq!(check_value(Base::IpAddress, "10.0.0.0/8"), None);
    assert_eq!(check_value(Base::IpAddress, "ten"), Some(NOT_IP));
    assert_eq!(check_value(Base::StringLike, "anything"), None);
}

#[test]
fn typed_values_may_use_variables() {
    let ctx = [
        ("aws:TokenIssueTime", s("2024-01-01T00:00:00Z")),
        ("aws:CurrentTime", s("2024-01-01T00:30:00Z")),
        ("limit", s("5")),
    ];
    assert!(eval(
        "DateGreaterThan",
        "aws:CurrentTime",
        &["${aws:TokenIssueTime}"],
        &ctx
    ));
    assert!(eval(
        "NumericLessThan",
        "n",
        &["${limit}"],
        &[("n", s("4")), ("limit", s("5"))]
    ));
    assert!(!eval(
        "NumericLessThan",
        "n",
        &["${limit}"],
        &[("n", s("4"))]
    ));
    assert!(!eval(
        "NumericLessThan",
        "n",
        &["${limit}"],
        &[("n", s("4")), ("limit", s("five"))]
    ));
}
