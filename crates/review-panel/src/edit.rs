//! The middle column (roles and their policy editors, the sign-in and the token paste), the
//! module's fourth part: the page mounts it with [`mount_edit`] right after the first
//! decision and tells it what it shows with [`EditPanel::update`]
//! (`playground::edit_module::input_message`); the column hands the page its edits and
//! asks it for the scenario's JSON (`EditEvent`, as JSON, through a JS function).

use std::cell::Cell;
use std::rc::Rc;

use playground::backend::DiagnosticMap;
use playground::components::edit_column::edit_panels;
use playground::edit_module::{EditEvent, EditInput};
use playground::hooks::use_dispatch::Dispatch;
use wasm_bindgen::prelude::*;
use yew::{function_component, html, AppHandle, Callback, ContextProvider, Html, Properties};

/// What the column's root renders from.
#[derive(Clone, Properties, PartialEq)]
pub struct EditRootProps {
    /// What the page's scenario and its last evaluation hold.
    pub input: EditInput,
    /// The input's diagnostics as the editors read them (made once per update).
    pub diagnostics: Rc<DiagnosticMap>,
    /// Asks the page.
    pub ask: Callback<EditEvent, String>,
    /// Hands the page the edits the column's components make.
    pub dispatch: Dispatch,
}

/// The column, with the page's store behind its components' `use_dispatch`.
#[function_component]
fn EditRoot(props: &EditRootProps) -> Html {
    let scenario_json = props.ask.reform(|()| EditEvent::Scenario);
    html! {
        <ContextProvider<Dispatch> context={props.dispatch.clone()}>
            { edit_panels(&props.input, &props.diagnostics, &scenario_json) }
        </ContextProvider<Dispatch>>
    }
}

/// The mounted column, as the page holds it.
#[wasm_bindgen]
pub struct EditPanel {
    app: AppHandle<EditRoot>,
    props: EditRootProps,
    /// How many edits the column has sent the page.
    sent: Rc<Cell<u64>>,
}

/// Applies the page's message `json` (`playground::edit_module::input_message`) to
/// `current` unless it is older than the column's latest edit (`sent` edits sent; the
/// message says how many the page had applied) or changes nothing: true when the column
/// must render again. An older input, shown, would put back the text from before a
/// keystroke, and the next key would edit that text; the page's next input, written after
/// the edit, follows anyway.
pub fn accept(current: &mut EditInput, sent: u64, json: &str) -> bool {
    match serde_json::from_str::<(u64, EditInput)>(json) {
        Ok((applied, input)) if applied >= sent && input != *current => {
            *current = input;
            true
        }
        _ => false,
    }
}

/// Mounts the column into `host`, showing `start` (`edit_module::input_message`); `on_event` is
/// called with each `EditEvent` as JSON text and returns the page's answer.
#[wasm_bindgen]
pub fn mount_edit(
    host: web_sys::Element,
    start: &str,
    on_event: js_sys::Function,
) -> Result<EditPanel, JsValue> {
    let (_, input): (u64, EditInput) = playground::lazy_panel::read_start(start)?;
    let sent = Rc::new(Cell::new(0u64));
    let ask = {
        let (send, sent) = (
            playground::lazy_panel::asker_writing(on_event, EditEvent::to_message),
            sent.clone(),
        );
        Callback::from(move |event: EditEvent| {
            if event != EditEvent::Scenario {
                sent.set(sent.get().saturating_add(1));
            }
            send.emit(event)
        })
    };
    let props = EditRootProps {
        diagnostics: Rc::new(input.diagnostic_map()),
        input,
        dispatch: crate::dispatch::crossing(EditEvent::for_action, ask.clone()),
        ask,
    };
    // Slot 1, the module's (see `playground::lazy_panel::step_past_subtree_ids`).
    let app = playground::lazy_panel::render::<EditRoot>(host, props.clone(), 1);
    Ok(EditPanel { app, props, sent })
}

#[wasm_bindgen]
impl EditPanel {
    /// Tells the column what it shows now (`edit_module::input_message`; an unreadable message, one
    /// older than the column's latest edit, or one that changes nothing, is ignored).
    pub fn update(&mut self, input: &str) {
        if accept(&mut self.props.input, self.sent.get(), input) {
            self.props.diagnostics = Rc::new(self.props.input.diagnostic_map());
            self.app.update(self.props.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use playground::state::Action;
    use std::cell::RefCell;

    use playground::state::scenario::ItemId;

    use super::*;

    #[test]
    fn the_columns_edits_reach_the_page_as_messages_and_nothing_else_does() {
        let asked = Rc::new(RefCell::new(Vec::new()));
        let ask = {
            let asked = asked.clone();
            Callback::from(move |event: EditEvent| {
                asked.borrow_mut().push(event);
                String::new()
            })
        };
        let dispatch = crate::dispatch::crossing(EditEvent::for_action, ask);
        dispatch.emit(Action::SetRoleName(ItemId(1), "Reader".into()));
        dispatch.emit(Action::AddRequest);
        assert_eq!(
            *asked.borrow(),
            vec![EditEvent::SetRoleName(ItemId(1), "Reader".into())]
        );
    }

    #[test]
    fn an_input_older_than_the_columns_latest_edit_is_not_shown() {
        let mut shown = EditInput::default();
        let written = |applied: u64, scope: &str| {
            playground::edit_module::input_message(
                applied,
                &EditInput {
                    scope_down_version: scope.into(),
                    ..EditInput::default()
                },
            )
        };
        // Two edits sent; the page wrote this after the first only.
        assert!(!accept(&mut shown, 2, &written(1, "before the second key")));
        assert_eq!(shown, EditInput::default());
        assert!(accept(&mut shown, 2, &written(2, "after both")));
        assert_eq!(shown.scope_down_version, "after both");
        assert!(
            !accept(&mut shown, 2, &written(2, "after both")),
            "nothing changed"
        );
        assert!(!accept(&mut shown, 2, "not json"));
    }
}
