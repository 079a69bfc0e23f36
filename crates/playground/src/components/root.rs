//! The full page's root: the playground, or the playground with a workshop, as the URL
//! fragment asks (`hooks::use_start`). An embed link (`#embed=…`) belongs to the widget
//! page, `embed.html` next to this one, which carries a smaller wasm: the page's early
//! script sends such a link there before fetching its own wasm (`cargo xtask`'s
//! `early_wasm`), and this root does the same if it runs anyway.

use std::rc::Rc;

use yew::prelude::*;

use super::app::App;
use crate::embed::widget_url;
use crate::hooks::use_start::{leave_for, loading_example, use_start};
use crate::mode::Mode;

/// The component mounted on `<body>` of `index.html`.
#[component]
pub fn Root() -> Html {
    let Some((mode, _)) = use_start() else {
        return loading_example();
    };
    match mode {
        Mode::Embed(_) => {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            leave_for(&widget_url(&href), "the widget")
        }
        Mode::Workshop(link) => html! { <App workshop={Rc::new(link)} /> },
        Mode::Full => html! { <App /> },
    }
}
