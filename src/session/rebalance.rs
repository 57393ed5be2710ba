//! Drift with a remedy: shorten the remaining flexible segments, in proportion to
//! their length, so the seminar lands on its planned end.

use chrono::{DateTime, Utc};

use super::{Session, TimerState};
use crate::agenda::{Segment, SegmentKind};
use crate::session::SegmentIx;

/// A rebalanced plan, shown before it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The segments that get shorter.
    pub changes: Vec<MinutesChange>,
    /// When the seminar ends with the proposal applied (if nothing else runs over).
    pub lands_at: DateTime<Utc>,
    /// Minutes still late with the proposal applied (0 when it lands on time).
    pub still_late: i64,
}

/// One segment's planned minutes before and after a rebalance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinutesChange {
    /// Index of the segment in the agenda.
    pub segment: SegmentIx,
    /// When it starts at this pace with the proposal applied.
    pub starts: DateTime<Utc>,
    /// Planned minutes now.
    pub before: u32,
    /// Planned minutes with the proposal.
    pub after: u32,
}

/// The shortest a flexible segment without `min_minutes` is made: half its
/// planned length, so a discussion is shortened, never wiped out.
pub fn default_minimum(segment: &Segment) -> u32 {
    segment.minutes.div_ceil(2)
}

/// A plan that lands on the planned end, or `None` when the seminar is not late.
/// Only segments after the current one that have not started are shortened; never
/// breaks, never fixed segments, never below their minimum.
pub fn propose_rebalance(session: &Session, now: DateTime<Utc>) -> Option<Proposal> {
    let late = u32::try_from(session.drift_minutes(now))
        .ok()
        .filter(|&late| late > 0)?;
    let flexible: Vec<(usize, u32, u32)> = (session.current.0 + 1..session.timings.len())
        .filter(|&index| is_shortenable(session, SegmentIx(index)))
        .map(|index| {
            let segment = &session.agenda.segments[index];
            let minimum = segment
                .min_minutes
                .unwrap_or_else(|| default_minimum(segment));
            (index, session.planned_minutes(SegmentIx(index)), minimum)
        })
        .collect();
    let before: Vec<u32> = flexible.iter().map(|(_, minutes, _)| *minutes).collect();
    let floors: Vec<u32> = flexible
        .iter()
        .map(|(_, minutes, minimum)| (*minimum).min(*minutes))
        .collect();
    let after = shorten_in_proportion(&before, &floors, late);
    let cut: u32 = before.iter().zip(&after).map(|(b, a)| b - a).sum();
    let proposed = |index: usize| {
        flexible
            .iter()
            .zip(&after)
            .find(|((flexible, _, _), _)| *flexible == index)
            .map_or(session.planned_minutes(SegmentIx(index)), |(_, after)| {
                *after
            })
    };
    // The rest of the day at this pace, with the proposal in it.
    let schedule = session.schedule_with(now, proposed);
    let changes = flexible
        .iter()
        .zip(before.iter().zip(&after))
        .filter(|(_, (before, after))| before != after)
        .map(|((index, _, _), (before, after))| MinutesChange {
            segment: SegmentIx(*index),
            starts: schedule[*index].starts,
            before: *before,
            after: *after,
        })
        .collect();
    Some(Proposal {
        changes,
        lands_at: schedule
            .iter()
            .map(|slot| slot.ends)
            .max()
            .unwrap_or(session.planned_start),
        still_late: i64::from(late - cut),
    })
}

fn is_shortenable(session: &Session, index: SegmentIx) -> bool {
    let segment = &session.agenda.segments[index];
    !segment.fixed
        && segment.kind != SegmentKind::Break
        && session.timings[index].state() == TimerState::NotStarted
}

/// Takes `cut` minutes from `minutes`, each share in proportion to its length,
/// none below its floor. Whole minutes: the rest of a round goes, a minute at a
/// time, to the longest segments that still have room.
fn shorten_in_proportion(minutes: &[u32], floors: &[u32], cut: u32) -> Vec<u32> {
    let mut after = minutes.to_vec();
    let mut left = cut;
    while left > 0 {
        let open: Vec<usize> = (0..after.len()).filter(|&i| after[i] > floors[i]).collect();
        if open.is_empty() {
            break;
        }
        let weight: u64 = open.iter().map(|&i| u64::from(minutes[i])).sum();
        let mut taken = 0;
        for &i in &open {
            let share = u64::from(left) * u64::from(minutes[i]) / weight.max(1);
            let share = u32::try_from(share)
                .unwrap_or(u32::MAX)
                .min(after[i] - floors[i]);
            after[i] -= share;
            taken += share;
        }
        if taken == 0 {
            let mut by_length = open;
            by_length.sort_by_key(|&i| std::cmp::Reverse(minutes[i]));
            for i in by_length.into_iter().take(left as usize) {
                after[i] -= 1;
                taken += 1;
            }
        }
        left -= taken;
    }
    after
}

#[cfg(test)]
mod tests {
    use super::shorten_in_proportion;

    #[test]
    fn cuts_are_proportional_to_length() {
        assert_eq!(shorten_in_proportion(&[40, 20], &[10, 10], 12), [32, 16]);
    }

    #[test]
    fn no_segment_goes_below_its_floor_and_the_rest_is_taken_elsewhere() {
        assert_eq!(shorten_in_proportion(&[40, 20], &[10, 18], 12), [30, 18]);
    }

    #[test]
    fn rounding_leftovers_come_from_the_longest() {
        assert_eq!(
            shorten_in_proportion(&[30, 30, 30], &[1, 1, 1], 2),
            [29, 29, 30]
        );
        let after = shorten_in_proportion(&[35, 25, 10], &[1, 1, 1], 7);
        assert_eq!(after.iter().sum::<u32>(), 70 - 7);
    }

    #[test]
    fn a_cut_larger_than_the_room_stops_at_the_floors() {
        assert_eq!(shorten_in_proportion(&[20, 20], &[15, 10], 100), [15, 10]);
        assert_eq!(shorten_in_proportion(&[], &[], 5), Vec::<u32>::new());
    }
}
