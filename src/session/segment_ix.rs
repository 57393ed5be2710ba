//! A segment's place in its agenda, as a type of its own: it can no longer be
//! mixed up with a group's number, a column or a count. Kept in files as the
//! number it is (0-based).

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// The place (0-based) of a segment in its agenda.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SegmentIx(pub usize);

impl SegmentIx {
    /// The segment after this one.
    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }

    /// The segment before this one, if there is one.
    pub fn previous(self) -> Option<Self> {
        self.0.checked_sub(1).map(Self)
    }

    /// Every segment of an agenda of `count` segments, in order.
    pub fn all(count: usize) -> impl DoubleEndedIterator<Item = Self> {
        (0..count).map(Self)
    }

    /// Its number as people count: the first is 1.
    pub fn number(self) -> usize {
        self.0 + 1
    }
}

/// A list with one entry per segment (the agenda's segments, the timings)
/// is read by a segment's place.
impl<T> Index<SegmentIx> for Vec<T> {
    type Output = T;

    fn index(&self, segment: SegmentIx) -> &T {
        &self[segment.0]
    }
}

impl<T> IndexMut<SegmentIx> for Vec<T> {
    fn index_mut(&mut self, segment: SegmentIx) -> &mut T {
        &mut self[segment.0]
    }
}

impl std::fmt::Display for SegmentIx {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(formatter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segments_place_reads_its_entry_and_is_written_as_its_number() {
        // Read through a list with an entry per segment, as timings are.
        let titles: Vec<&str> = ["Välkommen", "Samtal", "Paus"].into();
        assert_eq!(titles[SegmentIx(1)], "Samtal");
        assert_eq!(SegmentIx(1).next(), SegmentIx(2));
        assert_eq!(SegmentIx(0).previous(), None);
        assert_eq!(SegmentIx(2).number(), 3);
        assert_eq!(ron::to_string(&SegmentIx(7)).expect("written"), "7");
        assert_eq!(ron::from_str::<SegmentIx>("7").expect("read"), SegmentIx(7));
    }
}
