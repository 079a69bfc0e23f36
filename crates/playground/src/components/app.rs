//! The page: header, the three columns, overlays; owns the scenario state.

use std::rc::Rc;

use yew::prelude::*;

use super::export_code_dialog::ExportCodeDialog;
use super::header::Header;
use super::help_overlay::HelpOverlay;
use super::import_dialog::ImportDialog;
use super::notice_bar::NoticeBar;
use super::pool_form::PoolForm;
use super::pool_json::PoolJson;
use super::requests_panel::RequestsPanel;
use super::results_panel::ResultsPanel;
use super::review_panel::{Baseline, ReviewPanel};
use super::role_mappings::RoleMappings;
use super::roles_panel::RolesPanel;
use super::scenario_about::ScenarioAbout;
use super::sign_in_bar::SignInBar;
use super::signin_panel::SignInPanel;
use super::tag_maps::TagMaps;
use super::token_paste::TokenPaste;
use super::undo_load::UndoLoad;
use super::unrestored::UnrestoredDownload;
use super::workshop_host::WorkshopHost;
use crate::examples;
use crate::hooks::use_evaluation::use_evaluation;
use crate::hooks::use_shortcuts::{use_shortcuts, Shortcut};
use crate::mode::WorkshopLink;
use crate::state::empty::{empty_scenario, NEW_ID};
use crate::state::{
    import::{import, Input},
    Action, Editor, ScenarioDoc,
};

/// Which overlay is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Overlay {
    None,
    Help,
    Import,
    ExportCode,
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Workshop mode: the workshop the link names. The page then neither restores nor
    /// autosaves the playground's work (progress is kept per workshop instead).
    #[prop_or_default]
    pub workshop: Option<Rc<WorkshopLink>>,
}

/// The root component.
#[component]
pub fn App(props: &AppProps) -> Html {
    let in_workshop = props.workshop.is_some();
    let first = use_memo((), move |_| crate::startup::start(!in_workshop));
    let editor = use_reducer(|| Editor {
        doc: first.doc.clone(),
        revision: 0,
    });
    let notices = use_state(|| Rc::new(first.notices.clone()));
    let overlay = use_state(|| Overlay::None);
    // In a workshop the scenario is an exercise's, not an example of the picker.
    let selected = use_state(|| {
        AttrValue::from(if in_workshop {
            String::new()
        } else {
            first.example.clone()
        })
    });
    let evaluation = use_evaluation(&editor);
    let import_account = use_state(|| None::<Rc<crate::backend::code::ImportAccountView>>);
    // What the Changes view compares with: the scenario as loaded, or a pinned snapshot.
    let baseline = use_state(|| {
        Rc::new(Baseline {
            json: first.doc.to_json(),
            label: "the scenario as opened".to_owned(),
        })
    });
    let set_baseline = {
        let baseline = baseline.clone();
        Callback::from(move |(json, label): (String, String)| {
            baseline.set(Rc::new(Baseline { json, label }))
        })
    };

    // One callback for the page's life: every panel takes it as a prop, and a new one on
    // each render would make every panel re-render on every keystroke.
    let dispatch = {
        let editor = editor.dispatcher();
        use_callback((), move |action: Action, _| editor.dispatch(action))
    };
    let notify = {
        let notices = notices.clone();
        Callback::from(move |text: String| {
            let mut list = (**notices).clone();
            list.push(text);
            if list.len() > 4 {
                list.remove(0);
            }
            notices.set(Rc::new(list));
        })
    };

    {
        let count = evaluation.count;
        use_effect_with(count, move |count| {
            if *count > 0 {
                crate::dom::set_ready();
            }
        });
    }

    // The scenario an example or an import replaced, for one step of undo.
    let previous = use_state(|| None::<(AttrValue, Rc<ScenarioDoc>)>);
    // In a workshop: bumped whenever the editor gets something other than the exercise,
    // so the workshop panel stops judging and keeping it (the learner's version is safe).
    let detached = use_state(|| 0u32);
    let keep = {
        let previous = previous.clone();
        let editor = editor.clone();
        let detached = detached.clone();
        Callback::from(move |what: String| {
            previous.set(Some((AttrValue::from(what), Rc::new(editor.doc.clone()))));
            if in_workshop {
                detached.set(detached.wrapping_add(1));
            }
        })
    };
    // The exercise open in a workshop, named by the share link.
    let exercise_open = use_mut_ref(|| None::<String>);
    // A workshop link's shared version, handed to the workshop panel once.
    let shared = {
        let first = first.clone();
        use_memo((), move |_| {
            first.shared.then(|| AttrValue::from(first.doc.to_json()))
        })
    };
    // The example being fetched for the picker, shown there while it loads.
    let fetching = use_state(|| None::<AttrValue>);
    let picks = use_mut_ref(|| 0u32);
    let on_loaded = {
        let dispatch = dispatch.clone();
        let set_baseline = set_baseline.clone();
        let selected = selected.clone();
        let keep = keep.clone();
        Callback::from(move |(id, doc): (String, ScenarioDoc)| {
            let new = id == NEW_ID;
            keep.emit(if new {
                "The new empty scenario".to_owned()
            } else {
                format!("The example `{id}`")
            });
            set_baseline.emit((
                doc.to_json(),
                if new {
                    "the new scenario as created".to_owned()
                } else {
                    format!("example `{id}` as loaded")
                },
            ));
            // The new scenario is not an example: the picker says "(edited scenario)".
            selected.set(if new {
                AttrValue::default()
            } else {
                AttrValue::from(id)
            });
            dispatch.emit(Action::Load(Box::new(doc)));
        })
    };
    let on_pick = {
        let notify = notify.clone();
        let fetching = fetching.clone();
        Callback::from(move |id: String| {
            // A later pick wins over an earlier one still being fetched.
            let pick = {
                let mut picks = picks.borrow_mut();
                *picks = picks.wrapping_add(1);
                *picks
            };
            let read = |id: String, text: &str| match ScenarioDoc::from_json(text) {
                Ok(doc) => Ok((id, doc)),
                Err(e) => Err(format!("example `{id}` could not be read: {}", e.message)),
            };
            let now = if id == NEW_ID {
                Some(Ok((id.clone(), empty_scenario())))
            } else {
                examples::text(&id).map(|text| read(id.clone(), &text))
            };
            if let Some(now) = now {
                fetching.set(None);
                match now {
                    Ok(loaded) => on_loaded.emit(loaded),
                    Err(notice) => notify.emit(notice),
                }
                return;
            }
            fetching.set(Some(AttrValue::from(id.clone())));
            let (on_loaded, notify, fetching) =
                (on_loaded.clone(), notify.clone(), fetching.clone());
            let picks = picks.clone();
            yew::platform::spawn_local(async move {
                let fetched = examples::fetch(&id).await;
                if *picks.borrow() != pick {
                    return;
                }
                fetching.set(None);
                match fetched.and_then(|text| read(id, &text)) {
                    Ok(loaded) => on_loaded.emit(loaded),
                    Err(notice) => notify.emit(notice),
                }
            });
        })
    };
    let on_export = {
        let editor = editor.clone();
        let notify = notify.clone();
        Callback::from(move |()| {
            let broken = editor.doc.broken_fields();
            if !broken.is_empty() {
                notify.emit(format!(
                    "exported with invalid JSON kept as text in: {}",
                    broken.join(", ")
                ));
            }
            let name = slug(&editor.doc.name);
            crate::dom::download(&format!("{name}.json"), &editor.doc.to_json());
        })
    };
    // Set while the lazily loaded module reads infrastructure code.
    let importing = use_state(|| false);
    let on_import_text = {
        let editor = editor.clone();
        let dispatch = dispatch.clone();
        let notify = notify.clone();
        let overlay = overlay.clone();
        let selected = selected.clone();
        let import_account = import_account.clone();
        let keep = keep.clone();
        let importing = importing.clone();
        let set_baseline = set_baseline.clone();
        Callback::from(move |input: Input| match import(&editor.doc, &input) {
            Ok(imported) => {
                keep.emit("The import".to_owned());
                set_baseline.emit((imported.doc.to_json(), "the imported scenario".to_owned()));
                dispatch.emit(Action::Load(Box::new(imported.doc)));
                notify.emit(imported.summary);
                selected.set(AttrValue::default());
                overlay.set(Overlay::None);
            }
            // A file that could not be read at all (too large, not UTF-8) is not tried as code.
            Err(e) if input.text.is_err() => notify.emit(format!("import failed: {}", e.message)),
            // Not a scenario or CLI output: infrastructure code or a CloudTrail event, read by
            // the lazily loaded module.
            Err(e) => {
                let json = editor.doc.to_json();
                let text = input.text.unwrap_or_default();
                let (dispatch, notify, selected) =
                    (dispatch.clone(), notify.clone(), selected.clone());
                let (import_account, keep, importing) =
                    (import_account.clone(), keep.clone(), importing.clone());
                let set_baseline = set_baseline.clone();
                importing.set(true);
                yew::platform::spawn_local(async move {
                    let read = crate::backend::code::import_code(&json, &text)
                        .await
                        .and_then(|(json, account)| {
                            ScenarioDoc::from_json(&json)
                                .map(|doc| (doc, account))
                                .map_err(|e| e.message)
                        });
                    importing.set(false);
                    match read {
                        Ok((doc, account)) => {
                            keep.emit("The import".to_owned());
                            set_baseline.emit((doc.to_json(), "the imported code".to_owned()));
                            dispatch.emit(Action::Load(Box::new(doc)));
                            notify.emit(format!(
                                "imported a {}: {} taken, {} left out, {} assumed, {} placeholders",
                                account.format,
                                account.took.len(),
                                account.left_out.len(),
                                account.assumed.len(),
                                account.placeholders.len()
                            ));
                            selected.set(AttrValue::default());
                            import_account.set(Some(Rc::new(account)));
                        }
                        Err(code_error) => notify.emit(format!(
                            "import failed: {} (read as code: {code_error})",
                            e.message
                        )),
                    }
                });
            }
        })
    };
    let on_reset = {
        let on_pick = on_pick.clone();
        let notify = notify.clone();
        Callback::from(move |()| {
            if in_workshop {
                // The playground's saved work is not this page's to clear.
                notify.emit(
                    "in a workshop, Reset progress in the workshop panel starts over; the playground's saved work is left alone".to_owned(),
                );
            } else if crate::startup::reset_saved_work() {
                on_pick.emit(examples::DEFAULT_ID.to_owned());
                notify.emit("saved work cleared: the default example is loaded".to_owned());
            }
        })
    };
    let on_share = {
        let notify = notify.clone();
        let editor = editor.clone();
        let workshop = props.workshop.clone();
        let exercise_open = exercise_open.clone();
        Callback::from(move |()| {
            let json = editor.doc.to_json();
            notify.emit(match &workshop {
                // The link keeps the recipient in the workshop, at this exercise.
                Some(link) => crate::startup::share_in_workshop(
                    &json,
                    &link.id,
                    exercise_open.borrow().as_deref(),
                ),
                None => crate::startup::share(&json),
            })
        })
    };
    {
        // Autosave after each evaluation (already debounced); report a failure once.
        let doc = editor.doc.clone();
        let notify = notify.clone();
        let warned = use_mut_ref(|| false);
        use_effect_with(evaluation.count, move |count| {
            if *count > 1 && !in_workshop {
                if let Err(e) = crate::storage::browser::save(&doc.to_json()) {
                    if !*warned.borrow() {
                        *warned.borrow_mut() = true;
                        notify.emit(format!("{} ({})", e.message, e.help));
                    }
                }
            }
        });
    }
    let set_overlay = |which: Overlay| {
        let overlay = overlay.clone();
        let import_account = import_account.clone();
        Callback::from(move |()| {
            import_account.set(None);
            overlay.set(which);
        })
    };
    let scenario_json = {
        let editor = editor.clone();
        Callback::from(move |()| editor.doc.to_json())
    };
    {
        let evaluate_now = evaluation.evaluate_now.clone();
        let overlay = overlay.clone();
        let on_share = on_share.clone();
        let on_export = on_export.clone();
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::EvaluateNow => evaluate_now.emit(()),
            Shortcut::Share => on_share.emit(()),
            Shortcut::Export => on_export.emit(()),
            Shortcut::Help => overlay.set(if *overlay == Overlay::Help {
                Overlay::None
            } else {
                Overlay::Help
            }),
            Shortcut::Close => overlay.set(Overlay::None),
        }));
    }
    let on_dismiss = {
        let notices = notices.clone();
        Callback::from(move |i: usize| {
            let mut list = (**notices).clone();
            if i < list.len() {
                list.remove(i);
            }
            notices.set(Rc::new(list));
        })
    };

    let on_pin = {
        let editor = editor.clone();
        let pins = use_mut_ref(|| 0u32);
        Callback::from(move |()| {
            *pins.borrow_mut() += 1;
            let label = format!("snapshot {} pinned from the editor", pins.borrow());
            set_baseline.emit((editor.doc.to_json(), label));
        })
    };

    let doc = &editor.doc;
    let role_arns: Vec<String> = doc.roles.iter().map(|r| r.arn.clone()).collect();
    let mappings = doc
        .pool_roles
        .get("RoleMappings")
        .cloned()
        .unwrap_or_default();
    html! {
        <div class="app">
            <Header examples={examples::LIST} selected={(*fetching).clone().unwrap_or_else(|| (*selected).clone())}
                loading={fetching.is_some()} on_pick={on_pick.clone()}
                {on_share} on_export={on_export.clone()} on_import={set_overlay(Overlay::Import)} on_export_code={set_overlay(Overlay::ExportCode)} {on_reset} on_help={set_overlay(Overlay::Help)}
                on_new={{ let on_pick = on_pick.clone(); Callback::from(move |()| on_pick.emit(NEW_ID.to_owned())) }} />
            <NoticeBar notices={(*notices).clone()} {on_dismiss} on_dismiss_all={{ let notices = notices.clone(); Callback::from(move |()| notices.set(Rc::new(Vec::new()))) }} />
            <UnrestoredDownload />
            if let Some((what, before)) = &*previous {
                <UndoLoad what={what.clone()}
                    on_undo={{
                        let previous = previous.clone();
                        let dispatch = dispatch.clone();
                        let selected = selected.clone();
                        let before = before.clone();
                        let detached = detached.clone();
                        Callback::from(move |()| {
                            if in_workshop {
                                detached.set(detached.wrapping_add(1));
                            }
                            selected.set(AttrValue::default());
                            dispatch.emit(Action::Load(Box::new((*before).clone())));
                            previous.set(None);
                        })
                    }}
                    on_dismiss={{ let previous = previous.clone(); Callback::from(move |()| previous.set(None)) }} />
            }
            <ScenarioAbout name={doc.name.clone()} description={doc.description.clone()}
                has_expectations={doc.expect.is_some() || doc.requests.iter().any(|q| q.expect.is_some())}
                dispatch={dispatch.clone()} />
            <main class="columns">
                <div class="column pool">
                    <PoolForm pool={doc.pool.clone()} pool_roles={doc.pool_roles.clone()} {role_arns} dispatch={dispatch.clone()} />
                    <section class="panel">
                        <RoleMappings {mappings} providers={crate::state::providers::mapping_keys(&doc.pool)} dispatch={dispatch.clone()} />
                        <TagMaps maps={doc.tag_maps.clone()} dispatch={dispatch.clone()} />
                    </section>
                    <PoolJson pool={doc.pool.clone()} pool_roles={doc.pool_roles.clone()} tag_maps={doc.tag_maps.clone()} dispatch={dispatch.clone()} />
                </div>
                <div class="column edit">
                    <RolesPanel roles={doc.roles.clone()} diagnostics={evaluation.diagnostics.clone()} dispatch={dispatch.clone()} />
                    <SignInPanel sign_in={doc.sign_in.clone()} pool={doc.pool.clone()}
                        scope_down={(evaluation.report.scope_down_version.clone(), evaluation.report.scope_down_versions.clone())}
                        diagnostics={evaluation.diagnostics.clone()} dispatch={dispatch.clone()}>
                        <TokenPaste scenario_json={scenario_json.clone()} dispatch={dispatch.clone()} />
                    </SignInPanel>
                </div>
                <div class="column results-column">
                    if let Some(link) = &props.workshop {
                        <WorkshopHost link={link.clone()} scenario_json={scenario_json.clone()} revision={editor.revision}
                            count={evaluation.count} detached={*detached} shared={(*shared).clone()}
                            dispatch={dispatch.clone()} notify={notify.clone()}
                            on_open={{
                                let exercise_open = exercise_open.clone();
                                Callback::from(move |id: String| *exercise_open.borrow_mut() = Some(id))
                            }} />
                    }
                    // The question next to the answer: who signs in and what they ask for,
                    // right above what AWS answers.
                    <SignInBar sign_in={doc.sign_in.clone()} pool={doc.pool.clone()} dispatch={dispatch.clone()} />
                    <RequestsPanel requests={doc.requests.clone()} dispatch={dispatch.clone()} />
                    <ResultsPanel report={evaluation.report.clone()} requests={doc.requests.clone()}
                        count={evaluation.count} millis={evaluation.millis} />
                    <ReviewPanel count={evaluation.count} scenario_json={scenario_json.clone()}
                        baseline={(*baseline).clone()} {on_pin} dispatch={dispatch.clone()} />
                </div>
            </main>
            if *overlay == Overlay::Help { <HelpOverlay on_close={set_overlay(Overlay::None)} /> }
            if *overlay == Overlay::Import { <ImportDialog on_import={on_import_text} on_close={set_overlay(Overlay::None)} account={(*import_account).clone()} busy={*importing} /> }
            if *overlay == Overlay::ExportCode { <ExportCodeDialog {scenario_json} on_close={set_overlay(Overlay::None)} /> }
        </div>
    }
}

/// A file name from the scenario name.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "scenario".into()
    } else {
        slug
    }
}
