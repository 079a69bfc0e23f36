//! Every workshop in `web/workshops/` (and exercise file in `tests/exercises/`) is checked both ways, exercise by exercise: the reference
//! solution meets every goal and the starting scenario fails at least one. Also, the API a
//! front end uses gives the same verdicts: the solved text passes, the starting text does not.

use std::fs;
use std::path::{Path, PathBuf};

use identity_pool::api::{answer, ApiAnswerBody, ApiCall, ApiRequest, ScenarioInput, API_VERSION};
use identity_pool::check::check_file;
use identity_pool::exercise::{judge, workshop_view};

fn workshop_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [root.join("web/workshops"), root.join("tests/exercises")];
    // An unreadable directory gives no files, which the test below reports.
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(fs::read_dir)
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_exercise_passes_both_ways() {
    let files = workshop_files();
    assert!(!files.is_empty(), "no workshop in web/workshops");
    let mut failures = Vec::new();
    let mut exercises = 0;
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for result in check_file(&text) {
            exercises += 1;
            if !result.passed {
                failures.push(format!("{}: {:?}", file.display(), result));
            }
        }
    }
    println!(
        "{} workshop files, {exercises} exercises checked",
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(exercises >= 10, "the workshop needs at least 10 exercises");
}

#[test]
fn the_api_judges_start_and_solution_like_check() {
    for file in workshop_files() {
        let text = fs::read_to_string(&file).unwrap();
        let (view, diagnostics) = workshop_view(&text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        for exercise in view.unwrap().exercises {
            let solution = exercise.solution.expect("the solution applies");
            let solved = judge(&exercise.source, &solution);
            assert!(solved.passed, "{}: {:?}", exercise.id, solved.goals);
            assert_eq!(solved.goals.len(), exercise.goals.len());
            let request = ApiRequest {
                api_version: API_VERSION,
                call: ApiCall::Goals {
                    exercise: exercise.source.clone(),
                    scenario: ScenarioInput::Text(exercise.scenario.clone()),
                },
            };
            let ApiAnswerBody::Goals { verdict } = answer(&request).body else {
                panic!("not a goals answer");
            };
            assert!(!verdict.passed, "{} starts solved", exercise.id);
            assert!(verdict.goals.iter().any(|g| !g.met));
        }
    }
}
