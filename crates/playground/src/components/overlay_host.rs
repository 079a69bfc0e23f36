//! The dialogs' place in the page. The dialogs themselves are drawn by the second module
//! (`crate::overlay_module`), mounted as soon as this host is first rendered (the module is
//! loading for the pool column by then anyway); the page tells them which is open. A dialog
//! opened before the module is there shows that it is loading, or why it failed with a way
//! to try again (opening a dialog also tries again), and closes like the others.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_load::Load;
use crate::hooks::use_panel_mount::{use_panel_mount, PanelStatus};
use crate::overlay_module::{self, OverlayInput, PageSide};
use crate::state::page::Overlay;

/// Props of [`OverlayHost`].
#[derive(Properties, PartialEq)]
pub struct OverlayHostProps {
    /// The dialog open, if any.
    pub open: Overlay,
    /// Closes the dialog.
    pub on_close: Callback<()>,
    /// The current scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// Replaces the scenario with what an import read.
    pub on_load: Callback<Load>,
    /// Shows a notice.
    pub notify: Callback<String>,
}

/// The module's element, and a stand-in dialog while it is not mounted.
#[component]
pub fn OverlayHost(props: &OverlayHostProps) -> Html {
    let input = OverlayInput { open: props.open };
    let page = PageSide {
        close: props.on_close.clone(),
        scenario_json: props.scenario_json.clone(),
        load: props.on_load.clone(),
        notify: props.notify.clone(),
    };
    let panel = use_panel_mount(
        overlay_module::EXPORT,
        // The sentence starts the stand-in's failure line.
        "The dialog",
        serde_json::to_string(&input).unwrap_or_default(),
        Rc::new(move |json: String| page.answer(&json)),
    );
    // A dialog opened after the module failed tries it again.
    {
        let (failed, retry) = (
            matches!(panel.status, PanelStatus::Failed(_)),
            panel.retry.clone(),
        );
        use_effect_with(props.open, move |&open| {
            if open != Overlay::None && failed {
                retry.emit(());
            }
        });
    }
    html! {
        <>
            if props.open != Overlay::None && panel.status != PanelStatus::Mounted {
                { stand_in(&panel.status, &panel.retry, &props.on_close) }
            }
            // The module's own element: the page renders nothing into it.
            <div class="overlay-mount" ref={panel.host}></div>
        </>
    }
}

/// The dialog shown until the module is mounted: loading, or why it failed.
fn stand_in(status: &PanelStatus, retry: &Callback<()>, close: &Callback<()>) -> Html {
    let retry = retry.reform(|_: MouseEvent| ());
    let close = close.reform(|_: MouseEvent| ());
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-label="Loading" data-testid="overlay-pending">
            <div class="overlay-box">
                if let PanelStatus::Failed(reason) = status {
                    <p class="outcome failed" data-state="failed" role="alert">
                        { reason.clone() }{ " " }
                        <button type="button" data-testid="overlay-retry" onclick={retry}>{ "Try again" }</button>
                    </p>
                } else {
                    <p class="muted" data-state="loading">{ "Loading the dialog…" }</p>
                }
                <button type="button" onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
