//! The identities a comparison covers: the scenario's own sign-in, a guest, each provider
//! the pool accepts, and each outcome of the pool's role mappings (one per rule, one per
//! role a token may prefer). Each is a `signIn` given to both sides, so "before" and "after"
//! are the same person.

use iam_policy::Span;
use serde::Serialize;

use crate::provider::{ConfiguredProvider, ProviderKind};
use crate::scenario::{
    BasicRequest, ClaimValue, Flow, IdentityType, MappingType, MatchType, Scenario, SignIn, Spanned,
};

/// What kind of identity a comparison is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum IdentityKind {
    /// The scenario's own `signIn` (each side its own).
    Current,
    /// An unauthenticated identity.
    Guest,
    /// A sign-in with one of the pool's providers, no rule claims.
    Provider,
    /// A sign-in whose claims meet one role-mapping rule (or prefer one role by token).
    Mapping,
}

/// One identity to compare.
#[derive(Clone, Debug)]
pub struct Identity {
    /// How it is shown.
    pub label: String,
    /// Its kind.
    pub kind: IdentityKind,
    /// The sign-in both sides use; `None`: each side keeps its own.
    pub sign_in: Option<SignIn>,
}

/// A sub for made-up sign-ins when the scenario's own has none.
const STAND_IN_SUB: &str = "11111111-aaaa-bbbb-cccc-222222222222";

/// Every identity of `scenario`'s pool that the scenario describes.
pub fn identities(scenario: &Scenario) -> Vec<Identity> {
    let current = &scenario.sign_in;
    let mut out = vec![Identity {
        label: current_label(current),
        kind: IdentityKind::Current,
        sign_in: None,
    }];
    if current.identity != IdentityType::Unauthenticated {
        out.push(Identity {
            label: "guest".to_owned(),
            kind: IdentityKind::Guest,
            sign_in: Some(made_up(
                scenario,
                IdentityType::Unauthenticated,
                None,
                Vec::new(),
            )),
        });
    }
    let current_provider = match current.identity {
        IdentityType::Authenticated => current.provider.as_ref().map(|p| p.value.as_str()),
        IdentityType::Unauthenticated => None,
    };
    for provider in scenario.pool.providers() {
        let mut base = base_claims(scenario, &provider);
        // The provider's default outcome: no rule claim, so no rule matches.
        let rule_claims = rule_claims(scenario, &provider);
        base.retain(|(k, _)| !rule_claims.contains(&k.as_str()));
        let same_as_current =
            Some(provider.name.as_str()) == current_provider && base == current.claims;
        if !same_as_current {
            out.push(Identity {
                label: format!("signed in with `{}`", provider.name),
                kind: IdentityKind::Provider,
                sign_in: Some(made_up(
                    scenario,
                    IdentityType::Authenticated,
                    Some(&provider.name),
                    base.clone(),
                )),
            });
        }
        mapping_identities(scenario, &provider, &base, &mut out);
    }
    // A made-up identity that is the scenario's own sign-in adds nothing.
    out.retain(|i| {
        i.sign_in.as_ref().is_none_or(|s| {
            !(s.identity == current.identity
                && s.claims == current.claims
                && s.provider.as_ref().map(|p| &p.value)
                    == current.provider.as_ref().map(|p| &p.value))
        })
    });
    out
}

/// The claims the provider's `Rules` mappings compare.
fn rule_claims<'s>(scenario: &'s Scenario, provider: &ConfiguredProvider) -> Vec<&'s str> {
    scenario
        .pool_roles
        .mappings
        .iter()
        .filter(|m| mapping_provider(&m.provider.value, provider).is_some())
        .flat_map(|m| {
            let token: &[&str] = match m.kind {
                MappingType::Token => &["cognito:roles", "cognito:preferred_role"],
                MappingType::Rules => &[],
            };
            m.rules
                .iter()
                .map(|r| r.claim.as_str())
                .chain(token.iter().copied())
        })
        .collect()
}

/// For a mapping key of `provider` (a user pool's is `NAME:CLIENT_ID`), the client id it
/// names (empty for other providers); `None` when the key is another provider's.
fn mapping_provider<'k>(key: &'k str, provider: &ConfiguredProvider) -> Option<&'k str> {
    let (name, client) = match provider.kind {
        ProviderKind::UserPool => key.rsplit_once(':').unwrap_or((key, "")),
        _ => (key, ""),
    };
    (name == provider.name).then_some(client)
}

fn current_label(sign_in: &SignIn) -> String {
    let flow = match sign_in.flow {
        Flow::Enhanced => "enhanced flow",
        Flow::Basic => "basic flow",
    };
    match (sign_in.identity, &sign_in.provider) {
        (IdentityType::Authenticated, Some(p)) => {
            format!("the scenario's sign-in (`{}`, {flow})", p.value)
        }
        (IdentityType::Authenticated, None) => format!("the scenario's sign-in ({flow})"),
        (IdentityType::Unauthenticated, _) => format!("the scenario's sign-in (guest, {flow})"),
    }
}

/// The claims a token of `provider` carries to pass GetId's checks: the scenario's own when
/// it signs in with that provider, else a stand-in `sub`, the first app id as `aud` and the
/// issuer token providers must name.
fn base_claims(scenario: &Scenario, provider: &ConfiguredProvider) -> Vec<(String, ClaimValue)> {
    let current = &scenario.sign_in;
    if current.provider.as_ref().map(|p| p.value.as_str()) == Some(provider.name.as_str()) {
        return current.claims.clone();
    }
    let sub = current.claim_text("sub").unwrap_or(STAND_IN_SUB).to_owned();
    let mut claims = vec![("sub".to_owned(), ClaimValue::Text(sub))];
    if let Some(aud) = provider.client_ids.first() {
        claims.push(("aud".to_owned(), ClaimValue::Text(aud.clone())));
    }
    if matches!(
        provider.kind,
        ProviderKind::UserPool | ProviderKind::Oidc | ProviderKind::Google | ProviderKind::Apple
    ) {
        claims.push((
            "iss".to_owned(),
            ClaimValue::Text(format!("https://{}", provider.name)),
        ));
    }
    claims
}

/// One identity per rule of the provider's `Rules` mapping, one per role a `Token` mapping
/// may be asked for.
fn mapping_identities(
    scenario: &Scenario,
    provider: &ConfiguredProvider,
    base: &[(String, ClaimValue)],
    out: &mut Vec<Identity>,
) {
    for mapping in &scenario.pool_roles.mappings {
        let Some(client) = mapping_provider(&mapping.provider.value, provider) else {
            continue;
        };
        let mut claims = base.to_vec();
        if !client.is_empty() {
            set_claim(&mut claims, "aud", ClaimValue::Text(client.to_owned()));
        }
        match mapping.kind {
            MappingType::Rules => {
                for (i, rule) in mapping.rules.iter().enumerate() {
                    let value = match rule.match_type {
                        MatchType::NotEqual => format!("not-{}", rule.value),
                        _ => rule.value.clone(),
                    };
                    let mut claims = claims.clone();
                    set_claim(&mut claims, &rule.claim, ClaimValue::Text(value.clone()));
                    out.push(Identity {
                        label: format!(
                            "`{}` with `{}` = `{value}` (rule {})",
                            provider.name,
                            rule.claim,
                            i + 1
                        ),
                        kind: IdentityKind::Mapping,
                        sign_in: Some(made_up(
                            scenario,
                            IdentityType::Authenticated,
                            Some(&provider.name),
                            claims,
                        )),
                    });
                }
            }
            MappingType::Token => {
                let default = scenario.pool_roles.authenticated.as_ref().map(|r| &r.value);
                for role in scenario
                    .roles
                    .iter()
                    .filter(|r| Some(&r.arn.value) != default)
                {
                    let arn = role.arn.value.clone();
                    let mut claims = claims.clone();
                    set_claim(
                        &mut claims,
                        "cognito:roles",
                        ClaimValue::List(vec![arn.clone()]),
                    );
                    set_claim(&mut claims, "cognito:preferred_role", ClaimValue::Text(arn));
                    out.push(Identity {
                        label: format!("`{}` preferring role `{}`", provider.name, role.name),
                        kind: IdentityKind::Mapping,
                        sign_in: Some(made_up(
                            scenario,
                            IdentityType::Authenticated,
                            Some(&provider.name),
                            claims,
                        )),
                    });
                }
            }
        }
    }
}

fn set_claim(claims: &mut Vec<(String, ClaimValue)>, name: &str, value: ClaimValue) {
    match claims.iter_mut().find(|(k, _)| k == name) {
        Some((_, v)) => *v = value,
        None => claims.push((name.to_owned(), value)),
    }
}

/// A sign-in of the same flow, identity ID and time as the scenario's, as `identity` with
/// `provider` and `claims`. In the basic flow the app asks for the role the enhanced flow
/// would give by default (the guest or the authenticated role).
fn made_up(
    scenario: &Scenario,
    identity: IdentityType,
    provider: Option<&str>,
    claims: Vec<(String, ClaimValue)>,
) -> SignIn {
    let current = &scenario.sign_in;
    let here = Span::new(scenario.span.start, scenario.span.start);
    let basic = (current.flow == Flow::Basic).then(|| {
        let role = match identity {
            IdentityType::Unauthenticated => &scenario.pool_roles.unauthenticated,
            IdentityType::Authenticated => &scenario.pool_roles.authenticated,
        };
        BasicRequest {
            role_arn: role.clone(),
            ..BasicRequest::default()
        }
    });
    SignIn {
        identity,
        provider: provider.map(|p| Spanned::new(p.to_owned(), here)),
        claims,
        claims_span: None,
        claims_unreadable: false,
        identity_id: current.identity_id.clone(),
        flow: current.flow,
        custom_role_arn: None,
        basic,
        time: current.time.clone(),
    }
}
