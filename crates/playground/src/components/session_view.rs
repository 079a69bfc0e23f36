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
                <table class="keys">
                    <tbody>
                        { for s.principal_tags.iter().map(|(k, v)| html! {
                            <tr><th scope="row"><code>{ k.clone() }</code></th><td><code>{ v.clone() }</code></td></tr>
                        }) }
                    </tbody>
                </table>
            }
            if !s.context_keys.is_empty() {
                <h4>{ "Context keys" }</h4>
                <table class="keys">
                    <tbody>
                        { for s.context_keys.iter().map(|(k, v)| html! {
                            <tr><th scope="row"><code>{ k.clone() }</code></th><td><code>{ v.clone() }</code></td></tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
