//! Paste a JWT: the simulation decodes it in the page (no network, no signature check), its
//! claims and provider replace the sign-in, and its warnings (access token, expired, another
//! pool or app client, malformed) are listed with their fix.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::backend::{decode_token, TokenView};
use crate::hooks::use_dispatch::use_dispatch;
use crate::state::{Action, ScenarioDoc};

/// Props of [`TokenPaste`].
#[derive(Properties, PartialEq)]
pub struct TokenPasteProps {
    /// The current scenario's JSON, asked for when a token is used (the token is checked
    /// against its pool): not printed on every keystroke.
    pub scenario_json: Callback<(), String>,
}

/// The paste field, its button and what the decoding found.
#[component]
pub fn TokenPaste(props: &TokenPasteProps) -> Html {
    let dispatch = use_dispatch();
    let token = use_state(String::new);
    let decoded = use_state(|| None::<TokenView>);
    let oninput = {
        let token = token.clone();
        Callback::from(move |e: InputEvent| {
            let a: HtmlTextAreaElement = e.target_unchecked_into();
            token.set(a.value());
        })
    };
    let onclick = {
        let token = token.clone();
        let decoded = decoded.clone();
        let scenario = props.scenario_json.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            // Milliseconds to whole seconds: GetId compares whole seconds.
            #[allow(
                clippy::cast_possible_truncation,
                reason = "epoch seconds from the browser's clock fit in i64"
            )]
            let now = (js_sys::Date::now() / 1000.0) as i64;
            let view = decode_token(&token, &scenario.emit(()), now);
            if let Some(doc) = view
                .scenario
                .as_deref()
                .and_then(|s| ScenarioDoc::from_json(s).ok())
            {
                dispatch.emit(Action::Load(Box::new(doc)));
            }
            decoded.set(Some(view));
        })
    };
    html! {
        <details class="token-paste" data-testid="token-paste">
            <summary>{ "Paste a token (JWT)" }</summary>
            <p class="hint">{ "Decoded in this page only: the token is never sent anywhere, and its signature is not checked (the playground has no keys). Its claims and provider replace the sign-in below." }</p>
            <label class="field"><span>{ "ID token" }</span>
                <textarea class="code" rows="3" spellcheck="false" data-testid="token-text"
                    placeholder="eyJraWQiOi..." value={(*token).clone()} {oninput} /></label>
            <button type="button" data-testid="token-decode" {onclick}>{ "Use this token" }</button>
            if let Some(view) = &*decoded {
                <div class="token-result" data-testid="token-result">
                    if !view.provider.is_empty() {
                        <p data-testid="token-provider">{ "Provider: " }{ view.provider.clone() }</p>
                    }
                    <ul class="token-warnings">
                        { for view.warnings.iter().map(|d| {
                            let at = d.start.map(|p| format!(" (character {})", p.column)).unwrap_or_default();
                            html! {
                                <li class="field-error" data-testid="token-warning" data-code={d.code.clone()}>
                                    { d.message.clone() }{ at }
                                    if let Some(help) = &d.help { <br /><span class="help">{ "Fix: " }{ help.clone() }</span> }
                                </li>
                            }
                        }) }
                    </ul>
                    if !view.claims.is_empty() {
                        <details><summary>{ "Decoded claims" }</summary>
                            <pre class="code" data-testid="token-claims">{ view.claims.clone() }</pre></details>
                    }
                    { for view.notes.iter().map(|n| html! { <p class="hint">{ n.clone() }</p> }) }
                </div>
            }
        </details>
    }
}
