//! Picks the page the URL fragment asks for (`crate::mode`): the playground, an embedded
//! widget, or the playground with a workshop; applies a forced colour scheme.

use std::rc::Rc;

use yew::prelude::*;

use super::app::App;
use super::embed_app::EmbedApp;
use crate::mode::{mode_of, Mode};

/// The component mounted on `<body>`.
#[component]
pub fn Root() -> Html {
    let decided = use_memo((), |_| {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let (mode, theme, notices) = mode_of(&share_link::Fragment::parse(&hash));
        crate::host::apply_theme(theme);
        (mode, notices)
    });
    let (mode, notices) = &*decided;
    match mode {
        Mode::Embed(options) => html! {
            <EmbedApp options={Rc::new(options.clone())} notices={notices.clone()} />
        },
        Mode::Workshop(link) => html! { <App workshop={Rc::new(link.clone())} /> },
        Mode::Full => html! { <App /> },
    }
}
