//! What the edits changed since the baseline (the scenario as loaded, or a pinned
//! snapshot): per identity the scenario describes, the sign-in, the listed requests whose
//! decision changed with the deciding statement on each side, and the actions newly allowed
//! or denied, per service and resource.

use std::rc::Rc;

use identity_pool::api::Verdict;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::review::{ActionChange, DiffReport};

/// The most actions listed per service and direction.
const LIST_LIMIT: usize = 60;

/// Props of [`ChangesView`].
#[derive(Properties, PartialEq)]
pub struct ChangesViewProps {
    /// The comparison, or why there is none.
    pub report: Option<Result<Rc<DiffReport>, String>>,
    /// What the baseline is.
    pub baseline: AttrValue,
    /// How long the comparison took (ms).
    pub millis: f64,
    /// Makes the current scenario the baseline.
    pub on_pin: Callback<()>,
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Allowed => "Allowed",
        Verdict::ExplicitDeny => "ExplicitDeny",
        Verdict::ImplicitDeny => "ImplicitDeny",
        Verdict::Error => "Error",
    }
}

fn action_list(list: &[ActionChange], direction: &'static str, identity: &str) -> Html {
    html! {
        <>
            { for list.iter().take(LIST_LIMIT).map(|c| html! {
                <li class={direction} data-testid="change-action" data-action={c.action.clone()}
                    data-direction={direction} data-identity={identity.to_owned()}>
                    { if direction == "allowed" { "+ " } else { "− " } }
                    <code>{ c.action.clone() }</code>{ format!(" [{}] on ", c.level) }<code>{ c.resource.clone() }</code>
                    { format!(": {} → {}",
                        c.before.map_or("no credentials", |o| o.label()),
                        c.after.map_or("no credentials", |o| o.label())) }
                </li>
            }) }
            if list.len() > LIST_LIMIT { <li class="muted">{ format!("… {} more", list.len() - LIST_LIMIT) }</li> }
        </>
    }
}

/// The Changes view.
#[component]
pub fn ChangesView(props: &ChangesViewProps) -> Html {
    let pin = {
        let cb = props.on_pin.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let head = html! {
        <p class="muted">{ "Compared with: " }<strong data-testid="changes-baseline">{ props.baseline.clone() }</strong>
            { " " }<button type="button" data-testid="changes-pin" onclick={pin}>{ "Pin the current scenario as the baseline" }</button></p>
    };
    let report = match &props.report {
        None => {
            return html! { <div class="changes">{ head }<p class="muted">{ "Comparing…" }</p></div> }
        }
        Some(Err(e)) => {
            return html! { <div class="changes">{ head }<p class="muted" data-testid="changes-error">{ e.clone() }</p></div> }
        }
        Some(Ok(report)) => report.clone(),
    };
    let copy = {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| {
            crate::dom::download("permission-changes.md", &report.markdown)
        })
    };
    let headline =
        if report.identities_changed == 0 {
            "No change in what any identity may do.".to_owned()
        } else {
            format!(
            "{} newly allowed, {} newly denied, {} listed request(s) changed, over {} identit{}{}",
            report.newly_allowed,
            report.newly_denied,
            report.requests_changed,
            report.identities_changed,
            if report.identities_changed == 1 { "y" } else { "ies" },
            if report.grants_new { ": grants new access" } else { "" }
        )
        };
    html! {
        <div class="changes" data-testid="changes" data-grants-new={report.grants_new.to_string()}
            data-ms={format!("{:.1}", props.millis)}>
            { head }
            <p data-testid="changes-headline" class={if report.grants_new { "outcome failed" } else { "outcome ok" }}>
                { headline }{ " " }<button type="button" onclick={copy}>{ "Markdown for a pull request" }</button>
            </p>
            { for report.identities.iter().filter(|i| i.changed()).map(|identity| {
                let k = identity.kind.as_str();
                html! {
                    <section class="changes-identity" data-testid="changes-identity" data-kind={k.to_owned()}>
                        <h4><RichText text={identity.label.clone()} />{ format!(" ({} newly allowed, {} newly denied)", identity.newly_allowed, identity.newly_denied) }</h4>
                        if identity.outcome_before != identity.outcome_after || identity.role_before != identity.role_after {
                            <p>{ format!("sign-in: {} {} → {} {}",
                                identity.outcome_before, identity.role_before.clone().unwrap_or_default(),
                                identity.outcome_after, identity.role_after.clone().unwrap_or_default()) }</p>
                        }
                        if !identity.requests.is_empty() {
                            <ul>{ for identity.requests.iter().map(|r| html! {
                                <li data-testid="change-request" data-index={r.index.to_string()}
                                    data-before={verdict(r.before)} data-after={verdict(r.after)}>
                                    { format!("request {} ", r.index + 1) }<code>{ r.action.clone() }</code>{ " on " }<code>{ r.resource.clone() }</code>
                                    { format!(": {} (", verdict(r.before)) }<RichText text={r.before_because.clone()} />
                                    { format!(") → {} (", verdict(r.after)) }<RichText text={r.after_because.clone()} />{ ")" }
                                </li>
                            }) }</ul>
                        }
                        { for identity.services.iter().map(|s| html! {
                            <details open={true}>
                                <summary><code>{ s.prefix.clone() }</code>{ format!(" {}: {} newly allowed, {} newly denied", s.name, s.newly_allowed.len(), s.newly_denied.len()) }</summary>
                                <ul class="change-actions">
                                    { action_list(&s.newly_allowed, "allowed", k) }
                                    { action_list(&s.newly_denied, "denied", k) }
                                </ul>
                            </details>
                        }) }
                    </section>
                }
            }) }
        </div>
    }
}
