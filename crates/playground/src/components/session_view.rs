//! The session the credentials carry: role, session policies (scope-down) and context keys.

use yew::prelude::*;

use super::rich_text::RichText;
use crate::backend::SessionView as Session;

/// Props of [`SessionView`].
#[derive(Properties, PartialEq)]
pub struct SessionViewProps {
    /// The session.
    pub session: Session,
}

/// Role ARN, session policies and a table of context keys.
#[component]
pub fn SessionView(props: &SessionViewProps) -> Html {
    let s = &props.session;
    html! {
        <div class="session">
            <p><strong>{ "Role: " }</strong><code data-testid="session-role">{ s.role_arn.clone() }</code></p>
            <p><strong>{ "Scope-down: " }</strong><RichText text={s.scope_down.clone()} /></p>
            if !s.session_policies.is_empty() {
                <h4>{ "Session policies" }</h4>
                { for s.session_policies.iter().map(|p| html! {
                    <details>
                        <summary>{ p.label.clone() }</summary>
                        <pre class="code">{ p.text.clone() }</pre>
                    </details>
                }) }
            }
            if !s.principal_tags.is_empty() {
                <h4>{ "Principal tags" }</h4>
                { keys_table(&s.principal_tags) }
            }
            if !s.context_keys.is_empty() {
                <h4>{ "Context keys" }</h4>
                { keys_table(&s.context_keys) }
            }
        </div>
    }
}

/// A two-column table of names and values, both shown as code.
fn keys_table(rows: &[(String, String)]) -> Html {
    html! {
        <table class="keys">
            <tbody>
                { for rows.iter().map(|(k, v)| html! {
                    <tr><th scope="row"><code class="key-name">{ breakable(k) }</code></th><td><code>{ v.clone() }</code></td></tr>
                }) }
            </tbody>
        </table>
    }
}

/// A key name that wraps only after a `:` or `/` (`cognito-identity.amazonaws.com:` |
/// `amr`), never inside a word: each part stays on one line.
fn breakable(name: &str) -> Html {
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if c == ':' || c == '/' {
            let end = i + c.len_utf8();
            parts.push(name.get(start..end).unwrap_or_default());
            start = end;
        }
    }
    parts.push(name.get(start..).unwrap_or_default());
    html! {
        { for parts.into_iter().filter(|p| !p.is_empty()).map(|p| html! {
            <><span class="nowrap">{ p.to_owned() }</span><wbr /></>
        }) }
    }
}
