//! The enhanced (simplified) flow: GetId → GetCredentialsForIdentity, where Cognito picks
//! the role, calls STS itself and, for guests, adds the scope-down session policies.

use std::collections::BTreeMap;

use super::assume::assume;
use super::get_id::get_id;
use super::FlowOutcome;
use crate::compiled::CompiledScenario;
use crate::note::{Confidence, Note, Notes, Topic};
use crate::report::StepStatus;
use crate::role_selection::select_role;
use crate::scenario::{IdentityType, Scenario, Spanned};
use crate::scope_down::{guest_scope_down, scope_down_notes};
use crate::session::{build_session, principal_tags, SessionInput, ENHANCED_SESSION_NAME};

/// Enhanced-flow credentials last one hour (facts §6).
pub const ENHANCED_DURATION: i64 = 3600;

const LATER: [&str; 4] = [
    "GetCredentialsForIdentity",
    "RoleSelection",
    "TrustPolicy",
    "ScopeDown",
];

/// Runs the enhanced flow.
pub fn run(scenario: &Scenario, compiled: &CompiledScenario<'_>, notes: &mut Notes) -> FlowOutcome {
    let mut out = FlowOutcome::default();
    let Some(identity) = get_id(scenario, &mut out, &LATER, notes) else {
        return out;
    };
    let token = identity.token(scenario, notes);
    out.token = Some(token.clone());
    out.step(
        "GetCredentialsForIdentity",
        StepStatus::Ok,
        "Cognito mints its own token for the identity and calls sts:AssumeRoleWithWebIdentity on your behalf",
    );
    let selection = match select_role(scenario, identity.provider.as_ref(), notes) {
        Ok(selection) => selection,
        Err(mut error) => {
            if error
                .message
                .starts_with("The ambiguous role mapping rules for:")
            {
                notes.push(ambiguous_deny_note(error.confidence));
            }
            // Point at the mapping that decided, else at the token's claims.
            let mapping = scenario.pool_roles.mappings.iter().find(|m| {
                m.valid
                    && error
                        .message
                        .contains(&format!("for: {} denied", m.provider.value))
            });
            let span = mapping
                .map(|m| m.provider.span)
                .or(scenario.sign_in.claims_span);
            error.locate(scenario, span);
            out.fail("RoleSelection", error, &LATER[2..]);
            return out;
        }
    };
    out.step("RoleSelection", StepStatus::Ok, selection.detail.clone());
    let role_arn = Spanned::new(
        selection.role_arn.clone(),
        selection.span.unwrap_or(scenario.span),
    );
    out.role_selection = Some(selection);
    let guest = scenario.sign_in.identity == IdentityType::Unauthenticated;
    let tags = if guest {
        BTreeMap::new()
    } else {
        principal_tags(scenario, identity.provider.as_ref(), notes)
    };
    let Some(role) = assume(
        scenario,
        compiled,
        &role_arn,
        &token,
        &tags,
        &mut out,
        &LATER[3..],
    ) else {
        return out;
    };
    let (views, policies) = if guest {
        let scope_down = guest_scope_down(scenario.scope_down());
        for note in scope_down_notes(scope_down.version) {
            notes.push(note);
        }
        out.step(
            "ScopeDown",
            StepStatus::Ok,
            "guest credentials in the enhanced flow get Cognito's scope-down session policies: only the listed services remain usable",
        );
        out.scope_down_applied = true;
        (scope_down.views, scope_down.compiled)
    } else {
        out.step(
            "ScopeDown",
            StepStatus::Skipped,
            "signed-in identities get no scope-down",
        );
        (Vec::new(), Vec::new())
    };
    let session = build_session(
        SessionInput {
            role: role.role,
            token: &token,
            session_name: ENHANCED_SESSION_NAME.to_owned(),
            duration_seconds: ENHANCED_DURATION,
            session_policies: views,
            principal_tags: tags,
        },
        notes,
    );
    out.session = Some(session);
    out.session_policies = policies;
    out
}

/// What is known about the ambiguous-role Deny message's provider part: seen with the
/// provider name for a social provider; the user-pool form is our choice.
fn ambiguous_deny_note(confidence: Confidence) -> Note {
    let text = if confidence == Confidence::Observed {
        "the message names the provider as configured, as seen for a social provider (`The ambiguous role mapping rules for: accounts.google.com denied this request.`, amplify-js#3621)"
    } else {
        "the message's provider part is observed for social providers (`for: accounts.google.com`, amplify-js#3621); for a user pool the simulation prints the RoleMappings key `PROVIDER:CLIENT_ID`, which was never seen unelided"
    };
    Note::new(Topic::AmbiguousDeny, confidence, text)
}
