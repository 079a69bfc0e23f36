//! The rules of AWS's evaluation logic that depend on who asks and for what, not only on
//! which layers allow: requests that need no permission, resources whose own policy must
//! allow (KMS keys, role trust), resources AWS owns, and who Organizations policies skip.

use crate::explain::Rule;
use crate::pattern::split_arn;
use crate::principal::arn_account;
use crate::{Request, RequestPrincipal};

/// `sts:GetCallerIdentity`: "No permissions are required to perform this operation" (STS API
/// Reference), and an explicit Deny does not stop it.
pub(super) fn needs_no_permission(req: &Request) -> bool {
    req.action.eq_ignore_ascii_case("sts:GetCallerIdentity")
        && !matches!(req.principal, Some(RequestPrincipal::Anonymous))
}

/// Whether the resource's own policy must allow, even within one account: a KMS key's key
/// policy for `kms:` actions on a key, a role's trust policy for `sts:AssumeRole*`.
pub(super) fn resource_must_allow(req: &Request) -> Option<Rule> {
    let (service, name) = req.action.split_once(':')?;
    if service.eq_ignore_ascii_case("kms") && is_kms_key(&req.resource) {
        return Some(Rule::KeyPolicyMustAllow);
    }
    let assume = name
        .get(..10)
        .is_some_and(|p| p.eq_ignore_ascii_case("AssumeRole"));
    (service.eq_ignore_ascii_case("sts") && assume).then_some(Rule::TrustPolicyMustAllow)
}

/// `arn:PARTITION:kms:REGION:ACCOUNT:key/ID`.
fn is_kms_key(resource: &str) -> bool {
    split_arn(resource, false).is_some_and(|p| p[2] == "kms" && p[5].starts_with("key/"))
}

/// Verbs of actions that change what they act on; reads (`Get`, `List`, `Describe`, ...) are
/// not refused on AWS-owned resources.
const CHANGING_VERBS: &[&str] = &[
    "Create", "Delete", "Update", "Put", "Set", "Tag", "Untag", "Attach", "Detach", "Add",
    "Remove", "Replace", "Upload", "Enable", "Disable", "Change", "Modify",
];

/// Why a customer policy can never allow this change: the resource belongs to AWS (an ARN
/// in the account `aws`, i.e. an AWS managed policy) or is an `alias/aws/*` KMS alias.
pub(super) fn aws_owned_change(req: &Request) -> Option<&'static str> {
    let (_, name) = req.action.split_once(':')?;
    let changes = CHANGING_VERBS.iter().any(|v| {
        name.get(..v.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(v))
    });
    if !changes {
        return None;
    }
    let parts = split_arn(&req.resource, false)?;
    if parts[4] == "aws" {
        return Some("it belongs to AWS (the account `aws`: an AWS managed policy), and no customer policy can change it");
    }
    (parts[2] == "kms" && parts[5].starts_with("alias/aws/"))
        .then_some("`alias/aws/*` names are reserved for AWS managed keys, and no customer policy can create, change or delete them")
}

/// A service-linked role or one of its sessions: its path is `/aws-service-role/` and its
/// name starts with `AWSServiceRoleFor` (IAM User Guide, "Using service-linked roles").
pub(super) fn is_service_linked_role(req: &Request) -> bool {
    let Some(RequestPrincipal::Aws(arn)) = &req.principal else {
        return false;
    };
    let Some(parts) = split_arn(arn, false) else {
        return false;
    };
    let resource = parts[5];
    resource.starts_with("role/aws-service-role/")
        || resource
            .strip_prefix("assumed-role/")
            .is_some_and(|r| r.starts_with("AWSServiceRoleFor"))
}

/// The caller's account, when the principal is an IAM or STS ARN.
pub(super) fn caller_account(req: &Request) -> Option<&str> {
    match &req.principal {
        Some(RequestPrincipal::Aws(arn)) => arn_account(arn),
        _ => None,
    }
}

/// The account that owns the resource: `accountId`, else the resource ARN's account, else
/// the caller's (a request without either is read as within one account).
pub(super) fn resource_account(req: &Request) -> Option<&str> {
    req.account_id
        .as_deref()
        .or_else(|| arn_account(&req.resource))
        .or_else(|| caller_account(req))
}
