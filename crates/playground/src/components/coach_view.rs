//! The least-privilege coach's findings: each located (a button jumps to the statement),
//! explained, with its evidence, a fix to preview and accept in one click, and a way to
//! dismiss it for this scenario (kept in `dismissedFindings`, still listed).

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::review::{count, flag, list, maybe_text, text, Report};
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::Action;

/// Props of [`CoachView`].
#[derive(Properties, PartialEq)]
pub struct CoachViewProps {
    /// The findings, or why there are none.
    pub report: Option<Result<Report, String>>,
}

/// Props of [`FindingItem`].
#[derive(Properties, PartialEq)]
pub struct FindingProps {
    /// The finding (`identity_pool::coach::Finding` as the API wrote it).
    pub finding: Rc<Value>,
}

/// Moves the caret to statement `index` of the policy editor `ROLE:POLICY`: the page's
/// editors are the page's, so the panel (a module of its own) asks the page to do it.
pub type JumpTo = Callback<(String, Option<usize>)>;

/// One finding, with its fix preview.
#[component]
pub fn FindingItem(props: &FindingProps) -> Html {
    let dispatch = use_dispatch();
    let previewing = use_state(bool::default);
    let f = &*props.finding;
    let level = text(f, "level").to_owned();
    let policy = maybe_text(f, "policy").map(str::to_owned);
    let dismissed = flag(f, "dismissed");
    let jump = {
        let policy = policy.clone();
        let statement = f
            .get("statement")
            .and_then(Value::as_u64)
            .and_then(|i| usize::try_from(i).ok());
        let jump_to = use_context::<JumpTo>().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            if let Some(policy) = &policy {
                jump_to.emit((policy.clone(), statement));
            }
        })
    };
    let toggle = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(!*previewing))
    };
    let dismiss = {
        let (dispatch, id) = (dispatch.clone(), text(f, "id").to_owned());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissFinding(id.clone())))
    };
    let evidence = list(f, "evidence");
    let fix = f.get("fix").filter(|fix| fix.is_object());
    html! {
        <li class={classes!("finding", level.clone(), dismissed.then_some("dismissed"))} data-testid="coach-finding"
            data-code={text(f, "code").to_owned()} data-dismissed={dismissed.to_string()} data-policy={policy.clone().unwrap_or_default()}>
            <p><strong>{ format!("{level}: ") }</strong><RichText text={text(f, "message").to_owned()} /></p>
            <p class="muted">{ text(f, "explanation").to_owned() }</p>
            if !evidence.is_empty() {
                <ul class="evidence">{ for evidence.iter().take(8).map(|e| html! { <li><RichText text={e.as_str().unwrap_or_default().to_owned()} /></li> }) }</ul>
            }
            <p class="finding-actions">
                if let Some(p) = f.get("position").filter(|p| p.is_object()) { <button type="button" onclick={jump}>{ format!("go to line {}", count(p, "line")) }</button> }
                if fix.is_some() { <button type="button" data-testid="fix-preview-toggle" onclick={toggle}>{ if *previewing { "hide fix" } else { "preview fix" } }</button> }
                if !dismissed { <button type="button" data-testid="finding-dismiss" onclick={dismiss}>{ "dismiss" }</button> }
                <code class="muted">{ text(f, "id").to_owned() }</code>
            </p>
            if let (true, Some(fix)) = (*previewing, fix) {
                <div class="fix-preview" data-testid="fix-preview">
                    <p><strong>{ text(fix, "title").to_owned() }</strong>{ format!(" in {}", text(fix, "policy")) }</p>
                    <div class="fix-sides">
                        <figure><figcaption>{ "before" }</figcaption><pre>{ text(fix, "before").to_owned() }</pre></figure>
                        <figure><figcaption>{ "after" }</figcaption><pre data-testid="fix-after">{ text(fix, "after").to_owned() }</pre></figure>
                    </div>
                    <button type="button" data-testid="fix-apply" onclick={{
                        let (dispatch, policy, after, previewing) = (dispatch.clone(), text(fix, "policy").to_owned(), text(fix, "after").to_owned(), previewing.clone());
                        Callback::from(move |_: MouseEvent| { dispatch.emit(Action::ApplyFix(policy.clone(), after.clone())); previewing.set(false); })
                    }}>{ "Apply fix" }</button>
                </div>
            }
        </li>
    }
}

/// The coach's findings.
#[component]
pub fn CoachView(props: &CoachViewProps) -> Html {
    let report = match &props.report {
        None => return html! { <p class="muted">{ "Checking…" }</p> },
        Some(Err(e)) => return html! { <p class="muted">{ e.clone() }</p> },
        Some(Ok(report)) => report.clone(),
    };
    let findings = list(&report, "findings");
    html! {
        <div class="coach" data-testid="coach" data-open={count(&report, "open").to_string()}>
            if findings.is_empty() {
                <p class="outcome ok">{ "No findings: the roles grant what the listed requests need, and the trust policies are scoped." }</p>
            }
            <ul class="findings">
                { for findings.iter().map(|f| html! { <FindingItem key={text(f, "id").to_owned()} finding={Rc::new(f.clone())} /> }) }
            </ul>
        </div>
    }
}
