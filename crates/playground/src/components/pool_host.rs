//! The pool column's place in the page. The column itself is drawn by the second module
//! (`crate::pool_module`), which the page loads as soon as this host is first rendered, one
//! task after the first decision; until it is mounted the page shows the column's heading
//! and a status line (why it failed, with a way to try again, if it did).

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_panel_mount::{use_panel_mount, PanelStatus};
use crate::pool_module::{self, PoolInput};

/// Props of [`PoolHost`].
#[derive(Properties, PartialEq)]
pub struct PoolHostProps {
    /// What the column shows.
    pub input: Rc<PoolInput>,
}

/// The column: a stand-in, then the module's own element.
#[component]
pub fn PoolHost(props: &PoolHostProps) -> Html {
    let dispatch = use_dispatch();
    let panel = use_panel_mount(
        pool_module::EXPORT,
        // The sentence starts the column's failure line.
        "The pool's settings",
        serde_json::to_string(&*props.input).unwrap_or_default(),
        Rc::new(move |json: String| pool_module::answer(&json, &dispatch)),
    );
    let retry = panel.retry.reform(|_: MouseEvent| ());
    html! {
        <div class="column pool">
            if panel.status != PanelStatus::Mounted {
                <section class="panel" aria-labelledby="pool-title">
                    <h2 id="pool-title">{ "Identity pool" }</h2>
                    if let PanelStatus::Failed(reason) = &panel.status {
                        <p class="outcome failed" data-testid="pool-status" data-state="failed" role="alert">
                            { reason.clone() }{ " " }
                            <button type="button" data-testid="pool-retry" onclick={retry}>{ "Try again" }</button>
                        </p>
                    } else {
                        <p class="muted" data-testid="pool-status" data-state="loading">{ "Loading the pool's settings…" }</p>
                    }
                </section>
            }
            // The module's own element: the page renders nothing into it.
            <div class="pool-mount" ref={panel.host}></div>
        </div>
    }
}
