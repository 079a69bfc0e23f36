//! The widget page's root (`embed.html`, a wasm of its own without the full page's
//! panels): the embedded widget the fragment describes. A link without `embed=` is a
//! full-page link opened on the wrong file, so it goes to the full page, fragment kept.

use std::rc::Rc;

use yew::prelude::*;

use super::embed_app::EmbedApp;
use crate::embed::full_page_url;
use crate::hooks::use_start::{leave_for, loading_example, use_start};
use crate::mode::Mode;

/// The component mounted on `<body>` of `embed.html`.
#[component]
pub fn EmbedRoot() -> Html {
    let Some((mode, notices)) = use_start() else {
        return loading_example();
    };
    match mode {
        Mode::Embed(options) => html! { <EmbedApp options={Rc::new(options)} {notices} /> },
        Mode::Full | Mode::Workshop(_) => {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            leave_for(&full_page_url(&href), "the playground")
        }
    }
}
