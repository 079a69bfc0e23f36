//! The pool column, the module's second panel: the page mounts it into its first column with
//! [`mount_pool`] right after the first decision, and tells it what it shows with
//! [`PoolPanel::update`] (`playground::pool_module::PoolInput`, as JSON); the column hands
//! the page its edits (`PoolEvent`, as JSON, through a JS function).

use playground::components::pool_column::pool_panels;
use playground::hooks::use_dispatch::Dispatch;
use playground::pool_module::{PoolEvent, PoolInput};
use wasm_bindgen::prelude::*;
use yew::{function_component, html, AppHandle, ContextProvider, Html, Properties};

/// What the column's root renders from.
#[derive(Clone, Properties, PartialEq)]
pub struct PoolRootProps {
    /// What the page's scenario holds.
    pub input: PoolInput,
    /// Hands the page the edits the column's components make.
    pub dispatch: Dispatch,
}

/// The column, with the page's store behind its components' `use_dispatch`.
#[function_component]
fn PoolRoot(props: &PoolRootProps) -> Html {
    html! {
        <ContextProvider<Dispatch> context={props.dispatch.clone()}>
            { pool_panels(&props.input) }
        </ContextProvider<Dispatch>>
    }
}

/// The mounted column, as the page holds it.
#[wasm_bindgen]
pub struct PoolPanel {
    app: AppHandle<PoolRoot>,
    props: PoolRootProps,
}

/// Mounts the column into `host`, showing `start` (`PoolInput` as JSON); `on_event` is
/// called with each `PoolEvent` as JSON text.
#[wasm_bindgen]
pub fn mount_pool(
    host: web_sys::Element,
    start: &str,
    on_event: js_sys::Function,
) -> Result<PoolPanel, JsValue> {
    let input: PoolInput = playground::lazy_panel::read_start(start)?;
    let ask = playground::lazy_panel::asker::<PoolEvent>(on_event);
    let dispatch = crate::dispatch::crossing(PoolEvent::for_action, ask);
    let props = PoolRootProps { input, dispatch };
    // Slot 1, the module's (see `playground::lazy_panel::step_past_subtree_ids`).
    let app = playground::lazy_panel::render::<PoolRoot>(host, props.clone(), 1);
    Ok(PoolPanel { app, props })
}

#[wasm_bindgen]
impl PoolPanel {
    /// Tells the column what it shows now (`PoolInput` as JSON; an unreadable message, or one
    /// that changes nothing, is ignored).
    pub fn update(&mut self, input: &str) {
        if playground::lazy_panel::apply_update(&mut self.props.input, input) {
            self.app.update(self.props.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use playground::state::Action;
    use std::cell::RefCell;
    use std::rc::Rc;
    use yew::Callback;

    use serde_json::json;

    use super::*;

    #[test]
    fn the_columns_edits_reach_the_page_as_messages_and_nothing_else_does() {
        let asked = Rc::new(RefCell::new(Vec::new()));
        let ask = {
            let asked = asked.clone();
            Callback::from(move |event: PoolEvent| {
                asked.borrow_mut().push(event);
                String::new()
            })
        };
        let dispatch = crate::dispatch::crossing(PoolEvent::for_action, ask);
        dispatch.emit(Action::SetPoolField("AllowClassicFlow".into(), json!(true)));
        dispatch.emit(Action::SetName("not the column's".into()));
        assert_eq!(
            *asked.borrow(),
            vec![PoolEvent::SetPoolField(
                "AllowClassicFlow".into(),
                json!(true)
            )]
        );
    }
}
