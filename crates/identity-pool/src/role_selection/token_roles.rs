//! "Choose role from token": `CustomRoleArn`, then `cognito:preferred_role`, then
//! `AmbiguousRoleResolution` (facts §3.3).

use super::{ambiguous, RoleSelection, RoleSource};
use crate::error::{code, AwsError, Step};
use crate::note::{Confidence, Note, Notes, Topic};
use crate::scenario::{ClaimValue, RoleMapping, Scenario};

/// The roles a token allows: `cognito:roles` as a JSON array or a comma-separated string.
pub fn token_roles(claim: Option<&ClaimValue>) -> Vec<String> {
    match claim {
        Some(ClaimValue::List(items)) => items.clone(),
        Some(ClaimValue::Text(text)) => text
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    }
}

pub(super) fn token_based(
    scenario: &Scenario,
    mapping: &RoleMapping,
    notes: &mut Notes,
) -> Result<RoleSelection, AwsError> {
    let sign_in = &scenario.sign_in;
    let key = mapping.provider.value.clone();
    let allowed = token_roles(sign_in.claim("cognito:roles"));
    let preferred = sign_in.claim_text("cognito:preferred_role");
    if let Some(custom) = &sign_in.custom_role_arn {
        let listed = allowed.contains(&custom.value) || preferred == Some(custom.value.as_str());
        if !listed {
            notes.push(Note::new(
                Topic::CustomRoleArnDeniedMessage,
                Confidence::Assumed,
                "AWS documents that a `CustomRoleArn` not in `cognito:roles` is denied, but not the message; the text shown is ours",
            ));
            return Err(AwsError::new(
                code::NOT_AUTHORIZED,
                format!(
                    "CustomRoleArn {} is not one of the roles in the token.",
                    custom.value
                ),
                Step::RoleSelection,
            )
            .about(Topic::CustomRoleArnDeniedMessage)
            .with_confidence(Confidence::Assumed)
            .explained(
                format!(
                    "the app asked for role `{}`, but the token's `cognito:roles` does not list it",
                    custom.value
                ),
                "put the user in a user pool group whose role is that ARN, or drop `customRoleArn`",
            ));
        }
        return Ok(RoleSelection {
            role_arn: custom.value.clone(),
            source: RoleSource::CustomRoleArn,
            mapping: Some(key),
            rules: Vec::new(),
            detail: format!(
                "`CustomRoleArn` `{}` is one of the token's `cognito:roles`",
                custom.value
            ),
            span: Some(custom.span),
        });
    }
    if let Some(preferred) = preferred {
        return Ok(RoleSelection {
            role_arn: preferred.to_owned(),
            source: RoleSource::PreferredRole,
            mapping: Some(key),
            rules: Vec::new(),
            detail: format!("the token's `cognito:preferred_role` is `{preferred}`"),
            span: sign_in.claims_span,
        });
    }
    let why = if allowed.is_empty() {
        "the token has neither `cognito:preferred_role` nor `cognito:roles`".to_owned()
    } else {
        format!(
            "the token lists {} roles in `cognito:roles` but no `cognito:preferred_role` (groups tie on precedence)",
            allowed.len()
        )
    };
    ambiguous(scenario, mapping, Vec::new(), why)
}
