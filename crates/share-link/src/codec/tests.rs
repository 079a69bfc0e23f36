use super::*;
use proptest::prelude::*;

const SCENARIO: &str = r#"{
  "name": "Guest reads a public picture — «ünïcødé» 🎉",
  "roles": [{"RoleName": "Guest", "Policies": []}],
  "requests": [{"action": "s3:GetObject", "resource": "arn:aws:s3:::mybucket/assets/my_picture.jpg"}]
}"#;

/// Deterministic text that deflate cannot shrink much (a linear congruential generator).
fn noisy_json(len: usize) -> String {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let body: String = (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(
                b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    [(state >> 32) as usize % 62],
            )
        })
        .collect();
    format!("{{\"name\": \"{body}\"}}")
}

fn payload_fragment(version: &str, bytes: &[u8]) -> String {
    format!("#s={version}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

#[test]
fn a_scenario_among_workshop_parameters_reads_back_with_them() {
    let around = crate::Fragment {
        workshop: Some("iam-roles".into()),
        exercise: Some("own-s3-folder".into()),
        ..crate::Fragment::default()
    };
    let fragment = encode_fragment_in(SCENARIO, around).unwrap();
    assert!(
        fragment.starts_with("#workshop=iam-roles&exercise=own-s3-folder&s=1."),
        "{fragment}"
    );
    assert_eq!(
        decode_fragment(&fragment).unwrap().as_deref(),
        Some(SCENARIO)
    );
    let read = crate::Fragment::parse(&fragment);
    assert_eq!(read.workshop.as_deref(), Some("iam-roles"));
    assert_eq!(read.exercise.as_deref(), Some("own-s3-folder"));
}

#[test]
fn parameters_count_against_the_link_limit() {
    // A scenario whose link alone is just under the limit goes over with the parameters.
    let mut len = 40_000;
    let json = loop {
        let json = noisy_json(len);
        let alone = encode_fragment(&json).unwrap().len();
        if alone > MAX_FRAGMENT_LEN - 20 {
            break json;
        }
        len += (MAX_FRAGMENT_LEN - alone) / 2 + 1;
    };
    let around = crate::Fragment {
        workshop: Some("a-workshop-with-a-long-id".into()),
        ..crate::Fragment::default()
    };
    let error = encode_fragment_in(&json, around).unwrap_err();
    assert_eq!(error.kind, ShareErrorKind::TooLong);
}

#[test]
fn round_trip_keeps_the_exact_text() {
    let fragment = encode_fragment(SCENARIO).unwrap();
    assert!(fragment.starts_with("#s=1."), "{fragment}");
    assert_eq!(
        decode_fragment(&fragment).unwrap().as_deref(),
        Some(SCENARIO)
    );
    // Without the `#`, and among other parameters, it reads the same.
    assert_eq!(
        decode_fragment(&format!("theme=dark&{}", &fragment[1..]))
            .unwrap()
            .as_deref(),
        Some(SCENARIO)
    );
}

#[test]
fn fragment_uses_only_url_safe_characters() {
    let fragment = encode_fragment(&noisy_json(5_000)).unwrap();
    assert!(fragment[1..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)));
}

#[test]
fn compression_pays_for_a_typical_scenario() {
    let repeated = format!("[{}]", vec![SCENARIO; 20].join(","));
    let fragment = encode_fragment(&repeated).unwrap();
    assert!(
        fragment.len() * 5 < repeated.len(),
        "{} vs {}",
        fragment.len(),
        repeated.len()
    );
}

#[test]
fn no_fragment_or_other_parameters_are_not_a_share_link() {
    for fragment in ["", "#", "#theme=dark", "theme=dark&x=1", "#example=guest"] {
        assert_eq!(decode_fragment(fragment), Ok(None), "{fragment}");
    }
}

#[test]
fn newer_version_is_refused_as_such() {
    let fragment = encode_fragment(SCENARIO)
        .unwrap()
        .replacen("#s=1.", "#s=2.", 1);
    let error = decode_fragment(&fragment).unwrap_err();
    assert_eq!(error.kind, ShareErrorKind::NewerVersion);
    assert_eq!(error.code, "share::newer_version");
    assert!(error.message.contains("`2`"), "{}", error.message);
}

#[test]
fn malformed_versions_are_damage() {
    for fragment in ["#s=abc", "#s=x.AAAA", "#s=0.AAAA", "#s=-1.AAAA", "#s=.AAAA"] {
        let error = decode_fragment(fragment).unwrap_err();
        assert_eq!(error.kind, ShareErrorKind::Damaged, "{fragment}");
        assert_eq!(error.code, "share::damaged_format", "{fragment}");
    }
}

#[test]
fn link_over_the_ceiling_is_refused_with_its_size() {
    let error = encode_fragment(&noisy_json(120_000)).unwrap_err();
    assert_eq!(error.kind, ShareErrorKind::TooLong);
    assert_eq!(error.code, "share::too_long");
    assert!(error.message.contains("64 KB"), "{}", error.message);
    // A scenario just under the ceiling still makes a link.
    assert!(encode_fragment(&noisy_json(40_000)).unwrap().len() <= MAX_FRAGMENT_LEN);
    // Reading refuses an over-long fragment before decoding it.
    let long = format!("#s=1.{}", "A".repeat(MAX_FRAGMENT_LEN));
    assert_eq!(
        decode_fragment(&long).unwrap_err().kind,
        ShareErrorKind::TooLong
    );
}

#[test]
fn oversized_scenario_is_refused_before_compressing() {
    let big = noisy_json(MAX_SCENARIO_LEN + 1);
    assert_eq!(
        encode_fragment(&big).unwrap_err().kind,
        ShareErrorKind::TooLarge
    );
}

#[test]
fn decompression_bomb_is_stopped_at_the_cap() {
    let bomb = format!("\"{}\"", " ".repeat(8 * MAX_SCENARIO_LEN));
    let fragment = payload_fragment(
        "1",
        &miniz_oxide::deflate::compress_to_vec(bomb.as_bytes(), 9),
    );
    assert!(
        fragment.len() < 20_000,
        "the bomb is small: {}",
        fragment.len()
    );
    let error = decode_fragment(&fragment).unwrap_err();
    assert_eq!(error.kind, ShareErrorKind::TooLarge);
    assert_eq!(error.code, "share::too_large");
}

#[test]
fn every_truncation_is_reported_as_damage() {
    let fragment = encode_fragment(SCENARIO).unwrap();
    let start = "#s=1.".len();
    for cut in start..fragment.len() {
        let error = decode_fragment(&fragment[..cut]).unwrap_err();
        assert_eq!(
            error.kind,
            ShareErrorKind::Damaged,
            "cut at {cut}: {error:?}"
        );
    }
}

#[test]
fn each_layer_of_damage_has_its_own_code() {
    let cases = [
        ("#s=1.AB$D", "share::damaged_base64"),
        ("#s=1.A", "share::damaged_base64"),
        (
            &payload_fragment("1", b"not deflate at all") as &str,
            "share::damaged_deflate",
        ),
        (
            &payload_fragment(
                "1",
                &miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9),
            ),
            "share::damaged_text",
        ),
        (
            &payload_fragment("1", &miniz_oxide::deflate::compress_to_vec(b"{\"a\": }", 9)),
            "share::damaged_json",
        ),
    ];
    for (fragment, code) in cases {
        let error = decode_fragment(fragment).unwrap_err();
        assert_eq!(error.code, code, "{fragment}: {error:?}");
        assert_eq!(error.kind, ShareErrorKind::Damaged);
        assert!(error.message.starts_with("the share link is damaged: "));
        assert!(!error.message.contains('\n'));
        assert!(!error.help.is_empty());
    }
}

#[test]
fn messages_name_the_bad_character_and_position() {
    let error = decode_fragment("#s=1.AB$D").unwrap_err();
    assert!(
        error.message.contains("`$` at position 3"),
        "{}",
        error.message
    );
}

#[test]
fn the_first_bad_character_is_blamed() {
    // The base64 decoder alone reported `*` at position 9 here.
    let error = decode_fragment("#s=1.@@@!!!***").unwrap_err();
    assert_eq!(
        error.message,
        "the share link is damaged: character `@` at position 1 of its data does not belong in a link"
    );
    let error = decode_fragment("#s=1.AAAAAAAA AAAA").unwrap_err();
    assert!(
        error.message.contains("` ` at position 9"),
        "{}",
        error.message
    );
}

#[test]
fn the_help_guesses_from_what_the_damage_looks_like() {
    let fragment = encode_fragment(SCENARIO).unwrap();
    let help = |fragment: &str| decode_fragment(fragment).unwrap_err().help;
    // Cut short: the data ends early.
    let cut = &fragment[..fragment.len() - 10];
    assert!(help(cut).contains("cut short"), "{}", help(cut));
    // Altered: a character no link holds, or compressed data that does not unpack.
    assert!(
        help("#s=1.AB$D").contains("changed"),
        "{}",
        help("#s=1.AB$D")
    );
    let altered = payload_fragment("1", b"not deflate at all");
    assert!(help(&altered).contains("changed"), "{}", help(&altered));
    // Not ours: it unpacks, but not to a scenario.
    let text = payload_fragment("1", &miniz_oxide::deflate::compress_to_vec(b"hello", 9));
    assert!(help(&text).contains("not made by"), "{}", help(&text));
    assert!(help("#s=x.AAAA").contains("not made by"));
}

#[test]
fn json_damage_speaks_of_the_link_not_of_a_hidden_document() {
    let fragment = payload_fragment(
        "1",
        &miniz_oxide::deflate::compress_to_vec(b"{\n\n  \"a\": }", 9),
    );
    let error = decode_fragment(&fragment).unwrap_err();
    assert_eq!(error.code, "share::damaged_json");
    for word in ["line", "column", "expected"] {
        assert!(!error.message.contains(word), "{}", error.message);
    }
}

#[test]
fn long_bad_version_is_shortened_in_the_message() {
    let error = decode_fragment(&format!("#s={}.AAAA", "v".repeat(500))).unwrap_err();
    assert!(error.message.len() < 120, "{}", error.message);
}

proptest! {
    /// Any text, as a JSON string, survives the round trip byte for byte.
    #[test]
    fn any_string_round_trips(text in any::<String>()) {
        let json = serde_json::to_string(&text).unwrap();
        let fragment = encode_fragment(&json).unwrap();
        prop_assert_eq!(decode_fragment(&fragment).unwrap(), Some(json));
    }

    /// Whatever a user pastes after `#s=`, decoding answers without panicking.
    #[test]
    fn any_fragment_decodes_or_errs(tail in any::<String>()) {
        let _ = decode_fragment(&format!("#s={tail}"));
        let _ = decode_fragment(&format!("#s=1.{tail}"));
    }

    /// Flipping one character of a link never yields a different scenario silently:
    /// either it is the same text or an error.
    #[test]
    fn a_changed_character_is_caught(index in 5usize..200, replacement in "[A-Za-z0-9_-]") {
        let fragment = encode_fragment(SCENARIO).unwrap();
        let index = index % fragment.len();
        let mut altered = fragment.clone();
        altered.replace_range(index..=index, &replacement);
        if let Ok(Some(text)) = decode_fragment(&altered) {
            // Deflate has no checksum, so an altered link can decode; it must then still be JSON.
            prop_assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
        }
    }
}
