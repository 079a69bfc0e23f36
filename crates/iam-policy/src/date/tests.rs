use super::*;

#[test]
fn utc_date_times_become_epoch_seconds() {
    // I-HITACHI-33's two numbers.
    assert_eq!(parse_iso_utc("2022-11-02T05:09:58Z"), Some(1_667_365_798));
    assert_eq!(parse_iso_utc("2022-10-31T17:02:50Z"), Some(1_667_235_770));
    assert_eq!(parse_iso_utc("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(
        parse_iso_utc("2024-02-29T23:59:59.750+00:00"),
        Some(1_709_251_199)
    );
}

#[test]
fn epoch_seconds_are_written_as_the_parser_reads_them() {
    assert_eq!(
        format_iso_utc(1_667_365_798).as_deref(),
        Some("2022-11-02T05:09:58Z")
    );
    assert_eq!(format_iso_utc(0).as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(
        format_iso_utc(1_709_251_199).as_deref(),
        Some("2024-02-29T23:59:59Z")
    );
    assert_eq!(
        format_iso_utc(LAST_SECOND).as_deref(),
        Some("9999-12-31T23:59:59Z")
    );
    assert_eq!(format_iso_utc(-1), None);
    assert_eq!(format_iso_utc(LAST_SECOND + 1), None);
}

proptest::proptest! {
    #[test]
    fn format_then_parse_is_the_identity(seconds in 0..=LAST_SECOND) {
        let text = format_iso_utc(seconds).unwrap_or_default();
        proptest::prop_assert_eq!(parse_iso_utc(&text), Some(seconds));
    }
}

#[test]
fn other_forms_are_refused() {
    for bad in [
        "2022-11-02T05:09:58",
        "2022-11-02T05:09:58+01:00",
        "2022-11-02 05:09:58Z",
        "2023-02-29T00:00:00Z",
        "2022-13-01T00:00:00Z",
        "2022-11-02T24:00:00Z",
        "22-11-02T05:09:58Z",
        "2022-11-02T05:09:58.Z",
        "1667365798",
        "",
    ] {
        assert_eq!(parse_iso_utc(bad), None, "{bad}");
    }
}

#[test]
fn condition_dates_read_every_form_iam_takes() {
    let day = 1_700_000_000_000 - 1_700_000_000_000 % 86_400_000;
    for (text, ms) in [
        ("2023-11-14", Some(day)),
        ("2023-11-14T22:13:20Z", Some(1_700_000_000_000)),
        ("2023-11-14 22:13:20z", Some(1_700_000_000_000)),
        ("2023-11-14T22:13Z", Some(1_700_000_000_000 - 20_000)),
        ("2023-11-14T22:13:20.5Z", Some(1_700_000_000_500)),
        ("2023-11-14T22:13:20.123456", Some(1_700_000_000_123)),
        ("2023-11-15T00:13:20+02:00", Some(1_700_000_000_000)),
        ("2023-11-14T21:13:20-0100", Some(1_700_000_000_000)),
        ("  1700000000 ", Some(1_700_000_000_000)),
        ("2023-11-14T24:00:00Z", Some(day + 86_400_000)),
        ("2023-02-29", None),
        ("2023-11-14T22:13:20+", None),
        ("2023-11-14T22:13:20Zx", None),
        ("2023-11-14x", None),
        ("", None),
    ] {
        assert_eq!(parse_date(text), ms, "{text}");
    }
}

proptest::proptest! {
    #[test]
    fn the_calendar_round_trips(days in -1_000_000i64..3_000_000) {
        let (y, m, d) = civil_from_days(days);
        proptest::prop_assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
        proptest::prop_assert_eq!(days_from_civil(y, m, d), days);
    }
}
