//! Which listed request of one side is which of the other: the same action and resource,
//! matched in order (the same index first, so an edit that keeps the list keeps every
//! pair): the comparison's "listed requests whose decision changed".

use std::collections::HashMap;

/// For each request of `after` (by index), the index of the same request in `before`, if
/// any. A request is paired with the one at its own index when that one is the same and
/// still free, else with the first free one that is the same; each request of `before`
/// pairs at most once. Linear: one index of `before` by (action, resource), whose lists
/// keep a cursor past their used members.
pub fn pair_requests<'a>(
    before: impl IntoIterator<Item = (&'a str, &'a str)>,
    after: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Option<usize>> {
    let before: Vec<(&str, &str)> = before.into_iter().collect();
    let mut by_key: HashMap<(&str, &str), (Vec<usize>, usize)> = HashMap::new();
    for (i, key) in before.iter().enumerate() {
        by_key.entry(*key).or_default().0.push(i);
    }
    let mut used = vec![false; before.len()];
    let mut pairs = Vec::new();
    for (index, key) in after.into_iter().enumerate() {
        let same_index = before.get(index) == Some(&key) && used.get(index) == Some(&false);
        let found = if same_index {
            Some(index)
        } else {
            by_key.get_mut(&key).and_then(|(indices, cursor)| {
                while indices
                    .get(*cursor)
                    .is_some_and(|i| used.get(*i) != Some(&false))
                {
                    *cursor += 1;
                }
                indices.get(*cursor).copied()
            })
        };
        if let Some(flag) = found.and_then(|i| used.get_mut(i)) {
            *flag = true;
        }
        pairs.push(found);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_pair_at_their_index_first_then_in_order() {
        let before = [
            ("s3:GetObject", "a"),
            ("s3:GetObject", "a"),
            ("s3:PutObject", "b"),
        ];
        // Same list: every request pairs with itself.
        assert_eq!(
            pair_requests(before, before),
            vec![Some(0), Some(1), Some(2)]
        );
        // One inserted in front: the rest pair with their old selves.
        let after = [
            ("sqs:SendMessage", "q"),
            ("s3:GetObject", "a"),
            ("s3:GetObject", "a"),
            ("s3:PutObject", "b"),
        ];
        assert_eq!(
            pair_requests(before, after),
            vec![None, Some(1), Some(0), Some(2)]
        );
        // A third copy has no counterpart left.
        let after = [
            ("s3:GetObject", "a"),
            ("s3:GetObject", "a"),
            ("s3:GetObject", "a"),
        ];
        assert_eq!(pair_requests(before, after), vec![Some(0), Some(1), None]);
    }

    /// The pairing as first written: own index first, else a scan for the first free one.
    fn naive(before: &[(&str, &str)], after: &[(&str, &str)]) -> Vec<Option<usize>> {
        let mut used = vec![false; before.len()];
        let mut out = Vec::new();
        for (index, key) in after.iter().enumerate() {
            let found = if before.get(index) == Some(key) && !used[index] {
                Some(index)
            } else {
                (0..before.len()).find(|i| before[*i] == *key && !used[*i])
            };
            if let Some(i) = found {
                used[i] = true;
            }
            out.push(found);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn pairing_matches_the_scan_it_replaces(
            before in proptest::collection::vec((0u8..3, 0u8..3), 0..12),
            after in proptest::collection::vec((0u8..3, 0u8..3), 0..12),
        ) {
            let names = ["a", "b", "c"];
            let key = |(a, r): &(u8, u8)| (names[usize::from(*a)], names[usize::from(*r)]);
            let before: Vec<(&str, &str)> = before.iter().map(key).collect();
            let after: Vec<(&str, &str)> = after.iter().map(key).collect();
            proptest::prop_assert_eq!(
                pair_requests(before.iter().copied(), after.iter().copied()),
                naive(&before, &after)
            );
        }
    }
}
