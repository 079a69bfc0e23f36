use std::rc::Rc;

use identity_pool::exercise::{workshop_view, GoalsVerdict};

use super::{SharedVersion, Workshop, WorkshopAction};
use playground::storage::progress::Progress;

fn shipped() -> Workshop {
    let text = include_str!("../../../web/workshops/iam-roles.json");
    let (view, diagnostics) = workshop_view(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Workshop::default().apply(WorkshopAction::Loaded {
        view: Rc::new(view.expect("the shipped workshop reads")),
        progress: Progress::default(),
        wanted: None,
        shared: None,
    })
}

fn verdict(passed: bool) -> Rc<GoalsVerdict> {
    Rc::new(GoalsVerdict {
        goals: Vec::new(),
        passed,
        diagnostics: Vec::new(),
    })
}

#[test]
fn a_fresh_learner_starts_at_the_first_exercise_with_its_starting_scenario() {
    let w = shipped();
    assert!(w.len() >= 10);
    assert_eq!(w.current, 0);
    let first = w.exercise().expect("an exercise").clone();
    assert_eq!(w.scenario_for(0), Some(first.scenario.clone()));
    assert_eq!(w.progress.current, Some(first.id));
    assert_eq!((w.done_count(), w.hints_shown()), (0, 0));
}

#[test]
fn the_link_or_the_saved_place_picks_the_exercise() {
    let w = shipped();
    let view = w.view.clone().expect("read");
    let third = view.exercises[2].id.clone();
    let linked = Workshop::default().apply(WorkshopAction::Loaded {
        view: view.clone(),
        progress: Progress::default(),
        wanted: Some(third.clone()),
        shared: None,
    });
    assert_eq!(linked.current, 2);
    let resumed = Workshop::default().apply(WorkshopAction::Loaded {
        view: view.clone(),
        progress: Progress {
            current: Some(view.exercises[4].id.clone()),
            ..Progress::default()
        },
        wanted: Some("no-such-exercise".into()),
        shared: None,
    });
    assert_eq!(resumed.current, 4);
}

#[test]
fn hints_come_one_at_a_time_up_to_the_last() {
    let mut w = shipped();
    let count = w.exercise().map(|e| e.hints.len()).unwrap_or(0);
    for expected in 1..=count + 2 {
        w = w.apply(WorkshopAction::ShowHint);
        assert_eq!(w.hints_shown(), expected.min(count));
    }
}

#[test]
fn meeting_every_goal_marks_the_exercise_done_once_and_keeps_the_draft() {
    let w = shipped();
    let id = w.exercise().expect("open").id.clone();
    let judged = |w: Workshop, passed: bool, text: &str| {
        w.apply(WorkshopAction::Judged {
            exercise: id.clone(),
            verdict: verdict(passed),
            scenario: text.into(),
        })
    };
    let w = judged(w, false, "draft 1");
    assert!(!w.passed() && !w.is_done(&id));
    let w = judged(w, true, "draft 2");
    let w = judged(w, true, "draft 3");
    assert!(w.passed());
    assert_eq!(w.progress.done, vec![id.clone()]);
    assert_eq!(w.scenario_for(0).as_deref(), Some("draft 3"));
    // Breaking it again later does not take the exercise back.
    let w = judged(w, false, "draft 4");
    assert!(w.is_done(&id) && !w.passed());
}

#[test]
fn a_verdict_for_another_exercise_is_ignored() {
    let w = shipped().apply(WorkshopAction::Select(1));
    let first = w.view.as_ref().expect("read").exercises[0].id.clone();
    let w = w.apply(WorkshopAction::Judged {
        exercise: first.clone(),
        verdict: verdict(true),
        scenario: "late".into(),
    });
    assert!(w.verdict.is_none() && !w.is_done(&first));
    assert!(!w.progress.drafts.contains_key(&first));
}

#[test]
fn opening_another_exercise_hides_its_solution_and_reset_forgets_everything() {
    let w = shipped()
        .apply(WorkshopAction::ShowSolution)
        .apply(WorkshopAction::ShowHint);
    assert!(w.solution_shown);
    let w = w.apply(WorkshopAction::Select(3));
    assert!(!w.solution_shown && w.verdict.is_none());
    assert_eq!(w.current, 3);
    let w = w.apply(WorkshopAction::Select(99));
    assert_eq!(w.current, w.len() - 1, "clamped to the last exercise");
    let w = w.apply(WorkshopAction::ResetProgress);
    assert_eq!(w.current, 0);
    assert_eq!(
        w.progress,
        Progress {
            current: w.exercise().map(|e| e.id.clone()),
            ..Progress::default()
        }
    );
}

#[test]
fn while_the_editor_holds_an_example_nothing_is_judged_or_kept_until_the_learner_goes_back() {
    let w = shipped();
    let id = w.exercise().expect("open").id.clone();
    let judged = |w: Workshop, text: &str| {
        w.apply(WorkshopAction::Judged {
            exercise: id.clone(),
            verdict: verdict(true),
            scenario: text.into(),
        })
    };
    let w = judged(w, "my version").apply(WorkshopAction::Away);
    assert!(w.away && w.verdict.is_none());
    // The example's evaluation arrives: the learner's version and progress stay.
    let w = judged(w, "an example");
    assert_eq!(w.scenario_for(0).as_deref(), Some("my version"));
    assert!(w.verdict.is_none());
    // Back to the exercise: their version is what opens, and judging resumes.
    let w = w.apply(WorkshopAction::Select(0));
    assert!(!w.away);
    assert_eq!(w.scenario_for(0).as_deref(), Some("my version"));
    let w = judged(w, "my version, edited");
    assert_eq!(w.scenario_for(0).as_deref(), Some("my version, edited"));
}

#[test]
fn a_shared_version_opens_where_there_is_none_and_never_overwrites_a_learners_own() {
    let view = shipped().view.expect("read");
    let second = view.exercises[1].id.clone();
    let open = |progress: Progress| {
        Workshop::default().apply(WorkshopAction::Loaded {
            view: view.clone(),
            progress,
            wanted: Some(second.clone()),
            shared: Some("shared version".into()),
        })
    };
    let fresh = open(Progress::default());
    assert_eq!(fresh.current, 1);
    assert_eq!(fresh.shared, Some(SharedVersion::Opened));
    assert_eq!(fresh.scenario_for(1).as_deref(), Some("shared version"));

    let mut mine = Progress::default();
    mine.drafts.insert(second.clone(), "my own version".into());
    let kept = open(mine);
    assert_eq!(kept.shared, Some(SharedVersion::KeptYours));
    assert_eq!(kept.scenario_for(1).as_deref(), Some("my own version"));

    // A link naming no exercise of the workshop carries nothing over.
    let unnamed = Workshop::default().apply(WorkshopAction::Loaded {
        view: view.clone(),
        progress: Progress::default(),
        wanted: Some("no-such-exercise".into()),
        shared: Some("shared version".into()),
    });
    assert_eq!(unnamed.shared, None);
    assert!(unnamed.progress.drafts.is_empty());
}
