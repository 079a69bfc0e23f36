//! Visible notices (import result, damaged share link, reset saved state...).

use yew::prelude::*;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The notices, oldest first.
    pub notices: std::rc::Rc<Vec<String>>,
    /// Dismiss notice `index`.
    pub on_dismiss: Callback<usize>,
}

/// One line per notice, each dismissible.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for props.notices.iter().enumerate().map(|(i, text)| {
                let cb = props.on_dismiss.clone();
                html! {
                    <p class="notice" data-testid="notice">
                        <span>{ text.clone() }</span>
                        <button type="button" aria-label="Dismiss notice" onclick={Callback::from(move |_: MouseEvent| cb.emit(i))}>{ "×" }</button>
                    </p>
                }
            }) }
        </div>
    }
}
