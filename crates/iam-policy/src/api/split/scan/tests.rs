use proptest::prelude::*;

use super::{plain_run, string_run, Scan};

#[test]
fn runs_stop_at_each_structural_byte_and_nothing_else() {
    for len in 0..20 {
        for stop in [b'"', b'{', b'}', b'[', b']'] {
            let mut bytes = vec![b' '; len];
            bytes.push(stop);
            bytes.extend_from_slice(b"  ");
            assert_eq!(plain_run(&bytes), len);
        }
        // Bytes that fold onto a structural byte (0x02, 0x5b/0x7b...) but are not one.
        let near: Vec<u8> = (0..len)
            .map(|i| [0x02u8, b'\\', 0x7f, b'a', 0xdb, 0xfd][i % 6])
            .collect();
        assert_eq!(plain_run(&near), len);
        for stop in [b'"', b'\\'] {
            let mut bytes: Vec<u8> = (0..len).map(|i| b"{}[]ab\x02\x7c"[i % 8]).collect();
            bytes.push(stop);
            assert_eq!(string_run(&bytes), len);
        }
    }
}

/// Scans `text` handed over in pieces cut at `cuts` (as the splitter hands over what each
/// read brought), by words or byte by byte: where the case ends, and the scan after it.
fn scan(text: &[u8], cuts: &[usize], words: bool) -> (Option<usize>, Scan) {
    let bare = !matches!(text.first(), Some(b'{' | b'[' | b'"'));
    let mut scan = Scan::new(bare);
    let mut scanned = usize::from(bare);
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).collect();
    bounds.push(text.len());
    bounds.sort_unstable();
    for bound in bounds {
        if bound <= scanned {
            continue;
        }
        let piece = text.get(scanned..bound).unwrap_or_default();
        if let Some(end) = scan.run_with(piece, scanned, words) {
            return (Some(end), scan);
        }
        scanned = bound;
    }
    (None, scan)
}

/// Words and bytes agree: the same end, the same objects, and the same state when the
/// case goes on past the text.
fn agree(text: &[u8], cuts: &[usize]) {
    let (fast, fast_scan) = scan(text, cuts, true);
    let (slow, slow_scan) = scan(text, cuts, false);
    assert_eq!(fast, slow, "end of {:?}", String::from_utf8_lossy(text));
    assert_eq!(fast_scan.objects, slow_scan.objects);
    if fast.is_none() {
        assert_eq!(fast_scan, slow_scan);
    }
}

#[test]
fn strings_holding_brackets_and_escaped_quotes_do_not_end_a_case() {
    let case = br#"{"name": "a } ] { [ \" \\", "identityPolicies": [{"Statement": [{"Resource": "x}]\"{"}]}, {"a": "\\\"}"}],
  "trustPolicy": {"b": [1, {"c": "\\"}]}, "request": {"action": "s3:Get\u0022]}"}}  {"next": 1}"#;
    // The case ends at the `}` before the two spaces and the next case.
    let end = case.windows(3).position(|w| w == b"}  ").map(|p| p + 1);
    for cut in 0..case.len() {
        agree(case, &[cut]);
        agree(case, &[cut, cut + 7, cut + 13]);
        assert_eq!(scan(case, &[cut], true).0, end);
    }
    let (_, scan) = scan(case, &[], true);
    let objects: Vec<&str> = scan
        .objects
        .iter()
        .map(|&(s, e)| std::str::from_utf8(case.get(s..e).unwrap_or_default()).unwrap_or("?"))
        .collect();
    assert_eq!(
        objects,
        [
            r#"{"Statement": [{"Resource": "x}]\"{"}]}"#,
            r#"{"a": "\\\"}"}"#,
            r#"{"b": [1, {"c": "\\"}]}"#,
            r#"{"action": "s3:Get\u0022]}"}"#,
        ]
    );
}

#[test]
fn a_pretty_case_is_cut_where_its_last_brace_closes() {
    let mut text = String::from("{\n  \"name\": \"x\",\n  \"identityPolicies\": [\n");
    for i in 0..40 {
        text.push_str(&format!(
            "    {{\n      \"Sid\": \"s{i}\",\n      \"Resource\": [\"arn:aws:s3:::b/{{}}\", \"y_Y\"]\n    }},\n"
        ));
    }
    text.push_str("    {}\n  ]\n}\n[");
    let bytes = text.as_bytes();
    let (end, scan) = scan(bytes, &[4096, 100], true);
    assert_eq!(end, Some(bytes.len() - 2));
    assert_eq!(scan.objects.len(), 41);
    agree(bytes, &[4096, 100]);
}

fn alphabet() -> impl Strategy<Value = u8> {
    prop::sample::select(vec![
        b'{', b'}', b'[', b']', b'"', b'"', b'\\', b' ', b'\n', b',', b':', b'a', b'y', b'Y', b'_',
        0x7f, 0xc3, 0xa9, b'1',
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn words_find_what_bytes_find(
        first in prop::sample::select(vec![b'{', b'[', b'"', b'1', b'{']),
        rest in prop::collection::vec(alphabet(), 0..400),
        cuts in prop::collection::vec(0usize..500, 0..4),
        escapes in any::<bool>(),
    ) {
        // Without backslashes every word goes the fast way.
        let mut text = vec![first];
        text.extend(rest.into_iter().filter(|b| escapes || *b != b'\\'));
        agree(&text, &cuts);
    }
}
