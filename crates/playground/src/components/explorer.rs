//! Effective permissions at a glance: per service, every action of the services in play
//! decided for the current sign-in, with what the scope-down (or another session policy)
//! took away next to the role's own answer. Rows render only for the services opened.

use identity_pool::effective::Outcome;
use serde_json::Value;
use yew::prelude::*;

use crate::backend::review::{count, flag, list, maybe_text, outcome, text, Report};
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::Action;

/// The most rows shown per service; the filter narrows the rest.
const ROW_LIMIT: usize = 400;

/// Props of [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The report, or why there is none.
    pub report: Option<Result<Report, String>>,
    /// How long the last computation took (ms).
    pub millis: f64,
    /// Which computation the report is from (`data-run`: changes with every new answer).
    pub run: u64,
    /// Whether the view shows the basic flow instead of the scenario's.
    pub basic: bool,
    /// Switches the flow shown.
    pub on_basic: Callback<bool>,
    /// The services whose rows are shown (the report has rows for these only).
    pub open: Vec<String>,
    /// Opens or closes a service.
    pub on_toggle: Callback<String>,
    /// Downloads the table: as Markdown (`true`) or CSV, rendered by the API.
    pub on_export: Callback<bool>,
}

fn outcome_class(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Allowed) => "allowed",
        Some(Outcome::DeniedByPolicies) => "denied",
        Some(Outcome::RemovedBySession) => "removed-session",
        Some(Outcome::RemovedByBoundary) => "removed-boundary",
        Some(Outcome::ExplicitlyDenied) => "explicit",
        None => "",
    }
}

/// One line of counts (`identity_pool::effective::Counts`).
fn counts_line(counts: &Value) -> String {
    format!(
        "{} allowed · {} denied by policies · {} removed by session policy · {} removed by boundary · {} explicitly denied · role alone allows {}",
        count(counts, "allowed"),
        count(counts, "deniedByPolicies"),
        count(counts, "removedBySession"),
        count(counts, "removedByBoundary"),
        count(counts, "explicitlyDenied"),
        count(counts, "roleAllowed")
    )
}

/// The explorer.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let dispatch = use_dispatch();
    let filter = use_state(String::new);
    let only = use_state(|| None::<Outcome>);
    let report = match &props.report {
        None => return html! { <p class="muted">{ "Computing…" }</p> },
        Some(Err(e)) => {
            return html! { <p class="muted" data-testid="explorer-error">{ e.clone() }</p> }
        }
        Some(Ok(report)) => report.clone(),
    };
    let needle = filter.to_ascii_lowercase();
    let keep = |row: &Value| {
        (needle.is_empty()
            || text(row, "action").to_ascii_lowercase().contains(&needle)
            || text(row, "level").to_ascii_lowercase().contains(&needle))
            && only.is_none_or(|o| outcome(row, "outcome") == Some(o))
    };
    html! {
        <div class="explorer" data-testid="explorer" data-flow={if props.basic { "basic" } else { "enhanced" }}
            data-ms={crate::timing::tenths(props.millis)} data-run={props.run.to_string()}>
            { summary(&report, props.millis) }
            { tools(props, &filter, &only) }
            { for list(&report, "services").iter().map(|service| service_section(service, props, &dispatch, &keep)) }
        </div>
    }
}

/// The totals, what was computed for whom, and the report's remarks.
fn summary(report: &Value, millis: f64) -> Html {
    let totals = report.get("totals").unwrap_or(&Value::Null);
    let session_policies: Vec<&str> = list(report, "sessionPolicies")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    html! {
        <>
            <p data-testid="explorer-totals" data-total={count(totals, "total").to_string()}
                data-allowed={count(totals, "allowed").to_string()}
                data-removed-by-session={count(totals, "removedBySession").to_string()}
                data-denied-by-policies={count(totals, "deniedByPolicies").to_string()}
                data-role-allowed={count(totals, "roleAllowed").to_string()}>
                <strong>{ format!("{} decisions: ", count(totals, "total")) }</strong>{ counts_line(totals) }
            </p>
            <p class="muted">{ format!("computed in {} ms · role {} · session policies: {}",
                crate::timing::tenths(millis),
                maybe_text(report, "roleArn").unwrap_or_else(|| text(report, "outcome")),
                if session_policies.is_empty() { "none".to_owned() } else { session_policies.join(", ") }) }</p>
            { for list(report, "remarks").iter().map(|r| html! { <p class="muted">{ r.as_str().unwrap_or_default().to_owned() }</p> }) }
        </>
    }
}

/// The flow switch, the filter, the outcome picker and the downloads.
fn tools(
    props: &ExplorerProps,
    filter: &UseStateHandle<String>,
    only: &UseStateHandle<Option<Outcome>>,
) -> Html {
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
    html! {
        <div class="explorer-tools">
            <label><input type="checkbox" data-testid="explorer-basic" checked={props.basic} onchange={on_basic} />{ " the same sign-in in the basic flow (no scope-down)" }</label>
            <input type="search" placeholder="filter actions or access level" aria-label="filter actions" oninput={on_filter} value={(**filter).clone()} />
            <select aria-label="show only" onchange={on_only}>
                <option value="">{ "every outcome" }</option>
                { for Outcome::ALL.iter().map(|o| html! { <option value={o.label()} selected={**only == Some(*o)}>{ o.label() }</option> }) }
            </select>
            <button type="button" onclick={export(false)}>{ "CSV" }</button>
            <button type="button" onclick={export(true)}>{ "Markdown" }</button>
        </div>
    }
}

/// One service: its toggle with counts, and its rows (those `keep` lets through) when open.
fn service_section(
    service: &Value,
    props: &ExplorerProps,
    dispatch: &Callback<Action>,
    keep: &dyn Fn(&Value) -> bool,
) -> Html {
    let prefix = text(service, "prefix").to_owned();
    let counts = service.get("counts").unwrap_or(&Value::Null);
    let is_open = props.open.contains(&prefix);
    let toggle = {
        let prefix = prefix.clone();
        props.on_toggle.reform(move |_: MouseEvent| prefix.clone())
    };
    let rows: Vec<&Value> = if is_open {
        list(service, "rows").iter().filter(|r| keep(r)).collect()
    } else {
        Vec::new()
    };
    html! {
        <section class="explorer-service" data-testid="explorer-service" data-prefix={prefix.clone()}
            data-allowed={count(counts, "allowed").to_string()}
            data-removed-by-session={count(counts, "removedBySession").to_string()}>
            <button type="button" class="service-toggle" aria-expanded={is_open.to_string()} onclick={toggle}>
                <strong>{ format!("{prefix} ") }</strong>
                { format!("{} · {}", text(service, "name"), counts_line(counts)) }
                if !flag(service, "fromRole") { <em>{ " (named only by a session policy)" }</em> }
            </button>
            if is_open {
                <table class="explorer-rows">
                    <thead><tr><th>{ "action" }</th><th>{ "level" }</th><th>{ "resource" }</th><th>{ "role alone" }</th><th>{ "session" }</th><th>{ "outcome" }</th><th></th></tr></thead>
                    <tbody>
                    { for rows.iter().take(ROW_LIMIT).map(|row| row_view(row, dispatch)) }
                    </tbody>
                </table>
                if rows.len() > ROW_LIMIT { <p class="muted">{ format!("{} more rows: filter to see them", rows.len() - ROW_LIMIT) }</p> }
            }
        </section>
    }
}

/// One action's row, with the button that adds it as a request.
fn row_view(row: &Value, dispatch: &Callback<Action>) -> Html {
    let add = {
        let dispatch = dispatch.clone();
        let (action, resource) = (
            text(row, "action").to_owned(),
            text(row, "resource").to_owned(),
        );
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::AddRequestFor(action.clone(), resource.clone()))
        })
    };
    html! {
        <tr class={outcome_class(outcome(row, "outcome"))} data-testid="explorer-row" data-action={text(row, "action").to_owned()} data-outcome={outcome_class(outcome(row, "outcome"))}>
            <td><code>{ text(row, "action").to_owned() }</code></td>
            <td>{ text(row, "level").to_owned() }</td>
            <td><code>{ text(row, "resource").to_owned() }</code></td>
            <td>{ text(row, "role").to_owned() }</td>
            <td>{ text(row, "decision").to_owned() }</td>
            <td>{ outcome(row, "outcome").map_or("", Outcome::label) }</td>
            <td><button type="button" title="add as a request: its full explanation appears in Results" onclick={add}>{ "explain" }</button></td>
        </tr>
    }
}
