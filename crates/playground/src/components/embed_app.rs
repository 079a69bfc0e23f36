//! The embedded widget (`#embed=…`): a compact page showing only the parts a documentation
//! author named, editable or read-only, with a link that opens the current scenario in the
//! full playground. It never reads or writes the playground's autosave, opens no dialog,
//! takes no focus, and talks to its host page through `hooks::use_host`.

use std::rc::Rc;

use share_link::EmbedPart;
use yew::prelude::*;

use super::embed_policy::{embed_policy, Shown};
use super::embed_result::EmbedResult;
use super::requests_panel::RequestsPanel;
use super::sign_in_bar::SignInBar;
use super::signin_panel::SignInPanel;
use crate::backend;
use crate::embed::{focus_role, playground_link, result_message};
use crate::hooks::use_dispatch::Dispatch;
use crate::hooks::use_evaluation::use_evaluation;
use crate::hooks::use_host::use_host;
use crate::hooks::use_ready_mark::use_ready_mark;
use crate::mode::EmbedOptions;
use crate::state::{Action, Editor, ScenarioDoc};
use identity_pool::api::Explain;

/// Props of [`EmbedApp`].
#[derive(Properties, PartialEq)]
pub struct EmbedAppProps {
    /// What to show.
    pub options: Rc<EmbedOptions>,
    /// Notices from reading the link (a wrong part name).
    #[prop_or_default]
    pub notices: Vec<String>,
}

/// The role to show for `doc`: the one its sign-in uses.
fn role_in_play(doc: &ScenarioDoc) -> usize {
    let report = backend::simulate(&doc.to_document(), Explain::None);
    focus_role(&doc.roles, report.role.as_deref())
}

/// The widget's root component.
#[component]
pub fn EmbedApp(props: &EmbedAppProps) -> Html {
    let options = props.options.clone();
    let first = use_memo((), |_| crate::startup::start(false, false));
    let editor = use_reducer(|| Editor {
        doc: first.doc.clone(),
        revision: 0,
    });
    let focus = use_state(|| role_in_play(&first.doc));
    let notices = use_state(|| {
        let mut all = props.notices.clone();
        all.extend(first.notices.iter().cloned());
        all
    });
    let evaluation = use_evaluation(&editor);
    let root = use_node_ref();
    use_ready_mark(evaluation.count);
    // Made once, so the context's consumers do not re-render with the widget.
    let dispatch = {
        let editor = editor.dispatcher();
        use_callback((), move |action: Action, _| editor.dispatch(action))
    };
    let on_scenario = scenario_from_host(&dispatch, &focus, &notices);
    let result = use_memo(evaluation.count, {
        let report = evaluation.report.clone();
        let requests = editor.doc.requests.clone();
        move |count| Rc::new(result_message(&report, &requests, *count))
    });
    use_host(
        AttrValue::from(options.id.clone()),
        root.clone(),
        (*result).clone(),
        evaluation.count,
        on_scenario,
    );
    let link = use_memo(editor.revision, {
        let editor = editor.clone();
        move |_| {
            let page = gloo::utils::window().location().href().unwrap_or_default();
            playground_link(&page, &editor.doc.to_json())
        }
    });
    let doc = &editor.doc;
    let readonly = options.readonly;
    let role = doc.roles.get(*focus);
    let part = |p: EmbedPart| -> Html {
        let policy =
            |shown: Shown| embed_policy(shown, role, &evaluation.diagnostics, readonly, &dispatch);
        match p {
            EmbedPart::Trust => policy(Shown::Trust),
            EmbedPart::Access => policy(Shown::FirstAccess),
            EmbedPart::SignIn => html! {
                <fieldset class="embed-part" disabled={readonly}>
                    <SignInBar sign_in={doc.sign_in.clone()} pool={doc.pool.clone()} />
                    <SignInPanel sign_in={doc.sign_in.clone()} pool={doc.pool.clone()}
                        scope_down={(evaluation.report.scope_down_version.clone(), evaluation.report.scope_down_versions.clone())}
                        diagnostics={evaluation.diagnostics.clone()} />
                </fieldset>
            },
            EmbedPart::Requests => html! {
                <fieldset class="embed-part" disabled={readonly}>
                    <RequestsPanel requests={doc.requests.clone()} />
                </fieldset>
            },
            EmbedPart::Result => html! {
                <EmbedResult report={evaluation.report.clone()} requests={doc.requests.clone()} count={evaluation.count} />
            },
        }
    };
    let parts: Vec<&str> = options.parts.iter().map(|p| p.name()).collect();
    html! {
        <div class="embed" ref={root} data-testid="embed" data-parts={parts.join(",")}
            data-readonly={readonly.to_string()} data-evaluations={evaluation.count.to_string()}>
            <ContextProvider<Dispatch> context={dispatch.clone()}>
                { embed_bar(&doc.name, &link) }
                { for notices.iter().map(|n| html! { <p class="notice" data-testid="notice">{ n.clone() }</p> }) }
                { for options.parts.iter().map(|p| part(*p)) }
            </ContextProvider<Dispatch>>
        </div>
    }
}

/// A scenario the host page sent (in the documented message shape): loaded, showing the
/// role its sign-in uses; unreadable, a notice in the widget.
fn scenario_from_host(
    dispatch: &Callback<Action>,
    focus: &UseStateHandle<usize>,
    notices: &UseStateHandle<Vec<String>>,
) -> Callback<String> {
    let (dispatch, focus, notices) = (dispatch.clone(), focus.clone(), notices.clone());
    Callback::from(move |text: String| match ScenarioDoc::from_json(&text) {
        Ok(doc) => {
            focus.set(role_in_play(&doc));
            dispatch.emit(Action::Load(Box::new(doc)));
        }
        Err(e) => {
            let mut list = (*notices).clone();
            list.push(format!(
                "the scenario from the host page could not be read: {}",
                e.message
            ));
            notices.set(list);
        }
    })
}

/// The widget's title bar: the scenario's name and "Open in playground" (or why the
/// scenario is too large to travel in a link).
fn embed_bar(name: &str, link: &Result<String, String>) -> Html {
    html! {
        <header class="embed-bar">
            <strong class="embed-title">{ name.to_owned() }</strong>
            { match link {
                Ok(href) => html! {
                    <a class="embed-open" data-testid="open-in-playground" href={href.clone()}
                        target="_blank" rel="noopener">{ "Open in playground" }<span aria-hidden="true">{ " ↗" }</span></a>
                },
                Err(why) => html! { <span class="embed-open" title={why.clone()}>{ "too large to open by link" }</span> },
            } }
        </header>
    }
}
