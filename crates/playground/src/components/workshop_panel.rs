//! Workshop mode's panel at the top of the results column: the exercise list and progress,
//! the brief, the goals as a live checklist, hints one at a time, the solution (after
//! confirmation, as a diff), "next exercise", reset, an instructor's own file, and the
//! switch that shows the Fix lines explanations otherwise keep hidden in workshop mode.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::goal_checklist::GoalChecklist;
use super::rich_text::RichText;
use super::solution_diff::SolutionDiff;
use crate::backend;
use crate::mode::WorkshopLink;
use crate::state::{Action, ScenarioDoc};
use crate::storage::progress;
use crate::workshop::{SharedVersion, Workshop, WorkshopAction};

/// Props of [`WorkshopPanel`].
#[derive(Properties, PartialEq)]
pub struct WorkshopPanelProps {
    /// The workshop the link names.
    pub link: Rc<WorkshopLink>,
    /// The learner's scenario.
    pub doc: ScenarioDoc,
    /// The editor's revision (bumped by every edit).
    pub revision: u64,
    /// How many evaluations have run: the goals are judged after each.
    pub count: u32,
    /// Loads a scenario into the editor.
    pub dispatch: Callback<Action>,
    /// Bumped by the page whenever it loads something other than the exercise (an example,
    /// an import, a new scenario): the panel then stops judging and keeping the editor's
    /// scenario until the learner goes back (`Workshop::away`).
    #[prop_or_default]
    pub detached: u32,
    /// The scenario the workshop link carried (a shared version), if any.
    #[prop_or_default]
    pub shared: Option<AttrValue>,
    /// Told the id of each exercise opened (the page's Share names it).
    #[prop_or_default]
    pub on_open: Callback<String>,
}

/// Reads `text` as a workshop and opens it, or lists its problems under `name`.
fn open_text(
    state: &UseReducerHandle<Workshop>,
    name: &str,
    text: &str,
    wanted: Option<String>,
    shared: Option<String>,
) {
    match backend::load_workshop(text) {
        Ok(view) => {
            let saved = progress::load(&view.id);
            state.dispatch(WorkshopAction::Loaded {
                view: Rc::new(view),
                progress: saved,
                wanted,
                shared,
            });
        }
        Err(problems) => state.dispatch(WorkshopAction::Failed(
            problems
                .into_iter()
                .map(|p| format!("{name}:{p}"))
                .collect(),
        )),
    }
}

/// The workshop panel.
#[component]
pub fn WorkshopPanel(props: &WorkshopPanelProps) -> Html {
    let state = use_reducer(Workshop::default);
    // The editor revision when an exercise's scenario was loaded: verdicts on older
    // scenarios (still being evaluated) must not count for the new exercise.
    let loaded_at = use_mut_ref(|| None::<u64>);
    let reader = use_mut_ref(|| None::<FileReader>);

    {
        let state = state.clone();
        let link = props.link.clone();
        let shared = props.shared.as_ref().map(ToString::to_string);
        use_effect_with((), move |_| {
            let url = link.file_url();
            yew::platform::spawn_local(async move {
                match crate::net::fetch_text(&url).await {
                    Ok(text) => open_text(&state, &url, &text, link.exercise.clone(), shared),
                    Err(problem) => state.dispatch(WorkshopAction::Failed(vec![problem])),
                }
            });
        });
    }
    {
        // An exercise (re)opened: load the learner's draft or its starting scenario.
        let state = state.clone();
        let dispatch = props.dispatch.clone();
        let loaded_at = loaded_at.clone();
        let revision = props.revision;
        let on_open = props.on_open.clone();
        use_effect_with(state.opened, move |_| {
            if let Some(exercise) = state.exercise() {
                on_open.emit(exercise.id.clone());
            }
            if let Some(text) = state.scenario_for(state.current) {
                match ScenarioDoc::from_json(&text) {
                    Ok(doc) => {
                        *loaded_at.borrow_mut() = Some(revision);
                        dispatch.emit(Action::Load(Box::new(doc)));
                    }
                    Err(e) => state.dispatch(WorkshopAction::Failed(vec![format!(
                        "the exercise's scenario could not be read: {}",
                        e.message
                    )])),
                }
            }
        });
    }
    {
        // The page loaded something else: its evaluations are not the learner's work.
        // (Declared before the judging effect, so it runs first in the same render.)
        let state = state.clone();
        let loaded_at = loaded_at.clone();
        use_effect_with(props.detached, move |detached| {
            if *detached > 0 {
                *loaded_at.borrow_mut() = None;
                state.dispatch(WorkshopAction::Away);
            }
        });
    }
    {
        // After each evaluation, judge the learner's scenario against the goals.
        let state = state.clone();
        let doc = props.doc.clone();
        let revision = props.revision;
        let loaded_at = loaded_at.clone();
        use_effect_with(props.count, move |_| {
            let fresh = loaded_at.borrow().is_some_and(|at| revision > at);
            if let (true, Some(exercise)) = (fresh, state.exercise()) {
                let scenario = doc.to_json();
                let verdict = backend::judge(&exercise.source, &scenario);
                state.dispatch(WorkshopAction::Judged {
                    exercise: exercise.id.clone(),
                    verdict: Rc::new(verdict),
                    scenario,
                });
            }
        });
    }
    {
        let id = state.view.as_ref().map(|v| v.id.clone());
        use_effect_with((id, state.progress.clone()), |(id, saved)| {
            if let Some(id) = id {
                progress::save(id, saved);
            }
        });
    }
    use_effect_with(state.fixes_shown, |shown| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-workshop", "on");
            let _ = root.set_attribute("data-fixes", if *shown { "shown" } else { "hidden" });
        }
    });

    let send = |action: WorkshopAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let on_solution = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(
                "Show the solution? Try the hints first: the exercise stays open, and your version is kept.",
            ) {
                state.dispatch(WorkshopAction::ShowSolution);
            }
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(id) = state.view.as_ref().map(|v| v.id.clone()) else {
                return;
            };
            if gloo::dialogs::confirm(
                "Reset your progress in this workshop? Finished exercises, hints and your versions are forgotten.",
            ) {
                progress::clear(&id);
                state.dispatch(WorkshopAction::ResetProgress);
            }
        })
    };
    let on_file = {
        let state = state.clone();
        let reader: Rc<RefCell<Option<FileReader>>> = reader.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let name = file.name();
            let state = state.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |read| {
                    match read {
                        Ok(text) => open_text(&state, &name, &text, None, None),
                        Err(e) => state.dispatch(WorkshopAction::Failed(vec![format!(
                            "`{name}` could not be read: {e}"
                        )])),
                    }
                });
            *reader.borrow_mut() = Some(task);
        })
    };

    let file_picker = html! {
        <label class="field workshop-file"><span>{ "Open a workshop file" }</span>
            <input type="file" accept=".json,application/json" onchange={on_file} /></label>
    };
    let problems = html! {
        if !state.problems.is_empty() {
            <ul class="diagnostics workshop-problems" data-testid="workshop-problems" role="alert">
                { for state.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
            </ul>
        }
    };
    let (Some(view), Some(exercise)) = (state.view.clone(), state.exercise().cloned()) else {
        return html! {
            <section class="panel workshop" data-testid="workshop" data-loaded="false" aria-label="Workshop">
                <h2>{ "Workshop" }</h2>
                if state.problems.is_empty() { <p>{ "Loading the workshop…" }</p> }
                { problems }
                { file_picker }
            </section>
        };
    };
    let index = state.current;
    let hints = state.hints_shown();
    let done = state.done_count();
    let passed = state.passed();
    let next = (index + 1 < state.len()).then_some(index + 1);
    let exercise_link = format!(
        "#workshop={}&exercise={}",
        share_link::fragment::percent_encode(&view.id),
        share_link::fragment::percent_encode(&exercise.id)
    );
    html! {
        <section class="panel workshop" data-testid="workshop" data-loaded="true" data-exercise={exercise.id.clone()}
            data-passed={passed.to_string()} aria-labelledby="workshop-title">
            <h2 id="workshop-title">{ view.title.clone() }</h2>
            <p class="workshop-progress" data-testid="workshop-progress" data-done={done.to_string()}>
                { format!("{done} of {} exercises done", state.len()) }
                { " " }<button type="button" class="link" onclick={on_reset}>{ "Reset progress" }</button>
            </p>
            <details class="exercise-list">
                <summary>{ format!("Exercise {} of {}: {}", index + 1, state.len(), exercise.title) }</summary>
                <ol>
                    { for view.exercises.iter().enumerate().map(|(i, e)| html! {
                        <li class={classes!(state.is_done(&e.id).then_some("done"), (i == index).then_some("current"))}>
                            <button type="button" class="link" onclick={send(WorkshopAction::Select(i))}
                                aria-current={(i == index).then_some("step")}>
                                { e.title.clone() }
                            </button>
                            if state.is_done(&e.id) { <span class="done-mark">{ " ✓" }<span class="sr-only">{ " done" }</span></span> }
                        </li>
                    }) }
                </ol>
            </details>
            if state.away {
                <div class="workshop-away" data-testid="workshop-away" role="status">
                    <p>{ "The editor shows another scenario, which is not checked against the goals. Your version of this exercise is kept." }</p>
                    <button type="button" class="primary" onclick={send(WorkshopAction::Select(index))}>
                        { format!("Back to the exercise: {}", exercise.title) }
                    </button>
                </div>
            }
            { match state.shared {
                Some(SharedVersion::Opened) => html! {
                    <p class="muted" data-testid="workshop-shared" data-shared="opened">
                        { "This is the version of the exercise shared in the link; your edits are kept in this browser from here on." }
                    </p>
                },
                Some(SharedVersion::KeptYours) => html! {
                    <p class="muted" data-testid="workshop-shared" data-shared="kept-yours">
                        { "The link carried someone's version of this exercise, but this browser has your own, which is kept (open the link in a private window to see theirs)." }
                    </p>
                },
                None => html! {},
            } }
            <h3>{ exercise.title.clone() }</h3>
            <p class="brief"><RichText text={exercise.brief.clone()} /></p>
            <GoalChecklist titles={exercise.goals.clone()} verdict={state.verdict.clone()} />
            if passed {
                <div class="exercise-done" data-testid="exercise-done" role="status">
                    <p><strong>{ "Exercise complete: every goal is met." }</strong></p>
                    if let Some(n) = next {
                        <button type="button" class="primary" onclick={send(WorkshopAction::Select(n))}>
                            { format!("Next exercise: {}", view.exercises.get(n).map(|e| e.title.clone()).unwrap_or_default()) }
                        </button>
                    } else if done == state.len() {
                        <p>{ "Workshop complete: you finished every exercise." }</p>
                    }
                </div>
            }
            if hints > 0 {
                <ol class="hints" aria-label="Hints">
                    { for exercise.hints.iter().take(hints).map(|h| html! { <li data-testid="hint"><RichText text={h.clone()} /></li> }) }
                </ol>
            }
            <div class="workshop-actions">
                if hints < exercise.hints.len() {
                    <button type="button" onclick={send(WorkshopAction::ShowHint)}>
                        { format!("Show a hint ({} of {})", hints + 1, exercise.hints.len()) }
                    </button>
                }
                if !state.solution_shown && exercise.solution.is_some() {
                    <button type="button" onclick={on_solution}>{ "Show the solution" }</button>
                }
                <label class="check"><input type="checkbox" checked={state.fixes_shown}
                    onchange={let s = state.clone(); Callback::from(move |_: Event| s.dispatch(WorkshopAction::ToggleFixes))} />
                    { "Show the fixes in explanations" }</label>
            </div>
            if let (true, Some(solution)) = (state.solution_shown, exercise.solution.clone()) {
                <SolutionDiff mine={AttrValue::from(props.doc.to_json())} solution={AttrValue::from(solution.clone())}
                    on_use={
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |()| {
                            if let Ok(doc) = ScenarioDoc::from_json(&solution) {
                                dispatch.emit(Action::Load(Box::new(doc)));
                            }
                        })
                    } />
            }
            { problems }
            <details class="instructor">
                <summary>{ "For instructors" }</summary>
                <p>{ "Link to this exercise: " }<a href={exercise_link.clone()}>{ exercise_link }</a></p>
                { file_picker }
            </details>
        </section>
    }
}
