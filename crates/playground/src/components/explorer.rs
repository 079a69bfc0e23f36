//! Effective permissions at a glance: per service, every action of the services in play
//! decided for the current sign-in, with what the scope-down (or another session policy)
//! took away next to the role's own answer. Rows render only for the services opened.

use std::collections::HashSet;
use std::rc::Rc;

use identity_pool::api::Decision;
use identity_pool::effective::Outcome;
use yew::prelude::*;

use crate::backend::review::{Counts, EffectiveReport, Row};
use crate::state::Action;

/// The most rows shown per service; the filter narrows the rest.
const ROW_LIMIT: usize = 400;

/// Props of [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The report, or why there is none.
    pub report: Option<Result<Rc<EffectiveReport>, String>>,
    /// How long the last computation took (ms).
    pub millis: f64,
    /// Whether the view shows the basic flow instead of the scenario's.
    pub basic: bool,
    /// Switches the flow shown.
    pub on_basic: Callback<bool>,
    /// Downloads the table: as Markdown (`true`) or CSV, rendered by the API.
    pub on_export: Callback<bool>,
    /// Edits the scenario (adding a row as a request).
    pub dispatch: Callback<Action>,
}

fn outcome_class(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Allowed => "allowed",
        Outcome::DeniedByPolicies => "denied",
        Outcome::RemovedBySession => "removed-session",
        Outcome::RemovedByBoundary => "removed-boundary",
        Outcome::ExplicitlyDenied => "explicit",
    }
}

fn counts_line(counts: &Counts) -> String {
    format!(
        "{} allowed · {} denied by policies · {} removed by session policy · {} removed by boundary · {} explicitly denied · role alone allows {}",
        counts.allowed,
        counts.denied_by_policies,
        counts.removed_by_session,
        counts.removed_by_boundary,
        counts.explicitly_denied,
        counts.role_allowed
    )
}

fn decision(d: Decision) -> &'static str {
    match d {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "ExplicitDeny",
        Decision::ImplicitDeny => "ImplicitDeny",
    }
}

/// The explorer.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let open = use_state(HashSet::<String>::new);
    let filter = use_state(String::new);
    let only = use_state(|| None::<Outcome>);
    let report = match &props.report {
        None => return html! { <p class="muted">{ "Computing…" }</p> },
        Some(Err(e)) => {
            return html! { <p class="muted" data-testid="explorer-error">{ e.clone() }</p> }
        }
        Some(Ok(report)) => report.clone(),
    };
    let totals = report.totals;
    let on_basic = {
        let cb = props.on_basic.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            cb.emit(checked);
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let on_only = {
        let only = only.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            only.set(Outcome::ALL.into_iter().find(|o| o.label() == value));
        })
    };
    let export = |markdown: bool| {
        let on_export = props.on_export.clone();
        Callback::from(move |_: MouseEvent| on_export.emit(markdown))
    };
    let needle = filter.to_ascii_lowercase();
    let keep = |row: &Row| {
        (needle.is_empty()
            || row.action.to_ascii_lowercase().contains(&needle)
            || row.level.to_ascii_lowercase().contains(&needle))
            && only.is_none_or(|o| row.outcome == o)
    };
    html! {
        <div class="explorer" data-testid="explorer" data-flow={if props.basic { "basic" } else { "enhanced" }}
            data-ms={format!("{:.1}", props.millis)}>
            <p data-testid="explorer-totals" data-total={totals.total.to_string()}
                data-allowed={totals.allowed.to_string()}
                data-removed-by-session={totals.removed_by_session.to_string()}
                data-denied-by-policies={totals.denied_by_policies.to_string()}
                data-role-allowed={totals.role_allowed.to_string()}>
                <strong>{ format!("{} decisions: ", totals.total) }</strong>{ counts_line(&totals) }
            </p>
            <p class="muted">{ format!("computed in {:.1} ms · role {} · session policies: {}",
                props.millis,
                report.role_arn.clone().unwrap_or_else(|| report.outcome.clone()),
                if report.session_policies.is_empty() { "none".to_owned() } else { report.session_policies.join(", ") }) }</p>
            { for report.remarks.iter().map(|r| html! { <p class="muted">{ r.clone() }</p> }) }
            <div class="explorer-tools">
                <label><input type="checkbox" data-testid="explorer-basic" checked={props.basic} onchange={on_basic} />{ " the same sign-in in the basic flow (no scope-down)" }</label>
                <input type="search" placeholder="filter actions or access level" aria-label="filter actions" oninput={on_filter} value={(*filter).clone()} />
                <select aria-label="show only" onchange={on_only}>
                    <option value="">{ "every outcome" }</option>
                    { for Outcome::ALL.iter().map(|o| html! { <option value={o.label()} selected={*only == Some(*o)}>{ o.label() }</option> }) }
                </select>
                <button type="button" onclick={export(false)}>{ "CSV" }</button>
                <button type="button" onclick={export(true)}>{ "Markdown" }</button>
            </div>
            { for report.services.iter().map(|service| {
                let prefix = service.prefix.clone();
                let is_open = open.contains(&prefix);
                let toggle = {
                    let open = open.clone();
                    let prefix = prefix.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut set = (*open).clone();
                        if !set.remove(&prefix) { set.insert(prefix.clone()); }
                        open.set(set);
                    })
                };
                let rows: Vec<&Row> = if is_open { service.rows.iter().filter(|r| keep(r)).collect() } else { Vec::new() };
                html! {
                    <section class="explorer-service" data-testid="explorer-service" data-prefix={prefix.clone()}
                        data-allowed={service.counts.allowed.to_string()}
                        data-removed-by-session={service.counts.removed_by_session.to_string()}>
                        <button type="button" class="service-toggle" aria-expanded={is_open.to_string()} onclick={toggle}>
                            <strong>{ format!("{} ", service.prefix) }</strong>
                            { format!("{} · {}", service.name, counts_line(&service.counts)) }
                            if !service.from_role { <em>{ " (named only by a session policy)" }</em> }
                        </button>
                        if is_open {
                            <table class="explorer-rows">
                                <thead><tr><th>{ "action" }</th><th>{ "level" }</th><th>{ "resource" }</th><th>{ "role alone" }</th><th>{ "session" }</th><th>{ "outcome" }</th><th></th></tr></thead>
                                <tbody>
                                { for rows.iter().take(ROW_LIMIT).map(|row| {
                                    let add = {
                                        let dispatch = props.dispatch.clone();
                                        let (action, resource) = (row.action.clone(), row.resource.clone());
                                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddRequestFor(action.clone(), resource.clone())))
                                    };
                                    html! {
                                        <tr class={outcome_class(row.outcome)} data-testid="explorer-row" data-action={row.action.clone()} data-outcome={outcome_class(row.outcome)}>
                                            <td><code>{ row.action.clone() }</code></td>
                                            <td>{ row.level.clone() }</td>
                                            <td><code>{ row.resource.clone() }</code></td>
                                            <td>{ decision(row.role) }</td>
                                            <td>{ decision(row.decision) }</td>
                                            <td>{ row.outcome.label() }</td>
                                            <td><button type="button" title="add as a request: its full explanation appears in Results" onclick={add}>{ "explain" }</button></td>
                                        </tr>
                                    }
                                }) }
                                </tbody>
                            </table>
                            if rows.len() > ROW_LIMIT { <p class="muted">{ format!("{} more rows: filter to see them", rows.len() - ROW_LIMIT) }</p> }
                        }
                    </section>
                }
            }) }
        </div>
    }
}
