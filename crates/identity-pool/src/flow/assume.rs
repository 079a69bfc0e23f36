//! The STS half shared by both flows: find the role, evaluate its trust policy, and turn a
//! refusal into the error each flow returns (facts §1.2: enhanced → Cognito's
//! InvalidIdentityPoolConfigurationException, basic → STS AccessDenied).

use std::collections::BTreeMap;

use iam_policy::Decision;

use super::FlowOutcome;
use crate::compiled::{CompiledRole, CompiledScenario};
use crate::error::{code, message, AwsError, Step};
use crate::explain::trust::diagnose;
use crate::note::{Confidence, Topic};
use crate::report::StepStatus;
use crate::scenario::{Flow, Scenario, Spanned};
use crate::token::MintedToken;
use crate::trust::evaluate_trust;

/// The error a trust refusal becomes in `flow`.
fn refusal(flow: Flow) -> AwsError {
    match flow {
        Flow::Enhanced => AwsError::new(
            code::INVALID_POOL_CONFIG,
            message::INVALID_POOL_CONFIG,
            Step::TrustPolicy,
        )
        .about(Topic::TrustPolicy),
        Flow::Basic => AwsError::new(
            code::ACCESS_DENIED,
            message::STS_NOT_AUTHORIZED,
            Step::TrustPolicy,
        )
        .about(Topic::TrustPolicy)
        .with_confidence(Confidence::Documented),
    }
}

/// Evaluates the trust policy of `role_arn`; records the `TrustPolicy` step.
pub fn assume<'c, 's>(
    scenario: &Scenario,
    compiled: &'c CompiledScenario<'s>,
    role: &Spanned<String>,
    token: &MintedToken,
    tags: &BTreeMap<String, String>,
    out: &mut FlowOutcome,
    later: &[&str],
) -> Option<&'c CompiledRole<'s>> {
    let flow = scenario.sign_in.flow;
    let role_arn = role.value.as_str();
    let named_at = Some(scenario.position(role.span.start));
    let Some(role) = compiled.role(role_arn) else {
        let error = refusal(flow).with_confidence(Confidence::Assumed).at(named_at).explained(
            format!("the role `{role_arn}` is not defined in the scenario's `roles`, so its trust policy cannot be checked; on AWS a role that does not exist fails the same way"),
            "add the role (its `Arn`, trust policy and permissions) to `roles`",
        );
        out.fail("TrustPolicy", error, later);
        return None;
    };
    let Some(trust) = role.trust.as_ref() else {
        let diagnosis = crate::explain::trust::no_trust(role.role);
        let error = refusal(flow)
            .at(named_at)
            .explained(diagnosis.explanation, diagnosis.fix);
        out.fail("TrustPolicy", error, later);
        return None;
    };
    let evaluations = evaluate_trust(role_arn, trust, token, tags);
    let failed = evaluations
        .iter()
        .find(|e| e.decision != Decision::Allowed)
        .cloned();
    out.trust = evaluations;
    match failed {
        None => {
            let tagging = if tags.is_empty() {
                ""
            } else {
                " and `sts:TagSession`"
            };
            out.step(
                "TrustPolicy",
                StepStatus::Ok,
                format!("`{}`'s trust policy allows `sts:AssumeRoleWithWebIdentity`{tagging} for this token", role.role.name),
            );
            Some(role)
        }
        Some(evaluation) => {
            let d = diagnose(role.role, &evaluation, token);
            let mut error = refusal(flow).explained(d.explanation, d.fix);
            error.policy = Some(format!("{}/trust", role.role.name));
            error.statement = d.statement;
            error.locate(scenario, d.span);
            out.fail("TrustPolicy", error, later);
            None
        }
    }
}
