//! Condition operator names: `[ForAnyValue:|ForAllValues:]Base[IfExists]`, parsed once,
//! with a "did you mean" for names IAM would reject.

use serde::Serialize;

/// A comparison for the numeric and date families.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Cmp {
    /// `...Equals`.
    Eq,
    /// `...LessThan`.
    Lt,
    /// `...LessThanEquals`.
    Le,
    /// `...GreaterThan`.
    Gt,
    /// `...GreaterThanEquals`.
    Ge,
}

/// The operator family and comparison, without negation, qualifier or `IfExists`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Base {
    /// `StringEquals` / `StringNotEquals`.
    StringEquals,
    /// `StringEqualsIgnoreCase` / `StringNotEqualsIgnoreCase`.
    StringEqualsIgnoreCase,
    /// `StringLike` / `StringNotLike`.
    StringLike,
    /// `Numeric*`.
    Numeric(Cmp),
    /// `Date*`.
    Date(Cmp),
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    BinaryEquals,
    /// `IpAddress` / `NotIpAddress`.
    IpAddress,
    /// `ArnEquals` / `ArnNotEquals`.
    ArnEquals,
    /// `ArnLike` / `ArnNotLike`.
    ArnLike,
    /// `Null`.
    Null,
}

/// `ForAnyValue:` or `ForAllValues:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SetOp {
    /// At least one request value must satisfy the operator.
    ForAnyValue,
    /// Every request value must satisfy it (true when the key is missing or empty).
    ForAllValues,
}

/// A parsed condition operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Operator {
    /// The family.
    pub base: Base,
    /// `...Not...`: true when no policy value matches.
    pub negated: bool,
    /// `...IfExists`: true when the key is missing.
    pub if_exists: bool,
    /// The set qualifier.
    pub set: Option<SetOp>,
}

/// Every base operator name with its family and negation.
const NAMES: &[(&str, Base, bool)] = &[
    ("StringEquals", Base::StringEquals, false),
    ("StringNotEquals", Base::StringEquals, true),
    (
        "StringEqualsIgnoreCase",
        Base::StringEqualsIgnoreCase,
        false,
    ),
    (
        "StringNotEqualsIgnoreCase",
        Base::StringEqualsIgnoreCase,
        true,
    ),
    ("StringLike", Base::StringLike, false),
    ("StringNotLike", Base::StringLike, true),
    ("NumericEquals", Base::Numeric(Cmp::Eq), false),
    ("NumericNotEquals", Base::Numeric(Cmp::Eq), true),
    ("NumericLessThan", Base::Numeric(Cmp::Lt), false),
    ("NumericLessThanEquals", Base::Numeric(Cmp::Le), false),
    ("NumericGreaterThan", Base::Numeric(Cmp::Gt), false),
    ("NumericGreaterThanEquals", Base::Numeric(Cmp::Ge), false),
    ("DateEquals", Base::Date(Cmp::Eq), false),
    ("DateNotEquals", Base::Date(Cmp::Eq), true),
    ("DateLessThan", Base::Date(Cmp::Lt), false),
    ("DateLessThanEquals", Base::Date(Cmp::Le), false),
    ("DateGreaterThan", Base::Date(Cmp::Gt), false),
    ("DateGreaterThanEquals", Base::Date(Cmp::Ge), false),
    ("Bool", Base::Bool, false),
    ("BinaryEquals", Base::BinaryEquals, false),
    ("IpAddress", Base::IpAddress, false),
    ("NotIpAddress", Base::IpAddress, true),
    ("ArnEquals", Base::ArnEquals, false),
    ("ArnNotEquals", Base::ArnEquals, true),
    ("ArnLike", Base::ArnLike, false),
    ("ArnNotLike", Base::ArnLike, true),
    ("Null", Base::Null, false),
];

impl Operator {
    /// Parses an operator name as IAM spells it (case-sensitive). On failure, returns the
    /// closest valid name when one is near enough to suggest.
    pub fn parse(name: &str) -> Result<Operator, Option<String>> {
        let (set, rest) = if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (Some(SetOp::ForAnyValue), r)
        } else if let Some(r) = name.strip_prefix("ForAllValues:") {
            (Some(SetOp::ForAllValues), r)
        } else {
            (None, name)
        };
        let (if_exists, base_name) = match rest.strip_suffix("IfExists") {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let found = NAMES.iter().find(|(n, _, _)| *n == base_name);
        match found {
            // `NullIfExists` is meaningless and IAM rejects it.
            Some((_, Base::Null, _)) if if_exists || set.is_some() => Err(Some("Null".to_string())),
            Some(&(_, base, negated)) => Ok(Operator {
                base,
                negated,
                if_exists,
                set,
            }),
            None => Err(suggest(name)),
        }
    }

    /// Whether the family compares strings (and so accepts policy variables in its values).
    pub fn is_string_like(&self) -> bool {
        matches!(
            self.base,
            Base::StringEquals
                | Base::StringEqualsIgnoreCase
                | Base::StringLike
                | Base::ArnEquals
                | Base::ArnLike
        )
    }
}

/// The valid operator name closest to `name`, if it is close (case-insensitive edit distance).
/// Ties go to the first candidate in the order below.
fn suggest(name: &str) -> Option<String> {
    let lower: Vec<char> = name.to_ascii_lowercase().chars().collect();
    let limit = (name.len() / 4).clamp(2, 4);
    let prefixes = ["", "ForAnyValue:", "ForAllValues:"];
    let suffixes = ["", "IfExists"];
    // Only a candidate closer than the best so far (and within `limit`) can change the
    // answer, so each distance is measured only up to that bound: a hostile name (the
    // fuzzer's mutations, or a megabyte-long one) no longer costs a full table per candidate.
    let mut best: Option<(usize, String)> = None;
    for prefix in prefixes {
        for suffix in suffixes {
            for (base, family, _) in NAMES {
                if *family == Base::Null && (!prefix.is_empty() || !suffix.is_empty()) {
                    continue;
                }
                let bound = best.as_ref().map_or(limit, |(bd, _)| bd.saturating_sub(1));
                if best.as_ref().is_some_and(|(bd, _)| *bd == 0) {
                    return best.map(|(_, n)| n);
                }
                let candidate = prefix.chars().chain(base.chars()).chain(suffix.chars());
                let candidate: Vec<char> = candidate.map(|c| c.to_ascii_lowercase()).collect();
                if let Some(d) = distance_within(&lower, &candidate, bound) {
                    best = Some((d, format!("{prefix}{base}{suffix}")));
                }
            }
        }
    }
    best.map(|(_, n)| n)
}

/// The Levenshtein distance between `a` and `b` when it is at most `bound`, else `None`,
/// found without finishing the table once it cannot be within the bound.
pub(crate) fn distance_within(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    // The distance is at least the difference in length.
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        let mut smallest = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = (prev + cost).min(above + 1).min(left + 1);
            prev = above;
            smallest = smallest.min(value);
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
        // No later row has a smaller cell than this row's smallest.
        if smallest > bound {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= bound)
}

/// Levenshtein distance over characters, in full: the reference [`distance_within`] is
/// tested against.
#[cfg(test)]
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = (prev + cost).min(above + 1).min(left + 1);
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_qualifiers_and_suffixes() {
        let op = Operator::parse("ForAllValues:StringNotLikeIfExists").unwrap();
        assert_eq!(op.base, Base::StringLike);
        assert!(op.negated && op.if_exists);
        assert_eq!(op.set, Some(SetOp::ForAllValues));
        assert_eq!(
            Operator::parse("NotIpAddress").unwrap().base,
            Base::IpAddress
        );
        assert_eq!(
            Operator::parse("DateLessThanEquals").unwrap().base,
            Base::Date(Cmp::Le)
        );
    }

    #[test]
    fn every_name_parses_with_and_without_if_exists() {
        for (name, _, _) in NAMES {
            assert!(Operator::parse(name).is_ok());
            if *name != "Null" {
                assert!(Operator::parse(&format!("ForAnyValue:{name}IfExists")).is_ok());
            }
        }
    }

    #[test]
    fn suggests_near_names() {
        assert_eq!(
            Operator::parse("StringEqual").unwrap_err().as_deref(),
            Some("StringEquals")
        );
        assert_eq!(
            Operator::parse("stringlike").unwrap_err().as_deref(),
            Some("StringLike")
        );
        assert_eq!(
            Operator::parse("ForAnyValues:StringLike")
                .unwrap_err()
                .as_deref(),
            Some("ForAnyValue:StringLike")
        );
        assert_eq!(
            Operator::parse("NullIfExists").unwrap_err().as_deref(),
            Some("Null")
        );
        assert_eq!(Operator::parse("Frobnicate").unwrap_err(), None);
    }

    #[test]
    fn the_bounded_distance_agrees_with_the_full_one_within_its_bound() {
        let words = [
            "",
            "a",
            "kitten",
            "sitting",
            "stringlike",
            "stringnotlike",
            "foranyvalues:stringlike",
            "foranyvalue:stringlike",
            "ipaddress",
            "notipaddress",
            "dateequals",
            "bool",
            "null",
        ];
        for a in words {
            for b in words {
                let chars = |s: &str| s.chars().collect::<Vec<char>>();
                let full = distance(a, b);
                for bound in 0..8 {
                    let within = distance_within(&chars(a), &chars(b), bound);
                    assert_eq!(within, (full <= bound).then_some(full), "{a} {b} {bound}");
                }
            }
        }
    }

    #[test]
    fn a_megabyte_long_name_gets_no_suggestion() {
        // Measured against every candidate in full, this took seconds per occurrence.
        let name = format!("ForAnyValue:{}", "StringLike".repeat(100_000));
        assert_eq!(Operator::parse(&name).unwrap_err(), None);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }
}
