//! The full page's root (`index.html`): the playground. A link for the widget (`#embed=…`)
//! or a workshop (`#workshop=…`) belongs to that audience's page next to this one
//! (`crate::pages`), whose wasm carries what it needs and no more: the page's early script
//! sends such a link there before fetching this page's wasm, and this root does the same if
//! it runs anyway.

use yew::prelude::*;

use super::app::App;
use crate::hooks::use_start::{leave_for, loading_example, use_start};
use crate::mode::Mode;
use crate::pages::Page;

/// The component mounted on `<body>` of `index.html`.
#[component]
pub fn Root() -> Html {
    let Some((mode, _)) = use_start() else {
        return loading_example();
    };
    match mode {
        Mode::Full => html! { <App /> },
        other => leave_for(Page::of(&other)),
    }
}
