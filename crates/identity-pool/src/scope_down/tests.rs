use super::*;
use iam_policy::{
    decide, parse_policy, CompiledPolicy, Context, Decision, PolicySet, Request, RequestPrincipal,
};
use proptest::prelude::*;

fn request(action: &str) -> Request {
    Request {
        action: action.to_owned(),
        resource: "*".to_owned(),
        principal: Some(RequestPrincipal::Aws(
            "arn:aws:sts::123456789012:assumed-role/Guest/CognitoIdentityCredentials".to_owned(),
        )),
        account_id: Some("123456789012".to_owned()),
        context: Context::new(),
    }
}

fn role_allowing(actions: &[String]) -> CompiledPolicy {
    let list: Vec<String> = actions.iter().map(|a| format!("\"{a}\"")).collect();
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{}],"Resource":"*"}}]}}"#,
        list.join(",")
    );
    CompiledPolicy::from_text(
        &text,
        PolicySource {
            name: "role".into(),
            kind: PolicyKind::Identity,
        },
    )
    .0
    .unwrap()
}

fn with_scope_down(role: &CompiledPolicy, action: &str) -> Decision {
    with_version(default_version(), role, action)
}

fn with_version(
    version: &'static ScopeDownVersion,
    role: &CompiledPolicy,
    action: &str,
) -> Decision {
    let sd = guest_scope_down(version);
    let set = PolicySet {
        identity: vec![role],
        session: sd.compiled.iter().collect(),
        ..PolicySet::default()
    };
    decide(&set, &request(action))
}

#[test]
fn the_built_policies_parse_cleanly_and_fit_sts_limits() {
    for version in VERSIONS {
        let inline = inline_policy_text(&version.inline());
        let parsed = parse_policy(&inline, PolicyKind::Session);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let arn = version.managed.map_or(0, |m| m.arn.len());
        assert!(
            inline.len() + arn <= 2048,
            "{}: {} chars",
            version.id,
            inline.len()
        );
        let expected = 1 + usize::from(version.managed.is_some());
        assert_eq!(
            guest_scope_down(version).compiled.len(),
            expected,
            "{}",
            version.id
        );
    }
    for text in [MANAGED_SESSION_POLICY, NEWER_MANAGED_POLICY] {
        assert!(parse_policy(text, PolicyKind::Session)
            .diagnostics
            .is_empty());
    }
}

#[test]
fn every_entry_names_its_own_service_and_a_source() {
    assert_eq!(INLINE_SCOPE_DOWN.len(), 33);
    for version in VERSIONS {
        let entries = version.inline();
        assert_eq!(entries.len(), 33, "{}", version.id);
        for entry in &entries {
            assert!(!entry.source.is_empty());
            for action in entry.actions {
                assert_eq!(action_prefix(action), entry.prefix, "{action}");
            }
        }
    }
}

#[test]
fn every_version_has_a_unique_id_a_date_and_a_source_and_the_default_exists() {
    for (i, version) in VERSIONS.iter().enumerate() {
        assert!(VERSIONS.iter().skip(i + 1).all(|v| v.id != version.id));
        assert_eq!(version.date.len(), 10, "{}", version.date);
        assert!(!version.source.is_empty() && !version.title.is_empty());
    }
    assert_eq!(version(DEFAULT_VERSION), Some(default_version()));
    assert_eq!(version("no-such-version"), None);
}

#[test]
fn the_versions_differ_where_the_sources_do() {
    let everything = role_allowing(&["*".to_owned()]);
    let by_id = |id: &str| version(id).unwrap();
    // action, then its decision under guide-2022, guide-2023 (default), managed-policy-2024.
    let implicit = Decision::ImplicitDeny;
    let allowed = Decision::Allowed;
    for (action, expected) in [
        ("mobiletargeting:PutEvents", [allowed, implicit, allowed]),
        ("kinesis:PutRecord", [allowed, implicit, implicit]),
        (
            "kinesisanalytics:DescribeApplication",
            [implicit, allowed, allowed],
        ),
        (
            "codewhisperer:GenerateRecommendations",
            [implicit, allowed, allowed],
        ),
        ("rum:PutRumEvents", [implicit, allowed, allowed]),
        ("kms:GenerateDataKeyPair", [implicit, implicit, allowed]),
        ("s3:GetObject", [allowed, allowed, allowed]),
        ("ssm:GetParameter", [implicit, implicit, implicit]),
    ] {
        let got = ["guide-2022", DEFAULT_VERSION, "managed-policy-2024"]
            .map(|id| with_version(by_id(id), &everything, action));
        assert_eq!(got, expected, "{action}");
    }
}

#[test]
fn listed_services_pass_and_others_do_not() {
    let everything = role_allowing(&["*".to_owned()]);
    for (action, expected) in [
        ("s3:GetObject", Decision::Allowed),
        ("dynamodb:PutItem", Decision::Allowed),
        ("rum:PutRumEvents", Decision::Allowed),
        ("kms:Decrypt", Decision::Allowed),
        ("kms:ReEncryptFrom", Decision::Allowed),
        ("kms:CreateKey", Decision::ImplicitDeny),
        ("sagemaker:InvokeEndpoint", Decision::Allowed),
        ("sagemaker:CreateEndpoint", Decision::ImplicitDeny),
        ("textract:AnalyzeDocument", Decision::Allowed),
        ("textract:StartDocumentAnalysis", Decision::ImplicitDeny),
        ("sumerian:ViewRelease", Decision::Allowed),
        ("ec2:DescribeInstances", Decision::ImplicitDeny),
        ("ssm:GetParameter", Decision::ImplicitDeny),
        ("iam:CreateUser", Decision::ImplicitDeny),
    ] {
        assert_eq!(with_scope_down(&everything, action), expected, "{action}");
    }
}

const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:*",
    "ec2:DescribeInstances",
    "ec2:*",
    "kms:Decrypt",
    "kms:CreateKey",
    "kms:*",
    "rum:PutRumEvents",
    "sagemaker:InvokeEndpoint",
    "sagemaker:*",
    "dynamodb:Query",
    "iam:*",
    "ssm:GetParameter",
    "*",
    "s3:Get*",
    "textract:*",
    "polly:SynthesizeSpeech",
];

proptest! {
    /// The scope-down only ever takes permissions away: whatever it allows, the role allows.
    #[test]
    fn scope_down_never_grants_what_the_role_does_not(
        granted in proptest::sample::subsequence(ACTIONS, 0..6),
        asked in proptest::sample::select(ACTIONS),
    ) {
        let granted: Vec<String> = granted.iter().map(|a| (*a).to_owned()).collect();
        let asked = asked.replace('*', "Anything");
        let role = if granted.is_empty() { role_allowing(&["none:None".to_owned()]) } else { role_allowing(&granted) };
        let alone = decide(&PolicySet { identity: vec![&role], ..PolicySet::default() }, &request(&asked));
        let scoped = with_scope_down(&role, &asked);
        if scoped == Decision::Allowed {
            prop_assert_eq!(alone, Decision::Allowed);
        }
    }
}
