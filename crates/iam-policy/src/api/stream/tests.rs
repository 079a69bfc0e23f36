use super::*;
use crate::api::evaluate_cases_json;

const CASE_A: &str = r#"{"name": "reads", "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "bucket"]}]}],
  "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "expected": "Allowed"}"#;
const CASE_B: &str = r#"{"identityPolicies": [{"Statement": [{"Effect": "Permit", "Action": "*", "Resource": "*"}]}],
  "request": {"action": "s3:GetObject"}, "colour": "é😀"}"#;
const CASE_C: &str =
    r#"{"name": "writes", "request": {"action": "s3:PutObject"}, "expected": "ImplicitDeny"}"#;

fn stream(text: &str) -> (Vec<Streamed>, StreamSummary) {
    let mut out = Vec::new();
    let summary = evaluate_stream(text.as_bytes(), true, None, |s| {
        out.push(s);
        ControlFlow::Continue(())
    });
    (out, summary)
}

fn answers(text: &str) -> Vec<EvalAnswer> {
    stream(text).0.into_iter().map(|s| s.answer).collect()
}

#[test]
fn an_array_streams_to_the_answers_of_the_whole_file() {
    for sep in [",", ",\n", " ,\n\n  "] {
        let text = format!("[\n  {CASE_A}{sep}{CASE_B}{sep}{CASE_C}\n]\n");
        let (streamed, summary) = stream(&text);
        assert!(streamed.iter().all(|s| !s.input_error));
        assert_eq!(summary.answers, 3);
        let got: Vec<_> = streamed.into_iter().map(|s| s.answer).collect();
        assert_eq!(got, evaluate_cases_json(&text, true), "separator {sep:?}");
    }
}

#[test]
fn json_lines_and_a_single_case_answer_as_each_case_alone() {
    let compact = |c: &str| c.replace('\n', " ");
    let text = format!(
        "{}\n{}\n\n{}\n",
        compact(CASE_A),
        compact(CASE_B),
        compact(CASE_C)
    );
    let got = answers(&text);
    assert_eq!(got.len(), 3);
    for (i, (line, answer)) in text.lines().filter(|l| !l.is_empty()).zip(&got).enumerate() {
        let mut alone = evaluate_cases_json(line, true).remove(0);
        if alone.name == "#0" {
            alone.name = format!("#{i}");
        }
        assert_eq!(answer.decision, alone.decision);
        assert_eq!(answer.name, alone.name);
        let lines: Vec<_> = answer
            .diagnostics
            .iter()
            .map(|d| d.start.unwrap().line)
            .collect();
        assert!(
            lines.iter().all(|l| *l == i + 1),
            "{lines:?} on line {}",
            i + 1
        );
    }
    assert_eq!(answers(CASE_A), evaluate_cases_json(CASE_A, true));
}

#[test]
fn garbage_is_an_input_error_with_a_position() {
    for (text, line, column) in [
        ("", 1, 1),
        ("  \n ", 2, 2),
        ("[]", 1, 3),
        ("null", 1, 1),
        ("42", 1, 1),
        ("[1, 2]", 1, 5),
        ("[{\"request\": {\"action\": \"s3:GetObject\"}", 1, 40),
        ("[{\"request\": {\"action\": \"s3:Get", 1, 32),
        (
            "{\"request\": {\"action\": \"a:b\"}, \"expected\": 5}",
            1,
            44,
        ),
        ("[{\"request\": {\"action\": \"a:b\"}} {}]", 1, 33),
        ("[{\"request\": {\"action\": \"a:b\"}},]", 1, 33),
        ("[{\"request\": {\"action\": \"a:b\"}}] x", 1, 34),
        ("\0\0\0", 1, 1),
    ] {
        let (streamed, summary) = stream(text);
        let last = streamed.last().expect("an answer");
        assert!(last.input_error, "{text:?}");
        assert!(summary.input_errors >= 1);
        assert_eq!(last.answer.decision, crate::Verdict::Error);
        let at = last.answer.diagnostics[0].start.expect("located");
        assert_eq!(
            (at.line, at.column),
            (line, column),
            "{text:?}: {:?}",
            last.answer.diagnostics[0]
        );
    }
}

#[test]
fn a_case_expecting_its_error_is_not_an_input_error() {
    let (streamed, _) = stream(r#"{"request": {}, "expected": "Error"}"#);
    assert!(!streamed[0].input_error);
    assert_eq!(streamed[0].answer.matches_expected, Some(true));
}

#[test]
fn an_over_limit_case_is_refused_and_the_next_one_still_runs() {
    let big = format!(
        r#"{{"name": "big", "request": {{"action": "s3:GetObject", "resource": "{}"}}}}"#,
        "x".repeat(MAX_INPUT_BYTES + 10)
    );
    let text = format!("[{big},\n{CASE_C}]");
    let (streamed, summary) = stream(&text);
    assert_eq!(summary.answers, 2);
    assert!(streamed[0].input_error);
    assert_eq!(
        streamed[0].answer.diagnostics[0].code,
        "iam::parse::too_large"
    );
    assert_eq!(streamed[1].answer.decision, crate::Verdict::ImplicitDeny);
    let at = streamed[1]
        .answer
        .diagnostics
        .first()
        .map(|d| d.start.unwrap().line);
    assert_eq!(at, None);
}

#[test]
fn endless_input_is_read_in_bounded_memory_and_stopped() {
    // `/dev/zero` and an endless bare word: a fault after at most one limit's worth.
    let (streamed, _) = stream_from(std::io::repeat(0));
    assert!(streamed[0].input_error);
    let (streamed, _) = stream_from(std::io::repeat(b'1'));
    assert!(streamed[0].input_error);
}

fn stream_from(input: impl Read) -> (Vec<Streamed>, StreamSummary) {
    let mut out = Vec::new();
    let summary = evaluate_stream(input, false, None, |s| {
        out.push(s);
        ControlFlow::Continue(())
    });
    (out, summary)
}

#[test]
fn a_break_stops_the_stream() {
    let text = format!("[{CASE_C},{CASE_C},{CASE_C}]");
    let mut seen = 0;
    evaluate_stream(text.as_bytes(), false, None, |_| {
        seen += 1;
        ControlFlow::Break(())
    });
    assert_eq!(seen, 1);
}

#[test]
fn repeated_policies_read_once_answer_as_if_read_each_time() {
    // Without explanations the stream reuses policies read before; the answers, diagnostics
    // and their positions included, must not show it.
    let text = format!("[{CASE_A},\n{CASE_B},\n  {CASE_A},{CASE_B},\n\n{CASE_A}]");
    let mut got = Vec::new();
    evaluate_stream(text.as_bytes(), false, None, |s| {
        got.push(s.answer);
        ControlFlow::Continue(())
    });
    let whole = evaluate_cases_json(&text, false);
    assert_eq!(got, whole);
    assert_eq!(got[4].diagnostics[0].start.unwrap().line, 9);
}

#[test]
fn policies_left_unread_answer_as_when_read() {
    // Without explanations, policy objects are passed over by the parser and read only
    // when their text is new; broken ones must still give the whole case's first error.
    let deep = format!("{}1{}", "[".repeat(62), "]".repeat(62));
    let broken = [
        r#"{"Statement": [}"#.to_string(),
        r#"{"Statement": []]"#.to_string(),
        r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "\ud800"}]}"#
            .to_string(),
        format!(r#"{{"Statement": {deep}}}"#),
        r#"{"Statement": "\"}]"#.to_string(),
        "null".to_string(),
    ];
    for bad in &broken {
        let policy = r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#;
        let case = |p: &str| {
            format!(
                r#"{{"identityPolicies": [{p}], "resourcePolicy": {p}, "request": {{"action": "s3:GetObject"}}}}"#
            )
        };
        // Read by the case, and not read at all (a repeated key, a list of the wrong type).
        let unread = format!(
            r#"{{"resourcePolicy": {policy}, "resourcePolicy": {bad}, "sessionPolicies": {bad}, "request": {{"action": "s3:GetObject"}}}}"#
        );
        let text = format!(
            "[{},\n{},\n{},{unread}]",
            case(policy),
            case(bad),
            case(policy)
        );
        let (explained, _) = stream(&text);
        let (bare, summary) = stream_from(text.as_bytes());
        assert_eq!(bare.len(), explained.len(), "{bad}");
        assert_eq!(summary.answers, bare.len());
        for (b, e) in bare.iter().zip(&explained) {
            assert_eq!(b.input_error, e.input_error, "{bad}");
            assert_eq!(b.answer.decision, e.answer.decision, "{bad}");
            assert_eq!(b.answer.diagnostics, e.answer.diagnostics, "{bad}");
        }
    }
}

/// A reader handing out the text a few bytes at a time, in a cycle of read sizes: the
/// cutter then meets every place in a case at the edge of what it has read.
struct Trickle<'a> {
    text: &'a [u8],
    sizes: &'a [usize],
    reads: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self
            .sizes
            .get(self.reads % self.sizes.len().max(1))
            .copied();
        self.reads += 1;
        let n = size.unwrap_or(1).min(buf.len()).min(self.text.len());
        let (now, later) = self.text.split_at(n);
        buf.get_mut(..n).unwrap_or_default().copy_from_slice(now);
        self.text = later;
        Ok(n)
    }
}

#[test]
fn strings_with_brackets_quotes_and_escapes_are_cut_where_the_case_ends() {
    // Brackets and escaped quotes inside names, keys, resources and conditions, a backslash
    // before a closing quote, and padding that moves each case across the edges of reads.
    let tricky = [
        r#"{"name": "a } ] { [ \" \\", "identityPolicies": [{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/{x}]\"[{"}]}], "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/{x}]\"[{"}, "expected": "Allowed"}"#,
        r#"{"name": "\\", "identityPolicies": [{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "}\\\"]"}}}}], "request": {"action": "s3:GetObject", "context": {"aws:username": "}\\\"]"}}}"#,
        r#"{"name": "y_Y\u007f\u0022}", "request": {"action": "s3:PutObject", "resource": "arn:aws:s3:::b/\\"}, "trustPolicy": {"Statement": []}}"#,
    ];
    for pad in [0, 1, 7, 61, 4093] {
        let cases: Vec<String> = tricky
            .iter()
            .cycle()
            .take(12)
            .enumerate()
            .map(|(i, c)| {
                c.replacen(
                    "\"name\"",
                    &format!("{}\"name\"", " ".repeat(pad * i % 97)),
                    1,
                )
            })
            .collect();
        let array = format!("[\n{}\n]", cases.join(",\n  "));
        let whole = evaluate_cases_json(&array, false);
        assert_eq!(whole.len(), 12);
        let decisions: Vec<_> = whole.iter().map(|a| a.decision.as_str()).collect();
        assert_eq!(decisions[..3], ["Allowed", "Allowed", "ImplicitDeny"]);
        // Reads of one byte at a time are slow (each grows the buffer): once is enough.
        let one = if pad == 0 { &[1][..] } else { &[3, 8, 5, 64] };
        let explained = evaluate_cases_json(&array, true);
        for sizes in [&[65_536][..], one, &[4_099, 17]] {
            for (explain, expected) in [(false, &whole), (true, &explained)] {
                let mut got = Vec::new();
                let input = Trickle {
                    text: array.as_bytes(),
                    sizes,
                    reads: 0,
                };
                evaluate_stream(input, explain, None, |s| {
                    got.push(s.answer);
                    ControlFlow::Continue(())
                });
                assert_eq!(&got, expected, "pad {pad}, reads {sizes:?}");
            }
        }
        // The same cases as JSON Lines: each answers as it does alone.
        let lines = cases.join("\n");
        let (streamed, summary) = stream_from(Trickle {
            text: lines.as_bytes(),
            sizes: &[5, 13],
            reads: 0,
        });
        assert_eq!(summary.answers, 12);
        for (s, case) in streamed.iter().zip(&cases) {
            let alone = evaluate_cases_json(case, false);
            assert_eq!(s.answer.decision, alone[0].decision);
            assert_eq!(s.answer.name, alone[0].name);
        }
    }
}
