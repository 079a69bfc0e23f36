//! Which IAM role `GetCredentialsForIdentity` picks: default roles, rules-based and
//! token-based mappings, `CustomRoleArn` and `AmbiguousRoleResolution` (facts §3).

mod rules;
mod saml;
mod token_roles;

pub use rules::{evaluate_rule, RuleOutcome, MAX_RULES};

use iam_policy::Span;
use serde::Serialize;

use crate::error::{code, message, AwsError, Step};
use crate::note::{Confidence, Note, Notes, Topic};
use crate::provider::{ConfiguredProvider, ProviderKind};
use crate::scenario::{AmbiguousRoleResolution, IdentityType, MappingType, RoleMapping, Scenario};

/// Why a role was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RoleSource {
    /// The pool's default unauthenticated role.
    DefaultUnauthenticated,
    /// The pool's default authenticated role (no mapping for the provider).
    DefaultAuthenticated,
    /// The first matching rule.
    Rule,
    /// `cognito:preferred_role` from the token.
    PreferredRole,
    /// `CustomRoleArn`, allowed by the mapping.
    CustomRoleArn,
    /// No rule matched / token ambiguous, and the mapping says `AuthenticatedRole`.
    AmbiguousAuthenticatedRole,
}

/// One rule as it was evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RuleTrace {
    /// 0-based position in the rules list.
    pub index: usize,
    /// The claim tested.
    pub claim: String,
    /// The match type.
    pub match_type: crate::scenario::MatchType,
    /// The rule's value.
    pub value: String,
    /// The token's claim, as text (lists joined with `,`), when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_value: Option<String>,
    /// The outcome.
    pub outcome: RuleOutcome,
    /// The role the rule names.
    pub role_arn: String,
    /// The rule in the scenario file.
    #[serde(skip)]
    pub span: Span,
}

/// The role chosen, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RoleSelection {
    /// The chosen role's ARN.
    pub role_arn: String,
    /// Why.
    pub source: RoleSource,
    /// The role mapping that applied (its provider key), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<String>,
    /// The rules, as evaluated (Rules mappings).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleTrace>,
    /// One sentence for the step list.
    pub detail: String,
    /// Where the chosen role is configured in the scenario file.
    #[serde(skip)]
    pub span: Option<Span>,
}

/// Chooses the role for the enhanced flow.
pub fn select_role(
    scenario: &Scenario,
    provider: Option<&ConfiguredProvider>,
    notes: &mut Notes,
) -> Result<RoleSelection, AwsError> {
    let roles = &scenario.pool_roles;
    let sign_in = &scenario.sign_in;
    let provider = match (sign_in.identity, provider) {
        (IdentityType::Authenticated, Some(provider)) => provider,
        _ => {
            return match &roles.unauthenticated {
                Some(arn) => Ok(RoleSelection {
                    role_arn: arn.value.clone(),
                    source: RoleSource::DefaultUnauthenticated,
                    mapping: None,
                    rules: Vec::new(),
                    detail: format!("guests get the pool's unauthenticated role `{}`", arn.value),
                    span: Some(arn.span),
                }),
                None => Err(no_role("unauthenticated")),
            };
        }
    };
    let key = mapping_key(provider, sign_in.claim_text("aud"));
    let mapping = roles
        .mappings
        .iter()
        .find(|m| m.valid && m.provider.value == key);
    let Some(mapping) = mapping else {
        if provider.kind == ProviderKind::Saml {
            if let Some(selection) = saml::saml_roles(scenario, notes) {
                return selection;
            }
        }
        if let Some(custom) = &sign_in.custom_role_arn {
            notes.push(Note::new(
                Topic::CustomRoleArnWithoutMapping,
                Confidence::Assumed,
                format!("`CustomRoleArn` `{}` is ignored: the provider has no role mapping, and AWS documents `CustomRoleArn` only for token-based roles", custom.value),
            ));
        }
        return default_authenticated(
            scenario,
            None,
            RoleSource::DefaultAuthenticated,
            Vec::new(),
            format!(
                "no role mapping for `{key}`, so the pool's default authenticated role applies"
            ),
        );
    };
    match mapping.kind {
        MappingType::Rules => rules_based(scenario, mapping, notes),
        MappingType::Token => token_roles::token_based(scenario, mapping, notes),
    }
}

/// The `RoleMappings` key for a provider: user pools add `:CLIENT_ID` (the token's `aud`).
pub fn mapping_key(provider: &ConfiguredProvider, aud: Option<&str>) -> String {
    match (provider.kind, aud) {
        (ProviderKind::UserPool, Some(aud)) => format!("{}:{aud}", provider.name),
        _ => provider.name.clone(),
    }
}

fn rules_based(
    scenario: &Scenario,
    mapping: &RoleMapping,
    notes: &mut Notes,
) -> Result<RoleSelection, AwsError> {
    let sign_in = &scenario.sign_in;
    let custom = sign_in.custom_role_arn.as_ref();
    let mut traces = Vec::new();
    let mut first: Option<usize> = None;
    for (index, rule) in mapping.rules.iter().take(MAX_RULES).enumerate() {
        let claim = sign_in.claim(&rule.claim);
        // With `CustomRoleArn` every rule is evaluated: it may pick any matching rule's role.
        let outcome = if first.is_some() && custom.is_none() {
            RuleOutcome::NotReached
        } else {
            evaluate_rule(rule, claim)
        };
        if outcome == RuleOutcome::Matched && first.is_none() {
            first = Some(index);
        }
        traces.push(RuleTrace {
            index,
            claim: rule.claim.clone(),
            match_type: rule.match_type,
            value: rule.value.clone(),
            claim_value: claim.map(claim_text),
            outcome,
            role_arn: rule.role_arn.clone(),
            span: rule.span,
        });
    }
    let key = mapping.provider.value.clone();
    if let Some(custom) = custom {
        return custom_among_rules(scenario, mapping, traces, custom, notes);
    }
    let Some(index) = first else {
        return ambiguous(
            scenario,
            mapping,
            traces,
            format!("no rule of the mapping for `{key}` matched the token's claims"),
        );
    };
    let Some(rule) = traces.get(index).cloned() else {
        return ambiguous(scenario, mapping, traces, "no rule matched".to_owned());
    };
    Ok(RoleSelection {
        role_arn: rule.role_arn.clone(),
        source: RoleSource::Rule,
        mapping: Some(key),
        detail: format!(
            "rule {} (`{}` {:?} `{}`) is the first that matches, so the role is `{}`",
            index + 1,
            rule.claim,
            rule.match_type,
            rule.value,
            rule.role_arn
        ),
        span: Some(rule.span),
        rules: traces,
    })
}

/// Rules mapping with `CustomRoleArn`: AWS says the first match wins "unless CustomRoleArn
/// is specified to override the order" (role-based access control page). So it picks among
/// the roles of the matching rules; a role no matching rule names is refused (our reading,
/// with our message). With no matching rule, `AmbiguousRoleResolution` applies as usual and
/// the custom role must be the role it gives.
fn custom_among_rules(
    scenario: &Scenario,
    mapping: &RoleMapping,
    traces: Vec<RuleTrace>,
    custom: &crate::scenario::Spanned<String>,
    notes: &mut Notes,
) -> Result<RoleSelection, AwsError> {
    let key = mapping.provider.value.clone();
    // (position, role, span) of each matching rule.
    let matching: Vec<(usize, String, Span)> = traces
        .iter()
        .filter(|r| r.outcome == RuleOutcome::Matched)
        .map(|r| (r.index, r.role_arn.clone(), r.span))
        .collect();
    if let Some((index, _, span)) = matching.iter().find(|(_, role, _)| *role == custom.value) {
        let first = matching.first().map(|(i, _, _)| *i) != Some(*index);
        notes.push(Note::new(
            Topic::CustomRoleArnWithRules,
            Confidence::Documented,
            "with a rules mapping, `CustomRoleArn` overrides the rules' order: it picks the role of any matching rule (\"the IAM role for the first matching rule is used, unless CustomRoleArn is specified to override the order\", role-based access control page)",
        ));
        let detail = format!(
            "`CustomRoleArn` `{}` is the role of matching rule {}{}",
            custom.value,
            index + 1,
            if first {
                ", so it overrides the first match"
            } else {
                ""
            }
        );
        let span = Some(*span);
        return Ok(RoleSelection {
            role_arn: custom.value.clone(),
            source: RoleSource::CustomRoleArn,
            mapping: Some(key),
            rules: traces,
            detail,
            span,
        });
    }
    if matching.is_empty() {
        let why = format!("no rule of the mapping for `{key}` matched the token's claims");
        let fallback = ambiguous(scenario, mapping, traces, why)?;
        if fallback.role_arn == custom.value {
            return Ok(fallback);
        }
    }
    notes.push(Note::new(
        Topic::CustomRoleArnWithRules,
        Confidence::Assumed,
        "AWS documents that `CustomRoleArn` can override the rules' order, but not what happens when it names a role no matching rule gives; the simulation refuses with `NotAuthorizedException` (the code AWS uses for role-selection refusals) and a message of our own",
    ));
    let roles: Vec<String> = matching
        .iter()
        .map(|(_, role, _)| format!("`{role}`"))
        .collect();
    let allowed = if roles.is_empty() {
        "no rule matched the token".to_owned()
    } else {
        format!("the matching rules give {}", roles.join(", "))
    };
    Err(AwsError::new(
        code::NOT_AUTHORIZED,
        format!(
            "CustomRoleArn {} is not one of the roles of the matching rules.",
            custom.value
        ),
        Step::RoleSelection,
    )
.about(Topic::CustomRoleArnWithRules)
    .with_confidence(Confidence::Assumed)
    .explained(
        format!(
            "the app asked for role `{}`, but {allowed}; `CustomRoleArn` can only choose among the roles of rules that match",
            custom.value
        ),
        "pass the role of a rule that matches this user (or drop `customRoleArn` to take the first match), or add a rule for this role",
    ))
}

/// Applies `AmbiguousRoleResolution`.
fn ambiguous(
    scenario: &Scenario,
    mapping: &RoleMapping,
    rules: Vec<RuleTrace>,
    why: String,
) -> Result<RoleSelection, AwsError> {
    let key = mapping.provider.value.as_str();
    match mapping.ambiguous {
        AmbiguousRoleResolution::AuthenticatedRole => default_authenticated(
            scenario,
            Some(key.to_owned()),
            RoleSource::AmbiguousAuthenticatedRole,
            rules,
            format!("{why}; the mapping's AmbiguousRoleResolution is AuthenticatedRole, so the default authenticated role applies"),
        ),
        AmbiguousRoleResolution::Deny => Err(AwsError::new(code::NOT_AUTHORIZED, message::ambiguous_deny(key), Step::RoleSelection)
.about(Topic::AmbiguousDeny)
            // The social-provider form is observed; the user-pool key form is our choice.
            .with_confidence(if key.starts_with("cognito-idp.") { Confidence::Assumed } else { Confidence::Observed })
            .explained(
                format!("{why}, and the mapping's AmbiguousRoleResolution is Deny, so Cognito refuses to issue credentials"),
                "add a rule that matches this user (or a `cognito:preferred_role` for token mappings), or set AmbiguousRoleResolution to AuthenticatedRole",
            )),
    }
}

fn default_authenticated(
    scenario: &Scenario,
    mapping: Option<String>,
    source: RoleSource,
    rules: Vec<RuleTrace>,
    detail: String,
) -> Result<RoleSelection, AwsError> {
    match &scenario.pool_roles.authenticated {
        Some(arn) => Ok(RoleSelection {
            role_arn: arn.value.clone(),
            source,
            mapping,
            rules,
            detail,
            span: Some(arn.span),
        }),
        None => Err(no_role("authenticated")),
    }
}

/// `InvalidIdentityPoolConfigurationException` for a pool with no role of the needed type.
fn no_role(kind: &str) -> AwsError {
    AwsError::new(code::INVALID_POOL_CONFIG, message::INVALID_POOL_CONFIG, Step::RoleSelection)
.about(Topic::TrustPolicy).explained(
        format!("the identity pool has no default {kind} role, and nothing else chose a role, so there is no role to assume"),
        format!("set the pool's {kind} role (`identityPoolRoles.Roles.{kind}`)"),
    )
}

fn claim_text(claim: &crate::scenario::ClaimValue) -> String {
    match claim {
        crate::scenario::ClaimValue::Text(text) => text.clone(),
        crate::scenario::ClaimValue::List(items) => items.join(","),
    }
}

#[cfg(test)]
mod tests;
