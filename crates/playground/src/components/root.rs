//! Picks the page the URL fragment asks for (`crate::mode`): the playground, an embedded
//! widget, or the playground with a workshop; applies a forced colour scheme. A link to an
//! example the page does not hold (`#example=<id>`) fetches it first, so the page starts
//! with it: its first evaluation is the example's, and only then is the page ready (an
//! embed posts nothing to its host before).

use std::rc::Rc;

use yew::prelude::*;

use super::app::App;
use super::embed_app::EmbedApp;
use crate::examples;
use crate::mode::{mode_of, Mode};

/// The component mounted on `<body>`.
#[component]
pub fn Root() -> Html {
    let decided = use_memo((), |_| {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let fragment = share_link::Fragment::parse(&hash);
        let (mode, theme, notices) = mode_of(&fragment);
        crate::host::apply_theme(theme);
        // A share link wins over an example; an unknown id is the start's notice.
        let fetch = fragment
            .example
            .filter(|id| fragment.scenario.is_none() && examples::known(id))
            .filter(|id| examples::text(id).is_none());
        (mode, notices, fetch)
    });
    let waiting = use_state(|| decided.2.is_some());
    {
        let waiting = waiting.clone();
        let fetch = decided.2.clone();
        use_effect_with((), move |_| {
            if let Some(id) = fetch {
                yew::platform::spawn_local(async move {
                    // A failure is kept by `examples` and becomes the start's notice.
                    let _ = examples::fetch(&id).await;
                    waiting.set(false);
                });
            }
        });
    }
    if *waiting {
        return html! { <p class="loading" data-testid="loading-example">{ "Loading the example…" }</p> };
    }
    let (mode, notices, _) = &*decided;
    match mode {
        Mode::Embed(options) => html! {
            <EmbedApp options={Rc::new(options.clone())} notices={notices.clone()} />
        },
        Mode::Workshop(link) => html! { <App workshop={Rc::new(link.clone())} /> },
        Mode::Full => html! { <App /> },
    }
}
