use super::*;
use proptest::prelude::*;

fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Whitespace)
        .map(|t| (t.kind, &text[t.start..t.end]))
        .collect()
}

#[test]
fn policy_tokens_get_their_kinds() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "N": -1.5e3, "B": true, "Z": null}]}"#;
    use TokenKind::*;
    assert_eq!(
        kinds(text),
        vec![
            (Bracket, "{"),
            (Key, r#""Version""#),
            (Punctuation, ":"),
            (String, r#""2012-10-17""#),
            (Punctuation, ","),
            (Key, r#""Statement""#),
            (Punctuation, ":"),
            (Bracket, "["),
            (Bracket, "{"),
            (Key, r#""Effect""#),
            (Punctuation, ":"),
            (String, r#""Allow""#),
            (Punctuation, ","),
            (Key, r#""N""#),
            (Punctuation, ":"),
            (Number, "-1.5e3"),
            (Punctuation, ","),
            (Key, r#""B""#),
            (Punctuation, ":"),
            (Literal, "true"),
            (Punctuation, ","),
            (Key, r#""Z""#),
            (Punctuation, ":"),
            (Literal, "null"),
            (Bracket, "}"),
            (Bracket, "]"),
            (Bracket, "}"),
        ]
    );
}

#[test]
fn key_detection_looks_past_whitespace_and_line_breaks() {
    let text = "{\"a\"\n  :\n 1}";
    assert_eq!(kinds(text)[1], (TokenKind::Key, "\"a\""));
}

#[test]
fn escaped_quotes_stay_inside_the_string() {
    let text = r#"["a\"b\\", 1]"#;
    assert_eq!(kinds(text)[1], (TokenKind::String, r#""a\"b\\""#));
    assert_eq!(kinds(text)[3], (TokenKind::Number, "1"));
}

#[test]
fn unterminated_string_stops_at_end_of_line() {
    let text = "{\"Effect\": \"Allow\n\"Action\": 1}";
    let tokens = tokenize(text);
    let unterminated = tokens.iter().find(|t| !t.terminated).unwrap();
    assert_eq!(&text[unterminated.start..unterminated.end], "\"Allow");
    assert_eq!(kinds(text)[4], (TokenKind::Key, "\"Action\""));
}

#[test]
fn malformed_words_are_invalid() {
    for word in [
        "tru", "01", "1.", ".5", "1e", "-", "+1", "NaN", "//", "é", "1.5e+",
    ] {
        assert_eq!(kinds(word), vec![(TokenKind::Invalid, word)], "{word}");
    }
    for word in ["0", "-0", "10", "1.25", "1E9", "2e-3", "-0.0e+10"] {
        assert_eq!(kinds(word), vec![(TokenKind::Number, word)], "{word}");
    }
}

#[test]
fn every_kind_has_a_distinct_class() {
    use TokenKind::*;
    let all = [
        Whitespace,
        Bracket,
        Punctuation,
        Key,
        String,
        Number,
        Literal,
        Invalid,
    ];
    let mut classes: Vec<_> = all.iter().map(|k| k.class()).collect();
    classes.sort_unstable();
    classes.dedup();
    assert_eq!(classes.len(), all.len());
}

proptest! {
    /// Whatever the text, tokens cover it exactly, in order, on char boundaries.
    #[test]
    fn tokens_cover_any_text(text in any::<std::string::String>()) {
        let tokens = tokenize(&text);
        let mut at = 0;
        for token in &tokens {
            prop_assert_eq!(token.start, at);
            prop_assert!(token.end > token.start);
            prop_assert!(text.get(token.start..token.end).is_some());
            at = token.end;
        }
        prop_assert_eq!(at, text.len());
    }

    /// JSON-ish alphabets hit the interesting paths far more often than arbitrary strings.
    #[test]
    fn tokens_cover_json_like_text(text in "[{}\\[\\]:,\"\\\\ \n\ra-z0-9.eE+-]{0,64}") {
        let rebuilt: std::string::String = tokenize(&text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        prop_assert_eq!(rebuilt, text);
    }
}
