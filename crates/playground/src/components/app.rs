//! The page: header, the three columns, overlays; owns the scenario state.

use std::rc::Rc;

use yew::prelude::*;

use super::edit_host::EditHost;
use super::header::Header;
use super::notice_bar::NoticeBar;
use super::overlay_host::OverlayHost;
use super::pool_host::PoolHost;
use super::requests_panel::RequestsPanel;
use super::results_panel::ResultsPanel;
use super::review_host::ReviewHost;
use super::scenario_about::ScenarioAbout;
use super::sign_in_bar::SignInBar;
use super::undo_load::UndoLoad;
use super::unrestored::UnrestoredDownload;
use super::workshop_host::WorkshopHostProps;
use crate::edit_module::EditInput;
use crate::examples;
use crate::hooks::use_baseline::use_baseline;
use crate::hooks::use_chrome::{use_chrome, Chrome, ChromeInputs};
use crate::hooks::use_dispatch::Dispatch;
use crate::hooks::use_evaluation::use_evaluation;
use crate::hooks::use_ready_mark::use_ready_mark;
use crate::mode::WorkshopLink;
use crate::pool_module::PoolInput;
use crate::state::empty::NEW_ID;
use crate::state::page::{Overlay, PageAction};
use crate::state::{Action, Editor};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Workshop mode: the workshop the link names. The page then neither restores nor
    /// autosaves the playground's work (progress is kept per workshop instead).
    #[prop_or_default]
    pub workshop: Option<Rc<WorkshopLink>>,
    /// Draws workshop mode's panel at the top of the results column. Only the workshop
    /// page's root passes it (`WorkshopHost`), so the full page's wasm carries none of the
    /// panel's host, bridge or exercise reading.
    #[prop_or_default]
    pub workshop_panel: Option<Callback<WorkshopHostProps, Html>>,
}

/// The root component: the scenario's state, wired to the panels.
#[component]
pub fn App(props: &AppProps) -> Html {
    let in_workshop = props.workshop.is_some();
    let first = use_memo((), move |_| crate::startup::start(!in_workshop, true));
    let editor = use_reducer(|| Editor {
        doc: first.doc.clone(),
        revision: 0,
    });
    // In a workshop the scenario is an exercise's, not an example of the picker.
    let selected = use_state(|| match in_workshop {
        true => AttrValue::default(),
        false => AttrValue::from(first.example.clone()),
    });
    let evaluation = use_evaluation(&editor);
    let opened = first.clone();
    let baseline = use_baseline(move || opened.doc.to_json(), &editor);
    // The exercise open in a workshop, named by the share link.
    let exercise_open = use_mut_ref(|| None::<String>);
    let chrome = use_chrome(
        &first.notices,
        ChromeInputs {
            editor: &editor,
            selected: &selected,
            set_baseline: &baseline.set,
            evaluate_now: &evaluation.evaluate_now,
            evaluations: evaluation.count,
            workshop: props.workshop.clone(),
            exercise_open: &exercise_open,
        },
    );
    use_ready_mark(evaluation.count);
    // The decisions first, the panels beside them with the first explanations, a task
    // later (docs/app.md, "Navigation to the first decision"): the browser can paint the
    // decisions before the policy editors and the pool's forms are built, and every wasm
    // function their first render calls is compiled. A scenario without requests gets
    // no explanation pass, so it renders whole at once.
    let rest = evaluation.count > 0 || editor.doc.requests.is_empty();
    // One callback for the page's life, handed to the panels by a context provider: a new
    // one on each render would make every consumer re-render on every keystroke.
    let dispatch = {
        let editor = editor.dispatcher();
        use_callback((), move |action: Action, _| editor.dispatch(action))
    };
    // A workshop link's shared version, handed to the workshop panel once.
    let shared = use_memo((), move |_| {
        first.shared.then(|| AttrValue::from(first.doc.to_json()))
    });
    // One for the page's life too: a new one per render would make the hosts that take it
    // render, and write their input again, on every keystroke. It reads this render's
    // handle, replaced each render: a handle kept for the page's life (as the panels keep
    // what they were mounted with) would keep every scenario it was asked for (Yew's
    // handle holds each state it has read until it is dropped), as `use_shortcuts` keeps
    // its latest callback.
    let current = use_mut_ref(|| editor.clone());
    *current.borrow_mut() = editor.clone();
    let scenario_json = use_callback((), move |(), _| current.borrow().doc.to_json());
    let doc = &editor.doc;
    let on_open = Callback::from(move |id: String| *exercise_open.borrow_mut() = Some(id));
    html! {
        <ContextProvider<Dispatch> context={dispatch}>
            <div class="app">
                { top_bar(&chrome, &selected) }
                <ScenarioAbout name={doc.name.clone()} description={doc.description.clone()}
                    has_expectations={doc.expect.is_some() || doc.requests.iter().any(|q| q.expect.is_some())} />
                <main class="columns">
                    if rest {
                        <PoolHost input={Rc::new(PoolInput::of(doc))} />
                        <EditHost input={Rc::new(EditInput::of(doc, &evaluation))} scenario_json={scenario_json.clone()} />
                    } else {
                        <div class="column pool"></div>
                        <div class="column edit"></div>
                    }
                    <div class="column results-column">
                        if let (Some(link), Some(panel)) = (&props.workshop, &props.workshop_panel) {
                            { panel.emit(WorkshopHostProps { link: link.clone(), scenario_json: scenario_json.clone(),
                                revision: editor.revision, count: evaluation.count, detached: chrome.loads.detached,
                                shared: (*shared).clone(), notify: chrome.notify.clone(), on_open }) }
                        }
                        // The question next to the answer: who signs in and what they ask for,
                        // right above what AWS answers.
                        <SignInBar sign_in={doc.sign_in.clone()} pool={doc.pool.clone()} />
                        <RequestsPanel requests={doc.requests.clone()} />
                        <ResultsPanel report={evaluation.report.clone()} requests={doc.requests.clone()}
                            count={evaluation.count} millis={evaluation.millis} />
                        if rest {
                            <ReviewHost count={evaluation.count} scenario_json={scenario_json.clone()}
                                baseline={baseline.current.clone()} on_pin={baseline.pin.clone()} />
                        }
                    </div>
                </main>
                { overlays(&chrome, scenario_json) }
            </div>
        </ContextProvider<Dispatch>>
    }
}

/// The header, the notices and the bar that undoes the last load.
fn top_bar(chrome: &Chrome, selected: &AttrValue) -> Html {
    let picker = &chrome.picker;
    let to_page = &chrome.to_page;
    html! {
        <>
            <Header examples={examples::LIST} selected={picker.fetching.clone().unwrap_or_else(|| selected.clone())}
                loading={picker.fetching.is_some()} on_pick={picker.pick.clone()}
                on_share={chrome.share.clone()} on_export={chrome.export.clone()} on_reset={chrome.reset.clone()}
                on_import={chrome.open(Overlay::Import)} on_export_code={chrome.open(Overlay::ExportCode)}
                on_help={chrome.open(Overlay::Help)} on_new={picker.pick.reform(|()| NEW_ID.to_owned())} />
            <NoticeBar notices={chrome.page.notices.clone()} on_dismiss={to_page.reform(PageAction::Dismiss)}
                on_dismiss_all={to_page.reform(|()| PageAction::DismissAll)} />
            <UnrestoredDownload />
            if let Some((what, _)) = &chrome.loads.previous {
                <UndoLoad what={what.clone()} on_undo={chrome.loads.undo.clone()} on_dismiss={chrome.loads.keep.clone()} />
            }
        </>
    }
}

/// The dialogs: drawn by the second module, which the host mounts.
fn overlays(chrome: &Chrome, scenario_json: Callback<(), String>) -> Html {
    html! {
        <OverlayHost open={chrome.page.overlay} on_close={chrome.open(Overlay::None)} {scenario_json}
            on_load={chrome.loads.load.clone()} notify={chrome.notify.clone()} />
    }
}
