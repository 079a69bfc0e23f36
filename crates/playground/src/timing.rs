//! Timings as the page shows them: milliseconds with one decimal, or whole.
//!
//! Formatted from an integer count rather than with `{:.1}` or `{:.0}`: core's float
//! formatting (Grisu, Dragon and their tables, about 8 KB gzipped) was in the page only
//! for these labels (docs/bundle.md).

/// `ms` with one decimal, for example `12.3`; negative or NaN values read `0.0`. A value
/// within float error of a half tenth may round the other way than `{:.1}` would.
pub fn tenths(ms: f64) -> String {
    // `as` saturates: NaN becomes 0, huge values u64::MAX (no timing gets near it).
    let tenths = (ms.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `ms` rounded to a whole number, for example `13`; negative or NaN values read `0`. An
/// exact half rounds up, where `{:.0}` would round it to even.
pub fn whole(ms: f64) -> String {
    // `as` saturates, as in `tenths`.
    (ms.max(0.0).round() as u64).to_string()
}

#[cfg(test)]
mod tests {
    use super::{tenths, whole};

    #[test]
    fn whole_like_the_format_it_replaces() {
        for ms in [
            0.0, 0.49, 0.51, 1.0, 12.34, 12.6, 99.96, 1234.56, 250_000.27,
        ] {
            assert_eq!(whole(ms), format!("{ms:.0}"), "{ms}");
        }
        assert_eq!(whole(-3.0), "0");
        assert_eq!(whole(f64::NAN), "0");
    }

    #[test]
    fn one_decimal_like_the_format_it_replaces() {
        for ms in [
            0.0, 0.04, 0.06, 1.0, 12.34, 12.36, 99.96, 1234.56, 250_000.27,
        ] {
            assert_eq!(tenths(ms), format!("{ms:.1}"), "{ms}");
        }
    }

    #[test]
    fn odd_values_read_zero() {
        assert_eq!(tenths(-3.0), "0.0");
        assert_eq!(tenths(f64::NAN), "0.0");
    }
}
