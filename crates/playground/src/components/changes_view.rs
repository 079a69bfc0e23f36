//! What the edits changed since the baseline (the scenario as loaded, or a pinned
//! snapshot): per identity the scenario describes, the sign-in, the listed requests whose
//! decision changed with the deciding statement on each side, and the actions newly allowed
//! or denied, per service and resource.

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::review::{
    count, flag, identity_changed, list, maybe_text, outcome, text, Report,
};

/// The most actions listed per service and direction.
const LIST_LIMIT: usize = 60;

/// Props of [`ChangesView`].
#[derive(Properties, PartialEq)]
pub struct ChangesViewProps {
    /// The comparison, or why there is none.
    pub report: Option<Result<Report, String>>,
    /// The comparison as Markdown for a pull request.
    pub markdown: Rc<str>,
    /// What the baseline is.
    pub baseline: AttrValue,
    /// How long the comparison took (ms).
    pub millis: f64,
    /// Makes the current scenario the baseline.
    pub on_pin: Callback<()>,
}

fn action_list(list: &[Value], direction: &'static str, identity: &str) -> Html {
    html! {
        <>
            { for list.iter().take(LIST_LIMIT).map(|c| html! {
                <li class={direction} data-testid="change-action" data-action={text(c, "action").to_owned()}
                    data-direction={direction} data-identity={identity.to_owned()}>
                    { if direction == "allowed" { "+ " } else { "− " } }
                    <code>{ text(c, "action").to_owned() }</code>{ format!(" [{}] on ", text(c, "level")) }<code>{ text(c, "resource").to_owned() }</code>
                    { format!(": {} → {}",
                        outcome(c, "before").map_or("no credentials", |o| o.label()),
                        outcome(c, "after").map_or("no credentials", |o| o.label())) }
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
        let markdown = props.markdown.clone();
        Callback::from(move |_: MouseEvent| {
            crate::dom::download("permission-changes.md", &markdown)
        })
    };
    let grants_new = flag(&report, "grantsNew");
    html! {
        <div class="changes" data-testid="changes" data-grants-new={grants_new.to_string()}
            data-ms={crate::timing::tenths(props.millis)}>
            { head }
            <p data-testid="changes-headline" class={if grants_new { "outcome failed" } else { "outcome ok" }}>
                { headline(&report) }{ " " }<button type="button" onclick={copy}>{ "Markdown for a pull request" }</button>
            </p>
            { for list(&report, "identities").iter().filter(|i| identity_changed(i)).map(identity_section) }
        </div>
    }
}

/// The comparison in one sentence.
fn headline(report: &Value) -> String {
    let identities_changed = count(report, "identitiesChanged");
    if identities_changed == 0 {
        return "No change in what any identity may do.".to_owned();
    }
    format!(
        "{} newly allowed, {} newly denied, {} listed request(s) changed, over {} identit{}{}",
        count(report, "newlyAllowed"),
        count(report, "newlyDenied"),
        count(report, "requestsChanged"),
        identities_changed,
        if identities_changed == 1 { "y" } else { "ies" },
        if flag(report, "grantsNew") {
            ": grants new access"
        } else {
            ""
        }
    )
}

/// What changed for one identity: its sign-in, its listed requests, its actions per service.
fn identity_section(identity: &Value) -> Html {
    let k = text(identity, "kind");
    let requests = list(identity, "requests");
    html! {
        <section class="changes-identity" data-testid="changes-identity" data-kind={k.to_owned()}>
            <h4><RichText text={text(identity, "label").to_owned()} />{ format!(" ({} newly allowed, {} newly denied)", count(identity, "newlyAllowed"), count(identity, "newlyDenied")) }</h4>
            if text(identity, "outcomeBefore") != text(identity, "outcomeAfter") || maybe_text(identity, "roleBefore") != maybe_text(identity, "roleAfter") {
                <p>{ format!("sign-in: {} {} → {} {}",
                    text(identity, "outcomeBefore"), text(identity, "roleBefore"),
                    text(identity, "outcomeAfter"), text(identity, "roleAfter")) }</p>
            }
            if !requests.is_empty() {
                <ul>{ for requests.iter().map(request_change) }</ul>
            }
            { for list(identity, "services").iter().map(|s| html! {
                <details open={true}>
                    <summary><code>{ text(s, "prefix").to_owned() }</code>{ format!(" {}: {} newly allowed, {} newly denied", text(s, "name"), list(s, "newlyAllowed").len(), list(s, "newlyDenied").len()) }</summary>
                    <ul class="change-actions">
                        { action_list(list(s, "newlyAllowed"), "allowed", k) }
                        { action_list(list(s, "newlyDenied"), "denied", k) }
                    </ul>
                </details>
            }) }
        </section>
    }
}

/// A listed request whose decision changed, with the deciding statement on each side.
fn request_change(r: &Value) -> Html {
    html! {
        <li data-testid="change-request" data-index={count(r, "index").to_string()}
            data-before={text(r, "before").to_owned()} data-after={text(r, "after").to_owned()}>
            { format!("request {} ", count(r, "index") + 1) }<code>{ text(r, "action").to_owned() }</code>{ " on " }<code>{ text(r, "resource").to_owned() }</code>
            { format!(": {} (", text(r, "before")) }<RichText text={text(r, "beforeBecause").to_owned()} />
            { format!(") → {} (", text(r, "after")) }<RichText text={text(r, "afterBecause").to_owned()} />{ ")" }
        </li>
    }
}
