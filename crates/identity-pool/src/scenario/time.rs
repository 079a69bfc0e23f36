//! Reading `signIn.time`, the moment of the sign-in: epoch seconds (a JSON whole number)
//! or an ISO 8601 UTC string such as `2022-11-02T05:09:58Z`. GetId compares it with the
//! provider token's `exp`.

use iam_policy::json::{JsonNode, JsonValue};

use super::model::Spanned;
use super::reader::Reader;

const PATH: &str = "signIn.time";
const HELP: &str = "write epoch seconds (`1667365798`) or UTC ISO 8601 (`2022-11-02T05:09:58Z`)";

/// Reads `signIn.time` as epoch seconds; `null` is absent.
pub fn read_time(r: &mut Reader, node: &JsonNode) -> Option<Spanned<i64>> {
    let seconds = match &node.value {
        JsonValue::Null => return None,
        JsonValue::Number(text) => text.parse::<i64>().ok().filter(|s| *s >= 0),
        JsonValue::String(text) => parse_iso_utc(text),
        _ => {
            r.error(
                "wrong_type",
                format!(
                    "`{PATH}` must be a string or a number, found {}",
                    node.type_name()
                ),
                node.span,
                HELP,
            );
            return None;
        }
    };
    if seconds.is_none() {
        let shown = match &node.value {
            JsonValue::String(text) | JsonValue::Number(text) => text.as_str(),
            _ => "",
        };
        r.error(
            "invalid_value",
            format!(
                "`{PATH}` is `{shown}`; it must be whole epoch seconds or a UTC ISO 8601 date-time"
            ),
            node.span,
            HELP,
        );
    }
    seconds.map(|s| Spanned::new(s, node.span))
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)` to epoch seconds (the fraction is dropped,
/// as JWT times are whole seconds). Other offsets are refused rather than converted, so
/// the number in the message is exactly the instant the user meant.
pub fn parse_iso_utc(text: &str) -> Option<i64> {
    let rest = text
        .strip_suffix('Z')
        .or_else(|| text.strip_suffix('z'))
        .or_else(|| text.strip_suffix("+00:00"))?;
    let (date, time) = rest.split_once(['T', 't'])?;
    let time = time.split_once('.').map_or(time, |(whole, fraction)| {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            ""
        } else {
            whole
        }
    });
    let [year, month, day] = fields(date, '-', [4, 2, 2])?;
    let [hour, minute, second] = fields(time, ':', [2, 2, 2])?;
    if !(1970..=9999).contains(&year)
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    Some(days_since_epoch(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// The last second [`parse_iso_utc`] reads and [`format_iso_utc`] writes:
/// `9999-12-31T23:59:59Z`.
pub const LAST_SECOND: i64 = 253_402_300_799;

/// Epoch seconds as `YYYY-MM-DDTHH:MM:SSZ`, the form [`parse_iso_utc`] reads; `None`
/// before 1970 or after year 9999.
pub fn format_iso_utc(seconds: i64) -> Option<String> {
    if !(0..=LAST_SECOND).contains(&seconds) {
        return None;
    }
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    ))
}

/// The date `days` after 1970-01-01 (`days` >= 0): whole years, then whole months.
fn civil_from_days(mut days: i64) -> (i64, i64, i64) {
    let mut year = 1970;
    loop {
        let length = if is_leap(year) { 366 } else { 365 };
        if days < length {
            break;
        }
        days -= length;
        year += 1;
    }
    let mut month = 1;
    while days >= days_in_month(year, month) {
        days -= days_in_month(year, month);
        month += 1;
    }
    (year, month, days + 1)
}

/// Three `sep`-separated runs of ASCII digits with the given widths.
fn fields(text: &str, sep: char, widths: [usize; 3]) -> Option<[i64; 3]> {
    let mut parts = text.split(sep);
    let mut out = [0; 3];
    for (slot, width) in out.iter_mut().zip(widths) {
        let part = parts.next()?;
        if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date (proleptic Gregorian): whole years, then the
/// months of the last year.
fn days_since_epoch(year: i64, month: i64, day: i64) -> i64 {
    let years = (1970..year)
        .map(|y| if is_leap(y) { 366 } else { 365 })
        .sum::<i64>();
    let months = (1..month).map(|m| days_in_month(year, m)).sum::<i64>();
    years + months + day - 1
}

#[cfg(test)]
mod tests {
    use super::{format_iso_utc, parse_iso_utc, LAST_SECOND};

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
}
