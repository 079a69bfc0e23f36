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
            operation: String::new(),
            label: String::new(),
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
    for step in &mut out.steps {
        let (operation, label) = step_names(&step.name, flow);
        step.operation = operation.to_owned();
        step.label = label;
    }
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

/// The AWS operation a step is or happens inside, and the step's label: stages of an
/// operation are named after it, so no step reads like an AWS call that does not exist.
fn step_names(name: &str, flow: Flow) -> (&'static str, String) {
    let call = match flow {
        Flow::Enhanced => "GetCredentialsForIdentity",
        Flow::Basic => "AssumeRoleWithWebIdentity",
    };
    let stage = match name {
        "RoleSelection" => "Cognito chooses the role",
        "TrustPolicy" => match flow {
            Flow::Enhanced => {
                "STS checks the role's trust policy (AssumeRoleWithWebIdentity on your behalf)"
            }
            Flow::Basic => "STS checks the role's trust policy",
        },
        "ScopeDown" => "Cognito adds the guest scope-down session policy",
        "GetId" => return ("GetId", name.to_owned()),
        "GetOpenIdToken" => return ("GetOpenIdToken", name.to_owned()),
        "GetOpenIdTokenForDeveloperIdentity" => {
            return ("GetOpenIdTokenForDeveloperIdentity", name.to_owned())
        }
        "GetCredentialsForIdentity" => return ("GetCredentialsForIdentity", name.to_owned()),
        "AssumeRoleWithWebIdentity" => return ("AssumeRoleWithWebIdentity", name.to_owned()),
        _ => return (call, name.to_owned()),
    };
    (call, format!("{call}: {stage}"))
}
