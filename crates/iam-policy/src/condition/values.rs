//! Reading the typed values conditions compare: numbers, dates (ISO 8601 or epoch seconds),
//! booleans and IP addresses/CIDR blocks. The same readers serve policy values (once, at
//! compile time) and request values (per evaluation, without allocating).

use std::net::{Ipv4Addr, Ipv6Addr};

/// A number as IAM's `Numeric*` operators read it (integers and decimals).
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let ok = !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if ok {
        t.parse::<f64>().ok().filter(|v| v.is_finite())
    } else {
        None
    }
}

/// Whether `text` is base-64 (standard alphabet, padded to a multiple of four).
pub fn is_base64(text: &str) -> bool {
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    !text.is_empty()
        && text.len() % 4 == 0
        && padding <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// A boolean: `true` or `false`, any case.
pub fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A date as milliseconds since the Unix epoch: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss[.fff]]`
/// with `Z`, `±hh:mm` or no zone (UTC), or a plain integer of epoch seconds.
pub fn parse_date(text: &str) -> Option<i64> {
    let t = text.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<i64>().ok()?.checked_mul(1000);
    }
    let b = t.as_bytes();
    let year = num(t, 0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = num(t, 5, 2)?;
    let day = num(t, 8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) * 86_400_000;
    let mut i = 10;
    if matches!(b.get(i), Some(b'T' | b't' | b' ')) {
        let hour = num(t, i + 1, 2)?;
        if b.get(i + 3) != Some(&b':') {
            return None;
        }
        let minute = num(t, i + 4, 2)?;
        i += 6;
        let mut second = 0;
        if b.get(i) == Some(&b':') {
            second = num(t, i + 1, 2)?;
            i += 3;
        }
        if hour > 24 || minute > 59 || second > 60 {
            return None;
        }
        ms += ((hour * 60 + minute) * 60 + second) * 1000;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let frac = t.get(start..i)?;
            let millis: String = frac.chars().chain("000".chars()).take(3).collect();
            ms += millis.parse::<i64>().ok()?;
        }
        match b.get(i) {
            None => {}
            Some(b'Z' | b'z') if i + 1 == b.len() => {}
            Some(&sign @ (b'+' | b'-')) => {
                let oh = num(t, i + 1, 2)?;
                let om = if b.get(i + 3) == Some(&b':') {
                    num(t, i + 4, 2)?
                } else {
                    num(t, i + 3, 2)?
                };
                let offset = (oh * 60 + om) * 60_000;
                ms += if sign == b'+' { -offset } else { offset };
            }
            _ => return None,
        }
    } else if i != b.len() {
        return None;
    }
    Some(ms)
}

fn num(t: &str, start: usize, len: usize) -> Option<i64> {
    let s = t.get(start..start + len)?;
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// An IP network: address bits, prefix length, and whether it is IPv4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    bits: u128,
    prefix: u32,
    v4: bool,
}

impl Cidr {
    /// Reads `a.b.c.d[/n]` or an IPv6 address with an optional `/n`.
    pub fn parse(text: &str) -> Option<Cidr> {
        let t = text.trim();
        let (addr, prefix) = match t.split_once('/') {
            Some((a, p)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                (a, Some(p.parse::<u32>().ok()?))
            }
            Some(_) => return None,
            None => (t, None),
        };
        if let Ok(v4) = addr.parse::<Ipv4Addr>() {
            let prefix = prefix.unwrap_or(32);
            (prefix <= 32).then_some(Cidr {
                bits: u128::from(u32::from(v4)),
                prefix,
                v4: true,
            })
        } else if let Ok(v6) = addr.parse::<Ipv6Addr>() {
            let prefix = prefix.unwrap_or(128);
            (prefix <= 128).then_some(Cidr {
                bits: u128::from(v6),
                prefix,
                v4: false,
            })
        } else {
            None
        }
    }

    /// Whether `addr` (a single address) lies in this network.
    pub fn contains(&self, addr: &Cidr) -> bool {
        if self.v4 != addr.v4 {
            return false;
        }
        let width = if self.v4 { 32 } else { 128 };
        let shift = width - self.prefix;
        let mask = if shift >= 128 { 0 } else { u128::MAX << shift };
        let mask = if self.v4 {
            mask & u128::from(u32::MAX)
        } else {
            mask
        };
        self.bits & mask == addr.bits & mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("1970-01-02T00:00:00Z"), Some(86_400_000));
        assert_eq!(parse_date("2019-07-16T12:00:00Z"), Some(1_563_278_400_000));
        assert_eq!(parse_date("1563278400"), Some(1_563_278_400_000));
        assert_eq!(
            parse_date("2019-07-16T14:00:00+02:00"),
            Some(1_563_278_400_000)
        );
        assert_eq!(
            parse_date("2019-07-16T12:00:00.5Z"),
            Some(1_563_278_400_500)
        );
        assert_eq!(parse_date("2019-07-16T12:00"), Some(1_563_278_400_000));
        assert_eq!(parse_date("2020-02-29"), Some(1_582_934_400_000));
        for bad in [
            "2019-02-29",
            "2019-13-01",
            "yesterday",
            "2019-07-16T12",
            "2019-07-16Tx",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_and_bools() {
        assert_eq!(parse_number("10"), Some(10.0));
        assert_eq!(parse_number("-1.5"), Some(-1.5));
        assert_eq!(parse_number("ten"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_bool("TRUE"), Some(true));
        assert_eq!(parse_bool("yes"), None);
    }

    #[test]
    fn base64() {
        assert!(is_base64("QmluYXJ5"));
        assert!(is_base64("QQ=="));
        assert!(!is_base64("***"));
        assert!(!is_base64("QQ="));
        assert!(!is_base64(""));
    }

    #[test]
    fn cidr_blocks() {
        let net = Cidr::parse("203.0.113.0/24").unwrap();
        assert!(net.contains(&Cidr::parse("203.0.113.7").unwrap()));
        assert!(!net.contains(&Cidr::parse("203.0.114.7").unwrap()));
        let v6 = Cidr::parse("2001:db8::/32").unwrap();
        assert!(v6.contains(&Cidr::parse("2001:db8:1::5").unwrap()));
        assert!(!v6.contains(&Cidr::parse("203.0.113.7").unwrap()));
        assert!(Cidr::parse("0.0.0.0/0")
            .unwrap()
            .contains(&Cidr::parse("8.8.8.8").unwrap()));
        assert!(Cidr::parse("::/0")
            .unwrap()
            .contains(&Cidr::parse("::1").unwrap()));
        assert_eq!(Cidr::parse("1.2.3.4/33"), None);
        assert_eq!(Cidr::parse("1.2.3/8"), None);
    }
}
