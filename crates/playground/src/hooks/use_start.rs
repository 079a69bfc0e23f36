//! What the link asks for, decided once at start-up, shared by the roots of the three pages
//! (playground, widget, workshop): the mode (`crate::mode`), the forced colour scheme (applied here),
//! and notices about parameters that could not be followed. A link to an example the
//! wasm does not hold (`#example=<id>`) fetches it first, so the first evaluation is the
//! example's (and an embed posts nothing to its host before).

use yew::prelude::*;

use crate::examples;
use crate::mode::{mode_of, Mode};
use crate::pages::Page;

/// The mode and the start's notices; `None` while a linked example is being fetched.
#[hook]
pub fn use_start() -> Option<(Mode, Vec<String>)> {
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
    match *waiting {
        true => None,
        false => Some((decided.0.clone(), decided.1.clone())),
    }
}

/// What the page shows while a linked example is fetched.
pub fn loading_example() -> Html {
    html! { <p class="loading" data-testid="loading-example">{ "Loading the example…" }</p> }
}

/// Leaves for `page` next to this one, fragment kept, without a history entry (the link the
/// user followed stays the one "back" returns to), and says so meanwhile.
pub fn leave_for(page: Page) -> Html {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let _ = location.replace(&page.url(&href));
    html! { <p class="loading" data-testid="redirecting">{ format!("Opening {}…", page.name()) }</p> }
}
