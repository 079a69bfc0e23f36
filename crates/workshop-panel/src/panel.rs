//! Workshop mode's panel at the top of the results column: the exercise list and progress,
//! the brief, the goals as a live checklist, hints one at a time, the solution (after
//! confirmation, as a diff), "next exercise", reset, an instructor's own file, and the
//! switch that shows the Fix lines explanations otherwise keep hidden in workshop mode.

use std::rc::Rc;

use identity_pool::exercise::{ExerciseView, WorkshopView};
use playground::components::rich_text::RichText;
use playground::workshop_module::{PanelEvent, PanelStart};
use yew::prelude::*;

use crate::away_notice::AwayNotice;
use crate::exercise_actions::ExerciseActions;
use crate::exercise_done::ExerciseDone;
use crate::exercise_list::ExerciseList;
use crate::file_picker::FilePicker;
use crate::goal_checklist::GoalChecklist;
use crate::hint_list::HintList;
use crate::hooks::{
    use_away, use_exercise_opening, use_fix_lines, use_judging, use_progress_saving,
    use_workshop_file, LoadedAt,
};
use crate::instructor::Instructor;
use crate::problem_list::ProblemList;
use crate::progress_line::ProgressLine;
use crate::shared_note::SharedNote;
use crate::solution_diff::SolutionDiff;
use crate::state::{Workshop, WorkshopAction};

/// Props of [`WorkshopPanel`]: what the page tells it (`playground::workshop_module`).
#[derive(Properties, PartialEq, Clone)]
pub struct WorkshopPanelProps {
    /// The workshop and exercise the link names.
    pub start: Rc<PanelStart>,
    /// The learner's scenario as JSON text, as of the last evaluation.
    pub scenario: AttrValue,
    /// The editor's revision (bumped by every edit).
    pub revision: u64,
    /// How many evaluations have run: the goals are judged after each.
    pub count: u32,
    /// Bumped whenever the page loads something other than the exercise (an example, an
    /// import, a new scenario): the panel then stops judging and keeping the editor's
    /// scenario until the learner goes back (`Workshop::away`).
    pub detached: u32,
    /// Asks the page (load a scenario, read a workshop file, judge goals; the exercise open),
    /// answered at once as JSON text.
    pub ask: Callback<PanelEvent, String>,
}

/// The workshop panel.
#[component]
pub fn WorkshopPanel(props: &WorkshopPanelProps) -> Html {
    let state = use_reducer(Workshop::default);
    let loaded_at: LoadedAt = use_mut_ref(|| None);
    let send = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    use_workshop_file(send.clone(), props.start.clone());
    use_exercise_opening(
        state.clone(),
        props.ask.clone(),
        loaded_at.clone(),
        props.revision,
    );
    use_away(send.clone(), loaded_at.clone(), props.detached);
    use_judging(
        state.clone(),
        props.ask.clone(),
        loaded_at,
        props.scenario.clone(),
        props.revision,
        props.count,
    );
    use_progress_saving(&state);
    use_fix_lines(state.fixes_shown);

    let problems = html! { <ProblemList problems={state.problems.clone()} /> };
    // Keyed: the two sections are different trees, replaced rather than patched.
    let (Some(view), Some(exercise)) = (state.view.clone(), state.exercise().cloned()) else {
        return html! {
            <section key="reading" class="panel workshop" data-testid="workshop" data-loaded="false" aria-label="Workshop">
                <h2>{ "Workshop" }</h2>
                if state.problems.is_empty() { <p>{ "Loading the workshop…" }</p> }
                { problems }
                <FilePicker send={send.clone()} />
            </section>
        };
    };
    html! {
        <section key="open" class="panel workshop" data-testid="workshop" data-loaded="true" data-exercise={exercise.id.clone()}
            data-passed={state.passed().to_string()} aria-labelledby="workshop-title">
            <h2 id="workshop-title">{ view.title.clone() }</h2>
            <ProgressLine done={state.done_count()} total={state.len()} workshop={view.id.clone()} send={send.clone()} />
            <ExerciseList view={view.clone()} current={state.current} done={state.progress.done.clone()} send={send.clone()} />
            if state.away {
                <AwayNotice title={exercise.title.clone()} index={state.current} send={send.clone()} />
            }
            <SharedNote shared={state.shared} />
            { exercise_body(&state, &view, &exercise, props, &send) }
            { problems }
            <Instructor workshop={view.id.clone()} exercise={exercise.id.clone()}>
                <FilePicker send={send.clone()} />
            </Instructor>
        </section>
    }
}

/// The exercise open: brief, goals, completion, hints, actions and the solution.
fn exercise_body(
    state: &Workshop,
    view: &Rc<WorkshopView>,
    exercise: &ExerciseView,
    props: &WorkshopPanelProps,
    send: &Callback<WorkshopAction>,
) -> Html {
    let next = view
        .exercises
        .get(state.current + 1)
        .map(|e| (state.current + 1, AttrValue::from(e.title.clone())));
    let hints = state.hints_shown();
    let solution = match (state.solution_shown, exercise.solution.clone()) {
        (true, Some(solution)) => {
            let ask = props.ask.clone();
            let text = solution.clone();
            let on_use = Callback::from(move |()| {
                ask.emit(PanelEvent::Load(text.clone()));
            });
            html! { <SolutionDiff mine={props.scenario.clone()} solution={AttrValue::from(solution)} {on_use} /> }
        }
        _ => html! {},
    };
    html! {
        <>
            <h3>{ exercise.title.clone() }</h3>
            <p class="brief"><RichText text={exercise.brief.clone()} /></p>
            <GoalChecklist titles={exercise.goals.clone()} verdict={state.verdict.clone()} />
            if state.passed() {
                <ExerciseDone {next} all_done={state.done_count() == state.len()} send={send.clone()} />
            }
            <HintList hints={exercise.hints.clone()} shown={hints} />
            <ExerciseActions hints_shown={hints} hints={exercise.hints.len()}
                has_solution={!state.solution_shown && exercise.solution.is_some()}
                fixes_shown={state.fixes_shown} send={send.clone()} />
            { solution }
        </>
    }
}
