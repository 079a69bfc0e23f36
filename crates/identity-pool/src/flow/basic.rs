//! The basic (classic) flow: GetId → GetOpenIdToken → the app's own
//! AssumeRoleWithWebIdentity with a role it names and session policies it chooses.

use std::collections::BTreeMap;

use iam_policy::{CompiledPolicy, PolicyKind, PolicySource};

use super::assume::assume;
use super::get_id::get_id;
use super::sts_limits::{check_duration, check_policy_size, check_session_name};
use super::FlowOutcome;
use crate::compiled::{compile_doc, CompiledScenario};
use crate::error::{code, message, AwsError, Step};
use crate::note::{Confidence, Note, Notes, Topic};
use crate::report::{Reading, StepStatus};
use crate::scenario::{BasicRequest, IdentityType, Scenario, Spanned};
use crate::scope_down::{
    MANAGED_SESSION_POLICY, MANAGED_SESSION_POLICY_ARN, NEWER_MANAGED_POLICY,
    NEWER_MANAGED_POLICY_ARN,
};
use crate::session::{build_session, SessionInput, SessionPolicyView, DEFAULT_BASIC_SESSION_NAME};

const LATER: [&str; 3] = ["GetOpenIdToken", "AssumeRoleWithWebIdentity", "TrustPolicy"];

/// Runs the basic flow.
pub fn run(scenario: &Scenario, compiled: &CompiledScenario<'_>, notes: &mut Notes) -> FlowOutcome {
    let mut out = FlowOutcome::default();
    let Some(identity) = get_id(scenario, &mut out, &LATER, notes) else {
        return out;
    };
    if let Some(mut error) = classic_refused(scenario, notes) {
        if scenario.pool.allow_classic_flow.is_none() {
            let reading = classic_enabled_reading(scenario, compiled);
            error.explanation = format!(
                "{}. Uncertain: AWS does not say what an absent `AllowClassicFlow` means; if it means enabled, {}",
                error.explanation, reading.detail
            );
            out.readings.push(reading);
        }
        let pool = &scenario.pool;
        let span = match pool.allow_classic_flow {
            Some(true) => scenario
                .pool_roles
                .mappings
                .first()
                .map_or(pool.allow_classic_flow_span, |m| m.provider.span),
            _ => pool.allow_classic_flow_span,
        };
        error.locate(scenario, Some(span));
        out.fail("GetOpenIdToken", error, &LATER[1..]);
        return out;
    }
    let token = identity.token(scenario, notes);
    out.step(
        "GetOpenIdToken",
        StepStatus::Ok,
        format!(
            "Cognito returns its OpenID token (aud `{}`, amr {:?}); the app now calls STS itself",
            token.aud, token.amr
        ),
    );
    out.token = Some(token.clone());
    if !scenario.principal_tag_maps.is_empty() {
        notes.push(Note::new(
            Topic::BasicFlowPrincipalTags,
            Confidence::Assumed,
            "principal tags (attributes for access control) are applied in the enhanced flow only; the basic-flow session here carries none",
        ));
    }
    let default_request = BasicRequest::default();
    let request = scenario.sign_in.basic.as_ref().unwrap_or(&default_request);
    let Some(role_arn) = role_arn(scenario, request, notes) else {
        let error = AwsError::new(
            code::VALIDATION_ERROR,
            "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
            Step::AssumeRoleWithWebIdentity,
        )
.about(Topic::BasicFlowDefaultRole)
        .with_confidence(Confidence::Assumed)
        .explained(
            "in the basic flow the app names the role in its AssumeRoleWithWebIdentity call, and this one names none (and the pool has no default role to fall back on)",
            "set `signIn.basic.RoleArn` to the role the app assumes",
        );
        out.fail("AssumeRoleWithWebIdentity", error, &LATER[2..]);
        return out;
    };
    let checked = compiled.role(&role_arn.value).map(|role| {
        let session_name = request
            .role_session_name
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_else(|| DEFAULT_BASIC_SESSION_NAME.to_owned());
        check_duration(request, role.role)
            .and_then(|d| check_session_name(&session_name).map(|()| (d, session_name)))
            .and_then(|ok| check_policy_size(request).map(|()| ok))
            .and_then(|ok| check_inline_policy(request, notes).map(|()| ok))
    });
    let (duration, session_name) = match checked {
        Some(Err(mut error)) => {
            // Point at the parameter the error is about: the policy for policy errors.
            let about_policy = error.code == code::MALFORMED_POLICY
                || error.code == code::PACKED_POLICY_TOO_LARGE
                || error.message.contains("'policy'");
            let policy_span = request.policy.as_ref().map(|p| p.span);
            let duration_span = request.duration_seconds.as_ref().map(|d| d.span);
            let span = if about_policy {
                policy_span.or(duration_span)
            } else {
                duration_span.or(policy_span)
            };
            error.locate(scenario, span);
            out.fail("AssumeRoleWithWebIdentity", error, &LATER[2..]);
            return out;
        }
        Some(Ok(ok)) => ok,
        None => (3600, DEFAULT_BASIC_SESSION_NAME.to_owned()),
    };
    out.step(
        "AssumeRoleWithWebIdentity",
        StepStatus::Ok,
        format!(
            "the app asks STS for role `{}` for {duration} seconds",
            role_arn.value
        ),
    );
    let Some(role) = assume(
        scenario,
        compiled,
        &role_arn,
        &token,
        &BTreeMap::new(),
        &mut out,
        &[],
    ) else {
        return out;
    };
    let (views, policies) = session_policies(scenario, compiled, request, notes);
    let session = build_session(
        SessionInput {
            role: role.role,
            token: &token,
            session_name,
            duration_seconds: duration,
            session_policies: views,
            principal_tags: BTreeMap::new(),
        },
        notes,
    );
    out.session = Some(session);
    out.session_policies = policies;
    out
}

/// GetOpenIdToken's pool checks: classic flow enabled, no role mappings (facts §3.6, §4.2).
fn classic_refused(scenario: &Scenario, notes: &mut Notes) -> Option<AwsError> {
    let pool = &scenario.pool;
    if pool.allow_classic_flow != Some(true) {
        let absent = pool.allow_classic_flow.is_none();
        if absent {
            notes.push(Note::new(
                Topic::ClassicFlowAbsent,
                Confidence::Assumed,
                "`AllowClassicFlow` is absent; the API reference gives it no default, and one 2023 report (aws-cli#7652) saw a pool created without it accept GetOpenIdToken. The simulation refuses the basic flow, as for `false`, and shows the other reading's outcome next to it",
            ));
        }
        let error = AwsError::new(code::INVALID_PARAMETER, message::CLASSIC_DISABLED, Step::GetOpenIdToken)
.about(Topic::ClassicFlow).explained(
            if absent {
                "the pool does not set `AllowClassicFlow`, and the simulation reads that as switched off, so GetOpenIdToken refuses; note it is an InvalidParameterException, not NotAuthorized"
            } else {
                "the basic (classic) flow is switched off for this identity pool, so GetOpenIdToken refuses; note it is an InvalidParameterException, not NotAuthorized"
            },
            "use the enhanced flow (GetCredentialsForIdentity), or set `AllowClassicFlow: true` explicitly if the app must pick roles itself",
        );
        // The message is observed for `false`; for an absent field even the refusal is our reading.
        return Some(if absent {
            error
                .with_confidence(Confidence::Assumed)
                .about(Topic::ClassicFlowAbsent)
        } else {
            error
        });
    }
    if scenario.pool_roles.mappings.iter().any(|m| m.valid) {
        return Some(AwsError::new(code::INVALID_PARAMETER, message::CLASSIC_WITH_MAPPINGS, Step::GetOpenIdToken)
.about(Topic::ClassicFlow)
            .with_confidence(crate::note::Confidence::Documented)
            .explained(
                "role mappings (rules or token-based roles) only work in the enhanced flow, and a pool that has them refuses the basic flow's GetOpenIdToken",
                "use the enhanced flow, or remove the pool's RoleMappings",
            ));
    }
    None
}

/// The basic flow's outcome had the absent `AllowClassicFlow` meant enabled.
fn classic_enabled_reading(scenario: &Scenario, compiled: &CompiledScenario<'_>) -> Reading {
    let mut enabled = scenario.clone();
    enabled.pool.allow_classic_flow = Some(true);
    let other = run(&enabled, compiled, &mut Notes::default());
    let (outcome, detail) = match (&other.error, &other.session) {
        (Some(error), _) => (
            error.code.clone(),
            format!(
                "the flow goes on and fails later: {} `{}`",
                error.code, error.message
            ),
        ),
        (None, Some(session)) => (
            "issued".to_owned(),
            format!(
                "GetOpenIdToken succeeds and the app gets credentials for role `{}`",
                session.role_arn
            ),
        ),
        (None, None) => ("issued".to_owned(), "GetOpenIdToken succeeds".to_owned()),
    };
    Reading {
        topic: Topic::ClassicFlowAbsent,
        assumption: "an absent `AllowClassicFlow` means the basic flow is enabled (as one 2023 report saw, aws-cli#7652)".to_owned(),
        outcome,
        detail,
    }
}

/// The role the app assumes: `basic.RoleArn`, else the pool's default role for the
/// identity type (our convenience, noted).
fn role_arn(
    scenario: &Scenario,
    request: &BasicRequest,
    notes: &mut Notes,
) -> Option<Spanned<String>> {
    if let Some(arn) = &request.role_arn {
        return Some(arn.clone());
    }
    let roles = &scenario.pool_roles;
    let fallback = match scenario.sign_in.identity {
        IdentityType::Unauthenticated => roles.unauthenticated.as_ref(),
        IdentityType::Authenticated => roles.authenticated.as_ref(),
    }?;
    notes.push(Note::new(
        Topic::BasicFlowDefaultRole,
        Confidence::Assumed,
        format!("`signIn.basic.RoleArn` is absent; the simulation assumes the app asks for the pool's default role `{}`", fallback.value),
    ));
    Some(fallback.clone())
}

/// The inline `Policy` must be a readable policy. STS answers an unparsable one with its
/// JSON parser's message and position (ansible amazon.aws#2778 quotes one); the wording
/// here is our parser's, so the message is approximate but the line and column are where
/// parsing stops.
fn check_inline_policy(request: &BasicRequest, notes: &mut Notes) -> Result<(), AwsError> {
    let Some(doc) = request.policy.as_ref().filter(|d| d.policy.is_none()) else {
        return Ok(());
    };
    let (text, position) = doc.syntax_error.clone().unwrap_or_else(|| {
        (
            "the policy could not be read".to_owned(),
            iam_policy::position_of("", 0),
        )
    });
    notes.push(Note::new(
        Topic::MalformedSessionPolicy,
        Confidence::Assumed,
        "STS refuses an unparsable session policy with `MalformedPolicyDocument` and a Java JSON parser's message (e.g. `Unexpected character ('i' (code 105)): expected a valid value ... at [Source: ...; line: 1, column: 2]`, ansible amazon.aws#2778); the message shown is our parser's wording at the same kind of position, so its text is approximate",
    ));
    let (line, column) = (position.line, position.column);
    Err(AwsError::new(
        code::MALFORMED_POLICY,
        format!("{text} at [line: {line}, column: {column}]"),
        Step::AssumeRoleWithWebIdentity,
    )
.about(Topic::MalformedSessionPolicy)
    .with_confidence(Confidence::Assumed)
    .explained(
        format!("the inline session policy the app passes is not JSON: parsing stops at line {line}, column {column} of the `Policy` string ({text}). STS answers with its own JSON parser's wording, so only the code and the position are to be relied on"),
        "fix the JSON of `signIn.basic.Policy` at that position (the diagnostics point at it)",
    ))
}

/// The app's session policies: its inline `Policy` and each `PolicyArns` entry the scenario
/// (or the simulator, for the Cognito managed policies) knows the document of.
fn session_policies(
    scenario: &Scenario,
    compiled: &CompiledScenario<'_>,
    request: &BasicRequest,
    notes: &mut Notes,
) -> (Vec<SessionPolicyView>, Vec<CompiledPolicy>) {
    let mut views = Vec::new();
    let mut policies = Vec::new();
    if let Some(doc) = &request.policy {
        if let Some(c) = compile_doc(doc) {
            let text = scenario
                .source
                .get(doc.span.start..doc.span.end)
                .unwrap_or("")
                .to_owned();
            views.push(SessionPolicyView {
                name: doc.name.clone(),
                arn: None,
                source: "the app's inline `Policy`".to_owned(),
                document: text,
            });
            policies.push(c);
        }
    }
    for arn in &request.policy_arns {
        let defined = compiled
            .managed_policies
            .iter()
            .find(|(a, _)| *a == arn.value);
        let builtin = [
            (MANAGED_SESSION_POLICY_ARN, MANAGED_SESSION_POLICY),
            (NEWER_MANAGED_POLICY_ARN, NEWER_MANAGED_POLICY),
        ]
        .into_iter()
        .find(|(a, _)| *a == arn.value);
        let name = format!(
            "session/{}",
            arn.value.rsplit('/').next().unwrap_or(&arn.value)
        );
        match (defined, builtin) {
            (Some((_, c)), _) => {
                let doc = scenario.managed_policies.iter().find(|(a, _)| a.value == arn.value).map(|(_, d)| d.span);
                let text = doc.and_then(|s| scenario.source.get(s.start..s.end)).unwrap_or("").to_owned();
                views.push(SessionPolicyView { name, arn: Some(arn.value.clone()), source: "`managedPolicies` in the scenario".to_owned(), document: text });
                policies.push(c.clone());
            }
            (None, Some((_, text))) => {
                let text = crate::scope_down::pretty(text);
                let source = PolicySource { name: name.clone(), kind: PolicyKind::Session };
                if let (Some(c), _) = CompiledPolicy::from_text(&text, source) {
                    let arn = Some(arn.value.clone());
                    let source = "AWS managed policy (built in)".to_owned();
                    views.push(SessionPolicyView { name, arn, source, document: text });
                    policies.push(c);
                }
            }
            (None, None) => notes.push(Note::new(
                Topic::UnknownManagedPolicy,
                Confidence::Assumed,
                format!("managed session policy `{}` is not in `managedPolicies`; its document is unknown, so it is left out of the session layer", arn.value),
            )),
        }
    }
    (views, policies)
}
