//! The one date model of the project: ISO 8601 dates and date-times read into their parts
//! ([`DateTime`]), and the proleptic Gregorian calendar that turns them into instants. Two
//! readings share it: the `Date*` condition operators take every form IAM accepts
//! ([`parse_date`]), and the simulation's `signIn.time` takes exactly a UTC date-time
//! ([`parse_iso_utc`]), written back by [`format_iso_utc`].

/// A date or date-time as written, before it is turned into an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime<'a> {
    /// The calendar date: year, month (1–12), day (1–31, checked against the month).
    pub date: (i64, i64, i64),
    /// The time of day, when the text has one.
    pub time: Option<Time<'a>>,
    /// The zone after the time: `None` when absent.
    pub zone: Option<Zone<'a>>,
}

/// The time of day of a [`DateTime`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Time<'a> {
    /// The character between the date and the time: `T`, `t` or a space.
    pub separator: u8,
    /// Hour (0–24), minute (0–59).
    pub hour: i64,
    /// Minute (0–59).
    pub minute: i64,
    /// Seconds (0–60), when written.
    pub second: Option<i64>,
    /// The digits after the `.` that follows the minutes or seconds, when written (possibly
    /// none).
    pub fraction: Option<&'a str>,
}

/// The zone of a [`DateTime`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone<'a> {
    /// Minutes east of UTC (`Z` is 0).
    pub offset: i64,
    /// The zone as written: `Z`, `+00:00`, `-0530`, ...
    pub text: &'a str,
}

impl DateTime<'_> {
    /// Milliseconds since the Unix epoch (a missing zone is UTC; the fraction's first three
    /// digits count).
    pub fn epoch_millis(&self) -> i64 {
        let (year, month, day) = self.date;
        let mut ms = days_from_civil(year, month, day) * 86_400_000;
        if let Some(t) = &self.time {
            ms += ((t.hour * 60 + t.minute) * 60 + t.second.unwrap_or(0)) * 1000;
            let digits = t.fraction.unwrap_or("").bytes().chain(*b"000").take(3);
            ms += digits.fold(0, |n, d| n * 10 + i64::from(d - b'0'));
        }
        ms - self.zone.map_or(0, |z| z.offset * 60_000)
    }
}

/// Reads `YYYY-MM-DD`, optionally followed by `(T|t| )hh:mm[:ss][.fff]` and a zone (`Z`,
/// `z`, `±hh:mm`, `±hhmm`), with nothing before it. Field ranges are checked loosely
/// (hour 24 and second 60 pass, as IAM's reading of ISO 8601 lets them); the days of each
/// month exactly.
pub fn parse(text: &str) -> Option<DateTime<'_>> {
    let b = text.as_bytes();
    let year = num(text, 0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (month, day) = (num(text, 5, 2)?, num(text, 8, 2)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let date = (year, month, day);
    let Some(&separator @ (b'T' | b't' | b' ')) = b.get(10) else {
        return (b.len() == 10).then_some(DateTime {
            date,
            time: None,
            zone: None,
        });
    };
    let hour = num(text, 11, 2)?;
    if b.get(13) != Some(&b':') {
        return None;
    }
    let minute = num(text, 14, 2)?;
    let mut i = 16;
    let mut second = None;
    if b.get(i) == Some(&b':') {
        second = Some(num(text, i + 1, 2)?);
        i += 3;
    }
    if hour > 24 || minute > 59 || second.unwrap_or(0) > 60 {
        return None;
    }
    let mut fraction = None;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        fraction = Some(text.get(start..i)?);
    }
    let time = Some(Time {
        separator,
        hour,
        minute,
        second,
        fraction,
    });
    let zone_text = text.get(i..)?;
    let zone = match zone_text.as_bytes() {
        [] => None,
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), ..] => {
            // What follows the offset's digits is not read (IAM's reading, kept as it was).
            let oh = num(text, i + 1, 2)?;
            let om = if b.get(i + 3) == Some(&b':') {
                num(text, i + 4, 2)?
            } else {
                num(text, i + 3, 2)?
            };
            let offset = oh * 60 + om;
            Some(if *sign == b'+' { offset } else { -offset })
        }
        _ => return None,
    };
    Some(DateTime {
        date,
        time,
        zone: zone.map(|offset| Zone {
            offset,
            text: zone_text,
        }),
    })
}

/// A date as IAM's `Date*` operators read it, in milliseconds since the Unix epoch: a
/// [`parse`]d date or date-time (surrounding whitespace ignored), or a plain integer of
/// epoch seconds.
pub fn parse_date(text: &str) -> Option<i64> {
    let t = text.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<i64>().ok()?.checked_mul(1000);
    }
    parse(t).map(|d| d.epoch_millis())
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)` to epoch seconds (the fraction is dropped,
/// as JWT times are whole seconds): the exact form of the simulation's `signIn.time`. Other
/// offsets are refused rather than converted, so the number in a message is exactly the
/// instant the user meant.
pub fn parse_iso_utc(text: &str) -> Option<i64> {
    let d = parse(text)?;
    let t = d.time?;
    let exact = matches!(t.separator, b'T' | b't')
        && t.second.is_some_and(|s| s <= 59)
        && t.hour <= 23
        && t.fraction.is_none_or(|f| !f.is_empty())
        && d.zone
            .is_some_and(|z| matches!(z.text, "Z" | "z" | "+00:00"))
        && d.date.0 >= 1970;
    exact.then(|| d.epoch_millis().div_euclid(1000))
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

fn num(t: &str, start: usize, len: usize) -> Option<i64> {
    let s = t.get(start..start + len)?;
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Days in `month` of `year` (proleptic Gregorian).
pub fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01: the inverse of [`days_from_civil`] (same algorithm).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests;
