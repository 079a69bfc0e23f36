//! The enhanced-flow guest scope-down, as data. AWS publishes the list of services (the
//! seed page's table) but not the policy JSON, so this table is the single place the
//! simulation's inline session policy comes from. Every entry says where it comes from.

use serde::Serialize;

/// One service (or action subset) the inline session policy allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ScopeDownEntry {
    /// The service as the documentation names it.
    pub service: &'static str,
    /// The IAM service prefix.
    pub prefix: &'static str,
    /// The actions allowed, as IAM action patterns.
    pub actions: &'static [&'static str],
    /// Where the entry comes from.
    pub source: &'static str,
}

const TABLE: &str = "Cognito developer guide, IAM roles, scope-down services (awsdocs iam-roles.md: 2023-01-31 table, the seed; also in the 2022-06-09 list)";
const SUBSET: &str =
    "Cognito developer guide, IAM roles, table of action subsets (awsdocs iam-roles.md, 2022-06-09 and 2023-01-31)";
/// Services only the 2023 table lists.
const TABLE_2023_ONLY: &str = "Cognito developer guide, IAM roles, scope-down services (awsdocs iam-roles.md: 2023-01-31 table only)";
/// Services only the older lists name.
const LIST_2022_ONLY: &str = "Cognito developer guide, IAM roles, scope-down service list (awsdocs iam-roles.md: 2021-03-23 to 2022-06-09; not in the 2023-01-31 table)";

const fn all(
    service: &'static str,
    prefix: &'static str,
    actions: &'static [&'static str],
) -> ScopeDownEntry {
    ScopeDownEntry {
        service,
        prefix,
        actions,
        source: TABLE,
    }
}

/// The services of the inline session policy, in the documentation's order.
pub const INLINE_SCOPE_DOWN: &[ScopeDownEntry] = &[
    all("Amazon Kinesis Data Firehose", "firehose", &["firehose:*"]),
    ScopeDownEntry {
        service: "Amazon Kinesis Data Analytics",
        prefix: "kinesisanalytics",
        actions: &["kinesisanalytics:*"],
        source: TABLE_2023_ONLY,
    },
    all("Amazon Simple Queue Service", "sqs", &["sqs:*"]),
    ScopeDownEntry {
        service: "Amazon Sumerian",
        prefix: "sumerian",
        actions: &["sumerian:View*"],
        source: SUBSET,
    },
    all(
        "Amazon Mobile Analytics",
        "mobileanalytics",
        &["mobileanalytics:*"],
    ),
    all("Amazon Simple Email Service", "ses", &["ses:*"]),
    all("AWS Lambda", "lambda", &["lambda:*"]),
    ScopeDownEntry {
        service: "AWS Key Management Service",
        prefix: "kms",
        actions: &[
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey",
        ],
        source: SUBSET,
    },
    all("Amazon DynamoDB", "dynamodb", &["dynamodb:*"]),
    all("Amazon SimpleDB", "sdb", &["sdb:*"]),
    all("AWS AppSync", "appsync", &["appsync:*"]),
    all("Amazon Location Service", "geo", &["geo:*"]),
    all("Amazon Simple Notification Service", "sns", &["sns:*"]),
    all("Amazon GameLift", "gamelift", &["gamelift:*"]),
    all("AWS IoT", "iot", &["iot:*"]),
    ScopeDownEntry {
        service: "Amazon CodeWhisperer",
        prefix: "codewhisperer",
        actions: &["codewhisperer:*"],
        source: TABLE_2023_ONLY,
    },
    all("Amazon Comprehend", "comprehend", &["comprehend:*"]),
    all("Amazon Lex", "lex", &["lex:*"]),
    all(
        "Amazon Machine Learning",
        "machinelearning",
        &["machinelearning:*"],
    ),
    all("Amazon Personalize", "personalize", &["personalize:*"]),
    all("Amazon Polly", "polly", &["polly:*"]),
    all("Amazon Rekognition", "rekognition", &["rekognition:*"]),
    ScopeDownEntry {
        service: "Amazon SageMaker",
        prefix: "sagemaker",
        actions: &["sagemaker:InvokeEndpoint"],
        source: SUBSET,
    },
    ScopeDownEntry {
        service: "Amazon Textract",
        prefix: "textract",
        actions: &["textract:DetectDocumentText", "textract:AnalyzeDocument"],
        source: SUBSET,
    },
    all("Amazon Transcribe", "transcribe", &["transcribe:*"]),
    all("Amazon Translate", "translate", &["translate:*"]),
    all("Amazon CloudWatch", "cloudwatch", &["cloudwatch:*"]),
    all("Amazon CloudWatch Logs", "logs", &["logs:*"]),
    all("Amazon API Gateway", "execute-api", &["execute-api:*"]),
    all(
        "Amazon Cognito Identity",
        "cognito-identity",
        &["cognito-identity:*"],
    ),
    all(
        "Amazon Cognito user pools",
        "cognito-idp",
        &["cognito-idp:*"],
    ),
    all("Amazon Cognito Sync", "cognito-sync", &["cognito-sync:*"]),
    all("Amazon Simple Storage Service", "s3", &["s3:*"]),
];

/// Services the 2021–2022 lists name and the 2023 table does not.
pub const LIST_2022_EXTRA: &[ScopeDownEntry] = &[
    ScopeDownEntry {
        service: "Amazon Kinesis Data Streams",
        prefix: "kinesis",
        actions: &["kinesis:*"],
        source: LIST_2022_ONLY,
    },
    ScopeDownEntry {
        service: "Amazon Pinpoint",
        prefix: "mobiletargeting",
        actions: &["mobiletargeting:*"],
        source: LIST_2022_ONLY,
    },
];

/// The managed session policy Cognito passes in `PolicyArns` (2023 guide).
pub const MANAGED_SESSION_POLICY_ARN: &str =
    "arn:aws:iam::aws:policy/AmazonCognitoUnauthenticatedIdentities";

/// Its document, verbatim from the AWS managed policy reference.
pub const MANAGED_SESSION_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"rum:PutRumEvents","Resource":"*"}]}"#;

/// Where the managed policy comes from.
pub const MANAGED_SOURCE: &str =
    "AWS managed policy reference, AmazonCognitoUnauthenticatedIdentities v1 (2023-02-01); named by the Cognito guide (seed iam-roles.md)";

/// The newer managed policy AWS describes as Cognito's automatic scope-down guardrail (v3).
/// Whether Cognito passes it instead of, or with, the one above is not documented; it is
/// kept here so the playground can show it, but the simulation does not apply it.
pub const NEWER_MANAGED_POLICY_ARN: &str =
    "arn:aws:iam::aws:policy/AmazonCognitoUnAuthedIdentitiesSessionPolicy";

/// Its v3 document (AWS managed policy reference, 2024-11-01).
pub const NEWER_MANAGED_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"CognitoUnAuthedIdentitiesSessionPolicy","Effect":"Allow","Action":["rum:PutRumEvents","sagemaker:InvokeEndpoint","polly:*","comprehend:*","translate:*","transcribe:*","rekognition:*","mobiletargeting:*","firehose:*","personalize:*","geo:GetMap*","geo:SearchPlaceIndex*","geo:GetPlace","geo:CalculateRoute*","geo:*Geofence","geo:*Geofences","geo:*DevicePosition*","kms:Encrypt","kms:Decrypt","kms:ReEncryptTo","kms:ReEncryptFrom","kms:GenerateDataKey","kms:GenerateDataKeyPair","kms:GenerateDataKeyPairWithoutPlaintext","kms:GenerateDataKeyWithoutPlaintext"],"Resource":"*"}]}"#;

/// The service prefix of an action (`s3:GetObject` → `s3`), lowercase.
pub fn action_prefix(action: &str) -> String {
    action
        .split_once(':')
        .map(|(p, _)| p)
        .unwrap_or(action)
        .to_ascii_lowercase()
}

/// The entry for an action's service in `entries`, if they name the service at all.
pub fn entry_for<'a>(entries: &'a [ScopeDownEntry], action: &str) -> Option<&'a ScopeDownEntry> {
    let prefix = action_prefix(action);
    entries.iter().find(|e| e.prefix == prefix)
}
