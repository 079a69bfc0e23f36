//! The requests to check with the credentials: action, resource, extra context keys.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::hooks::use_dispatch::use_dispatch;
use crate::state::scenario::RequestDoc;
use crate::state::{Action, RequestField};

/// Common actions offered by the action field's autocomplete.
const COMMON_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:ListBucket",
    "s3:GetBucketLocation",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Scan",
    "lambda:InvokeFunction",
    "sqs:SendMessage",
    "sns:Publish",
    "kinesis:PutRecord",
    "firehose:PutRecord",
    "execute-api:Invoke",
    "mobiletargeting:PutEvents",
    "rum:PutRumEvents",
    "cognito-sync:ListRecords",
    "cognito-identity:GetId",
    "kms:Decrypt",
    "kms:Encrypt",
    "iot:Connect",
    "iot:Publish",
    "iot:Subscribe",
    "polly:SynthesizeSpeech",
    "translate:TranslateText",
    "rekognition:DetectLabels",
    "geo:SearchPlaceIndexForText",
    "ec2:DescribeInstances",
    "iam:ListUsers",
];

/// Props of [`RequestsPanel`].
#[derive(Properties, PartialEq)]
pub struct RequestsPanelProps {
    /// `requests`.
    pub requests: Vec<RequestDoc>,
}

/// One row per request.
#[component]
pub fn RequestsPanel(props: &RequestsPanelProps) -> Html {
    let dispatch = use_dispatch();
    let d = dispatch.clone();
    let field = |i: usize, f: RequestField| {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let i_el: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::SetRequest(i, f, i_el.value()));
        })
    };
    let context = |i: usize| {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            d.emit(Action::SetRequest(i, RequestField::Context, a.value()));
        })
    };
    let click = |action: Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(action.clone()))
    };
    html! {
        <section class="panel requests-panel" aria-labelledby="requests-title">
            <div class="panel-head">
                <h2 id="requests-title">{ "Requests" }</h2>
                <button type="button" onclick={click(Action::AddRequest)}>{ "Add request" }</button>
            </div>
            <ol class="requests">
                { for props.requests.iter().enumerate().map(|(i, q)| html! {
                    <li class="request" data-testid="request-row" data-index={i.to_string()}>
                        <div class="row">
                            <input type="text" class="action" list="common-actions" aria-label={format!("Action of request {}", i + 1)}
                                placeholder="service:Action" value={q.action.clone()} oninput={field(i, RequestField::Action)} />
                            <input type="text" class="resource" aria-label={format!("Resource of request {}", i + 1)}
                                placeholder="arn:aws:..." value={q.resource.clone()} oninput={field(i, RequestField::Resource)} />
                            <button type="button" aria-label={format!("Remove request {}", i + 1)} onclick={click(Action::RemoveRequest(i))}>{ "×" }</button>
                        </div>
                        <details>
                            <summary>{ "Context keys" }</summary>
                            <textarea class="code" rows="3" spellcheck="false" aria-label={format!("Context keys of request {} (JSON)", i + 1)}
                                value={q.context.clone()} oninput={context(i)} />
                        </details>
                    </li>
                }) }
            </ol>
            <datalist id="common-actions">
                { for COMMON_ACTIONS.iter().map(|a| html! { <option value={*a} /> }) }
            </datalist>
        </section>
    }
}
