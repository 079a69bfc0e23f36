//! Import messages: a file is called a file, bytes that are not UTF-8 are named, sizes are
//! checked before reading.

use super::*;

fn file(name: &str, text: &str) -> Input {
    Input {
        origin: Origin::File(name.to_owned()),
        text: Ok(text.to_owned()),
    }
}

fn message(input: &Input) -> String {
    import(&ScenarioDoc::default(), input).unwrap_err().message
}

#[test]
fn an_uploaded_file_is_called_a_file() {
    let text = message(&file("broken.json", "{\n  \"roles\": [\n"));
    assert_eq!(
        text,
        "the file `broken.json` is not a JSON object: it ends early (line 3, column 0)"
    );
    let text = message(&file("list.json", "[1, 2]"));
    assert_eq!(
        text,
        "the file `list.json` is not a JSON object: it holds a list"
    );
    let text = message(&Input::pasted("nope".to_owned()));
    assert!(
        text.starts_with("the pasted text is not a JSON object: it is not valid JSON at line 1"),
        "{text}"
    );
}

#[test]
fn invalid_utf8_is_named_with_its_byte() {
    let bytes = b"{\"n\":\"\xe9\"}".to_vec();
    let error = decode_file("latin1.json", bytes).unwrap_err();
    assert_eq!(
        error.message,
        "the file `latin1.json` is not UTF-8 text (byte 7 is not valid); save it as UTF-8 JSON"
    );
    // A byte-order mark is not part of the JSON.
    let text = decode_file("bom.json", b"\xef\xbb\xbf{}".to_vec()).unwrap();
    assert_eq!(text, "{}");
}

#[test]
fn a_huge_file_is_refused_by_its_size_alone() {
    let error = check_file_size("huge.json", 20.0 * 1024.0 * 1024.0).unwrap_err();
    assert_eq!(
        error.message,
        "the file `huge.json` is 20 MB, more than the 1024 KB a scenario may be"
    );
    assert!(check_file_size("ok.json", 1024.0 * 1024.0).is_ok());
    // Pasted text over the limit is refused before it is parsed.
    let big = Input::pasted(format!(
        "{{\"name\": \"{}\"}}",
        "x".repeat(MAX_IMPORT_BYTES)
    ));
    assert!(
        message(&big).starts_with("the pasted text is 1025 KB"),
        "{}",
        message(&big)
    );
}

#[test]
fn shape_errors_inside_a_scenario_name_the_field() {
    let text = message(&file("s.json", "{\"roles\": {\"a\": 1}}"));
    assert_eq!(text, "`roles` must be a list, not an object");
}
