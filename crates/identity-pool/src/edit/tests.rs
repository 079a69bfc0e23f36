//! Reading hostile scenario text: messages in the user's terms, sizes kept as given.

use super::*;
use crate::scenario::MAX_SCENARIO_BYTES;

fn error(text: &str) -> String {
    ScenarioDoc::from_json(text).unwrap_err().message
}

#[test]
fn shape_errors_name_the_field_without_serde_wording() {
    let cases = [
        ("[1, 2]", "the scenario must be an object, not a list"),
        ("{\"a\": ", "the scenario is not valid JSON"),
        ("{\"roles\": \"x\"}", "`roles` must be a list, not a string"),
        (
            "{\"roles\": [1]}",
            "`roles[0]` must be an object, not a number",
        ),
        (
            "{\"roles\": [{\"Policies\": {}}]}",
            "`roles[0].Policies` must be a list, not an object",
        ),
        (
            "{\"roles\": [{\"Policies\": [null]}]}",
            "`roles[0].Policies[0]` must be an object, not null",
        ),
        (
            "{\"requests\": [{}, true]}",
            "`requests[1]` must be an object, not a boolean",
        ),
        ("{\"signIn\": []}", "`signIn` must be an object, not a list"),
        (
            "{\"signIn\": {\"basic\": \"x\"}}",
            "`signIn.basic` must be an object, not a string",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(error(text), message, "{text}");
    }
    let deep = format!(
        "{{\"identityPool\": {}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    let message = error(&deep);
    assert!(!message.contains("recursion"), "{message}");
    assert!(!message.contains("line"), "{message}");
}

/// A scenario of `n` one-character resources: compact it is small, indented it is not.
fn wide_scenario(n: usize) -> String {
    let resources = vec!["\"x\""; n].join(",");
    format!(
        r#"{{"name":"wide","identityPool":{{"IdentityPoolId":"us-east-1:1","AllowUnauthenticatedIdentities":true}},"roles":[{{"RoleName":"Guest","Arn":"arn:aws:iam::123456789012:role/Guest","Policies":[{{"PolicyName":"P","PolicyDocument":{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":[{resources}]}}]}}}}]}}],"signIn":{{"identity":"unauthenticated"}},"requests":[]}}"#
    )
}

#[test]
fn a_scenario_given_under_the_limit_stays_under_it() {
    // Under 1 MB as given (a share link inflating to just under the limit), over it indented.
    let given = wide_scenario(230_000);
    assert!(given.len() < MAX_SCENARIO_BYTES, "{}", given.len());
    let doc = ScenarioDoc::from_json(&given).unwrap();
    let written = doc.to_json();
    assert!(
        written.len() <= MAX_SCENARIO_BYTES,
        "re-serialised to {} bytes from {}",
        written.len(),
        given.len()
    );
    let report = crate::simulate_text(&written);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"iam::parse::too_large"), "{codes:?}");
    // Nothing is lost on the way: it reads back as the same document.
    assert_eq!(ScenarioDoc::from_json(&written).unwrap(), doc);
}

#[test]
fn a_small_scenario_keeps_its_indentation() {
    let doc = ScenarioDoc::from_json(&wide_scenario(3)).unwrap();
    assert!(doc.to_json().contains("\n  \"roles\""), "{}", doc.to_json());
}

#[test]
fn a_statement_is_found_by_its_index() {
    let text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},\n    {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n  ]\n}";
    let second = super::statement_start(text, 1).unwrap();
    assert_eq!((second.line, second.column), (4, 5));
    assert!(super::statement_start(text, 2).is_none());
    assert!(super::statement_start("{", 0).is_none());
}

/// A scenario whose Guest role has one access policy with `text` as typed.
fn with_policy(text: &str) -> ScenarioDoc {
    let mut doc = ScenarioDoc::from_json(&wide_scenario(1)).unwrap();
    doc.roles[0].policies[0].text = text.to_owned();
    doc
}

#[test]
fn a_policy_keeps_its_layout_through_the_file_a_person_exports() {
    let typed = [
        // Hand-formatted: blank line, four-space indent, statements on one line.
        "{\n    \"Version\": \"2012-10-17\",\n\n    \"Statement\": [ {\"Effect\":\"Alow\",\n  \"Action\":\"s3:*\",\"Resource\":\"*\"} ]\n}",
        // One line, as pasted from a compact API answer.
        "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
        // Every line after the first indented (copied out of a larger document): whitespace
        // in a file cannot carry that, so it travels as a string.
        "{\n      \"Version\": \"2012-10-17\",\n      \"Statement\": []\n    }",
        // Windows line ends, tabs, a trailing newline.
        "{\r\n\t\"Version\": \"2012-10-17\",\r\n\t\"Statement\": []\r\n}\n",
        // Not JSON yet (half typed).
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n",
    ];
    for text in typed {
        let file = with_policy(text).to_json();
        let back = ScenarioDoc::from_json(&file).unwrap();
        assert_eq!(back.roles[0].policies[0].text, text, "{file}");
    }
}

#[test]
fn every_example_reads_back_the_same_from_the_file_the_page_writes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/examples");
    let mut examples = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "index.json") {
            continue;
        }
        let doc = ScenarioDoc::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let again = ScenarioDoc::from_json(&doc.to_json()).unwrap();
        assert_eq!(again, doc, "{}", path.display());
        examples += 1;
    }
    assert!(examples >= 30, "{examples} examples");
}

proptest::proptest! {
    /// Whatever whitespace a person puts between a policy's tokens, the exported file
    /// gives the policy back character for character.
    #[test]
    fn any_layout_survives_export_and_import(
        gaps in proptest::collection::vec(
            proptest::sample::select(vec!["", " ", "\n", "\n    ", "\n\t", "\r\n  ", "\n\n", "  \n"]),
            16,
        )
    ) {
        let tokens = [
            "{", "\"Version\"", ":", "\"2012-10-17\"", ",", "\"Statement\"", ":", "[", "{",
            "\"Effect\"", ":", "\"Allow\"", ",", "\"Action\":\"s3:*\",\"Resource\":\"*\"", "}", "]", "}",
        ];
        let mut text = String::new();
        for (i, token) in tokens.iter().enumerate() {
            if i > 0 {
                text.push_str(gaps.get(i - 1).copied().unwrap_or(""));
            }
            text.push_str(token);
        }
        let back = ScenarioDoc::from_json(&with_policy(&text).to_json()).unwrap();
        proptest::prop_assert_eq!(&back.roles[0].policies[0].text, &text);
    }
}

#[test]
fn ids_follow_document_order_and_new_ones_come_after_the_largest() {
    let doc = ScenarioDoc::from_json(
        r#"{"roles": [{"RoleName": "A", "Policies": [{"PolicyName": "p"}, {"PolicyName": "q"}]},
                      {"RoleName": "B"}]}"#,
    )
    .unwrap();
    let ids: Vec<_> = doc.roles.iter().map(|r| r.id).collect();
    assert_eq!(ids, [ItemId(0), ItemId(1)]);
    let policy_ids: Vec<_> = doc.roles[0].policies.iter().map(|p| p.id).collect();
    assert_eq!(policy_ids, [ItemId(0), ItemId(1)]);
    assert_eq!(doc.next_role_id(), ItemId(2));
    assert_eq!(doc.roles[1].next_policy_id(), ItemId(0));
    // After a removal the next id still never reuses one in use.
    let mut fewer = doc.clone();
    fewer.roles.remove(0);
    assert_eq!(fewer.next_role_id(), ItemId(2));
    // Ids are the editor's, not the file's: the file written is the same.
    assert!(!doc.to_json().contains("\"id\""));
}
