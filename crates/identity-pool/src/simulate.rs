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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    if scenario.sign_in.identity == IdentityType::Authenticated
        && scenario.sign_in.claims_unreadable
    {
        return claims_unreadable(scenario, &compiled, explain);
    }
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

/// The report when the provider token's claims cannot be read: running the sign-in with no
/// claims would only report what the empty token lacks (`aud`...), sending the user after
/// the wrong problem. Nothing runs; the claims' diagnostic is the one thing to fix.
fn claims_unreadable(
    scenario: &Scenario,
    compiled: &CompiledScenario,
    explain: &Explain,
) -> Report {
    let mut report = unreadable();
    report.name = scenario.name.clone();
    report.flow = scenario.sign_in.flow;
    report.identity = scenario.sign_in.identity;
    report.scope_down.reason =
        "the sign-in did not run: `signIn.claims` must be a JSON object first".to_owned();
    report.requests = evaluate_requests(scenario, compiled, None, &|index| explain.covers(index));
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

#[cfg(test)]
mod tests {
    use super::simulate_text;

    const POOL: &str = r#""identityPool": {"IdentityPoolId": "us-east-1:12345678-abcd-abcd-abcd-123456790ab",
        "SupportedLoginProviders": {"graph.facebook.com": "7346241598935555"}}"#;

    #[test]
    fn unreadable_claims_stop_the_sign_in_at_that_error() {
        // The page sends claims it cannot parse as a JSON string of the text typed so far.
        let text = format!(
            r#"{{{POOL}, "signIn": {{"identity": "authenticated", "provider": "graph.facebook.com",
            "claims": "{{\"sub\": \"1\", \"aud\": "}},
            "requests": [{{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}}]}}"#
        );
        let report = simulate_text(&text);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(
            codes.contains(&"cognito::scenario::wrong_type"),
            "{codes:?}"
        );
        // Nothing ran on empty claims: no `aud` complaint to chase.
        assert_eq!(report.outcome, "Error");
        assert!(report.error.is_none(), "{:?}", report.error);
        assert!(report.steps.is_empty(), "{:?}", report.steps);
        assert_eq!(report.requests.len(), 1);
        assert!(report.scope_down.reason.contains("`signIn.claims`"));
        // Readable claims still sign in as before.
        let fixed = text.replace(
            r#""{\"sub\": \"1\", \"aud\": ""#,
            r#"{"sub": "1", "aud": "7346241598935555"}"#,
        );
        assert_ne!(simulate_text(&fixed).outcome, "Error");
    }
}
