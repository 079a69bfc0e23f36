//! Reading the typed values conditions compare: numbers, dates (ISO 8601 or epoch seconds,
//! read by the one date model in [`crate::date`]), booleans and IP addresses/CIDR blocks. The same readers serve policy values (once, at
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

pub use crate::date::parse_date;

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
