//! The help overlay: what the page does and its keyboard shortcuts.

use yew::prelude::*;

use crate::hooks::use_dialog_focus::use_dialog_focus;
use crate::hooks::use_shortcuts::TABLE;

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    /// Close button.
    pub on_close: Callback<()>,
}

/// A modal listing the shortcuts.
#[component]
pub fn HelpOverlay(props: &HelpOverlayProps) -> Html {
    let root = use_node_ref();
    let onkeydown = use_dialog_focus(root.clone());
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay" ref={root} {onkeydown}>
            <div class="overlay-box">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <table>
                    <tbody>
                        { for TABLE.iter().map(|(keys, what)| html! {
                            <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *what }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p>{ "Everything runs in your browser: the policies, the sign-in and the decisions are computed locally and nothing is sent anywhere." }</p>
                <button type="button" onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
