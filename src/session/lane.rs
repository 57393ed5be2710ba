//! Where a card belongs on the board: one group's lane, or the whole room's.

use serde::{Deserialize, Serialize};

/// A group (0-based) or the whole room. Kept in files as the `Option` it
/// was before it had a name (`Some(2)`, `None`), so every saved session reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "Option<usize>", into = "Option<usize>")]
pub enum Lane {
    /// Group `n` (0-based).
    Group(usize),
    /// The whole room together (the plenary), shown after the groups.
    Plenary,
}

impl Lane {
    /// The group's index, or `None` for the whole room.
    pub fn group(self) -> Option<usize> {
        match self {
            Lane::Group(index) => Some(index),
            Lane::Plenary => None,
        }
    }

    /// The lanes of `groups` groups, then the whole room, in board order.
    pub fn all(groups: usize) -> impl Iterator<Item = Lane> {
        (0..groups).map(Lane::Group).chain([Lane::Plenary])
    }
}

impl From<Option<usize>> for Lane {
    fn from(group: Option<usize>) -> Self {
        group.map_or(Lane::Plenary, Lane::Group)
    }
}

impl From<Lane> for Option<usize> {
    fn from(lane: Lane) -> Self {
        lane.group()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lane_is_kept_in_files_as_the_option_it_was() {
        assert_eq!(ron::to_string(&Lane::Group(2)).unwrap(), "Some(2)");
        assert_eq!(ron::to_string(&Lane::Plenary).unwrap(), "None");
        assert_eq!(ron::from_str::<Lane>("Some(2)").unwrap(), Lane::Group(2));
        assert_eq!(ron::from_str::<Lane>("None").unwrap(), Lane::Plenary);
    }

    #[test]
    fn the_room_comes_after_the_groups() {
        let lanes: Vec<Lane> = Lane::all(2).collect();
        assert_eq!(lanes, [Lane::Group(0), Lane::Group(1), Lane::Plenary]);
        assert!(Lane::Group(11) < Lane::Plenary);
    }
}
