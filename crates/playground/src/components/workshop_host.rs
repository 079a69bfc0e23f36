//! Workshop mode's place at the top of the results column: loads the workshop panel's own
//! module (`crate::workshop_module`), shows that it is loading (or why it could not, with a
//! way to try again), mounts the panel into an element the page leaves to it, and tells it
//! after each edit and evaluation what changed. What the panel asks (load a scenario, the
//! exercise opened; reads and judgements are answered by `workshop_module::answer`) comes
//! back as [`PanelEvent`]s.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_dispatch::use_dispatch;
use crate::mode::WorkshopLink;
use crate::state::{Action, ScenarioDoc};
use crate::workshop_module::{self, Mounted, PanelEvent, PanelInput, PanelStart};

/// Props of [`WorkshopHost`].
#[derive(Properties, PartialEq)]
pub struct WorkshopHostProps {
    /// The workshop the link names.
    pub link: Rc<WorkshopLink>,
    /// The learner's scenario as JSON text, written when asked (after an evaluation).
    pub scenario_json: Callback<(), String>,
    /// The editor's revision (bumped by every edit).
    pub revision: u64,
    /// How many evaluations have run.
    pub count: u32,
    /// Bumped whenever the page loads something other than the exercise.
    pub detached: u32,
    /// The scenario the workshop link carried (a shared version), if any.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
    /// Told the id of each exercise opened (the page's Share names it).
    pub on_open: Callback<String>,
    /// Shows a notice (the module could not be loaded, a scenario could not be read).
    pub notify: Callback<String>,
}

/// Where the module is.
#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Mounted,
    Failed(String),
}

/// Does what the panel asks.
fn on_event(
    props: &WorkshopHostProps,
    dispatch: &Callback<Action>,
) -> impl Fn(PanelEvent) + 'static {
    let (dispatch, on_open, notify) = (
        dispatch.clone(),
        props.on_open.clone(),
        props.notify.clone(),
    );
    move |event| match event {
        PanelEvent::Load(json) => match ScenarioDoc::from_json(&json) {
            Ok(doc) => dispatch.emit(Action::Load(Box::new(doc))),
            Err(e) => notify.emit(format!(
                "the exercise's scenario could not be read: {}",
                e.message
            )),
        },
        PanelEvent::Opened(id) => on_open.emit(id),
        // Answered by `workshop_module::answer` before they get here.
        PanelEvent::Judge { .. } => {}
    }
}

/// The panel's host element, and its loading or failure state until it is mounted.
#[component]
pub fn WorkshopHost(props: &WorkshopHostProps) -> Html {
    let dispatch = use_dispatch();
    let host = use_node_ref();
    let status = use_state(|| Status::Loading);
    let attempt = use_state(|| 0u32);
    let mounted = use_mut_ref(|| None::<Mounted>);
    // Everything the page told (or would have told) the panel, so a panel mounted late
    // starts from the page's state.
    let latest = use_mut_ref(PanelInput::default);
    {
        let (host, status, mounted, latest) = (
            host.clone(),
            status.clone(),
            mounted.clone(),
            latest.clone(),
        );
        let start = PanelStart {
            workshop: props.link.id.clone(),
            exercise: props.link.exercise.clone(),
            shared: props.shared.as_ref().map(ToString::to_string),
        };
        let (on_event, notify) = (on_event(props, &dispatch), props.notify.clone());
        use_effect_with(*attempt, move |_| {
            let Some(element) = host.cast::<web_sys::Element>() else {
                return;
            };
            status.set(Status::Loading);
            yew::platform::spawn_local(async move {
                match workshop_module::mount(&element, &start, on_event).await {
                    Ok(panel) => {
                        panel.update(&latest.borrow());
                        *mounted.borrow_mut() = Some(panel);
                        status.set(Status::Mounted);
                    }
                    Err(reason) => {
                        notify.emit(reason.clone());
                        status.set(Status::Failed(reason));
                    }
                }
            });
        });
    }
    {
        let scenario_json = props.scenario_json.clone();
        use_effect_with(
            (props.revision, props.count, props.detached),
            move |&(revision, count, detached)| {
                let page = Page {
                    revision,
                    count,
                    detached,
                };
                tell(&mounted, &latest, &scenario_json, page);
            },
        );
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(attempt.wrapping_add(1)))
    };
    html! {
        <div class="workshop-host">
            { placeholder(&status, retry) }
            // The panel's own element: the page renders nothing into it.
            <div class="workshop-mount" ref={host}></div>
        </div>
    }
}

/// What stands in the panel's place until it is mounted: loading, or why it failed.
fn placeholder(status: &Status, retry: Callback<MouseEvent>) -> Html {
    match status {
        Status::Loading => html! {
            <section class="panel workshop" data-testid="workshop-module" data-state="loading" aria-busy="true" aria-label="Workshop">
                <h2>{ "Workshop" }</h2>
                <p role="status">{ "Loading the workshop…" }</p>
            </section>
        },
        Status::Failed(reason) => html! {
            <section class="panel workshop" data-testid="workshop-module" data-state="failed" aria-label="Workshop">
                <h2>{ "Workshop" }</h2>
                <p role="alert">{ reason.clone() }</p>
                <button type="button" onclick={retry}>{ "Try again" }</button>
            </section>
        },
        Status::Mounted => html! {},
    }
}

/// The page's counters the panel follows.
struct Page {
    revision: u64,
    count: u32,
    detached: u32,
}

/// Records what changed and tells a mounted panel: the scenario's text is written only when
/// an evaluation ran (the goals are judged then), not on every keystroke.
fn tell(
    mounted: &Rc<RefCell<Option<Mounted>>>,
    latest: &Rc<RefCell<PanelInput>>,
    scenario_json: &Callback<(), String>,
    page: Page,
) {
    let mut latest = latest.borrow_mut();
    let evaluated = page.count != latest.count || latest.scenario.is_none();
    if evaluated {
        latest.scenario = Some(scenario_json.emit(()));
    }
    latest.revision = page.revision;
    latest.count = page.count;
    latest.detached = page.detached;
    if let Some(panel) = &*mounted.borrow() {
        panel.update(&PanelInput {
            scenario: latest.scenario.clone().filter(|_| evaluated),
            revision: page.revision,
            count: page.count,
            detached: page.detached,
        });
    }
}
