//! The widget page's root (`embed.html`, a wasm of its own without the full page's
//! panels): the embedded widget the fragment describes. A link without `embed=` was meant
//! for another page, so it goes there, fragment kept.

use std::rc::Rc;

use yew::prelude::*;

use super::embed_app::EmbedApp;
use crate::hooks::use_start::{leave_for, loading_example, use_start};
use crate::mode::Mode;
use crate::pages::Page;

/// The component mounted on `<body>` of `embed.html`.
#[component]
pub fn EmbedRoot() -> Html {
    let Some((mode, notices)) = use_start() else {
        return loading_example();
    };
    match mode {
        Mode::Embed(options) => html! { <EmbedApp options={Rc::new(options)} {notices} /> },
        other => leave_for(Page::of(&other)),
    }
}
