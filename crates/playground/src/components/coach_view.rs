//! The least-privilege coach's findings: each located (a button jumps to the statement),
//! explained, with its evidence, a fix to preview and accept in one click, and a way to
//! dismiss it for this scenario (kept in `dismissedFindings`, still listed).

use std::rc::Rc;

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::review::{CoachReport, Finding};
use crate::state::Action;

/// Props of [`CoachView`].
#[derive(Properties, PartialEq)]
pub struct CoachViewProps {
    /// The findings, or why there are none.
    pub report: Option<Result<Rc<CoachReport>, String>>,
    /// Edits the scenario (apply a fix, dismiss a finding).
    pub dispatch: Callback<Action>,
}

/// Props of [`FindingItem`].
#[derive(Properties, PartialEq)]
pub struct FindingProps {
    /// The finding.
    pub finding: Finding,
    /// Edits the scenario.
    pub dispatch: Callback<Action>,
}

/// One finding, with its fix preview.
#[component]
pub fn FindingItem(props: &FindingProps) -> Html {
    let previewing = use_state(|| false);
    let f = &props.finding;
    let level = f.level.clone();
    let jump = {
        let (policy, statement) = (f.policy.clone(), f.statement);
        Callback::from(move |_: MouseEvent| {
            if let Some(policy) = &policy {
                crate::dom::jump_to(policy, statement);
            }
        })
    };
    let toggle = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(!*previewing))
    };
    let dismiss = {
        let (dispatch, id) = (props.dispatch.clone(), f.id.clone());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissFinding(id.clone())))
    };
    html! {
        <li class={classes!("finding", level.clone(), f.dismissed.then_some("dismissed"))} data-testid="coach-finding"
            data-code={f.code.clone()} data-dismissed={f.dismissed.to_string()} data-policy={f.policy.clone().unwrap_or_default()}>
            <p><strong>{ format!("{level}: ") }</strong><RichText text={f.message.clone()} /></p>
            <p class="muted">{ f.explanation.clone() }</p>
            if !f.evidence.is_empty() {
                <ul class="evidence">{ for f.evidence.iter().take(8).map(|e| html! { <li><RichText text={e.clone()} /></li> }) }</ul>
            }
            <p class="finding-actions">
                if let Some(p) = f.position { <button type="button" onclick={jump}>{ format!("go to line {}", p.line) }</button> }
                if f.fix.is_some() { <button type="button" data-testid="fix-preview-toggle" onclick={toggle}>{ if *previewing { "hide fix" } else { "preview fix" } }</button> }
                if !f.dismissed { <button type="button" data-testid="finding-dismiss" onclick={dismiss}>{ "dismiss" }</button> }
                <code class="muted">{ f.id.clone() }</code>
            </p>
            if let (true, Some(fix)) = (*previewing, &f.fix) {
                <div class="fix-preview" data-testid="fix-preview">
                    <p><strong>{ fix.title.clone() }</strong>{ format!(" in {}", fix.policy) }</p>
                    <div class="fix-sides">
                        <figure><figcaption>{ "before" }</figcaption><pre>{ fix.before.clone() }</pre></figure>
                        <figure><figcaption>{ "after" }</figcaption><pre data-testid="fix-after">{ fix.after.clone() }</pre></figure>
                    </div>
                    <button type="button" data-testid="fix-apply" onclick={{
                        let (dispatch, policy, text, previewing) = (props.dispatch.clone(), fix.policy.clone(), fix.after.clone(), previewing.clone());
                        Callback::from(move |_: MouseEvent| { dispatch.emit(Action::ApplyFix(policy.clone(), text.clone())); previewing.set(false); })
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
    html! {
        <div class="coach" data-testid="coach" data-open={report.open.to_string()}>
            if report.findings.is_empty() {
                <p class="outcome ok">{ "No findings: the roles grant what the listed requests need, and the trust policies are scoped." }</p>
            }
            <ul class="findings">
                { for report.findings.iter().map(|f| html! { <FindingItem key={f.id.clone()} finding={f.clone()} dispatch={props.dispatch.clone()} /> }) }
            </ul>
        </div>
    }
}
