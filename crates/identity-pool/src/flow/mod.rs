//! The sign-in flows: enhanced (GetId → GetCredentialsForIdentity) and basic (GetId →
//! GetOpenIdToken → AssumeRoleWithWebIdentity), step by step with AWS's errors.

mod assume;
mod basic;
mod enhanced;
mod get_id;
mod sts_limits;

use iam_policy::CompiledPolicy;

use crate::compiled::CompiledScenario;
use crate::error::AwsError;
use crate::note::Notes;
use crate::report::{Reading, StepReport, StepStatus};
use crate::role_selection::RoleSelection;
use crate::scenario::{Flow, Scenario};
use crate::session::Session;
use crate::token::MintedToken;
use crate::trust::TrustEvaluation;

/// What a flow run produced, successful or not.
#[derive(Debug, Default)]
pub struct FlowOutcome {
    /// The steps in order.
    pub steps: Vec<StepReport>,
    /// The identity ID.
    pub identity_id: Option<String>,
    /// The identity-pool token.
    pub token: Option<MintedToken>,
    /// The role selection (enhanced flow).
    pub role_selection: Option<RoleSelection>,
    /// Trust evaluations.
    pub trust: Vec<TrustEvaluation>,
    /// Whether the guest scope-down was applied.
    pub scope_down_applied: bool,
    /// The session, on success.
    pub session: Option<Session>,
    /// The session policies, compiled, on success.
    pub session_policies: Vec<CompiledPolicy>,
    /// The failure.
    pub error: Option<AwsError>,
    /// Other readings of uncertain facts under which the sign-in ends differently.
    pub readings: Vec<Reading>,
}

impl FlowOutcome {
    /// Records a step.
    pub fn step(&mut self, name: &str, status: StepStatus, detail: impl Into<String>) {
        self.steps.push(StepReport {
            name: name.to_owned(),
            status,
            detail: detail.into(),
        });
    }

    /// Records a failed step and the error, then marks `later` steps as skipped.
    pub fn fail(&mut self, name: &str, error: AwsError, later: &[&str]) {
        self.step(
            name,
            StepStatus::Failed,
            format!("{}: {}", error.code, error.message),
        );
        for step in later {
            self.step(step, StepStatus::Skipped, "not reached");
        }
        self.error = Some(error);
    }
}

/// Runs the scenario's flow.
pub fn run_flow(
    scenario: &Scenario,
    compiled: &CompiledScenario<'_>,
    notes: &mut Notes,
) -> FlowOutcome {
    let flow = scenario.sign_in.flow;
    let mut out = match flow {
        Flow::Enhanced => enhanced::run(scenario, compiled, notes),
        Flow::Basic => basic::run(scenario, compiled, notes),
    };
    // A failure inside role selection or the trust check is returned by the enclosing AWS
    // call: mark that call failed too, so the step list reads as AWS would answer.
    if let Some(error) = &out.error {
        let operation = error.step.operation(flow);
        let detail = format!("{}: {}", error.code, error.message);
        let call = out
            .steps
            .iter_mut()
            .find(|s| s.name == operation && s.status == StepStatus::Ok);
        if let Some(step) = call {
            step.status = StepStatus::Failed;
            step.detail = detail;
        }
    }
    out
}
