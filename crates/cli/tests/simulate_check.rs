//! `idpool simulate` and `idpool check` as a user runs them: output and exit status.

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::path::PathBuf;

use common::{file, idpool, stdout};

const GUEST_DENIED: &str = r#"{
  "name": "guest access off",
  "identityPool": {"IdentityPoolId": "us-east-1:12345678-abcd-abcd-abcd-123456790ab", "AllowUnauthenticatedIdentities": false},
  "signIn": {"identity": "unauthenticated"},
  "expect": {"error": "NotAuthorizedException"}
}"#;

#[test]
fn simulate_prints_the_report() {
    let path = file("sim.json", GUEST_DENIED);
    let out = idpool(&["simulate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["outcome"], "NotAuthorizedException");
    assert_eq!(
        report["error"]["message"],
        "Unauthenticated access is not supported for this identity pool."
    );
}

#[test]
fn check_passes_fails_and_names_the_mismatch() {
    let good = file("good.json", GUEST_DENIED);
    let out = idpool(&["check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let bad = file(
        "bad.json",
        &GUEST_DENIED.replace(
            "\"error\": \"NotAuthorizedException\"",
            "\"credentials\": \"issued\"",
        ),
    );
    let out = idpool(&["check", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("expect.credentials: expected `issued`, got `NotAuthorizedException`"),
        "{text}"
    );
    assert!(text.contains("1 passed, 1 failed"), "{text}");
}

#[test]
fn usage_and_unreadable_files_exit_2() {
    assert_eq!(idpool(&["check"]).status.code(), Some(2));
    assert_eq!(idpool(&["simulate"]).status.code(), Some(2));
    assert_eq!(
        idpool(&["check", "/nonexistent/idpool.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn invalid_scenarios_are_located() {
    let broken = file("broken.json", "{\n  \"identityPool\": 3\n}");
    let out = idpool(&["simulate", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(":2:"), "{err}");
}

/// A JWT for the `rules-equals-admin` example's user pool and app client, but for a
/// department no rule names, with a fake signature.
fn engineering_token() -> String {
    use identity_pool::import::base64url::encode;
    let claims = serde_json::json!({
        "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123",
        "aud": "4example7client8id9abc0def", "token_use": "id", "sub": "u-1", "custom:dept": "engineering"
    });
    format!(
        "{}.{}.c2ln",
        encode(br#"{"alg":"RS256"}"#),
        encode(claims.to_string().as_bytes())
    )
}

#[test]
fn simulate_with_a_token_signs_in_with_its_claims() {
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../web/examples/rules-equals-admin.json");
    let token = file("token.txt", &engineering_token());
    let out = idpool(&[
        "simulate",
        "--token",
        token.to_str().unwrap(),
        example.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let role = report["session"]["roleArn"].as_str().unwrap();
    assert!(role.starts_with("arn:aws:iam::"), "{role}");
    assert!(
        !role.ends_with("/Admin"),
        "an engineer must not get the admin role: {role}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOT checked"));
}

#[test]
fn simulate_with_only_a_token_prints_what_it_decodes_to() {
    let token = file(
        "token-only.txt",
        &format!("Bearer {}\n", engineering_token()),
    );
    let out = idpool(&["simulate", "--token", token.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let decoded: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(decoded["issuer"]["kind"], "UserPool");
    assert_eq!(decoded["signIn"]["claims"]["custom:dept"], "engineering");
}

#[test]
fn import_prints_the_scenario_and_lists_what_it_left_out() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let template = root.join("tests/import/cloudformation/sam-rules-admin.yaml");
    let out = idpool(&["import", template.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let scenario: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(scenario["identityPool"]["IdentityPoolName"], "Photos");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "sam-rules-admin.yaml:25:5: left out: AWS::Serverless::Function ResizeFunction"
        ),
        "{stderr}"
    );
    let broken = root.join("tests/import/cloudformation/syntax-error.yaml");
    assert_eq!(
        idpool(&["import", broken.to_str().unwrap()]).status.code(),
        Some(1)
    );
}

#[test]
fn export_prints_each_format_and_refuses_an_unknown_one() {
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../web/examples/rules-equals-admin.json");
    let example = example.to_str().unwrap();
    let cfn = idpool(&["export", example]);
    assert_eq!(cfn.status.code(), Some(0));
    assert!(stdout(&cfn).contains("Type: AWS::Cognito::IdentityPoolRoleAttachment"));
    let tf = idpool(&["export", example, "--format", "terraform"]);
    assert!(stdout(&tf).contains("resource \"aws_cognito_identity_pool_roles_attachment\""));
    let cli = idpool(&["export", example, "--format", "cli"]);
    assert!(stdout(&cli).contains("aws cognito-identity set-identity-pool-roles"));
    assert_eq!(
        idpool(&["export", example, "--format", "pulumi"])
            .status
            .code(),
        Some(2)
    );
}

/// A request allowed by a wildcard entry: the explanation names the entry, where it is in
/// the file, and (the catalog being compiled in) how many actions it covers, the count
/// `idpool actions` gives for the same pattern.
#[test]
fn simulate_names_the_wildcard_entry_that_matched_and_what_it_covers() {
    let corpus = format!(
        "{}/../../tests/scenarios/access-policies.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus).unwrap()).unwrap();
    let mut scenario = cases[0].clone();
    let statement = &mut scenario["roles"][0]["Policies"][0]["PolicyDocument"]["Statement"][0];
    statement["Action"] = serde_json::json!(["s3:PutObject", "s3:Get*"]);
    let text = serde_json::to_string_pretty(&scenario).unwrap();
    let path = file("wildcard.json", &text);
    let out = idpool(&["simulate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let request = &report["requests"][0];
    assert_eq!(request["action"], "s3:GetObject");
    let st = &request["explanation"]["statements"][0];
    let entry = &st["action"]["entry"];
    assert_eq!(entry["index"], 1);
    assert_eq!(st["action"]["values"][1], "s3:Get*");
    let (start, end) = (
        entry["span"]["start"].as_u64().unwrap() as usize,
        entry["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "\"s3:Get*\"");

    let actions = idpool(&["actions", "s3:Get*", "--format", "json"]);
    let expansion: serde_json::Value = serde_json::from_str(&stdout(&actions)).unwrap();
    let count = expansion["count"].as_u64().unwrap();
    let reason = st["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(&format!(
            "the statement applies: `s3:Get*` ({count} actions, all Read) matches `s3:GetObject`, "
        )),
        "{reason}"
    );
}
