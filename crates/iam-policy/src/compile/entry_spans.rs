//! Where each entry of a compiled `Action`/`Resource` list is in the policy text, for
//! explanations only. Shared like the patterns beside it: a lent policy is cloned and shifted
//! for every simulation, so the spans are kept once and a shift only moves an offset.

use std::sync::Arc;

use crate::Span;

/// The spans of a list's entries, as read, plus the offset the policy was moved by since.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntrySpans {
    read: Arc<[Span]>,
    offset: usize,
}

impl EntrySpans {
    /// The spans of the entries as read.
    pub fn new(read: impl IntoIterator<Item = Span>) -> Self {
        Self {
            read: read.into_iter().collect(),
            offset: 0,
        }
    }

    /// Entry `index`'s span where the policy is now.
    pub fn get(&self, index: usize) -> Option<Span> {
        let s = self.read.get(index)?;
        Some(Span {
            start: s.start + self.offset,
            end: s.end + self.offset,
        })
    }

    /// Moves every span `offset` bytes on, without copying them.
    pub fn shift(&mut self, offset: usize) {
        self.offset += offset;
    }

    fn positions(&self) -> impl Iterator<Item = Span> + '_ {
        (0..self.read.len()).filter_map(|i| self.get(i))
    }
}

/// Equal when the entries are at the same places, however they got there (read in place, or
/// read alone and shifted).
impl PartialEq for EntrySpans {
    fn eq(&self, other: &Self) -> bool {
        self.read.len() == other.read.len() && self.positions().eq(other.positions())
    }
}

#[cfg(test)]
mod tests {
    use super::EntrySpans;
    use crate::Span;

    #[test]
    fn a_shift_moves_every_span_and_shares_the_list() {
        let read = EntrySpans::new([Span { start: 3, end: 9 }, Span { start: 11, end: 20 }]);
        let mut moved = read.clone();
        moved.shift(5);
        moved.shift(2);
        assert_eq!(moved.get(1), Some(Span { start: 18, end: 27 }));
        assert_eq!(moved.get(2), None);
        assert!(std::sync::Arc::ptr_eq(&read.read, &moved.read));
        let in_place = EntrySpans::new([Span { start: 10, end: 16 }, Span { start: 18, end: 27 }]);
        assert_eq!(moved, in_place);
        assert_ne!(read, in_place);
    }
}
