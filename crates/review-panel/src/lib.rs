//! The playground's second module: what the full page and the workshop page draw below the
//! first decision, in a wasm module of its own so the first download carries none of it
//! (docs/bundle.md has the sizes). The page loads it right after the first decision is
//! painted. It holds the parts below, each mounted into an element the page leaves to it:
//!
//! - the Permissions panel (effective permissions, Changes, the least-privilege coach),
//!   mounted when the panel is first needed (a tab opened, or an edit that makes the
//!   scenario differ from its baseline), the moment the page loads the API module and the
//!   AWS action catalog the panel reads;
//! - the pool column ([`pool`]), the middle column with the roles' policy editors and the
//!   sign-in ([`edit`]) and the dialogs ([`overlays`]), mounted at once;
//! - the share link's encoder ([`share`]), which the page asks inside Share's click.
//!
//! The page mounts the panel into an element of its results column with [`mount`] and tells
//! it what changed with [`Panel::update`] (`playground::review_module::ReviewInput`, as
//! JSON); the panel asks the page for the scenario's JSON and hands it the edits its
//! components make (`ReviewEvent`, as JSON, through a JS function). The panel's components
//! are the page library's (`playground::components::review_panel` and the views under it),
//! so there is one of each; this crate only mounts them.

use std::rc::Rc;

use playground::components::coach_view::JumpTo;
use playground::components::review_panel::{Baseline, ReviewPanel, ReviewTab};
use playground::hooks::use_dispatch::Dispatch;
use playground::review_module::{ReviewEvent, ReviewInput, ReviewStart};
use wasm_bindgen::prelude::*;
use yew::{function_component, html, AppHandle, Callback, ContextProvider, Html, Properties};

pub mod dispatch;
pub mod edit;
pub mod overlays;
pub mod pool;
pub mod share;

/// What the module's root renders from: the page's counters and the bridge's callbacks
/// (made once, at [`mount`]).
#[derive(Clone, Properties, PartialEq)]
pub struct ReviewRootProps {
    /// How the page started the panel.
    pub start: Rc<ReviewStart>,
    /// How many evaluations have run in the page.
    pub count: u32,
    /// The baseline.
    pub baseline: Rc<Baseline>,
    /// A tab clicked in the page's stand-in while the module loaded.
    pub opened: Option<ReviewTab>,
    /// Asks the page for the scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// Asks the page to pin the scenario as the baseline.
    pub on_pin: Callback<()>,
    /// Hands the page the edits the panel's components make.
    pub dispatch: Dispatch,
    /// Asks the page to move the caret into one of its editors.
    pub jump_to: JumpTo,
}

/// The panel, with the page's store behind its components' `use_dispatch`.
#[function_component]
fn ReviewRoot(props: &ReviewRootProps) -> Html {
    html! {
        <ContextProvider<Dispatch> context={props.dispatch.clone()}>
            <ContextProvider<JumpTo> context={props.jump_to.clone()}>
                <ReviewPanel count={props.count} scenario_json={props.scenario_json.clone()}
                    baseline={props.baseline.clone()} on_pin={props.on_pin.clone()}
                    opened={props.opened.or(props.start.tab)} edited={props.start.edited} />
            </ContextProvider<JumpTo>>
        </ContextProvider<Dispatch>>
    }
}

/// The mounted panel, as the page holds it.
#[wasm_bindgen]
pub struct Panel {
    app: AppHandle<ReviewRoot>,
    props: ReviewRootProps,
}

/// The root's props for `start`, with `ask` sending each message to the page and returning
/// its answer.
pub fn root_props(start: ReviewStart, ask: Callback<ReviewEvent, String>) -> ReviewRootProps {
    let dispatch = dispatch::crossing(ReviewEvent::for_action, ask.clone());
    let on_pin = {
        let ask = ask.clone();
        Callback::from(move |()| {
            ask.emit(ReviewEvent::Pin);
        })
    };
    let jump_to = {
        let ask = ask.clone();
        Callback::from(move |(policy, index)| {
            ask.emit(ReviewEvent::JumpTo(policy, index));
        })
    };
    ReviewRootProps {
        start: Rc::new(start),
        count: 0,
        baseline: Rc::new(Baseline::default()),
        opened: None,
        scenario_json: ask.reform(|()| ReviewEvent::Scenario),
        on_pin,
        dispatch,
        jump_to,
    }
}

/// Applies one of the page's messages to the root's props; false when it changes nothing
/// (or cannot be read), so the panel is not rendered again for it.
pub fn apply(props: &mut ReviewRootProps, input: &str) -> bool {
    let Ok(input) = serde_json::from_str::<ReviewInput>(input) else {
        return false;
    };
    let mut changed = props.count != input.count || props.opened != input.opened;
    props.count = input.count;
    props.opened = input.opened;
    if let Some(baseline) = input.baseline {
        props.baseline = Rc::new(baseline);
        changed = true;
    }
    changed
}

/// Mounts the panel into `host` as `start` says (`playground::review_module::ReviewStart` as
/// JSON); `on_event` is called with each `ReviewEvent` as JSON text and returns the page's
/// answer (JSON text). The page tells it its counters and baseline at once, with
/// [`Panel::update`].
#[wasm_bindgen]
pub fn mount(
    host: web_sys::Element,
    start: &str,
    on_event: js_sys::Function,
) -> Result<Panel, JsValue> {
    let start: ReviewStart = playground::lazy_panel::read_start(start)?;
    let ask = playground::lazy_panel::asker::<ReviewEvent>(on_event);
    let props = root_props(start, ask);
    // Slot 1: see `playground::lazy_panel::step_past_subtree_ids`.
    let app = playground::lazy_panel::render::<ReviewRoot>(host, props.clone(), 1);
    Ok(Panel { app, props })
}

#[wasm_bindgen]
impl Panel {
    /// Tells the panel what changed in the page (`ReviewInput` as JSON; an unreadable
    /// message is ignored).
    pub fn update(&mut self, input: &str) {
        if apply(&mut self.props, input) {
            self.app.update(self.props.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use playground::state::Action;
    use std::cell::RefCell;

    use super::*;

    #[test]
    fn the_panels_edits_and_questions_reach_the_page_as_messages() {
        let asked = Rc::new(RefCell::new(Vec::new()));
        let ask = {
            let asked = asked.clone();
            Callback::from(move |event: ReviewEvent| {
                asked.borrow_mut().push(event);
                "{}".to_owned()
            })
        };
        let props = root_props(ReviewStart::default(), ask);
        assert_eq!(props.scenario_json.emit(()), "{}");
        props.on_pin.emit(());
        props.jump_to.emit(("Guest:ReadPicture".into(), Some(1)));
        props
            .dispatch
            .emit(Action::DismissFinding("finding-1".into()));
        // An edit the panel never makes does not cross.
        props.dispatch.emit(Action::SetName("x".into()));
        assert_eq!(
            *asked.borrow(),
            vec![
                ReviewEvent::Scenario,
                ReviewEvent::Pin,
                ReviewEvent::JumpTo("Guest:ReadPicture".into(), Some(1)),
                ReviewEvent::DismissFinding("finding-1".into()),
            ]
        );
    }

    #[test]
    fn the_pages_messages_update_the_counters_and_keep_the_baseline_until_it_changes() {
        let mut props = root_props(ReviewStart::default(), Callback::from(|_| String::new()));
        assert!(apply(
            &mut props,
            r#"{"count":3,"baseline":{"json":"{}","label":"the scenario as opened"}}"#
        ));
        assert_eq!(props.count, 3);
        assert_eq!(props.baseline.label, "the scenario as opened");
        let kept = props.baseline.clone();
        assert!(apply(&mut props, r#"{"count":4,"opened":"Coach"}"#));
        assert!(
            Rc::ptr_eq(&kept, &props.baseline),
            "no baseline: the same one"
        );
        assert_eq!(props.opened, Some(ReviewTab::Coach));
        assert!(
            !apply(&mut props, r#"{"count":4,"opened":"Coach"}"#),
            "nothing changed"
        );
        assert!(!apply(&mut props, "not json"));
    }
}
