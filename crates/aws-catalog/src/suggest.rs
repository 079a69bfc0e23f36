//! "Did you mean": the closest candidate by edit distance, when it is close enough.

/// Levenshtein distance, case-insensitive, on bytes (names are ASCII).
pub fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut diagonal = i;
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(!ca.eq_ignore_ascii_case(cb));
            let left = row.get(j).copied().unwrap_or(usize::MAX - 1);
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX - 1);
            let value = (diagonal + cost).min(left + 1).min(up + 1);
            diagonal = up;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The closest candidate to `wanted`: at most a third of its length in edits (at least one); ties go
/// to the first candidate.
pub fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wanted.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        // Cheap bound: lengths alone already differ too much.
        if c.len().abs_diff(wanted.len()) > limit {
            continue;
        }
        let d = distance(wanted, c);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("GetObjekt", "getobject"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn closest_respects_the_limit() {
        let names = ["GetObject", "PutObject", "ListBucket"];
        assert_eq!(closest("GetObjekt", names.into_iter()), Some("GetObject"));
        assert_eq!(closest("Frobnicate", names.into_iter()), None);
        assert_eq!(closest("s4", ["s3", "sqs"].into_iter()), Some("s3"));
    }
}
