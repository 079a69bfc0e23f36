use super::*;
use crate::check::CheckResult;

/// A tiny exercise on the guest example: `start` replaces the Guest role's access policy.
fn exercise(goals: &str, solution: &str) -> String {
    let scenario = include_str!("../../../../web/examples/guest-reads-public-picture.json");
    format!(
        r#"{{"id": "x", "title": "T", "brief": "b", "hints": ["h1", "h2"],
"scenario": {scenario},
"goals": {goals},
"solution": {solution}}}"#
    )
}

const DENY_ALL: &str =
    r#"[{"path": "/roles/0/Policies/0/PolicyDocument/Statement/0/Effect", "value": "Deny"}]"#;
const READ_GOAL: &str = r#"[{"title": "read", "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/assets/my_picture.jpg"}, "decision": "Denied"}]"#;

fn only(results: Vec<CheckResult>) -> CheckResult {
    assert_eq!(results.len(), 1, "{results:?}");
    results.into_iter().next().unwrap()
}

#[test]
fn an_exercise_passes_when_the_solution_meets_goals_the_start_fails() {
    let result = only(check_exercise_file(&exercise(READ_GOAL, DENY_ALL)));
    assert!(result.passed, "{result:?}");
    assert_eq!(result.name.as_deref(), Some("T"));
}

#[test]
fn a_start_that_already_meets_every_goal_fails_with_the_scenario_position() {
    let goals = r#"[{"title": "issued", "signIn": "issued"}]"#;
    let text = exercise(goals, DENY_ALL);
    let result = only(check_exercise_file(&text));
    assert!(!result.passed);
    let m = &result.mismatches[0];
    assert_eq!(m.field, "scenario");
    assert_eq!(m.actual, "every goal is already met");
    assert_eq!(m.position.unwrap().line, 2);
}

#[test]
fn a_solution_that_misses_a_goal_names_the_goal_and_what_happened() {
    let text = exercise(READ_GOAL, "[]");
    let result = only(check_exercise_file(&text));
    let m = result
        .mismatches
        .iter()
        .find(|m| m.field.starts_with("goals[0]"))
        .unwrap();
    assert_eq!(m.field, "goals[0] (read)");
    assert!(m.actual.contains("`Allowed`"), "{}", m.actual);
    let line = text
        .lines()
        .position(|l| l.starts_with("\"goals\""))
        .unwrap()
        + 1;
    assert_eq!(m.position.unwrap().line, line);
}

#[test]
fn a_patch_to_a_missing_place_is_reported_at_the_patch() {
    let bad = r#"[{"path": "/roles/7/Policies", "value": []}]"#;
    let result = only(check_exercise_file(&exercise(READ_GOAL, bad)));
    let m = result
        .mismatches
        .iter()
        .find(|m| m.field == "solution")
        .unwrap();
    assert_eq!(m.actual, "the starting scenario has nothing at `/roles/7`");
}

#[test]
fn goal_mistakes_are_positioned_diagnostics() {
    let goals = r#"[{"title": "two", "signIn": "issued", "role": "Guest"}, {"title": "none"},
{"title": "d", "request": {"action": "s3:GetObject"}, "decision": "Maybe"}]"#;
    let loaded = load_exercise_file(&exercise(goals, DENY_ALL));
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "cognito::exercise::goal_kind",
            "cognito::exercise::goal_kind",
            "cognito::exercise::bad_decision"
        ]
    );
    assert!(loaded.diagnostics.iter().all(|d| d.start.is_some()));
    assert_eq!(
        loaded.diagnostics[0].message,
        "`the exercise.goals[0]` mixes `signIn` and `role`"
    );
}

#[test]
fn only_allowed_names_the_first_request_beyond_the_list() {
    let goals = r#"[{"title": "only", "onlyAllowed": {"resource": "arn:aws:s3:::mybucket/*",
 "actions": ["s3:GetObject", "s3:PutObject"], "allowed": [], "probes": ["arn:aws:s3:::elsewhere/x"]}}]"#;
    let text = exercise(goals, DENY_ALL);
    let view = workshop_view(&text).0.unwrap();
    let exercise = &view.exercises[0];
    let start = judge(&exercise.source, &exercise.scenario);
    assert!(!start.passed);
    assert_eq!(
        start.goals[0].detail,
        "`s3:GetObject` on `arn:aws:s3:::mybucket/assets/my_picture.jpg` is allowed"
    );
    let solved = judge(&exercise.source, exercise.solution.as_deref().unwrap());
    assert!(solved.passed, "{solved:?}");
    // Two actions on the one matching resource; the probe outside the pattern is not tried.
    assert_eq!(
        solved.goals[0].detail,
        "2 requests checked, none allowed beyond the list"
    );
}

#[test]
fn an_unreadable_file_is_one_failed_result_with_the_position() {
    let results = check_exercise_file("{\"id\": \"w\", \"exercises\": 3}");
    assert_eq!(results.len(), 1);
    assert!(!results[0].passed);
    assert!(results[0].mismatches.iter().all(|m| m.position.is_some()));
}

#[test]
fn a_workshop_with_a_repeated_exercise_id_is_an_error() {
    let one = exercise(READ_GOAL, DENY_ALL);
    let text = format!(r#"{{"id": "w", "title": "W", "exercises": [{one}, {one}]}}"#);
    let results = check_exercise_file(&text);
    assert_eq!(
        results.len(),
        2,
        "one per exercise: the error is inside the second"
    );
    assert!(results[0].passed);
    assert!(results[1].mismatches[0].actual.contains("duplicate_id"));
    assert!(is_exercise_file(&text));
    assert!(!is_exercise_file(include_str!(
        "../../../../web/examples/guest-reads-public-picture.json"
    )));
}
