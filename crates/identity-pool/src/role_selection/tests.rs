use super::*;
use crate::scenario::{ClaimValue, MappingRule, MatchType, PoolRoles, SignIn, Spanned};
use iam_policy::Span;

const UP: &str = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf";
const AUTH: &str = "arn:aws:iam::123456789012:role/Auth";
const GUEST: &str = "arn:aws:iam::123456789012:role/Guest";
const ADMIN: &str = "arn:aws:iam::123456789012:role/Admin";
const SALES: &str = "arn:aws:iam::123456789012:role/Sales";

fn s(v: &str) -> Spanned<String> {
    Spanned::new(v.to_owned(), Span::default())
}

fn provider() -> ConfiguredProvider {
    ConfiguredProvider {
        kind: ProviderKind::UserPool,
        name: UP.to_owned(),
        client_ids: vec!["4abc".to_owned()],
        span: None,
    }
}

fn rule(claim: &str, match_type: MatchType, value: &str, role: &str) -> MappingRule {
    MappingRule {
        claim: claim.to_owned(),
        match_type,
        value: value.to_owned(),
        role_arn: role.to_owned(),
        span: Span::default(),
    }
}

fn scenario(mapping: Option<RoleMapping>, claims: &[(&str, ClaimValue)]) -> Scenario {
    let mut claims: Vec<(String, ClaimValue)> = claims
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    claims.push(("aud".to_owned(), ClaimValue::Text("4abc".to_owned())));
    Scenario {
        pool_roles: PoolRoles {
            authenticated: Some(s(AUTH)),
            unauthenticated: Some(s(GUEST)),
            mappings: mapping.into_iter().collect(),
        },
        sign_in: SignIn {
            identity: IdentityType::Authenticated,
            provider: Some(s(UP)),
            claims,
            ..SignIn::default()
        },
        ..Scenario::default()
    }
}

fn rules(list: Vec<MappingRule>, ambiguous: AmbiguousRoleResolution) -> Option<RoleMapping> {
    Some(RoleMapping {
        provider: s(&format!("{UP}:4abc")),
        kind: MappingType::Rules,
        ambiguous,
        rules: list,
        valid: true,
    })
}

fn token_mapping(ambiguous: AmbiguousRoleResolution) -> Option<RoleMapping> {
    Some(RoleMapping {
        provider: s(&format!("{UP}:4abc")),
        kind: MappingType::Token,
        ambiguous,
        rules: Vec::new(),
        valid: true,
    })
}

fn text(v: &str) -> ClaimValue {
    ClaimValue::Text(v.to_owned())
}

fn pick(sc: &Scenario) -> Result<RoleSelection, AwsError> {
    select_role(sc, Some(&provider()), &mut Notes::default())
}

#[test]
fn guests_get_the_unauthenticated_role_and_signed_in_users_the_authenticated_one() {
    let mut sc = scenario(None, &[]);
    assert_eq!(pick(&sc).unwrap().role_arn, AUTH);
    sc.sign_in.identity = IdentityType::Unauthenticated;
    let guest = select_role(&sc, None, &mut Notes::default()).unwrap();
    assert_eq!(
        (guest.role_arn.as_str(), guest.source),
        (GUEST, RoleSource::DefaultUnauthenticated)
    );
}

#[test]
fn missing_default_roles_are_an_invalid_pool_configuration() {
    let mut sc = scenario(None, &[]);
    sc.pool_roles.authenticated = None;
    assert_eq!(pick(&sc).unwrap_err().code, code::INVALID_POOL_CONFIG);
}

#[test]
fn rules_are_evaluated_in_order_and_the_first_match_wins() {
    let list = vec![
        rule("custom:dept", MatchType::Equals, "admin", ADMIN),
        rule("custom:dept", MatchType::StartsWith, "ad", SALES),
    ];
    let sc = scenario(
        rules(list, AmbiguousRoleResolution::Deny),
        &[("custom:dept", text("admin"))],
    );
    let chosen = pick(&sc).unwrap();
    assert_eq!(chosen.role_arn, ADMIN);
    assert_eq!(chosen.rules[1].outcome, RuleOutcome::NotReached);
}

#[test]
fn not_equal_on_a_missing_claim_is_skipped() {
    let list = vec![
        rule("custom:tier", MatchType::NotEqual, "free", ADMIN),
        rule("custom:dept", MatchType::Equals, "sales", SALES),
    ];
    let sc = scenario(
        rules(list, AmbiguousRoleResolution::Deny),
        &[("custom:dept", text("sales"))],
    );
    let chosen = pick(&sc).unwrap();
    assert_eq!(chosen.rules[0].outcome, RuleOutcome::Skipped);
    assert_eq!(chosen.role_arn, SALES);
}

#[test]
fn no_match_applies_the_ambiguous_resolution() {
    let list = vec![rule("custom:dept", MatchType::Equals, "admin", ADMIN)];
    let sc = scenario(
        rules(list.clone(), AmbiguousRoleResolution::AuthenticatedRole),
        &[],
    );
    let chosen = pick(&sc).unwrap();
    assert_eq!(
        (chosen.role_arn.as_str(), chosen.source),
        (AUTH, RoleSource::AmbiguousAuthenticatedRole)
    );
    let sc = scenario(rules(list, AmbiguousRoleResolution::Deny), &[]);
    let error = pick(&sc).unwrap_err();
    assert_eq!(error.code, code::NOT_AUTHORIZED);
    assert_eq!(
        error.message,
        format!("The ambiguous role mapping rules for: {UP}:4abc denied this request.")
    );
}

#[test]
fn only_the_first_25_rules_count() {
    let mut list: Vec<MappingRule> = (0..25)
        .map(|i| rule("custom:n", MatchType::Equals, &format!("v{i}"), ADMIN))
        .collect();
    list.push(rule("custom:n", MatchType::Equals, "late", SALES));
    let sc = scenario(
        rules(list, AmbiguousRoleResolution::AuthenticatedRole),
        &[("custom:n", text("late"))],
    );
    assert_eq!(pick(&sc).unwrap().role_arn, AUTH);
}

#[test]
fn token_mapping_uses_preferred_role_then_custom_role_arn() {
    let claims = [
        ("cognito:preferred_role", text(ADMIN)),
        (
            "cognito:roles",
            ClaimValue::List(vec![ADMIN.to_owned(), SALES.to_owned()]),
        ),
    ];
    let mut sc = scenario(token_mapping(AmbiguousRoleResolution::Deny), &claims);
    assert_eq!(pick(&sc).unwrap().source, RoleSource::PreferredRole);
    sc.sign_in.custom_role_arn = Some(s(SALES));
    let custom = pick(&sc).unwrap();
    assert_eq!(
        (custom.role_arn.as_str(), custom.source),
        (SALES, RoleSource::CustomRoleArn)
    );
    sc.sign_in.custom_role_arn = Some(s(AUTH));
    assert_eq!(pick(&sc).unwrap_err().code, code::NOT_AUTHORIZED);
}

#[test]
fn token_roles_accept_comma_strings_and_ambiguity_denies() {
    let claims = [("cognito:roles", text(&format!("{ADMIN}, {SALES}")))];
    let mut sc = scenario(token_mapping(AmbiguousRoleResolution::Deny), &claims);
    assert_eq!(pick(&sc).unwrap_err().code, code::NOT_AUTHORIZED);
    sc.sign_in.custom_role_arn = Some(s(SALES));
    assert_eq!(pick(&sc).unwrap().role_arn, SALES);
}

#[test]
fn invalid_mappings_are_ignored() {
    let mut mapping = rules(
        vec![rule("custom:dept", MatchType::Equals, "admin", ADMIN)],
        AmbiguousRoleResolution::Deny,
    );
    if let Some(m) = mapping.as_mut() {
        m.valid = false;
    }
    let sc = scenario(mapping, &[("custom:dept", text("admin"))]);
    assert_eq!(pick(&sc).unwrap().source, RoleSource::DefaultAuthenticated);
}
