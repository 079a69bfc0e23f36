//! KMS keys the scenario gives no key policy: every KMS key has one, and the engine denies any
//! use of a key whose key policy does not allow it. A key without an entry in
//! `resourcePolicies` is taken to have KMS's default key policy, whose one statement lets the
//! account's IAM policies grant access (AWS KMS Developer Guide, "Default key policy":
//! https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html), and the
//! report says so in a note.

use iam_policy::{CompiledPolicy, PolicyKind, PolicySource};

use crate::note::{Confidence, Note, Topic};

/// The account of `arn:PARTITION:kms:REGION:ACCOUNT:key/ID`, when `resource` is a KMS key.
fn key_account(resource: &str) -> Option<&str> {
    let mut parts = resource.splitn(6, ':');
    let (Some("arn"), Some(_), Some("kms"), Some(_), Some(account), Some(rest)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    (rest.starts_with("key/") && !account.is_empty()).then_some(account)
}

/// KMS's default key policy for a key of `account`, compiled and named for explanations.
pub fn default_key_policy(key: &str) -> Option<CompiledPolicy> {
    let account = key_account(key)?;
    let text = format!(
        r#"{{"Version":"2012-10-17","Id":"key-default-1","Statement":[{{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":"kms:*","Resource":"*"}}]}}"#
    );
    let (policy, _) = CompiledPolicy::from_text(
        &text,
        PolicySource {
            name: format!("default key policy of {key}"),
            kind: PolicyKind::Resource,
        },
    );
    policy
}

/// The note a report carries for a key that got the default key policy.
pub fn note(key: &str) -> Note {
    Note::new(
        Topic::KmsDefaultKeyPolicy,
        Confidence::Documented,
        format!(
            "`{key}` has no entry in `resourcePolicies`, so it is taken to have KMS's default key policy: its statement for the account's root lets IAM policies grant use of the key; add the key policy to `resourcePolicies` if it differs"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_key_arns_get_the_default_policy() {
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assert_eq!(key_account(key), Some("123456789012"));
        assert!(default_key_policy(key).is_some());
        assert_eq!(
            key_account("arn:aws:kms:us-east-1:123456789012:alias/app"),
            None
        );
        assert_eq!(key_account("arn:aws:s3:::bucket/key/x"), None);
        assert!(note(key).text.contains("default key policy"));
    }
}
