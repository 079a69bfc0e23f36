//! A line diff of two texts (longest common subsequence), to compare a learner's scenario
//! with an exercise's solution. Bounded: texts whose line counts multiply past
//! [`MAX_CELLS`] are not compared (a workshop scenario is a few hundred lines).

/// The largest `lines(old) × lines(new)` compared.
pub const MAX_CELLS: usize = 4_000_000;

/// One line of the diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffLine {
    /// In both.
    Same(String),
    /// Only in the old text.
    Removed(String),
    /// Only in the new text.
    Added(String),
}

/// The lines of `old` and `new` in order, marked; `None` when they are too long to compare.
pub fn line_diff(old: &str, new: &str) -> Option<Vec<DiffLine>> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > MAX_CELLS {
        return None;
    }
    // lcs[i][j]: the common subsequence length of a[i..] and b[j..], row-major.
    let width = m + 1;
    let mut lcs = vec![0_u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let value = if a.get(i) == b.get(j) {
                lcs.get((i + 1) * width + j + 1).copied().unwrap_or(0) + 1
            } else {
                let down = lcs.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = lcs.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lcs.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let at = |i: usize, j: usize| lcs.get(i * width + j).copied().unwrap_or(0);
    let mut out = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                out.push(DiffLine::Same((*x).to_owned()));
                i += 1;
                j += 1;
            }
            (Some(x), Some(_)) if at(i + 1, j) >= at(i, j + 1) => {
                out.push(DiffLine::Removed((*x).to_owned()));
                i += 1;
            }
            (_, Some(y)) => {
                out.push(DiffLine::Added((*y).to_owned()));
                j += 1;
            }
            (Some(x), None) => {
                out.push(DiffLine::Removed((*x).to_owned()));
                i += 1;
            }
            (None, None) => break,
        }
    }
    Some(out)
}

/// JSON text pretty-printed the same way whatever its source's layout, so a diff shows
/// changes of content, not of indentation; text that is not JSON is kept as it is.
pub fn normalized_json(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffLine::{Added, Removed, Same};

    #[test]
    fn a_changed_line_is_removed_then_added_between_common_lines() {
        let diff = line_diff("a\nb\nc", "a\nB\nc\nd").unwrap();
        assert_eq!(
            diff,
            vec![
                Same("a".into()),
                Removed("b".into()),
                Added("B".into()),
                Same("c".into()),
                Added("d".into())
            ]
        );
        assert_eq!(line_diff("", "x").unwrap(), vec![Added("x".into())]);
        assert_eq!(line_diff("x", "").unwrap(), vec![Removed("x".into())]);
    }

    #[test]
    fn every_line_of_both_texts_appears_once_in_order() {
        let old = "1\n2\n3\n4\n5\n6";
        let new = "0\n2\n3\n5\n6\n7";
        let diff = line_diff(old, new).unwrap();
        let olds: Vec<&str> = diff
            .iter()
            .filter_map(|d| match d {
                Same(t) | Removed(t) => Some(t.as_str()),
                Added(_) => None,
            })
            .collect();
        let news: Vec<&str> = diff
            .iter()
            .filter_map(|d| match d {
                Same(t) | Added(t) => Some(t.as_str()),
                Removed(_) => None,
            })
            .collect();
        assert_eq!(olds.join("\n"), old);
        assert_eq!(news.join("\n"), new);
        assert_eq!(diff.iter().filter(|d| matches!(d, Same(_))).count(), 4);
    }

    #[test]
    fn too_long_texts_are_not_compared_and_json_layout_does_not_matter() {
        let long = "x\n".repeat(3000);
        assert_eq!(line_diff(&long, &long), None);
        assert_eq!(
            normalized_json("{\"a\":[1,2]}"),
            normalized_json("{\n  \"a\": [ 1,\n 2 ]\n}")
        );
        assert_eq!(normalized_json("not json"), "not json");
    }
}
