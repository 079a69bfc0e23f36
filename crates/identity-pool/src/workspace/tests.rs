//! The workspace gives the report a fresh read of the same document gives, reads a policy
//! once per change of its text, and locates each policy's findings in its own text.

use super::*;
use crate::edit::PolicySlot;

fn examples() -> Vec<(String, ScenarioDoc)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/examples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name.filter(|n| n.ends_with(".json") && n != "index.json") else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match ScenarioDoc::from_json(&text) {
            Ok(doc) => out.push((name, doc)),
            Err(e) => panic!("{name}: {}", e.message),
        }
    }
    assert!(out.len() >= 30, "the examples are found ({})", out.len());
    out
}

fn json(report: &Report) -> serde_json::Value {
    serde_json::to_value(report).unwrap_or_default()
}

fn fresh(doc: &ScenarioDoc, explain: &Explain) -> serde_json::Value {
    json(&simulate_text_with(&doc.to_document().text, explain))
}

/// The first access policy of the first role that has one.
fn first_access(doc: &mut ScenarioDoc) -> Option<(PolicyId, &mut String)> {
    let role = doc.roles.iter_mut().find(|r| !r.policies.is_empty())?;
    let policy = role.policies.first_mut()?;
    let id = PolicyId::new(&role.name, PolicySlot::Access(policy.name.clone()));
    Some((id, &mut policy.text))
}

/// The default example with its first access policy's text set to `text`.
fn default_with_access(text: &str) -> (PolicyId, ScenarioDoc) {
    let (_, mut doc) = examples()
        .into_iter()
        .find(|(n, _)| n == "guest-reads-public-picture.json")
        .unwrap_or_default();
    let Some((id, access)) = first_access(&mut doc) else {
        panic!("the example has an access policy");
    };
    *access = text.to_owned();
    (id, doc)
}

#[test]
fn every_example_simulates_as_a_fresh_read_of_its_document() {
    for (name, doc) in examples() {
        let mut workspace = Workspace::new();
        for explain in [Explain::None, Explain::All] {
            let cached = workspace.simulate(&doc, &explain);
            assert_eq!(cached.document, doc.to_document(), "{name}");
            assert_eq!(json(&cached.report), fresh(&doc, &explain), "{name}");
        }
    }
}

#[test]
fn after_an_edit_the_report_is_a_fresh_read_of_the_edited_document() {
    for (name, mut doc) in examples() {
        let mut workspace = Workspace::new();
        workspace.simulate(&doc, &Explain::All);
        let Some((_, text)) = first_access(&mut doc) else {
            continue;
        };
        // Typing in the middle of an action moves every policy after this one; deleting
        // it again brings them back.
        let at = text.find("\"Action\"").unwrap_or(0);
        text.insert_str(at, "\"Sid\": \"typed\", ");
        let edited = workspace.simulate(&doc, &Explain::All);
        assert_eq!(json(&edited.report), fresh(&doc, &Explain::All), "{name}");
        if let Some((_, text)) = first_access(&mut doc) {
            text.truncate(text.len() / 2);
        }
        let broken = workspace.simulate(&doc, &Explain::All);
        assert_eq!(json(&broken.report), fresh(&doc, &Explain::All), "{name}");
    }
}

#[test]
fn a_policy_is_read_and_compiled_once_per_change_of_its_text() {
    let (_, mut doc) = examples()
        .into_iter()
        .find(|(n, _)| n == "guest-reads-public-picture.json")
        .unwrap_or_default();
    let policies = doc.policies().len();
    let mut workspace = Workspace::new();
    let placed = workspace
        .simulate(&doc, &Explain::None)
        .document
        .placements
        .list
        .len();
    let first = workspace.counts();
    assert_eq!(first.reads, policies);
    // Each policy the document holds is compiled once, by the loader, under its label.
    assert_eq!(first.compiles, placed, "{first:?}");
    // The same text again, explained or not: nothing is read or compiled.
    workspace.simulate(&doc, &Explain::All);
    workspace.simulate(&doc, &Explain::None);
    assert_eq!(workspace.counts(), first);
    // A keystroke in one policy: that policy, once.
    let Some((_, text)) = first_access(&mut doc) else {
        panic!("the example has an access policy");
    };
    text.insert(text.len() - 1, ' ');
    workspace.simulate(&doc, &Explain::None);
    let after = workspace.counts();
    assert_eq!(after.reads, first.reads + 1);
    assert_eq!(after.compiles, first.compiles + 1);
}

#[test]
fn findings_are_located_in_the_policy_s_own_text() {
    let (id, doc) = default_with_access("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Alow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}\n  ]\n}");
    let mut workspace = Workspace::new();
    let simulation = workspace.simulate(&doc, &Explain::None);
    let found = workspace.diagnostics(&id).unwrap_or_default();
    let effect = found
        .iter()
        .find(|d| d.message.contains("Alow"))
        .and_then(|d| d.start);
    assert_eq!(
        effect.map(|p| (p.line, p.column)),
        Some((4, 16)),
        "{found:?}"
    );
    // The report's copy of it, relocated by the document's placements, says the same.
    let locator = simulation.document.locator();
    let relocated = simulation
        .report
        .diagnostics
        .iter()
        .filter_map(|d| locator.relocate(d))
        .find(|(_, d)| d.message.contains("Alow"));
    assert_eq!(
        relocated.and_then(|(at, d)| (at == id).then_some(d.start).flatten()),
        effect
    );
}

#[test]
fn a_text_that_is_not_json_is_read_once_and_written_as_a_string() {
    let (id, doc) = default_with_access("{\"Version\": ");
    let mut workspace = Workspace::new();
    let simulation = workspace.simulate(&doc, &Explain::None);
    assert!(simulation
        .document
        .placements
        .list
        .iter()
        .all(|p| p.id != id));
    let found = workspace.diagnostics(&id).unwrap_or_default();
    assert!(found.iter().any(|d| d.is_error()), "{found:?}");
    assert_eq!(json(&simulation.report), fresh(&doc, &Explain::None));
}
