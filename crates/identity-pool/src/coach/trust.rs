//! Trust-policy hygiene for roles `cognito-identity.amazonaws.com` may assume: an `aud`
//! condition (else any identity pool, anyone's, can use the role: the confused deputy AWS
//! warns about), an `amr` condition (else guests and signed-in users alike), `amr` patterns
//! no broader than the pool's providers, and one pool per role.

use iam_policy::{Effect, Statement};
use serde_json::{Map, Value};

use super::doc::{fix, statement_mut, FixBudget};
use super::{finding, Finding, Level};
use crate::scenario::{PolicyDoc, Role, Scenario};

const COGNITO: &str = "cognito-identity.amazonaws.com";
const AUD: &str = "cognito-identity.amazonaws.com:aud";
const AMR: &str = "cognito-identity.amazonaws.com:amr";
const SOURCE: &str =
    "https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html";

fn trusts_cognito(statement: &Statement) -> bool {
    statement.effect.value == Effect::Allow
        && statement.principal.as_ref().is_some_and(|p| {
            !p.negated
                && p.entries.iter().any(|(kind, values)| {
                    kind.value == "Federated" && values.iter().any(|v| v.value == COGNITO)
                })
        })
}

/// Every value the statement's conditions compare `key` with, and whether any operator
/// on it is a `Like` one.
fn condition_values(statement: &Statement, key: &str) -> Option<(Vec<String>, bool)> {
    let mut found = None::<(Vec<String>, bool)>;
    for block in &statement.conditions {
        for entry in &block.entries {
            if entry.key.value.eq_ignore_ascii_case(key) {
                let slot = found.get_or_insert_with(|| (Vec::new(), false));
                slot.0.extend(entry.values.iter().map(|v| v.value.clone()));
                slot.1 |= block.operator.value.contains("Like");
            }
        }
    }
    found
}

/// `authenticated` or `unauthenticated`: what the pool uses the role for, when only one.
fn role_use(scenario: &Scenario, role: &Role) -> Option<&'static str> {
    let arn = &role.arn.value;
    let guest = scenario
        .pool_roles
        .unauthenticated
        .as_ref()
        .is_some_and(|r| &r.value == arn);
    let signed_in = scenario
        .pool_roles
        .authenticated
        .as_ref()
        .is_some_and(|r| &r.value == arn)
        || scenario
            .pool_roles
            .mappings
            .iter()
            .flat_map(|m| &m.rules)
            .any(|r| &r.role_arn == arn)
        || scenario
            .sign_in
            .custom_role_arn
            .as_ref()
            .is_some_and(|r| &r.value == arn);
    match (guest, signed_in) {
        (true, false) => Some("unauthenticated"),
        (false, true) => Some("authenticated"),
        _ => None,
    }
}

/// Adds `key: value` under `operator` in the statement's `Condition`.
fn add_condition(statement: &mut Value, operator: &str, key: &str, value: Value) -> Option<()> {
    let statement = statement.as_object_mut()?;
    let condition = statement
        .entry("Condition")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()?;
    let block = condition
        .entry(operator)
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()?;
    block.insert(key.to_owned(), value);
    Some(())
}

/// Sets every condition on `key` (whatever its operator) to `value`.
fn set_condition(statement: &mut Value, key: &str, value: &Value) -> Option<()> {
    let condition = statement.get_mut("Condition")?.as_object_mut()?;
    let mut any = false;
    for block in condition.values_mut() {
        if let Some(block) = block.as_object_mut() {
            for (k, v) in block.iter_mut() {
                if k.eq_ignore_ascii_case(key) {
                    *v = value.clone();
                    any = true;
                }
            }
        }
    }
    any.then_some(())
}

/// Every trust-hygiene finding.
pub fn hygiene(scenario: &Scenario, budget: &FixBudget, out: &mut Vec<Finding>) {
    for role in &scenario.roles {
        let Some(doc) = &role.trust else { continue };
        let Some(policy) = &doc.policy else { continue };
        for statement in policy.statements.iter().filter(|s| trusts_cognito(s)) {
            check_statement(scenario, budget, role, doc, statement, out);
        }
    }
}

fn check_statement(
    scenario: &Scenario,
    budget: &FixBudget,
    role: &Role,
    doc: &PolicyDoc,
    statement: &Statement,
    out: &mut Vec<Finding>,
) {
    let index = statement.index;
    let pool_id = scenario.pool.id_or_default().to_owned();
    let usage = role_use(scenario, role);
    match condition_values(statement, AUD) {
        None => {
            let mut f = finding(
                scenario,
                "coach::trust_without_aud",
                Level::Warning,
                doc,
                index,
                format!("the trust policy of `{}` has no `{AUD}` condition: any identity pool can use this role", role.name),
                format!("Without `aud`, an identity pool in any AWS account can get credentials for this role (the confused-deputy problem AWS warns about); Cognito itself refuses such roles in the enhanced flow, but the basic flow does not. Add `StringEquals` on `{AUD}` with this pool's ID. Source: {SOURCE}"),
            );
            let pool = pool_id.clone();
            f.fix = fix(
                scenario,
                budget,
                doc,
                format!("trust only pool `{pool_id}`"),
                move |d| {
                    add_condition(
                        statement_mut(d, index)?,
                        "StringEquals",
                        AUD,
                        Value::String(pool),
                    )
                },
            );
            out.push(f);
        }
        Some((values, like)) => {
            let wild = like && values.iter().any(|v| v.contains(['*', '?']));
            if values.len() > 1 || wild {
                let mut f = finding(
                    scenario,
                    "coach::trust_several_pools",
                    Level::Info,
                    doc,
                    index,
                    format!("`{}` is trusted by more than one identity pool: {}", role.name, values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")),
                    "A role shared by several pools gives every pool's identities the same permissions, and a change made for one pool reaches the others. Give each pool its own role unless they are meant to be the same audience.".to_owned(),
                );
                let pool = pool_id.clone();
                f.fix = fix(
                    scenario,
                    budget,
                    doc,
                    format!("trust only pool `{pool_id}`"),
                    move |d| set_condition(statement_mut(d, index)?, AUD, &Value::String(pool)),
                );
                out.push(f);
            }
        }
    }
    match condition_values(statement, AMR) {
        None => {
            let mut f = finding(
                scenario,
                "coach::trust_without_amr",
                Level::Warning,
                doc,
                index,
                format!("the trust policy of `{}` has no `{AMR}` condition: guests and signed-in users alike may assume it", role.name),
                format!("The `amr` claim says whether the identity is `authenticated` or `unauthenticated`. Without a condition on it, a role meant for signed-in users can be assumed with a guest's token in the basic flow. Add `ForAnyValue:StringLike` on `{AMR}`. Source: {SOURCE}"),
            );
            if let Some(usage) = usage {
                f.fix = fix(
                    scenario,
                    budget,
                    doc,
                    format!("trust only `{usage}` identities"),
                    move |d| {
                        add_condition(
                            statement_mut(d, index)?,
                            "ForAnyValue:StringLike",
                            AMR,
                            Value::String(usage.to_owned()),
                        )
                    },
                );
            }
            out.push(f);
        }
        Some((values, like)) => {
            let broad: Vec<String> = values
                .iter()
                .filter(|v| like && v.contains(['*', '?']))
                .cloned()
                .collect();
            if broad.is_empty() {
                return;
            }
            let providers: Vec<String> = scenario
                .pool
                .providers()
                .into_iter()
                .map(|p| p.name)
                .collect();
            let mut f = finding(
                scenario,
                "coach::trust_amr_broad",
                Level::Warning,
                doc,
                index,
                format!("the trust policy of `{}` matches `amr` with {}, broader than the pool's providers", role.name, broad.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")),
                format!("A pattern on `amr` also matches providers the pool does not have today (and `*` matches guests too). Name the providers ({}) or `authenticated`/`unauthenticated` exactly.", if providers.is_empty() { "none configured".to_owned() } else { providers.join(", ") }),
            );
            if let Some(usage) = usage {
                f.fix = fix(
                    scenario,
                    budget,
                    doc,
                    format!("match `amr` with `{usage}` only"),
                    move |d| {
                        set_condition(
                            statement_mut(d, index)?,
                            AMR,
                            &Value::String(usage.to_owned()),
                        )
                    },
                );
            }
            out.push(f);
        }
    }
}
