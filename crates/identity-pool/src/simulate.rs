//! `simulate`: the whole path from sign-in to each request's decision, as one pure function.

use crate::compiled::CompiledScenario;
use crate::flow::run_flow;
use crate::note::Notes;
use crate::report::{Report, ScopeDownReport};
use crate::requests::{evaluate_requests, Credentials};
use crate::scenario::{load_scenario, Flow, IdentityType, Scenario};
use crate::scope_down::{default_version, ScopeDownVersion, VERSIONS};

/// Which requests get their explanations.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Explain {
    /// Every request (what the CLI and a report file show).
    #[default]
    All,
    /// None: decisions only, the fast path of a keystroke.
    None,
    /// The requests at these 0-based indices (the ones a reader has opened).
    Only(Vec<usize>),
}

impl Explain {
    /// Whether request `index` is explained.
    pub fn covers(&self, index: usize) -> bool {
        match self {
            Self::All => true,
            Self::None => false,
            Self::Only(list) => list.contains(&index),
        }
    }
}

/// Simulates `scenario`: the sign-in steps, the session or the error, and every request.
pub fn simulate(scenario: &Scenario) -> Report {
    simulate_with(scenario, &Explain::All)
}

/// [`simulate`], explaining only the requests `explain` covers; the others carry only their
/// decision (the sign-in, its steps and errors are always complete).
pub fn simulate_with(scenario: &Scenario, explain: &Explain) -> Report {
    let compiled = CompiledScenario::new(scenario);
    let mut notes = Notes::default();
    let mut outcome = run_flow(scenario, &compiled, &mut notes);
    if let Some(error) = &mut outcome.error {
        error.operation = error.step.operation(scenario.sign_in.flow).to_owned();
        if error.explanation.is_empty() {
            error.explanation = "see the step that failed".to_owned();
        }
    }
    let credentials = outcome.session.as_ref().map(|session| Credentials {
        session,
        session_policies: &outcome.session_policies,
        scope_down: outcome.scope_down_applied,
    });
    let requests = evaluate_requests(scenario, &compiled, credentials.as_ref(), &|index| {
        explain.covers(index)
    });
    for (key, _) in &compiled.default_key_policies {
        notes.push(crate::kms_default::note(key));
    }
    let sign_in = &scenario.sign_in;
    let scope_down = scope_down_report(
        scenario.scope_down(),
        outcome.scope_down_applied,
        scope_down_reason(sign_in.identity, sign_in.flow, outcome.scope_down_applied),
    );
    let outcome_name = match &outcome.error {
        Some(error) => error.code.clone(),
        None => "issued".to_owned(),
    };
    Report {
        name: scenario.name.clone(),
        flow: sign_in.flow,
        identity: sign_in.identity,
        outcome: outcome_name,
        steps: outcome.steps,
        identity_id: outcome.identity_id,
        token: outcome.token,
        role_selection: outcome.role_selection,
        trust: outcome.trust,
        scope_down,
        session: outcome.session,
        error: outcome.error,
        requests,
        diagnostics: Vec::new(),
        notes: notes.into_vec(),
        readings: outcome.readings,
    }
}

fn scope_down_report(version: &ScopeDownVersion, applied: bool, reason: String) -> ScopeDownReport {
    ScopeDownReport {
        applied,
        reason,
        version: version.info(),
        versions: VERSIONS.iter().map(ScopeDownVersion::info).collect(),
        services: version.inline(),
    }
}

fn scope_down_reason(identity: IdentityType, flow: Flow, applied: bool) -> String {
    match (identity, flow, applied) {
        (_, _, true) => "guest credentials from GetCredentialsForIdentity: Cognito adds an inline and a managed session policy".to_owned(),
        (IdentityType::Unauthenticated, Flow::Enhanced, false) => "not reached: sign-in failed before credentials were issued".to_owned(),
        (IdentityType::Unauthenticated, Flow::Basic, _) => {
            "basic flow: the app's own AssumeRoleWithWebIdentity call gets no Cognito scope-down (only the session policies the app passes)".to_owned()
        }
        (IdentityType::Authenticated, _, _) => "signed-in identities get no scope-down".to_owned(),
    }
}

/// Loads and simulates scenario text; load diagnostics go into the report. A text that is
/// not a scenario at all gives a report with only diagnostics and outcome `Error`.
pub fn simulate_text(text: &str) -> Report {
    simulate_text_with(text, &Explain::All)
}

/// [`simulate_text`] with a choice of which requests to explain.
pub fn simulate_text_with(text: &str, explain: &Explain) -> Report {
    let loaded = load_scenario(text);
    let mut report = match &loaded.scenario {
        Some(scenario) => simulate_with(scenario, explain),
        None => unreadable(),
    };
    report.diagnostics = loaded.diagnostics;
    report
}

/// The report for a text that is not a scenario: nothing ran.
fn unreadable() -> Report {
    Report {
        name: None,
        flow: Flow::Enhanced,
        identity: IdentityType::Unauthenticated,
        outcome: "Error".to_owned(),
        steps: Vec::new(),
        identity_id: None,
        token: None,
        role_selection: None,
        trust: Vec::new(),
        scope_down: scope_down_report(
            default_version(),
            false,
            "the scenario could not be read".to_owned(),
        ),
        session: None,
        error: None,
        requests: Vec::new(),
        diagnostics: Vec::new(),
        notes: Vec::new(),
        readings: Vec::new(),
    }
}
