//! The review actions: a coach fix lands in the policy it names, a dismissal is kept in the
//! scenario's `dismissedFindings` once, an explorer cell becomes a request.

use super::*;

const DEFAULT: &str = include_str!("../../fallback/guest-reads-public-picture.json");

fn apply(actions: Vec<Action>) -> Editor {
    actions.into_iter().fold(
        Editor {
            doc: ScenarioDoc::from_json(DEFAULT).unwrap(),
            revision: 0,
        },
        Editor::apply,
    )
}

#[test]
fn a_fix_replaces_the_policy_its_editor_names() {
    let fixed = "{\"Version\": \"2012-10-17\", \"Statement\": []}";
    let e = apply(vec![Action::ApplyFix(
        "Guest:ReadPicture".into(),
        fixed.into(),
    )]);
    assert_eq!(e.doc.roles[0].policies[0].text, fixed);
    let e = apply(vec![Action::ApplyFix("Guest:trust".into(), fixed.into())]);
    assert_eq!(e.doc.roles[0].trust, fixed);
    // An editor that no longer exists: nothing changes but the revision.
    let before = apply(vec![]);
    let e = apply(vec![Action::ApplyFix(
        "Nobody:ReadPicture".into(),
        fixed.into(),
    )]);
    assert_eq!(e.doc, before.doc);
    assert_eq!(e.revision, 1);
}

#[test]
fn a_dismissal_is_kept_once_in_the_scenario() {
    let id = "coach::guest_write_access@Guest:ReadPicture#0".to_owned();
    let e = apply(vec![
        Action::DismissFinding(id.clone()),
        Action::DismissFinding(id.clone()),
    ]);
    assert_eq!(
        e.doc.extra.get("dismissedFindings"),
        Some(&serde_json::json!([id]))
    );
    let json: serde_json::Value = serde_json::from_str(&e.doc.to_json()).unwrap();
    assert_eq!(json["dismissedFindings"][0], id.as_str());
}

#[test]
fn an_explorer_cell_becomes_a_request() {
    let e = apply(vec![Action::AddRequestFor(
        "s3:PutObject".into(),
        "arn:aws:s3:::mybucket/a".into(),
    )]);
    let last = e.doc.requests.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.resource.as_str()),
        ("s3:PutObject", "arn:aws:s3:::mybucket/a")
    );
}
