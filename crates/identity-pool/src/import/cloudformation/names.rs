//! What `Ref` and `Fn::GetAtt` give for the resources an identity pool's template holds.
//! Names CloudFormation generates at deployment (`stack-Logical-RANDOM`) are taken as
//! `stack-Logical` and listed as assumed; IDs AWS generates come from the deployment.

use iam_policy::Span;

use super::resolve::Template;
use crate::import::parts::{assumed_client_id, assumed_user_pool_id, iam_arn};
use crate::import::report::Account;

/// A property as text, when the template sets it.
fn named(t: &Template<'_>, logical: &str, property: &str, account: &mut Account) -> Option<String> {
    t.property(logical, property)
        .map(|node| t.resolve_text(node, account))
}

/// The generated name of a resource without an explicit one.
fn generated(
    t: &Template<'_>,
    logical: &str,
    lowercase: bool,
    span: Span,
    account: &mut Account,
) -> String {
    let mut name = format!("{}-{logical}", t.deployment.stack_name);
    if lowercase {
        name = name.to_lowercase();
    }
    account.assumed(
        logical,
        format!("`{logical}` has no name in the template; CloudFormation generates one like `{name}-ABC123`, taken here as `{name}`"),
        Some(span),
    );
    name
}

fn name_or_generated(
    t: &Template<'_>,
    logical: &str,
    property: &str,
    lowercase: bool,
    span: Span,
    account: &mut Account,
) -> String {
    named(t, logical, property, account)
        .unwrap_or_else(|| generated(t, logical, lowercase, span, account))
}

/// The `Path` of an IAM resource (`/` when absent).
fn iam_path(t: &Template<'_>, logical: &str, account: &mut Account) -> String {
    named(t, logical, "Path", account).unwrap_or_else(|| "/".to_owned())
}

/// What `Ref logical` gives.
pub fn physical_id(t: &Template<'_>, logical: &str, span: Span, account: &mut Account) -> String {
    let dep = &t.deployment;
    let acct = dep.account_id.clone();
    match t.resource_type(logical).unwrap_or_default() {
        "AWS::Cognito::IdentityPool" => {
            let first = t
                .resources
                .iter()
                .find(|(id, node)| {
                    node.get("Type").and_then(|n| n.as_str()) == Some("AWS::Cognito::IdentityPool")
                        && !id.is_empty()
                })
                .map(|(id, _)| *id);
            if first != Some(logical) {
                return unresolved(logical, "the ID of a second identity pool", span, account);
            }
            account.assumed(
                logical,
                format!(
                    "AWS generates the identity pool's ID at creation; it is taken as `{}`",
                    dep.identity_pool_id
                ),
                Some(span),
            );
            dep.identity_pool_id.clone()
        }
        "AWS::IAM::Role" => name_or_generated(t, logical, "RoleName", false, span, account),
        "AWS::IAM::Policy" => name_or_generated(t, logical, "PolicyName", false, span, account),
        "AWS::IAM::ManagedPolicy" => {
            let name = name_or_generated(t, logical, "ManagedPolicyName", false, span, account);
            iam_arn(&acct, "policy", &iam_path(t, logical, account), &name)
        }
        "AWS::IAM::OIDCProvider" => {
            let url = named(t, logical, "Url", account).unwrap_or_default();
            format!(
                "arn:aws:iam::{acct}:oidc-provider/{}",
                url.trim_start_matches("https://")
            )
        }
        "AWS::IAM::SAMLProvider" => {
            let name = name_or_generated(t, logical, "Name", false, span, account);
            format!("arn:aws:iam::{acct}:saml-provider/{name}")
        }
        "AWS::Cognito::UserPool" => {
            assumed_user_pool_id(&dep.region, logical, logical, span, account)
        }
        "AWS::Cognito::UserPoolClient" => assumed_client_id(logical, logical, span, account),
        "AWS::S3::Bucket" => name_or_generated(t, logical, "BucketName", true, span, account),
        "AWS::DynamoDB::Table" => name_or_generated(t, logical, "TableName", false, span, account),
        "AWS::Lambda::Function" | "AWS::Serverless::Function" => {
            name_or_generated(t, logical, "FunctionName", false, span, account)
        }
        "AWS::Kinesis::Stream" => name_or_generated(t, logical, "Name", false, span, account),
        "AWS::SNS::Topic" => {
            let name = name_or_generated(t, logical, "TopicName", false, span, account);
            format!("arn:aws:sns:{}:{acct}:{name}", dep.region)
        }
        "AWS::SQS::Queue" => {
            let name = name_or_generated(t, logical, "QueueName", false, span, account);
            format!("https://sqs.{}.amazonaws.com/{acct}/{name}", dep.region)
        }
        other => unresolved(logical, &format!("Ref {logical} ({other})"), span, account),
    }
}

fn unresolved(_logical: &str, what: &str, span: Span, account: &mut Account) -> String {
    let text = format!("UNRESOLVED({what})");
    account.placeholder(
        &text,
        format!("{what} is known only after deployment; the scenario holds `{text}` instead"),
        Some(span),
    );
    text
}

/// What `Fn::GetAtt logical.attr` gives, when it is one the import knows.
pub fn attribute(
    t: &Template<'_>,
    logical: &str,
    attr: &str,
    span: Span,
    account: &mut Account,
) -> Option<String> {
    let dep = t.deployment.clone();
    let acct = &dep.account_id;
    let region = &dep.region;
    let id = || physical_id(t, logical, span, &mut Account::default());
    let value = match (t.resource_type(logical)?, attr) {
        ("AWS::IAM::Role", "Arn") => {
            let name = physical_id(t, logical, span, account);
            iam_arn(acct, "role", &iam_path(t, logical, account), &name)
        }
        ("AWS::IAM::ManagedPolicy", "PolicyArn") => physical_id(t, logical, span, account),
        ("AWS::IAM::OIDCProvider" | "AWS::IAM::SAMLProvider", "Arn") => {
            physical_id(t, logical, span, account)
        }
        ("AWS::Cognito::UserPool", "ProviderName") => format!(
            "cognito-idp.{region}.amazonaws.com/{}",
            physical_id(t, logical, span, account)
        ),
        ("AWS::Cognito::UserPool", "ProviderURL") => format!(
            "https://cognito-idp.{region}.amazonaws.com/{}",
            physical_id(t, logical, span, account)
        ),
        ("AWS::Cognito::UserPool", "Arn") => format!(
            "arn:aws:cognito-idp:{region}:{acct}:userpool/{}",
            physical_id(t, logical, span, account)
        ),
        ("AWS::Cognito::UserPool", "UserPoolId") => physical_id(t, logical, span, account),
        ("AWS::Cognito::UserPoolClient", "ClientId") => physical_id(t, logical, span, account),
        ("AWS::Cognito::IdentityPool", "Name") => {
            named(t, logical, "IdentityPoolName", account).unwrap_or_else(id)
        }
        ("AWS::Cognito::IdentityPool", "Id") => physical_id(t, logical, span, account),
        ("AWS::S3::Bucket", "Arn") => {
            format!("arn:aws:s3:::{}", physical_id(t, logical, span, account))
        }
        ("AWS::DynamoDB::Table", "Arn") => format!(
            "arn:aws:dynamodb:{region}:{acct}:table/{}",
            physical_id(t, logical, span, account)
        ),
        ("AWS::Lambda::Function" | "AWS::Serverless::Function", "Arn") => format!(
            "arn:aws:lambda:{region}:{acct}:function:{}",
            physical_id(t, logical, span, account)
        ),
        ("AWS::Kinesis::Stream", "Arn") => format!(
            "arn:aws:kinesis:{region}:{acct}:stream/{}",
            physical_id(t, logical, span, account)
        ),
        ("AWS::SNS::Topic", "TopicArn") => physical_id(t, logical, span, account),
        ("AWS::SQS::Queue", "Arn") => {
            let url = physical_id(t, logical, span, account);
            format!(
                "arn:aws:sqs:{region}:{acct}:{}",
                url.rsplit('/').next().unwrap_or_default()
            )
        }
        _ => return None,
    };
    Some(value)
}
