//! Property tests: laws of IAM evaluation that must hold for every policy, checked on
//! generated policies and requests through the engine's public API.
//!
//! - adding a Deny statement never turns a decision into Allowed;
//! - adding a session policy (where there was none) never grants more; nor does adding a
//!   permissions boundary or an SCP;
//! - an SCP or RCP level, or a VPC endpoint policy, never grants, and adding a level (or an
//!   endpoint) without an Allow never turns a Deny into an Allow;
//! - the `*`/`?` matcher (seen through `Action`, `Resource` and `StringLike`) agrees with a
//!   regular-expression oracle;
//! - parsing never panics, on arbitrary bytes or on JSON-ish text, and what parses evaluates
//!   without panicking;
//! - formatting (`format_policy`, the playground's format command) then parsing gives the same
//!   document, diagnostics and decision.

// Test support code outside `#[test]` functions: clippy.toml lets tests panic, but only inside
// the test functions themselves; here too a panic is a failed test, not a crash of the product.
#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use iam_policy::api::evaluate_cases_json;
use iam_policy::{format_policy, json, parse_policy, PolicyKind, Verdict};
use proptest::prelude::*;
use serde_json::{json as j, Value};

const KINDS: [PolicyKind; 8] = PolicyKind::ALL;

/// The number of cases per property: `default`, or `PROPTEST_CASES` for a longer search.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------------------
// Generators: small vocabularies so that generated statements often match the request.

fn action_pattern() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "*",
        "s3:*",
        "s3:Get*",
        "s3:GetObject",
        "s3:?etObject",
        "S3:PUTOBJECT",
        "sqs:*",
        "iam:*",
        "*Object",
    ])
    .prop_map(str::to_string)
}

fn resource_pattern() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "*",
        "arn:aws:s3:::mybucket/*",
        "arn:aws:s3:::mybucket/a*",
        "arn:aws:s3:::mybucket/${aws:username}/*",
        "arn:aws:s3:::other/*",
        "arn:aws:s3:::mybucket/?",
        "arn:aws:s3:::*",
    ])
    .prop_map(str::to_string)
}

fn condition() -> impl Strategy<Value = Option<Value>> {
    prop::option::weighted(
        0.5,
        prop::sample::select(vec![
            j!({"StringEquals": {"aws:username": "alice"}}),
            j!({"StringNotEquals": {"aws:username": "alice"}}),
            j!({"StringLike": {"s3:prefix": "home/*"}}),
            j!({"Bool": {"aws:SecureTransport": "true"}}),
            j!({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}),
            j!({"NumericLessThan": {"s3:max-keys": "10"}}),
            j!({"Null": {"aws:TokenIssueTime": "true"}}),
            j!({"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}),
            j!({"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}}),
            j!({"StringEqualsIfExists": {"aws:PrincipalTag/team": "dev"}}),
        ]),
    )
}

fn statement(effect: &'static str) -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        action_pattern(),
        any::<bool>(),
        resource_pattern(),
        condition(),
    )
        .prop_map(move |(not_action, action, not_resource, resource, cond)| {
            let mut s = serde_json::Map::new();
            s.insert("Effect".into(), j!(effect));
            s.insert(
                if not_action { "NotAction" } else { "Action" }.into(),
                j!(action),
            );
            s.insert(
                if not_resource {
                    "NotResource"
                } else {
                    "Resource"
                }
                .into(),
                j!(resource),
            );
            if let Some(c) = cond {
                s.insert("Condition".into(), c);
            }
            Value::Object(s)
        })
}

fn any_statement() -> impl Strategy<Value = Value> {
    prop_oneof![3 => statement("Allow"), 1 => statement("Deny")]
}

fn policy() -> impl Strategy<Value = Value> {
    prop::collection::vec(any_statement(), 1..4)
        .prop_map(|statements| j!({"Version": "2012-10-17", "Statement": statements}))
}

fn request() -> impl Strategy<Value = Value> {
    let action = prop::sample::select(vec![
        "s3:GetObject",
        "s3:PutObject",
        "sqs:SendMessage",
        "iam:CreateUser",
    ]);
    let resource = prop::sample::select(vec![
        "arn:aws:s3:::mybucket/alice/a.txt",
        "arn:aws:s3:::mybucket/x",
        "arn:aws:s3:::other/key",
        "arn:aws:sqs:us-east-1:123456789012:q",
    ]);
    let context = prop::sample::subsequence(
        vec![
            ("aws:username", j!("alice")),
            ("s3:prefix", j!("home/a")),
            ("aws:SecureTransport", j!("true")),
            ("aws:SourceIp", j!("203.0.113.9")),
            ("s3:max-keys", j!("5")),
            ("aws:TokenIssueTime", j!("2026-11-27T00:00:00Z")),
            ("aws:TagKeys", j!(["team"])),
            ("aws:PrincipalTag/team", j!("ops")),
        ],
        0..8,
    )
    .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    (action, resource, context).prop_map(|(action, resource, context)| {
        j!({"action": action, "resource": resource, "principal": "arn:aws:iam::123456789012:user/Bob", "accountId": "123456789012", "context": context})
    })
}

/// The decision for one case, through the same API the CLI uses.
fn decide(case: &Value) -> String {
    let answers = evaluate_cases_json(&case.to_string(), false);
    assert_eq!(answers.len(), 1, "one case, one answer");
    let answer = &answers[0];
    assert_ne!(
        answer.decision,
        Verdict::Error,
        "generated case was rejected: {:?}\n{case}",
        answer.diagnostics
    );
    answer.decision.to_string()
}

fn with_statement(policy: &Value, extra: Value) -> Value {
    let mut p = policy.clone();
    p["Statement"]
        .as_array_mut()
        .expect("generated policies have a statement array")
        .push(extra);
    p
}

// ---------------------------------------------------------------------------------------
// Layer laws.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn adding_a_deny_statement_never_allows(identity in prop::collection::vec(policy(), 1..3), deny in statement("Deny"),
                                            which in any::<prop::sample::Index>(), req in request()) {
        let before = decide(&j!({"identityPolicies": identity, "request": req}));
        let mut changed = identity.clone();
        let i = which.index(changed.len());
        changed[i] = with_statement(&changed[i], deny);
        let after = decide(&j!({"identityPolicies": changed, "request": req}));
        if before != "Allowed" {
            prop_assert_ne!(after.as_str(), "Allowed");
        }
        if before == "ExplicitDeny" {
            prop_assert_eq!(after.as_str(), "ExplicitDeny");
        }
    }

    #[test]
    fn a_deny_in_any_layer_never_allows(identity in policy(), deny in statement("Deny"), layer in 0usize..4, req in request()) {
        let base = j!({"identityPolicies": [identity], "request": req});
        let before = decide(&base);
        let deny_policy = j!({"Version": "2012-10-17", "Statement": [deny]});
        let mut changed = base.clone();
        match layer {
            0 => changed["sessionPolicies"] = j!([deny_policy]),
            1 => changed["permissionBoundaries"] = j!([deny_policy]),
            2 => changed["serviceControlPolicies"] = j!([deny_policy]),
            _ => {
                let mut resource_policy = deny_policy;
                resource_policy["Statement"][0]["Principal"] = j!("*");
                changed["resourcePolicy"] = resource_policy;
            }
        }
        let after = decide(&changed);
        if before != "Allowed" {
            prop_assert_ne!(after.as_str(), "Allowed");
        }
    }

    #[test]
    fn adding_a_session_policy_never_grants_more(identity in policy(), sessions in prop::collection::vec(policy(), 1..3), req in request()) {
        let before = decide(&j!({"identityPolicies": [identity], "request": req}));
        let after = decide(&j!({"identityPolicies": [identity], "sessionPolicies": sessions, "request": req}));
        if before != "Allowed" {
            prop_assert_ne!(after.as_str(), "Allowed");
        }
    }

    #[test]
    fn adding_a_boundary_or_scp_never_grants_more(identity in policy(), limit in policy(), scp in any::<bool>(), req in request()) {
        let before = decide(&j!({"identityPolicies": [identity], "request": req}));
        let field = if scp { "serviceControlPolicies" } else { "permissionBoundaries" };
        let mut case = j!({"identityPolicies": [identity], "request": req});
        case[field] = j!([limit]);
        let after = decide(&case);
        if before != "Allowed" {
            prop_assert_ne!(after.as_str(), "Allowed");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Guardrails: SCP and RCP levels and VPC endpoint policies filter, they never grant.

/// The guardrail layers a case can carry.
#[derive(Clone, Copy, Debug)]
enum Guardrail {
    Scp,
    Rcp,
    Endpoint,
}

fn guardrail() -> impl Strategy<Value = Guardrail> {
    prop::sample::select(vec![Guardrail::Scp, Guardrail::Rcp, Guardrail::Endpoint])
}

/// `policy` with `"Principal": "*"` on every statement, as RCPs and endpoint policies need.
fn with_star_principal(policy: &Value) -> Value {
    let mut p = policy.clone();
    for st in p["Statement"].as_array_mut().expect("generated statements") {
        st["Principal"] = j!("*");
    }
    p
}

/// Puts `levels` (each a list of policies) into `case` as the guardrail's levels.
fn put_levels(case: &mut Value, which: Guardrail, levels: &[Vec<Value>]) {
    let star = |ps: &Vec<Value>| ps.iter().map(with_star_principal).collect::<Vec<_>>();
    match which {
        Guardrail::Scp => {
            case["serviceControlPolicies"] = levels
                .iter()
                .enumerate()
                .map(|(i, ps)| j!({"orgIdentifier": format!("level-{i}"), "policies": ps}))
                .collect();
        }
        Guardrail::Rcp => {
            case["resourceControlPolicies"] = levels
                .iter()
                .enumerate()
                .map(|(i, ps)| j!({"orgIdentifier": format!("level-{i}"), "policies": star(ps)}))
                .collect();
        }
        // One endpoint per level: each must allow, as each level must.
        Guardrail::Endpoint => {
            case["endpointPolicies"] = levels.iter().flat_map(star).collect();
        }
    }
}

/// A level whose policies have no Allow statement: Deny statements only, or none at all.
fn level_without_allow() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(
        prop::collection::vec(statement("Deny"), 0..3)
            .prop_map(|statements| j!({"Version": "2012-10-17", "Statement": statements})),
        0..2,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn a_guardrail_level_never_grants(identity in prop::option::of(policy()), levels in prop::collection::vec(prop::collection::vec(policy(), 1..3), 1..4),
                                      which in guardrail(), req in request()) {
        let mut base = j!({"request": req});
        if let Some(p) = &identity {
            base["identityPolicies"] = j!([p]);
        }
        let before = decide(&base);
        let mut case = base.clone();
        put_levels(&mut case, which, &levels);
        let after = decide(&case);
        // Alone (no identity policy, no resource-based policy) a guardrail allows nothing.
        if identity.is_none() {
            prop_assert_ne!(after.as_str(), "Allowed", "{:?} alone granted", which);
        }
        // Added to any case, it never turns a refusal into an Allow.
        if before != "Allowed" {
            prop_assert_ne!(after.as_str(), "Allowed", "{:?} granted", which);
        }
    }

    #[test]
    fn adding_a_level_without_an_allow_never_allows(identity in policy(), levels in prop::collection::vec(prop::collection::vec(policy(), 1..3), 0..3),
                                                    extra in level_without_allow(), at in any::<prop::sample::Index>(),
                                                    which in guardrail(), req in request()) {
        let mut before_case = j!({"identityPolicies": [identity], "request": req});
        if !levels.is_empty() {
            put_levels(&mut before_case, which, &levels);
        }
        let before = decide(&before_case);
        let extra_is_empty = extra.is_empty();
        let mut more = levels.clone();
        more.insert(at.index(levels.len() + 1), extra);
        let mut after_case = j!({"identityPolicies": [identity], "request": req});
        put_levels(&mut after_case, which, &more);
        let after = decide(&after_case);
        if before != "Allowed" {
            prop_assert_ne!(after.as_str(), "Allowed");
        }
        if before == "ExplicitDeny" {
            prop_assert_eq!(after.as_str(), "ExplicitDeny");
        }
        // An SCP level or an endpoint without an Allow lets nothing through; an RCP level
        // always has RCPFullAWSAccess, so only its Denies count; an empty endpoint level adds
        // no endpoint.
        let adds_gate = match which {
            Guardrail::Scp => true,
            Guardrail::Rcp => false,
            Guardrail::Endpoint => !extra_is_empty,
        };
        if adds_gate {
            prop_assert_ne!(after.as_str(), "Allowed", "a {:?} level without an Allow let the request through", which);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The wildcard matcher against a regex oracle. Patterns use a small alphabet so that
// matches are frequent; `$` is left out because `${` starts a policy variable.

/// The oracle: `*` is any run of characters, `?` exactly one, everything else literal.
fn oracle(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let mut re = String::from("^");
    for c in pattern.chars() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    re.push('$');
    regex::RegexBuilder::new(&re)
        .case_insensitive(ignore_case)
        .dot_matches_new_line(true)
        .build()
        .expect("the oracle pattern is valid")
        .is_match(text)
}

fn glob() -> impl Strategy<Value = String> {
    "[abAB/.*?-]{0,8}"
}

fn subject() -> impl Strategy<Value = String> {
    "[abAB/.-]{0,8}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn string_like_agrees_with_regex(pattern in glob(), value in subject()) {
        let case = j!({
            "identityPolicies": [{"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": pattern}}}
            ]}],
            "request": {"action": "s3:ListBucket", "resource": "arn:aws:s3:::b", "context": {"s3:prefix": value}}
        });
        let expected = if oracle(&pattern, &value, false) { "Allowed" } else { "ImplicitDeny" };
        prop_assert_eq!(decide(&case), expected, "StringLike `{}` against `{}`", pattern, value);
    }

    #[test]
    fn action_match_agrees_with_case_insensitive_regex(pattern in "[abAB*?]{0,6}", name in "[abAB]{1,6}") {
        let case = j!({
            "identityPolicies": [{"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": format!("svc:{pattern}"), "Resource": "*"}
            ]}],
            "request": {"action": format!("svc:{name}"), "resource": "*"}
        });
        let expected = if oracle(&format!("svc:{pattern}"), &format!("svc:{name}"), true) { "Allowed" } else { "ImplicitDeny" };
        prop_assert_eq!(decide(&case), expected, "Action `svc:{}` against `svc:{}`", pattern, name);
    }

    #[test]
    fn resource_match_agrees_with_case_sensitive_regex(pattern in glob(), key in subject()) {
        // Within the last ARN segment (no colons), resource matching is a plain glob.
        let case = j!({
            "identityPolicies": [{"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::bucket/{pattern}")}
            ]}],
            "request": {"action": "s3:GetObject", "resource": format!("arn:aws:s3:::bucket/{key}")}
        });
        let expected = if oracle(&pattern, &key, false) { "Allowed" } else { "ImplicitDeny" };
        prop_assert_eq!(decide(&case), expected, "Resource `bucket/{}` against `bucket/{}`", pattern, key);
    }
}

// ---------------------------------------------------------------------------------------
// Parsing never panics, and formatting is faithful.

/// JSON-ish text: the tokens of policy documents in random order, so that the parser's
/// error paths (unclosed strings, stray commas, wrong types, unknown keys) get exercised.
fn jsonish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\"Version\"",
        "\"2012-10-17\"",
        "\"2008-10-17\"",
        "\"Statement\"",
        "\"Effect\"",
        "\"Allow\"",
        "\"Deny\"",
        "\"Action\"",
        "\"NotAction\"",
        "\"Resource\"",
        "\"Principal\"",
        "\"Condition\"",
        "\"StringLike\"",
        "\"ForAllValues:StringEquals\"",
        "\"aws:SourceIp\"",
        "\"${aws:username}\"",
        "\"*\"",
        "\"s3:*\"",
        "true",
        "null",
        "-1.5e3",
        "0",
        " ",
        "\n",
        "\\u00e9",
        "\\",
        "\u{1F600}",
        "\u{0}",
        "\"${\"",
        "'",
        "/*",
    ]);
    prop::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

/// Valid documents with one random edit (insertion, deletion or replacement of a character).
fn mutated_policy() -> impl Strategy<Value = String> {
    (
        policy(),
        any::<prop::sample::Index>(),
        0u8..3,
        any::<char>(),
    )
        .prop_map(|(p, at, op, c)| {
            let mut chars: Vec<char> = serde_json::to_string_pretty(&p)
                .expect("serializable")
                .chars()
                .collect();
            let i = at.index(chars.len() + 1);
            match op {
                0 => chars.insert(i, c),
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
            chars.into_iter().collect()
        })
}

/// The diagnostic codes of `text` read as an identity policy, in order.
fn codes(text: &str) -> Vec<String> {
    parse_policy(text, PolicyKind::Identity)
        .diagnostics
        .iter()
        .map(|d| d.code.clone())
        .collect()
}

/// Parses `text` as every kind of policy and, when it parses, evaluates it in a case.
fn parse_everything(text: &str) {
    for kind in KINDS {
        let parsed = parse_policy(text, kind);
        if parsed.policy.is_none() {
            assert!(
                parsed
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == iam_policy::Severity::Error),
                "a rejected document must say why: {text:?}"
            );
        }
        for d in &parsed.diagnostics {
            assert!(
                !d.code.is_empty() && !d.message.is_empty(),
                "every diagnostic has a code and a message"
            );
            if let Some(span) = d.span {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "span {span:?} lies within the text"
                );
            }
        }
    }
    // The same text as an identity policy inside a case: the API must answer, never panic.
    if let Ok(doc) = serde_json::from_str::<Value>(text) {
        let case = j!({"identityPolicies": [doc], "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}});
        let answers = evaluate_cases_json(&case.to_string(), true);
        assert_eq!(answers.len(), 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1024)))]

    #[test]
    fn parse_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn parse_never_panics_on_jsonish_text(text in jsonish()) {
        parse_everything(&text);
    }

    #[test]
    fn parse_never_panics_on_mutated_policies(text in mutated_policy()) {
        parse_everything(&text);
        // A whole case file built around it must not panic the API either.
        let answers = evaluate_cases_json(&format!("[{{\"identityPolicies\": [{text}], \"request\": {{\"action\": \"s3:GetObject\"}}}}]"), true);
        prop_assert!(!answers.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn format_then_parse_gives_the_same_document(p in policy(), compact in any::<bool>(), req in request()) {
        let text = if compact { p.to_string() } else { serde_json::to_string_pretty(&p).expect("serializable") };
        let formatted = format_policy(&text).expect("generated policies are valid JSON");
        // The same JSON value, and formatting is a fixed point.
        let before: Value = serde_json::from_str(&text).expect("valid");
        let after: Value = serde_json::from_str(&formatted).expect("formatted text is valid JSON");
        prop_assert_eq!(before, after);
        prop_assert_eq!(format_policy(&formatted).expect("formatted text parses"), formatted.clone());
        // The same policy: the same diagnostics (by code) and the same decision.
        prop_assert_eq!(codes(&text), codes(&formatted));
        let decision = |t: &str| decide(&j!({"identityPolicies": [t], "request": req}));
        prop_assert_eq!(decision(&text), decision(&formatted));
    }

    #[test]
    fn format_is_faithful_on_edited_text(text in mutated_policy()) {
        // Whatever the formatter accepts, it must not change: same diagnostics, and a fixed point.
        if let Ok(formatted) = format_policy(&text) {
            prop_assert_eq!(codes(&text), codes(&formatted), "formatting changed the diagnostics of {:?}", text);
            prop_assert_eq!(format_policy(&formatted).expect("formatted text parses"), formatted);
        }
    }

    #[test]
    fn format_keeps_awkward_strings(chars in prop::collection::vec(any::<char>(), 0..12), key in "[a-z]{1,6}") {
        // Quotes, backslashes, non-ASCII and control characters survive a round trip.
        let s: String = chars.into_iter().collect();
        let doc = j!({"Version": "2012-10-17", "Statement": [{"Sid": s, "Effect": "Allow", "Action": "s3:*", "Resource": "*",
                      "Condition": {"StringEquals": {key: s}}}]});
        let text = doc.to_string();
        let formatted = format_policy(&text).expect("valid JSON");
        let after: Value = serde_json::from_str(&formatted).expect("formatted text is valid JSON");
        prop_assert_eq!(doc, after);
    }
}

/// The layer laws above only mean something if the generated cases reach every decision;
/// this guards against a generator drifting into cases that are all denied.
#[test]
fn generated_cases_reach_every_decision() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeMap::new();
    for _ in 0..300 {
        let identity = policy().new_tree(&mut runner).expect("a policy").current();
        let req = request()
            .new_tree(&mut runner)
            .expect("a request")
            .current();
        *seen
            .entry(decide(
                &j!({"identityPolicies": [identity], "request": req}),
            ))
            .or_insert(0) += 1;
    }
    for decision in ["Allowed", "ExplicitDeny", "ImplicitDeny"] {
        assert!(
            seen.get(decision).copied().unwrap_or(0) >= 10,
            "too few {decision} among generated cases: {seen:?}"
        );
    }
}

/// `iam::parse::too_large` cannot live in the corpus (the case file itself would be over the
/// limit), so it is checked here: input over the parser's limit is refused with that code.
#[test]
fn input_over_the_size_limit_is_refused() {
    let padding = " ".repeat(json::MAX_INPUT_BYTES);
    let text = format!("{{\"Version\": \"2012-10-17\", \"Statement\": []{padding}}}");
    let parsed = parse_policy(&text, PolicyKind::Identity);
    assert!(parsed.policy.is_none());
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.code == "iam::parse::too_large"),
        "{:?}",
        parsed.diagnostics
    );
}

/// An escaped character outside IAM's range (`\ud83d\ude00`) is the same character as the raw
/// one the formatter writes, so formatting must not make a warning appear or vanish.
#[test]
fn format_keeps_the_diagnostics_of_escaped_characters() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A\ud83d\ude00", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#;
    let formatted = format_policy(text).expect("valid JSON");
    assert_eq!(codes(text), codes(&formatted), "formatted:\n{formatted}");
    assert!(
        codes(text).contains(&"iam::validate::invalid_character".to_string()),
        "{:?}",
        codes(text)
    );
}
