//! The page's calls for reviewing permissions: load the AWS action catalog (fetched lazily,
//! never compiled into the wasm), effective permissions, the diff against a baseline and
//! the least-privilege coach. Like the rest of [`crate::backend`], each is one call into
//! `identity_pool::api`; the answers' types are shown as they are.

use std::rc::Rc;

use identity_pool::api::{self, ApiAnswerBody, ApiCall, ScenarioInput};
use identity_pool::coach::CoachReport;
use identity_pool::diff::DiffReport;
use identity_pool::effective::EffectiveReport;
use identity_pool::scenario::Flow;

pub use identity_pool::coach::{Finding, Fix, Level};
pub use identity_pool::diff::{ActionChange, IdentityDiff, RequestChange};
pub use identity_pool::effective::{Outcome, Row, ServiceEffective};

/// Where the page fetches the catalog: next to `index.html`, so a subpath host works.
pub const CATALOG_URL: &str = "./catalog.tsv";

/// What a loaded catalog holds: `package@version, N services, M actions`.
pub fn load_catalog(text: &str) -> Result<String, String> {
    match api::call(ApiCall::LoadCatalog {
        text: text.to_owned(),
    }) {
        ApiAnswerBody::LoadCatalog {
            source,
            services,
            actions,
        } => Ok(format!("{source}: {services} services, {actions} actions")),
        ApiAnswerBody::Error { message } => Err(message),
        _ => Err("unexpected answer".into()),
    }
}

fn text(json: &str) -> ScenarioInput {
    ScenarioInput::Text(json.to_owned())
}

/// The effective permissions of the scenario's sign-in (`basic`: as if in the basic flow).
pub fn effective(scenario_json: &str, basic: bool) -> Result<Rc<EffectiveReport>, String> {
    match api::call(ApiCall::Effective {
        scenario: text(scenario_json),
        flow: basic.then_some(Flow::Basic),
        services: Vec::new(),
        resource: None,
    }) {
        ApiAnswerBody::Effective {
            effective: Some(report),
            ..
        } => Ok(Rc::new(report)),
        ApiAnswerBody::Effective { diagnostics, .. } => Err(diagnostics.first().map_or_else(
            || "the scenario cannot be read".into(),
            |d| d.message.clone(),
        )),
        ApiAnswerBody::Error { message } => Err(message),
        _ => Err("unexpected answer".into()),
    }
}

/// The effective permissions as CSV or Markdown (the CLI's renderers).
pub fn effective_export(report: &EffectiveReport, markdown: bool) -> String {
    if markdown {
        identity_pool::effective::to_markdown(report)
    } else {
        identity_pool::effective::to_csv(report)
    }
}

/// What the change from `baseline_json` to `scenario_json` changes, for every identity.
pub fn diff(baseline_json: &str, scenario_json: &str) -> Result<Rc<DiffReport>, String> {
    match api::call(ApiCall::Diff {
        old: text(baseline_json),
        new: text(scenario_json),
        format: None,
    }) {
        ApiAnswerBody::Diff {
            diff: Some(report), ..
        } => Ok(Rc::new(report)),
        ApiAnswerBody::Diff { .. } => {
            Err("fix the scenario's errors to compare it with the baseline".into())
        }
        ApiAnswerBody::Error { message } => Err(message),
        _ => Err("unexpected answer".into()),
    }
}

/// The comparison as Markdown (what `idpool diff --format md` prints).
pub fn diff_markdown(report: &DiffReport) -> String {
    identity_pool::diff::to_markdown(report)
}

/// The coach's findings on the scenario.
pub fn coach(scenario_json: &str) -> Result<Rc<CoachReport>, String> {
    match api::call(ApiCall::Coach {
        scenario: text(scenario_json),
    }) {
        ApiAnswerBody::Coach {
            coach: Some(report),
            ..
        } => Ok(Rc::new(report)),
        ApiAnswerBody::Coach { .. } => Err("the scenario cannot be read".into()),
        ApiAnswerBody::Error { message } => Err(message),
        _ => Err("unexpected answer".into()),
    }
}
