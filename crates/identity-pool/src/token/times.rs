//! The provider token's time claims (`exp`, `iat`, `auth_time`: epoch seconds) as a person
//! reads them: a UTC date and how far from the sign-in it is ("expires in 55 min", "expired
//! 3 h ago"). One wording for every front end; the dates are written by
//! [`crate::scenario::format_iso_utc`], the inverse of the `signIn.time` reader.

use serde::Serialize;
use serde_json::Value;

use super::CLOCK_SKEW_ALLOWANCE;
use crate::scenario::format_iso_utc;

/// The time claims shown, in this order.
pub const TIME_CLAIMS: [&str; 3] = ["exp", "iat", "auth_time"];

/// One time claim of the token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ClaimTime {
    /// `exp`, `iat` or `auth_time`.
    pub claim: String,
    /// The claim's value as written.
    pub value: String,
    /// The moment in UTC ISO 8601, when the value is a time this reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it stands from the moment given: `expires in 55 min`, `issued 2 h ago`.
    pub relative: String,
}

impl ClaimTime {
    /// One line: `exp 1667235770 · 2022-10-31T17:02:50Z · expired 36 h ago`.
    pub fn line(&self) -> String {
        let date = self.date.as_deref().unwrap_or("no date");
        format!("{} {} · {date} · {}", self.claim, self.value, self.relative)
    }
}

/// The time claims of `claims` (a JSON object) seen from `at` (epoch seconds: the
/// sign-in's time, or the clock's when the scenario gives none).
pub fn claim_times(claims: &Value, at: i64) -> Vec<ClaimTime> {
    TIME_CLAIMS
        .iter()
        .filter_map(|&claim| {
            let value = claims.get(claim)?;
            let seconds = seconds_of(value);
            let relative = match seconds {
                Some(s) => relative(claim, s, at),
                None => "not a time: JWT times are whole seconds since 1970-01-01 UTC".to_owned(),
            };
            Some(ClaimTime {
                claim: claim.to_owned(),
                value: written(value),
                date: seconds.and_then(format_iso_utc),
                relative,
            })
        })
        .collect()
}

/// The value as written, for a number or a string.
fn written(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{s}\""),
        _ => "(not a number)".to_owned(),
    }
}

/// A NumericDate: a JSON number, whole or not (the fraction is dropped).
fn seconds_of(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && f.abs() < 1e15)
                .map(truncate)
        }),
        _ => None,
    }
}

/// Below 1e15 in size, an f64's whole part fits an i64 exactly.
#[allow(
    clippy::cast_possible_truncation,
    reason = "seconds since 1970 fit in i64 long after any token's lifetime"
)]
fn truncate(f: f64) -> i64 {
    f.trunc() as i64
}

/// `claim` at `seconds`, seen from `at`.
fn relative(claim: &str, seconds: i64, at: i64) -> String {
    let ahead = seconds.saturating_sub(at);
    let span = duration(ahead.saturating_abs());
    let what = match claim {
        "exp" if ahead >= 0 => return format!("expires in {span}"),
        // GetId compares `exp` with its clock less five minutes (facts §9).
        "exp" if -ahead < CLOCK_SKEW_ALLOWANCE => {
            return format!("expired {span} ago, within the five minutes GetId still accepts")
        }
        "exp" => "expired",
        "iat" => "issued",
        _ => "signed in to the provider",
    };
    if ahead > 0 {
        format!("{what} in {span}, after this moment")
    } else {
        format!("{what} {span} ago")
    }
}

/// A length of time in the largest unit that keeps it above one: `40 s`, `55 min`, `3 h`,
/// `2 days` (whole units, rounded down).
pub fn duration(seconds: i64) -> String {
    match seconds {
        s if s < 60 => format!("{s} s"),
        s if s < 3_600 => format!("{} min", s / 60),
        s if s < 2 * 86_400 => format!("{} h", s / 3_600),
        s => format!("{} days", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const AT: i64 = 1_667_365_798; // 2022-11-02T05:09:58Z

    fn shown(claims: Value) -> Vec<(String, Option<String>, String)> {
        claim_times(&claims, AT)
            .into_iter()
            .map(|c| (c.claim, c.date, c.relative))
            .collect()
    }

    #[test]
    fn each_time_claim_gets_a_date_and_its_distance_from_the_sign_in() {
        let got = shown(json!({
            "sub": "u", "auth_time": AT - 2 * 3_600, "iat": AT - 5 * 60, "exp": AT + 55 * 60
        }));
        assert_eq!(
            got,
            [
                (
                    "exp".to_owned(),
                    Some("2022-11-02T06:04:58Z".to_owned()),
                    "expires in 55 min".to_owned()
                ),
                (
                    "iat".to_owned(),
                    Some("2022-11-02T05:04:58Z".to_owned()),
                    "issued 5 min ago".to_owned()
                ),
                (
                    "auth_time".to_owned(),
                    Some("2022-11-02T03:09:58Z".to_owned()),
                    "signed in to the provider 2 h ago".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_claim_reads_as_one_line() {
        let lines: Vec<String> = claim_times(&json!({"exp": AT - 120, "iat": "x"}), AT)
            .iter()
            .map(ClaimTime::line)
            .collect();
        assert_eq!(
            lines,
            [
                "exp 1667365678 · 2022-11-02T05:07:58Z · expired 2 min ago, within the five minutes GetId still accepts",
                "iat \"x\" · no date · not a time: JWT times are whole seconds since 1970-01-01 UTC",
            ]
        );
    }

    #[test]
    fn an_expired_token_says_how_long_ago_and_the_allowance_is_named() {
        assert_eq!(
            shown(json!({"exp": AT - 3 * 3_600}))[0].2,
            "expired 3 h ago"
        );
        assert_eq!(
            shown(json!({"exp": AT - 120}))[0].2,
            "expired 2 min ago, within the five minutes GetId still accepts"
        );
        assert_eq!(
            shown(json!({"exp": AT - 3 * 86_400}))[0].2,
            "expired 3 days ago"
        );
        assert_eq!(shown(json!({"exp": AT}))[0].2, "expires in 0 s");
    }

    #[test]
    fn a_token_issued_after_the_sign_in_says_so() {
        assert_eq!(
            shown(json!({"iat": AT + 40}))[0].2,
            "issued in 40 s, after this moment"
        );
    }

    #[test]
    fn values_that_are_not_times_are_named_not_dated() {
        let got = claim_times(&json!({"exp": "soon", "iat": 1.5e3, "auth_time": -1}), AT);
        assert_eq!(got[0].date, None);
        assert!(
            got[0].relative.starts_with("not a time"),
            "{}",
            got[0].relative
        );
        assert_eq!(got[1].date.as_deref(), Some("1970-01-01T00:25:00Z"));
        assert_eq!(got[2].date, None, "before 1970 has no date");
        assert!(claim_times(&json!({"sub": "u"}), AT).is_empty());
        assert!(claim_times(&json!([1, 2]), AT).is_empty());
    }
}
