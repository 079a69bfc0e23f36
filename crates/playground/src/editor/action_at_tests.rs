use super::*;

const POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "arn:aws:s3:::b/*"},
    {"Effect": "Deny", "NotAction": "sts:*", "Resource": "*",
     "Condition": {"StringEquals": {"aws:RequestedRegion": "s3:Get*"}}},
    {"Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}"#;

fn patterns(text: &str) -> Vec<(String, bool)> {
    action_entries(text)
        .into_iter()
        .map(|e| (e.pattern, e.not_action))
        .collect()
}

#[test]
fn every_action_and_not_action_entry_is_found_and_nothing_else() {
    assert_eq!(
        patterns(POLICY),
        [
            ("s3:Get*".to_owned(), false),
            ("s3:ListBucket".to_owned(), false),
            ("sts:*".to_owned(), true),
            ("*".to_owned(), false),
        ]
    );
}

#[test]
fn a_position_inside_an_entry_or_on_its_quotes_finds_it() {
    let at = POLICY.find("s3:Get*").unwrap_or_default();
    let entry = action_at(POLICY, at + 3);
    assert_eq!(entry.as_ref().map(|e| e.pattern.as_str()), Some("s3:Get*"));
    assert_eq!(action_at(POLICY, at - 1).map(|e| e.start), Some(at - 1));
    assert_eq!(
        action_at(POLICY, at + "s3:Get*".len() + 1),
        None,
        "after the closing quote"
    );
}

#[test]
fn the_same_text_as_a_condition_value_or_a_resource_is_no_action() {
    let value = POLICY.rfind("s3:Get*").unwrap_or_default();
    assert_eq!(action_at(POLICY, value + 1), None);
    let resource = POLICY.find("arn:aws").unwrap_or_default();
    assert_eq!(action_at(POLICY, resource), None);
    assert_eq!(
        action_at(POLICY, POLICY.find("Allow").unwrap_or_default()),
        None
    );
}

#[test]
fn a_half_typed_document_still_answers_for_whole_entries() {
    let text = r#"{"Statement": [{"Action": ["s3:Get*", "s3:Put"#;
    assert_eq!(patterns(text), [("s3:Get*".to_owned(), false)]);
    assert_eq!(
        patterns(r#"{"Action": ["ec2:\u0044escribe*", "ec2:Get*"]}"#),
        [("ec2:Get*".to_owned(), false)]
    );
}
