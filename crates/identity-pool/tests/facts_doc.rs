//! `docs/cognito-facts.md` is the one place every fact the simulation relies on is written
//! down with its confidence and sources. Every report note names a [`Topic`]; this test
//! fails when a topic has no entry there, or an entry lacks its confidence or sources.

use std::fs;
use std::path::Path;

use identity_pool::note::{Topic, FACTS_DOC};

/// The document's text, read from the workspace root (empty when missing: the tests then
/// fail on their first entry).
fn facts_doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(FACTS_DOC);
    fs::read_to_string(path).unwrap_or_default()
}

/// The entry under the heading `` ### `id` ``, up to the next heading.
fn entry<'a>(doc: &'a str, id: &str) -> Option<&'a str> {
    let heading = format!("### `{id}`\n");
    let start = doc.find(&heading)? + heading.len();
    let rest = doc.get(start..)?;
    let end = rest.find("\n#").unwrap_or(rest.len());
    rest.get(..end)
}

#[test]
fn every_topic_has_an_entry_with_confidence_and_sources() {
    let doc = facts_doc();
    let mut problems = Vec::new();
    for topic in Topic::ALL {
        let id = topic.id();
        match entry(&doc, id) {
            None => problems.push(format!("no `### `{id}`` entry in {FACTS_DOC}")),
            Some(text) => {
                if !text.contains("- Confidence: ") {
                    problems.push(format!("`{id}` does not state its confidence"));
                }
                // A fact AWS (or a public report) states comes with its source; only a pure
                // choice of ours, marked assumed, may go without one.
                let choice = text.contains("- Confidence: assumed.\n");
                if !choice && !text.contains("- Fact") {
                    problems.push(format!("`{id}` states no fact with its source"));
                }
                if !text.contains("- Simulation:") {
                    problems.push(format!("`{id}` does not say what the simulation does"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn topic_ids_are_unique_anchors() {
    for (i, topic) in Topic::ALL.iter().enumerate() {
        let id = topic.id();
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{id} is not an anchor"
        );
        assert!(
            Topic::ALL.iter().skip(i + 1).all(|t| t.id() != id),
            "{id} twice"
        );
        assert_eq!(topic.reference(), format!("{FACTS_DOC}#{id}"));
    }
}

/// Every scenario of the examples and the corpus.
fn every_scenario_text() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["web/examples", "tests/scenarios"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.display().to_string();
            if name.ends_with(".json") && !name.ends_with("index.json") {
                out.push((name, fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }
    out
}

#[test]
fn every_note_and_error_of_the_corpus_names_a_documented_topic() {
    let doc = facts_doc();
    let scenarios = every_scenario_text();
    assert!(scenarios.len() > 40, "found {} files", scenarios.len());
    let (mut notes, mut errors) = (0, 0);
    let mut problems = Vec::new();
    for (file, text) in &scenarios {
        for loaded in identity_pool::scenario::load_scenarios(text) {
            let Some(scenario) = loaded.scenario else {
                continue;
            };
            let report = identity_pool::simulate(&scenario);
            for note in &report.notes {
                notes += 1;
                if entry(&doc, note.topic.id()).is_none()
                    || !note.reference.ends_with(note.topic.id())
                {
                    problems.push(format!("{file}: note topic `{}`", note.topic.id()));
                }
            }
            if let Some(error) = &report.error {
                errors += 1;
                match error.topic {
                    Some(topic) if entry(&doc, topic.id()).is_some() => {}
                    other => problems.push(format!(
                        "{file}: error `{}` has topic {other:?}",
                        error.message
                    )),
                }
            }
        }
    }
    println!("{notes} notes and {errors} errors name documented topics");
    assert!(notes > 0 && errors > 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
