//! `AssumeRoleWithWebIdentity` parameter checks the app's request must pass (facts §6):
//! duration, session name, number and size of session policies.

use crate::error::{code, message, AwsError, Step};
use crate::note::{Confidence, Topic};
use crate::scenario::{BasicRequest, Role};

/// Shortest and longest `DurationSeconds`.
pub const DURATION_RANGE: (i64, i64) = (900, 43_200);
/// Limit on the inline `Policy` string, and on it plus the managed policy ARNs
/// (characters). STS counts the raw string, whitespace included ("a string of characters
/// up to 2048 characters", STS API reference); the whitespace-free count is IAM's rule for
/// stored policies, not this one.
pub const SESSION_POLICY_PLAINTEXT_MAX: usize = 2048;
/// Most managed session policies.
pub const MAX_POLICY_ARNS: usize = 10;

fn validation(message: String) -> AwsError {
    AwsError::new(
        code::VALIDATION_ERROR,
        message,
        Step::AssumeRoleWithWebIdentity,
    )
    .about(Topic::StsValidation)
    .with_confidence(Confidence::Assumed)
}

/// The duration to use, or the error STS returns.
pub fn check_duration(request: &BasicRequest, role: &Role) -> Result<i64, AwsError> {
    let Some(duration) = request.duration_seconds.as_ref().map(|d| d.value) else {
        return Ok(3600);
    };
    let (min, max) = DURATION_RANGE;
    if duration < min || duration > max {
        let bound = if duration < min {
            format!("greater than or equal to {min}")
        } else {
            format!("less than or equal to {max}")
        };
        return Err(validation(format!(
            "1 validation error detected: Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value {bound}"
        ))
        .explained(
            format!("`DurationSeconds` is {duration}; STS accepts {min} to {max} seconds"),
            "pick a duration between 900 and 43200 seconds (and within the role's maximum session duration)",
        ));
    }
    if duration > i64::from(role.max_session_duration) {
        return Err(AwsError::new(code::VALIDATION_ERROR, message::DURATION_ABOVE_MAX, Step::AssumeRoleWithWebIdentity)
.about(Topic::StsValidation).explained(
            format!(
                "`DurationSeconds` is {duration}, above role `{}`'s maximum session duration of {} seconds",
                role.name, role.max_session_duration
            ),
            format!("ask for at most {} seconds, or raise the role's `MaxSessionDuration`", role.max_session_duration),
        ));
    }
    Ok(duration)
}

/// The role session name, or the error STS returns for a bad one.
pub fn check_session_name(name: &str) -> Result<(), AwsError> {
    let len = name.chars().count();
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c);
    if (2..=64).contains(&len) && name.chars().all(allowed) {
        return Ok(());
    }
    Err(validation(format!(
        "1 validation error detected: Value '{name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
    ))
    .explained(
        "`RoleSessionName` must be 2 to 64 characters of letters, digits and `_+=,.@-`",
        "choose a session name such as the user's identity ID without the colon",
    ))
}

/// The session policies' count and plaintext size.
pub fn check_policy_size(request: &BasicRequest) -> Result<(), AwsError> {
    if request.policy_arns.len() > MAX_POLICY_ARNS {
        return Err(validation(format!(
            "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to {MAX_POLICY_ARNS}"
        ))
        .explained(
            format!("the request passes {} managed session policies; STS accepts at most {MAX_POLICY_ARNS}", request.policy_arns.len()),
            "merge the managed policies, or move their statements into the inline `Policy`",
        ));
    }
    let inline = request.policy.as_ref().map_or(0, |p| p.raw_len);
    let arns: usize = request
        .policy_arns
        .iter()
        .map(|a| a.value.chars().count())
        .sum();
    if inline > SESSION_POLICY_PLAINTEXT_MAX {
        return Err(validation(format!(
            "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to {SESSION_POLICY_PLAINTEXT_MAX}"
        ))
        .explained(
            format!("the inline session policy is {inline} characters as written, whitespace and line breaks included; STS takes `Policy` as a raw string of at most {SESSION_POLICY_PLAINTEXT_MAX} characters (unlike IAM's limits on stored policies, whitespace counts here)"),
            "send the policy minified (no indentation or line breaks), shorten it with wildcards or fewer statements, or move statements into a managed policy passed in `PolicyArns`",
        ));
    }
    if inline + arns > SESSION_POLICY_PLAINTEXT_MAX {
        return Err(AwsError::new(
            code::PACKED_POLICY_TOO_LARGE,
            "The request was rejected because the total packed size of the session policies and session tags combined was too large.",
            Step::AssumeRoleWithWebIdentity,
        )
.about(Topic::StsValidation)
        .with_confidence(Confidence::Assumed)
        .explained(
            format!(
                "the inline session policy ({inline} characters) and the managed policy ARNs ({arns} characters) together exceed the {SESSION_POLICY_PLAINTEXT_MAX}-character plaintext limit for session policies"
            ),
            "pass fewer or shorter policies; the limit counts the inline policy and the ARNs together",
        ));
    }
    Ok(())
}
