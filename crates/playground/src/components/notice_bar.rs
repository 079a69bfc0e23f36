//! Visible notices (import result, damaged share link, reset saved state...), in one box
//! that lists them: the newest in full, the older ones one line each until the box is
//! opened, so several notices do not push the page down.

use yew::prelude::*;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The notices, oldest first.
    pub notices: std::rc::Rc<Vec<String>>,
    /// Dismiss notice `index`.
    pub on_dismiss: Callback<usize>,
    /// Dismiss them all.
    pub on_dismiss_all: Callback<()>,
}

/// One box; one list item per notice, each dismissible.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let open = use_state(bool::default);
    let count = props.notices.len();
    if count == 0 {
        return html! { <div class="notices" role="status" aria-live="polite" /> };
    }
    let newest = count - 1;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let dismiss_all = props.on_dismiss_all.reform(|_: MouseEvent| ());
    html! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            if count > 1 {
                <p class="notices-head">
                    <strong>{ format!("{count} notices") }</strong>
                    <button type="button" class="link" aria-expanded={open.to_string()} onclick={toggle}>
                        { if *open { "Show the older ones on one line" } else { "Show all in full" } }</button>
                    <button type="button" class="link" onclick={dismiss_all}>{ "Dismiss all" }</button>
                </p>
            }
            <ul>
                { for props.notices.iter().enumerate().map(|(i, text)| {
                    let cb = props.on_dismiss.clone();
                    let class = classes!("notice", (i != newest && !*open).then_some("older"));
                    html! {
                        <li {class} data-testid="notice" title={(i != newest).then(|| text.clone())}>
                            <span>{ text.clone() }</span>
                            <button type="button" aria-label="Dismiss notice" onclick={Callback::from(move |_: MouseEvent| cb.emit(i))}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
