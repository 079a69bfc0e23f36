//! The identity pool, its roles and tag maps as one JSON document that round-trips with the
//! forms: an edit here updates the forms, an edit in the forms rewrites this text.

use serde_json::{json, Value};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::hooks::use_dispatch::use_dispatch;
use crate::state::Action;

/// Props of [`PoolJson`].
#[derive(Properties, PartialEq)]
pub struct PoolJsonProps {
    /// `identityPool`.
    pub pool: Value,
    /// `identityPoolRoles`.
    pub pool_roles: Value,
    /// `principalTagAttributeMaps`.
    pub tag_maps: Value,
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A textarea holding `{identityPool, identityPoolRoles, principalTagAttributeMaps}`.
#[component]
pub fn PoolJson(props: &PoolJsonProps) -> Html {
    let dispatch = use_dispatch();
    let combined = json!({
        "identityPool": props.pool,
        "identityPoolRoles": props.pool_roles,
        "principalTagAttributeMaps": props.tag_maps,
    });
    let text = use_state(|| pretty(&combined));
    let error = use_state(|| None::<String>);
    // The value this view last showed or sent; a different value came from the forms.
    let shown = use_mut_ref(|| combined.clone());
    {
        let text = text.clone();
        let error = error.clone();
        let shown = shown.clone();
        use_effect_with(combined, move |combined| {
            if *shown.borrow() != *combined {
                *shown.borrow_mut() = combined.clone();
                text.set(pretty(combined));
                error.set(None);
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let error = error.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            match serde_json::from_str::<Value>(&value) {
                Ok(parsed) if parsed.is_object() => {
                    error.set(None);
                    let part = |k: &str, empty: Value| parsed.get(k).cloned().unwrap_or(empty);
                    let pool = part("identityPool", json!({}));
                    let pool_roles = part("identityPoolRoles", json!({}));
                    let tag_maps = part("principalTagAttributeMaps", json!([]));
                    *shown.borrow_mut() = json!({
                        "identityPool": pool, "identityPoolRoles": pool_roles, "principalTagAttributeMaps": tag_maps,
                    });
                    dispatch.emit(Action::SetPoolDocuments {
                        pool,
                        pool_roles,
                        tag_maps,
                    });
                }
                Ok(_) => error.set(Some("the document must be a JSON object".into())),
                Err(e) => error.set(Some(format!(
                    "not applied: line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ))),
            }
            text.set(value);
        })
    };
    html! {
        <section class="panel" aria-labelledby="pool-json-title">
            <details>
                <summary id="pool-json-title">{ "Pool as JSON" }</summary>
                <textarea class="code" data-testid="pool-json" aria-label="Identity pool as JSON" spellcheck="false"
                    rows="16" value={(*text).clone()} {oninput} />
                if let Some(message) = &*error {
                    <p class="field-error" role="alert">{ message.clone() }</p>
                }
            </details>
        </section>
    }
}
