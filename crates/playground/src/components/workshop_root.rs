//! Workshop mode's page root (`workshop.html`, a wasm of its own): the playground with the
//! workshop panel, whose host, bridge and exercise reading only this page's wasm carries.
//! A link for the widget or the plain playground goes to its page, fragment kept; a
//! workshop id that cannot name a file is the playground here, with its notice, as on the
//! full page (sending it back there would send it here again).

use std::rc::Rc;

use yew::prelude::*;

use super::app::App;
use super::workshop_host::{WorkshopHost, WorkshopHostProps};
use crate::hooks::use_start::{leave_for, loading_example, use_start};
use crate::mode::Mode;
use crate::pages::Page;

/// The component mounted on `<body>` of `workshop.html`.
#[component]
pub fn WorkshopRoot() -> Html {
    let panel = use_memo((), |_| {
        Callback::from(|props: WorkshopHostProps| html! { <WorkshopHost ..props /> })
    });
    let Some((mode, _)) = use_start() else {
        return loading_example();
    };
    match mode {
        Mode::Workshop(link) => html! {
            <App workshop={Rc::new(link)} workshop_panel={(*panel).clone()} />
        },
        Mode::Full if names_a_workshop() => html! { <App /> },
        other => leave_for(Page::of(&other)),
    }
}

/// Whether the link has a `workshop` parameter, read by the share-link fragment parser that
/// decided the mode (and tested, as the full page's early script tests it, by its key).
fn names_a_workshop() -> bool {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    share_link::Fragment::parse(&hash).workshop.is_some()
}
