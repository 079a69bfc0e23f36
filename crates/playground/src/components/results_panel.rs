//! The right column: the sign-in outcome, its steps, the session and each request's decision.

use std::rc::Rc;

use yew::prelude::*;

use super::aws_error::aws_error;
use super::flow_steps::flow_steps;
use super::request_result::RequestResult;
use super::scenario_problems::scenario_problems;
use super::session_view::SessionView;
use super::trust_breakdown::trust_breakdown;
use crate::backend::ReportView;
use crate::state::scenario::RequestDoc;

/// Props of [`ResultsPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    /// The latest report.
    pub report: Rc<ReportView>,
    /// The requests as written (for labels).
    pub requests: Vec<RequestDoc>,
    /// How many evaluations have run.
    pub count: u32,
    /// How long the last one took (ms).
    pub millis: f64,
}

/// The results column.
#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let report = &props.report;
    let outcome = report.outcome();
    let unfolded = use_state(bool::default);
    html! {
        <section class="panel results" aria-labelledby="results-title" aria-live="polite"
            data-testid="results" data-evaluations={props.count.to_string()}>
            <h2 id="results-title">{ "Results" }</h2>
            <p class="timing">{ format!("evaluation #{} took {} ms", props.count, crate::timing::tenths(props.millis)) }</p>
            <div data-testid="signin-outcome" data-outcome={outcome.clone()}
                class={if report.error.is_some() { "outcome failed" } else { "outcome ok" }}>
                <h3>{ "Sign-in: " }{ if outcome == "issued" { "credentials issued".to_string() } else { outcome.clone() } }</h3>
                if let Some(error) = &report.error { { aws_error(error) } }
                if let Some(trust) = &report.trust { { trust_breakdown(trust) } }
            </div>
            { scenario_problems(&report.diagnostics, &unfolded) }
            <h3>{ "Requests" }</h3>
            <ol class="request-results">
                { for report.requests.iter().enumerate().map(|(index, result)| html! {
                    <RequestResult {index} request={props.requests.get(index).cloned()} result={result.clone()} />
                }) }
            </ol>
            <h3>{ "Sign-in flow" }</h3>
            { flow_steps(&report.steps) }
            if let Some(session) = &report.session { <SessionView session={session.clone()} /> }
            if !report.notes.is_empty() {
                <details class="notes">
                    <summary>{ format!("{} assumption(s) where AWS documents no behaviour", report.notes.len()) }</summary>
                    <ul>{ for report.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                </details>
            }
        </section>
    }
}
