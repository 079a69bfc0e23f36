use serde_json::json;

use super::*;

fn example(name: &str) -> Value {
    let path = format!(
        "{}/../../web/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn cloudformation_refers_to_the_pool_and_roles_by_reference() {
    let out = export(&example("rules-equals-admin"), ExportFormat::CloudFormation);
    assert!(
        out.text
            .contains("cognito-identity.amazonaws.com:aud: !Ref IdentityPool"),
        "{}",
        out.text
    );
    assert!(
        out.text.contains("RoleARN: !GetAtt AdminRole.Arn"),
        "{}",
        out.text
    );
    assert!(out.text.contains("IdentityProvider: cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123:4example7client8id9abc0def"), "{}", out.text);
}

#[test]
fn terraform_escapes_policy_variables_and_references_the_pool() {
    let out = export(&example("tags-custom-department"), ExportFormat::Terraform);
    assert!(
        out.text
            .contains("arn:aws:s3:::*-$${aws:PrincipalTag/department}"),
        "{}",
        out.text
    );
    assert!(
        out.text
            .contains("\"cognito-identity.amazonaws.com:aud\" = aws_cognito_identity_pool.pool.id"),
        "{}",
        out.text
    );
    assert!(
        out.text.contains("authenticated = aws_iam_role.tagged.arn"),
        "{}",
        out.text
    );
    assert!(
        out.text
            .contains("resource \"aws_cognito_identity_pool_provider_principal_tag\""),
        "{}",
        out.text
    );
}

#[test]
fn cli_commands_quote_documents_for_the_shell() {
    let mut scenario = example("rules-equals-admin");
    scenario["roles"][0]["Policies"][0]["PolicyName"] = json!("it's");
    let out = export(&scenario, ExportFormat::AwsCli);
    assert!(
        out.text.contains(
            "aws iam update-assume-role-policy --role-name 'Auth' --policy-document '{\"Version\""
        ),
        "{}",
        out.text
    );
    assert!(
        out.text.contains("--policy-name 'it'\\''s'"),
        "{}",
        out.text
    );
    assert!(out.text.contains("aws cognito-identity set-identity-pool-roles --identity-pool-id 'us-east-1:12345678-abcd-abcd-abcd-123456790ab' --roles '{\"authenticated\":\"arn:aws:iam::123456789012:role/Auth\"}' --role-mappings '"), "{}", out.text);
}

#[test]
fn names_in_code_are_valid_identifiers() {
    assert_eq!(model::code_name("my-app_auth", "Role"), "MyAppAuthRole");
    assert_eq!(model::code_name("9lives", "Role"), "R9livesRole");
    assert_eq!(model::snake_name("MyAppAuth"), "my_app_auth");
    assert_eq!(
        model::snake_name("Cognito-Guest.Role"),
        "cognito_guest_role"
    );
}
