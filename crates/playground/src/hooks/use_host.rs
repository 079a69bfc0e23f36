//! An embedded widget's conversation with its host page (`share_link::message`): `ready`
//! once mounted, the content height whenever it changes, the result after every evaluation;
//! and the host's documented messages (theme, an inline scenario, measure again).

use std::rc::Rc;

use share_link::{HostMessage, WidgetMessage};
use yew::prelude::*;

use crate::host;

/// Talks to the host page for the widget `id` whose content is `root`. `result` is the
/// latest result message and `count` the evaluation it belongs to; `on_scenario` receives a
/// scenario the host sends.
#[hook]
pub fn use_host(
    id: AttrValue,
    root: NodeRef,
    result: Rc<WidgetMessage>,
    count: u32,
    on_scenario: Callback<String>,
) {
    let last_height = use_mut_ref(|| 0_u32);
    let latest = use_mut_ref(|| result.clone());
    *latest.borrow_mut() = result.clone();

    let post_height: Rc<dyn Fn(bool)> = {
        let id = id.clone();
        let root = root.clone();
        Rc::new(move |force: bool| {
            let Some(element) = root.cast::<web_sys::Element>() else {
                return;
            };
            let height = host::height_of(&element);
            if force || height != *last_height.borrow() {
                *last_height.borrow_mut() = height;
                host::post(&id, &WidgetMessage::Height { height });
            }
        })
    };

    {
        let id = id.clone();
        use_effect_with((), move |_| {
            let listener = {
                let id = id.clone();
                let post_height = post_height.clone();
                host::listen(move |message| match message {
                    HostMessage::Theme(theme) => host::apply_theme(theme),
                    HostMessage::Scenario(text) => on_scenario.emit(text),
                    HostMessage::Measure => {
                        post_height(true);
                        let result = latest.borrow().clone();
                        host::post(&id, &result);
                    }
                })
            };
            let watch = root.cast::<web_sys::Element>().and_then(|element| {
                let post_height = post_height.clone();
                host::SizeWatch::new(&element, move || post_height(false))
            });
            host::post(&id, &WidgetMessage::Ready);
            post_height(true);
            move || {
                drop(listener);
                drop(watch);
            }
        });
    }

    use_effect_with(count, move |count| {
        if *count > 0 {
            host::post(&id, &result);
        }
    });
}
