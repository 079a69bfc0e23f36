//! Each request of the scenario through the engine, with the session's policies and keys.

use iam_policy::{decide, evaluate, CompiledPolicy, Context, PolicySet, Request, RequestPrincipal};

use crate::compiled::CompiledScenario;
use crate::explain::request::{
    access_denied_message, also_blocking, explain_request, RequestFacts,
};
use crate::readings::{other_scope_downs, scope_down_readings};
use crate::report::{Cause, CognitoExplanation, RequestDecision, RequestReport};
use crate::scenario::{Scenario, ScenarioRequest};
use crate::scope_down::ScopeDown;
use crate::session::{account_of, context_with, Session};

/// The signed-in state requests are evaluated with.
pub struct Credentials<'a> {
    /// The session.
    pub session: &'a Session,
    /// Its session policies, compiled.
    pub session_policies: &'a [CompiledPolicy],
    /// Whether they are the guest scope-down.
    pub scope_down: bool,
}

/// Evaluates every request; without credentials each gets `Error`. Under the guest
/// scope-down each explained request is also decided under the other scope-down versions.
/// `explain` says which requests get their explanations; the others get only the
/// decision, from the engine's allocation-free [`decide`].
pub fn evaluate_requests(
    scenario: &Scenario,
    compiled: &CompiledScenario<'_>,
    credentials: Option<&Credentials<'_>>,
    explain: &dyn Fn(usize) -> bool,
) -> Vec<RequestReport> {
    let common = Common {
        others: match credentials {
            Some(c) if c.scope_down => other_scope_downs(scenario.scope_down()),
            _ => Vec::new(),
        },
        context: credentials
            .map(|c| c.session.own_context())
            .unwrap_or_default(),
    };
    scenario
        .requests
        .iter()
        .enumerate()
        .map(|(index, request)| match credentials {
            Some(c) => evaluate_one(
                scenario,
                compiled,
                c,
                &common,
                index,
                request,
                explain(index),
            ),
            None => no_credentials(scenario, index, request),
        })
        .collect()
}

/// What every request of one evaluation shares.
struct Common<'a> {
    /// The other scope-down versions (under the guest scope-down).
    others: Vec<&'a ScopeDown>,
    /// The session's own context keys.
    context: Context,
}

fn no_credentials(scenario: &Scenario, index: usize, request: &ScenarioRequest) -> RequestReport {
    RequestReport {
        index,
        action: request.action.clone(),
        resource: request.resource.clone(),
        decision: RequestDecision::Error,
        expect: request.expect,
        aws_message: None,
        cognito: Some(CognitoExplanation {
            summary: "sign-in failed, so there are no credentials to make this request with"
                .to_owned(),
            fix: Some("fix the sign-in error first".to_owned()),
            cause: Cause::NoCredentials,
        }),
        also_blocking: Vec::new(),
        explanation: None,
        readings: Vec::new(),
        position: Some(scenario.position(request.span.start)),
    }
}

fn evaluate_one(
    scenario: &Scenario,
    compiled: &CompiledScenario<'_>,
    c: &Credentials<'_>,
    common: &Common<'_>,
    index: usize,
    request: &ScenarioRequest,
    explain: bool,
) -> RequestReport {
    let role = compiled.role(&c.session.role_arn);
    let identity: Vec<&CompiledPolicy> = role
        .map(|r| r.policies.iter().collect())
        .unwrap_or_default();
    let boundaries: Vec<&CompiledPolicy> =
        role.and_then(|r| r.boundary.as_ref()).into_iter().collect();
    let resource_account = account_of(&request.resource);
    let account_id = request
        .account_id
        .clone()
        .or_else(|| (!resource_account.is_empty()).then(|| resource_account.to_owned()))
        .unwrap_or_else(|| account_of(&c.session.role_arn).to_owned());
    let engine_request = Request {
        action: request.action.clone(),
        resource: request.resource.clone(),
        principal: Some(RequestPrincipal::Aws(c.session.assumed_role_arn.clone())),
        account_id: Some(account_id),
        context: context_with(&common.context, &request.context),
    };
    let mut set = PolicySet {
        identity,
        session: c.session_policies.iter().collect(),
        permissions_boundaries: boundaries,
        resource: compiled.resource_policy(&request.resource),
        ..PolicySet::default()
    };
    if !explain {
        return RequestReport {
            index,
            action: request.action.clone(),
            resource: request.resource.clone(),
            decision: decide(&set, &engine_request).into(),
            expect: request.expect,
            aws_message: None,
            cognito: None,
            also_blocking: Vec::new(),
            explanation: None,
            readings: Vec::new(),
            position: Some(scenario.position(request.span.start)),
        };
    }
    let evaluation = evaluate(&set, &engine_request);
    set.session = Vec::new();
    let without_session = decide(&set, &engine_request);
    let readings = scope_down_readings(
        &common.others,
        &mut set,
        &engine_request,
        evaluation.decision,
    );
    let facts = RequestFacts {
        scenario,
        session: c.session,
        scope_down: c.scope_down,
        without_session,
        action: &request.action,
        resource: &request.resource,
        role_policy_texts: role
            .map(|r| {
                r.role
                    .policies
                    .iter()
                    .filter_map(|d| scenario.source.get(d.span.start..d.span.end))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let mut cognito = explain_request(&facts, &evaluation.explanation);
    let also_blocking = also_blocking(&facts, &evaluation.explanation);
    for reading in &readings {
        cognito.summary = format!("{}. Uncertain: {}", cognito.summary, reading.detail);
    }
    RequestReport {
        index,
        action: request.action.clone(),
        resource: request.resource.clone(),
        decision: evaluation.decision.into(),
        expect: request.expect,
        aws_message: access_denied_message(
            c.session,
            &request.action,
            &request.resource,
            &evaluation.explanation,
        ),
        cognito: Some(cognito),
        also_blocking,
        explanation: Some(evaluation.explanation),
        readings,
        position: Some(scenario.position(request.span.start)),
    }
}
