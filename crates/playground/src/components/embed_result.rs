//! An embed's `result` part: the sign-in outcome (with the AWS error when it fails) and
//! every request's decision, without the full page's flow steps and session details.

use std::rc::Rc;

use yew::prelude::*;

use super::aws_error::aws_error;
use super::request_result::RequestResult;
use super::scenario_problems::scenario_problems;
use crate::backend::ReportView;
use crate::state::scenario::RequestDoc;

/// Props of [`EmbedResult`].
#[derive(Properties, PartialEq)]
pub struct EmbedResultProps {
    /// The latest report.
    pub report: Rc<ReportView>,
    /// The requests as written (for labels).
    pub requests: Vec<RequestDoc>,
    /// How many evaluations have run.
    pub count: u32,
}

/// The outcome and the decisions.
#[component]
pub fn EmbedResult(props: &EmbedResultProps) -> Html {
    let report = &props.report;
    let outcome = report.outcome();
    let unfolded = use_state(bool::default);
    let headline = if outcome == "issued" {
        "credentials issued".to_owned()
    } else {
        outcome.clone()
    };
    html! {
        <section class="embed-part results" aria-label="Result" aria-live="polite"
            data-testid="results" data-evaluations={props.count.to_string()}>
            <div data-testid="signin-outcome" data-outcome={outcome}
                class={if report.error.is_some() { "outcome failed" } else { "outcome ok" }}>
                <h3>{ "Sign-in: " }{ headline }</h3>
                if let Some(role) = &report.role { <p class="role-used">{ "Role: " }<code>{ role.clone() }</code></p> }
                if let Some(error) = &report.error { { aws_error(error) } }
            </div>
            { scenario_problems(&report.diagnostics, &unfolded) }
            if !report.requests.is_empty() {
                <ol class="request-results">
                    { for report.requests.iter().enumerate().map(|(index, result)| html! {
                        <RequestResult {index} request={props.requests.get(index).cloned()} result={result.clone()} />
                    }) }
                </ol>
            }
        </section>
    }
}
