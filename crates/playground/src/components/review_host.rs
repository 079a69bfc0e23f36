//! The Permissions panel's place in the results column. The panel itself is a wasm module of
//! its own (`crate::review_module`); until it is needed the page draws a stand-in with the
//! same tabs and words, and loads the module when a tab is clicked, or in the background
//! once an edit makes the scenario differ from the baseline (so the Changes tab counts
//! without being opened, as before). Once mounted, the panel replaces the stand-in in the
//! same place and the page tells it after each evaluation what changed.

use std::rc::Rc;

use yew::prelude::*;

use super::review_panel::{Baseline, ReviewTab};
use super::review_tabs::{
    closed_status, failed_status, loading_status, review_section, review_tabs, TabCounts,
};
use crate::hooks::use_dispatch::use_dispatch;
use crate::hooks::use_edited::use_edited;
use crate::review_module::{self, Mounted, PageSide, ReviewInput, ReviewStart};

/// Props of [`ReviewHost`].
#[derive(Properties, PartialEq)]
pub struct ReviewHostProps {
    /// How many evaluations have run (each one may change what is shown).
    pub count: u32,
    /// The current scenario's JSON.
    pub scenario_json: Callback<(), String>,
    /// The baseline.
    pub baseline: Rc<Baseline>,
    /// Makes the current scenario the baseline.
    pub on_pin: Callback<()>,
}

/// Where the panel's module is.
#[derive(Clone, PartialEq)]
enum Status {
    /// Not asked for yet.
    Idle,
    Loading,
    Mounted,
    Failed(String),
}

/// What the page last told the panel, so a panel mounted late starts from the page's state
/// and the baseline crosses only when it changed.
#[derive(Default)]
struct Told {
    count: u32,
    baseline: Option<Rc<Baseline>>,
    opened: Option<ReviewTab>,
}

/// The stand-in, then the panel's own element.
#[component]
pub fn ReviewHost(props: &ReviewHostProps) -> Html {
    let dispatch = use_dispatch();
    let host = use_node_ref();
    let status = use_state(|| Status::Idle);
    // The tab clicked in the stand-in, and whether an edit asked for the module.
    let opened = use_state(|| None::<ReviewTab>);
    // Once a tab is opened the module loads anyway, and the panel checks for itself.
    let edited = use_edited(
        props.count,
        &props.baseline,
        &props.scenario_json,
        false,
        opened.is_some(),
    );
    let attempt = use_state(|| 0u32);
    let mounted = use_mut_ref(|| None::<Mounted>);
    let told = use_mut_ref(Told::default);
    // What the page would tell the panel now (read when a late mount completes).
    let latest = use_mut_ref(|| (0u32, Rc::new(Baseline::default()), None::<ReviewTab>));
    *latest.borrow_mut() = (props.count, props.baseline.clone(), *opened);
    let wanted = opened.is_some() || *edited;
    {
        let (host, status, mounted, told, latest) = (
            host.clone(),
            status.clone(),
            mounted.clone(),
            told.clone(),
            latest.clone(),
        );
        let start = ReviewStart {
            tab: *opened,
            edited: *edited,
        };
        let page = PageSide {
            scenario_json: props.scenario_json.clone(),
            pin: props.on_pin.clone(),
            dispatch,
        };
        use_effect_with((wanted, *attempt), move |&(wanted, _)| {
            let Some(element) = host.cast::<web_sys::Element>() else {
                return;
            };
            if !wanted || matches!(*status, Status::Loading | Status::Mounted) {
                return;
            }
            status.set(Status::Loading);
            yew::platform::spawn_local(async move {
                match review_module::mount(&element, &start, page).await {
                    Ok(panel) => {
                        tell(&panel, &mut told.borrow_mut(), latest.borrow().clone());
                        *mounted.borrow_mut() = Some(panel);
                        status.set(Status::Mounted);
                    }
                    Err(reason) => status.set(Status::Failed(reason)),
                }
            });
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with((props.count, props.baseline.clone(), *opened), move |_| {
            if let Some(panel) = &*mounted.borrow() {
                tell(panel, &mut told.borrow_mut(), latest.borrow().clone());
            }
        });
    }
    // The tab clicked in the stand-in is gone once the panel takes over: its selected tab
    // takes the focus, so a keyboard user goes on from where they were.
    {
        let (host, opened) = (host.clone(), *opened);
        use_effect_with(*status == Status::Mounted, move |&now| {
            if now && opened.is_some() {
                focus_selected_tab(&host);
            }
        });
    }
    html! {
        <>
            if *status != Status::Mounted {
                { stand_in(&status, &opened, &attempt) }
            }
            // The panel's own element: the page renders nothing into it.
            <div class="review-mount" ref={host}></div>
        </>
    }
}

/// Tells the panel the evaluation count, the baseline when it changed and the tab clicked
/// in the stand-in.
fn tell(
    panel: &Mounted,
    told: &mut Told,
    (count, baseline, opened): (u32, Rc<Baseline>, Option<ReviewTab>),
) {
    let baseline_changed = told
        .baseline
        .as_ref()
        .is_none_or(|last| !Rc::ptr_eq(last, &baseline));
    if !baseline_changed && told.count == count && told.opened == opened {
        return;
    }
    panel.update(&ReviewInput {
        count,
        baseline: baseline_changed.then(|| (*baseline).clone()),
        opened,
    });
    told.count = count;
    told.baseline = Some(baseline);
    told.opened = opened;
}

/// Focuses the panel's selected tab, if the focus was lost with the stand-in.
fn focus_selected_tab(host: &NodeRef) {
    let lost = gloo::utils::document()
        .active_element()
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
    let tab = host
        .cast::<web_sys::Element>()
        .and_then(|e| {
            e.query_selector("[role=tab][aria-selected=true]")
                .ok()
                .flatten()
        })
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let (true, Some(tab)) = (lost, tab) {
        let _ = tab.focus();
    }
}

/// What stands in the panel's place until it is mounted: the same tabs, and what opening
/// one does (loading, or why it failed, with a way to try again).
fn stand_in(
    status: &Status,
    opened: &UseStateHandle<Option<ReviewTab>>,
    attempt: &UseStateHandle<u32>,
) -> Html {
    let failed = matches!(status, Status::Failed(_));
    let on_open = {
        let (opened, attempt) = (opened.clone(), attempt.clone());
        Callback::from(move |tab: ReviewTab| {
            // A load that failed (in the background, or for another tab) is tried again.
            if failed {
                attempt.set(attempt.wrapping_add(1));
            }
            opened.set(Some(tab));
        })
    };
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(attempt.wrapping_add(1)))
    };
    let body = match (status, **opened) {
        (Status::Idle, _) => closed_status("waiting"),
        (Status::Failed(_), None) => closed_status("waiting"),
        (Status::Failed(reason), Some(_)) => failed_status(reason.clone(), retry),
        (_, Some(_)) => loading_status(),
        (_, None) => closed_status("loading"),
    };
    review_section(
        "pending",
        String::new(),
        html! {
            <>
                { review_tabs(**opened, &TabCounts::unknown(), &on_open) }
                { body }
            </>
        },
    )
}
