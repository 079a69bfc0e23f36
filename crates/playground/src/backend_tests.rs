//! The adapter against the real simulation: every example, read by the page's document
//! model and written back, gives the outcome and decisions its file expects.

use serde_json::Value;

use crate::backend::{simulate, simulate_in};
use crate::examples;
use crate::state::ScenarioDoc;
use identity_pool::api::Diagnostic;
use identity_pool::api::Explain;
use identity_pool::edit::Document;
use identity_pool::workspace::Workspace;

/// The page's round trip through its document model must not change any answer.
#[test]
fn the_page_model_gives_the_same_answers_as_the_file() {
    for (id, text) in examples::EMBEDDED {
        let doc = ScenarioDoc::from_json(text).unwrap_or_else(|e| panic!("{id}: {}", e.message));
        let through_page = simulate(&doc.to_document(), Explain::All);
        let direct = simulate(&unplaced(text), Explain::All);
        assert_eq!(through_page.outcome(), direct.outcome(), "{id}");
        let decisions = |r: &crate::backend::ReportView| {
            r.requests
                .iter()
                .map(|q| q.decision.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(decisions(&through_page), decisions(&direct), "{id}");
    }
}

/// What the page shows for each example is what its file expects.
#[test]
fn every_example_meets_its_expectations() {
    let mut mismatches = Vec::new();
    for (id, text) in examples::EMBEDDED {
        let report = simulate(&unplaced(text), Explain::All);
        let file: Value = serde_json::from_str(text).unwrap();
        if let Some(error) = file.pointer("/expect/error").and_then(Value::as_str) {
            if report.outcome() != error {
                mismatches.push(format!(
                    "{id}: outcome {} expected {error}",
                    report.outcome()
                ));
            }
        } else if file.pointer("/expect/credentials").is_some() && report.outcome() != "issued" {
            mismatches.push(format!(
                "{id}: outcome {} expected issued",
                report.outcome()
            ));
        }
        for (i, request) in file["requests"].as_array().unwrap().iter().enumerate() {
            if let Some(expect) = request.get("expect").and_then(Value::as_str) {
                let got = report
                    .requests
                    .get(i)
                    .map_or("missing", |r| r.decision.as_str());
                if got != expect {
                    mismatches.push(format!("{id}: request {i} {got} expected {expect}"));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_default_example_is_allowed_and_explained() {
    let doc = ScenarioDoc::from_json(examples::DEFAULT_TEXT).unwrap();
    let report = simulate(&doc.to_document(), Explain::All);
    assert_eq!(report.outcome(), "issued");
    assert!(report
        .steps
        .iter()
        .any(|s| s.name == "GetId" && s.status == "ok"));
    let first = &report.requests[0];
    assert_eq!(first.decision, "Allowed");
    assert!(
        first.deciding.iter().any(|d| d
            .place
            .as_ref()
            .is_some_and(|p| p.policy_id == "Guest:ReadPicture")),
        "{first:?}"
    );
    assert!(report
        .session
        .as_ref()
        .is_some_and(|s| s.role_arn.ends_with("role/Guest")));
}

/// What the editor of the default example's access policy shows for `text`.
fn editor_diagnostics(text: &str) -> Vec<Diagnostic> {
    let mut doc = ScenarioDoc::from_json(examples::DEFAULT_TEXT).unwrap();
    doc.roles[0].policies[0].text = text.to_owned();
    let (_, diagnostics) = simulate_in(&mut Workspace::new(), &doc, Explain::None);
    diagnostics["Guest:ReadPicture"].to_vec()
}

#[test]
fn a_syntax_error_is_reported_at_its_line() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {,\n  ]\n}";
    let diagnostics = editor_diagnostics(text);
    let first = diagnostics.first().expect("a diagnostic");
    assert_eq!(first.start.map(|p| p.line), Some(4), "{diagnostics:?}");
}

/// Every position the page shows is in the text the user sees: a problem inside a policy
/// names that policy's editor and the line of its own text, not of the hidden document.
#[test]
fn a_problem_inside_a_policy_names_its_editor_and_line() {
    let mut doc = ScenarioDoc::from_json(examples::DEFAULT_TEXT).unwrap();
    let text = doc.roles[0].policies[0]
        .text
        .replacen("\"Allow\"", "\"Alow\"", 1);
    let line = text.lines().position(|l| l.contains("Alow")).unwrap() + 1;
    doc.roles[0].policies[0].text = text;
    let report = simulate(&doc.to_document(), Explain::None);
    let problem = report
        .diagnostics
        .iter()
        .find(|p| p.diagnostic.code == "iam::parse::invalid_effect")
        .expect("the invalid effect is reported");
    let place = problem.place.as_ref().expect("located in its editor");
    assert_eq!(place.policy_id, "Guest:ReadPicture");
    assert_eq!(place.line, line);
    let editor = editor_diagnostics(&doc.roles[0].policies[0].text);
    assert!(
        editor
            .iter()
            .any(|d| d.code == problem.diagnostic.code && d.start.map(|p| p.line) == Some(line)),
        "the editor marks the same line: {editor:?}"
    );
}

/// The keystroke's decisions-only pass decides as the explained pass does.
#[test]
fn decisions_only_decide_as_the_explained_pass() {
    for (id, text) in examples::EMBEDDED {
        let document = unplaced(text);
        let fast = simulate(&document, Explain::None);
        let full = simulate(&document, Explain::All);
        let decisions = |r: &crate::backend::ReportView| {
            r.requests
                .iter()
                .map(|q| q.decision.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(decisions(&fast), decisions(&full), "{id}");
        assert_eq!(fast.outcome(), full.outcome(), "{id}");
    }
}

/// The page's own document model carries an exported template back to the same answers,
/// and a decoded token's sign-in reads back into the document.
#[test]
fn exported_code_and_tokens_go_through_the_page_model() {
    use identity_pool::export::ExportFormat;
    let text = examples::EMBEDDED
        .iter()
        .find(|(id, _)| *id == "rules-equals-admin")
        .map(|(_, t)| *t)
        .unwrap();
    let doc = ScenarioDoc::from_json(text).unwrap();
    use crate::backend::code::{export_call, import_call, read_export, read_import};
    use crate::backend::lazy::ask_here;
    // The requests and readers the page uses with the lazy module, answered here by the
    // function the module calls.
    let (template, _) =
        read_export(ask_here(export_call(&doc.to_json(), ExportFormat::CloudFormation)).unwrap())
            .unwrap();
    let (scenario, account) =
        read_import(ask_here(import_call(&doc.to_json(), &template)).unwrap()).unwrap();
    assert!(account.placeholders.is_empty(), "{account:?}");
    let back = ScenarioDoc::from_json(&scenario).unwrap();
    assert_eq!(
        simulate(&unplaced(&back.to_json()), Explain::All).outcome(),
        simulate(&unplaced(text), Explain::All).outcome()
    );
    let broken = read_import(ask_here(import_call(&doc.to_json(), "Resources: [")).unwrap());
    assert!(broken.unwrap_err().starts_with("line 1"));

    let b64 = |v: &str| identity_pool::import::base64url::encode(v.as_bytes());
    let token = format!(
        "{}.{}.c2ln",
        b64(r#"{"alg":"RS256"}"#),
        b64(
            r#"{"iss":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123","aud":"4example7client8id9abc0def","token_use":"id","sub":"s-1","exp":2000000000}"#
        )
    );
    let view = crate::backend::decode_token(&token, &doc.to_json(), 1_900_000_000);
    assert!(view.warnings.is_empty(), "{:?}", view.warnings);
    let signed_in = ScenarioDoc::from_json(view.scenario.as_deref().unwrap()).unwrap();
    assert!(signed_in.sign_in.claims.contains("s-1"));
    assert!(view.notes.iter().any(|n| n.contains("NOT checked")));
}

#[test]
fn two_summaries_read_as_two_sentences() {
    assert_eq!(
        crate::backend::sentences(
            "AWS reports this as \"no session policy allows\" the action",
            "implicitly denied: no statement"
        ),
        "AWS reports this as \"no session policy allows\" the action. Implicitly denied: no statement"
    );
    assert_eq!(crate::backend::sentences("done.", "next"), "done. Next");
    assert_eq!(crate::backend::sentences("", "next"), "Next");
    assert_eq!(crate::backend::sentences("only", ""), "only");
}

/// A scenario text sent as it is, with no policy placed in it.
/// A trust refusal names its cause in the trust policy's own text (the failing
/// condition's key, marked whole), and every trust statement has its line and place.
#[test]
fn a_trust_refusal_is_placed_in_the_trust_editor() {
    let mut doc = ScenarioDoc::from_json(examples::DEFAULT_TEXT).unwrap();
    let trust = doc.roles[0]
        .trust
        .replacen("\"unauthenticated\"", "\"authenticated\"", 1);
    let line = trust.lines().position(|l| l.contains(":amr")).unwrap() + 1;
    doc.roles[0].trust = trust;
    let report = simulate(&doc.to_document(), Explain::None);
    let error = report.error.as_ref().expect("the sign-in fails");
    let place = error.place.as_ref().expect("the cause is in an editor");
    assert_eq!(
        (place.policy_id.as_str(), place.line),
        ("Guest:trust", line)
    );
    let key = "\"cognito-identity.amazonaws.com:amr\"";
    assert_eq!(place.utf16_len, key.len(), "the key is marked whole");
    let trust = report.trust.as_ref().expect("the trust breakdown");
    assert_eq!(trust.decision, "ImplicitDeny");
    assert_eq!(trust.policy, "Guest/trust");
    let only = trust.statements.first().expect("one statement");
    assert!(!only.matched && !only.decided);
    assert!(
        only.reason.contains("cognito-identity.amazonaws.com:amr"),
        "{}",
        only.reason
    );
    assert_eq!(
        only.place.as_ref(),
        Some(place),
        "the line links where the card does"
    );
}

fn unplaced(text: &str) -> Document {
    Document {
        text: text.to_string(),
        ..Document::default()
    }
}
