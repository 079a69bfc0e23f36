//! SAML identities without a role mapping: the assertion's
//! `https://aws.amazon.com/SAML/Attributes/Role` attribute lists role/provider ARN pairs, and
//! `CustomRoleArn` picks one when there are several (facts §3.5, S-COG-SAML).

use super::token_roles::token_roles;
use super::{RoleSelection, RoleSource};
use crate::error::{code, AwsError, Step};
use crate::note::{Confidence, Note, Notes, Topic};
use crate::scenario::Scenario;

/// The SAML role attribute's claim name.
pub const SAML_ROLE_CLAIM: &str = "https://aws.amazon.com/SAML/Attributes/Role";

/// The role ARNs in the attribute: each value is `ROLE_ARN,PROVIDER_ARN` in either order.
fn roles_in_assertion(scenario: &Scenario) -> Vec<String> {
    let claim = scenario.sign_in.claim(SAML_ROLE_CLAIM);
    let values = match claim {
        Some(crate::scenario::ClaimValue::List(items)) => items.clone(),
        Some(crate::scenario::ClaimValue::Text(text)) => vec![text.clone()],
        None => return Vec::new(),
    };
    values
        .iter()
        .flat_map(|pair| token_roles(Some(&crate::scenario::ClaimValue::Text(pair.clone()))))
        .filter(|arn| arn.contains(":role/"))
        .collect()
}

/// The role the assertion chooses, `None` when it names none (the default role applies).
pub(super) fn saml_roles(
    scenario: &Scenario,
    notes: &mut Notes,
) -> Option<Result<RoleSelection, AwsError>> {
    let roles = roles_in_assertion(scenario);
    let custom = scenario.sign_in.custom_role_arn.as_ref();
    let choose = |arn: &str, source: RoleSource, detail: String| RoleSelection {
        role_arn: arn.to_owned(),
        source,
        mapping: None,
        rules: Vec::new(),
        detail,
        span: scenario.sign_in.claims_span,
    };
    match (roles.as_slice(), custom) {
        ([], _) => None,
        (_, Some(custom)) if roles.contains(&custom.value) => Some(Ok(choose(
            &custom.value,
            RoleSource::CustomRoleArn,
            format!(
                "`CustomRoleArn` `{}` is one of the roles in the SAML assertion",
                custom.value
            ),
        ))),
        (_, Some(custom)) => {
            notes.push(Note::new(
                Topic::CustomRoleArnDeniedMessage,
                Confidence::Assumed,
                "AWS documents that the user assumes `customRoleArn` only if it matches a role in the assertion; the refusal's message is ours",
            ));
            Some(Err(AwsError::new(
                code::NOT_AUTHORIZED,
                format!("CustomRoleArn {} is not one of the roles in the token.", custom.value),
                Step::RoleSelection,
            )
.about(Topic::CustomRoleArnDeniedMessage)
            .with_confidence(Confidence::Assumed)
            .explained(
                format!("the app asked for `{}`, but the SAML assertion's Role attribute does not list it", custom.value),
                "list the role in the IdP's `https://aws.amazon.com/SAML/Attributes/Role` attribute, or pass one of the listed roles",
            )))
        }
        ([only], None) => Some(Ok(choose(
            only,
            RoleSource::PreferredRole,
            format!("the SAML assertion's Role attribute names one role, `{only}`"),
        ))),
        ([first, ..], None) => {
            notes.push(Note::new(
                Topic::SamlSeveralRoles,
                Confidence::Assumed,
                "the SAML assertion lists several roles and no `customRoleArn`; the simulation takes the first (AWS asks you to pass `customRoleArn`)",
            ));
            Some(Ok(choose(
                first,
                RoleSource::PreferredRole,
                format!("the SAML assertion lists {} roles and no `customRoleArn` picks one; the first, `{first}`, is used", roles.len()),
            )))
        }
    }
}
