//! A part of the page drawn by the second module (the pool column, the dialogs): mounted into
//! an element the page leaves to it as soon as the part is first rendered, mounted again on
//! Try again, and told what to show whenever that changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::lazy_panel::{self, Mounted, PanelExport};

/// Where the part's module is.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelStatus {
    /// Being loaded and mounted.
    Loading,
    /// Drawn by the module.
    Mounted,
    /// Could not be loaded: the one-line reason.
    Failed(String),
}

/// The part's element, where its module is, and a way to try again.
pub struct PanelMount {
    /// The element the page leaves to the module.
    pub host: NodeRef,
    /// Where the module is.
    pub status: PanelStatus,
    /// Loads and mounts the part again (after a failure).
    pub retry: Callback<()>,
}

/// Mounts the part `from` names (`what` starts its failure line), showing `message` (the
/// part's input as JSON; sent again whenever it changes); `answer` answers the part's
/// messages.
#[hook]
pub fn use_panel_mount(
    from: PanelExport,
    what: &'static str,
    message: String,
    answer: Rc<dyn Fn(String) -> String>,
) -> PanelMount {
    let host = use_node_ref();
    let status = use_state(|| PanelStatus::Loading);
    let attempt = use_state(|| 0u32);
    let mounted = use_mut_ref(|| None::<Mounted>);
    // What the part shows now (read when a mount that took a while completes).
    let latest = use_mut_ref(String::new);
    latest.borrow_mut().clone_from(&message);
    {
        let (host, status, mounted, latest) = (
            host.clone(),
            status.clone(),
            mounted.clone(),
            latest.clone(),
        );
        use_effect_with(*attempt, move |_| {
            let Some(element) = host.cast::<web_sys::Element>() else {
                return;
            };
            status.set(PanelStatus::Loading);
            let start = latest.borrow().clone();
            let on_event = Box::new(move |json: String| answer(json));
            yew::platform::spawn_local(async move {
                match lazy_panel::mount(from, what, &element, &start, on_event).await {
                    Ok(part) => {
                        let now = latest.borrow().clone();
                        if now != start {
                            part.update(&now);
                        }
                        *mounted.borrow_mut() = Some(part);
                        status.set(PanelStatus::Mounted);
                    }
                    Err(reason) => status.set(PanelStatus::Failed(reason)),
                }
            });
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(message, move |message| {
            if let Some(part) = &*mounted.borrow() {
                part.update(message);
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    PanelMount {
        host,
        status: (*status).clone(),
        retry,
    }
}
