//! The schedule as it stands: planned clock times, what is left, projected end, drift.

use crate::session::SegmentIx;
use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::{Session, TimerState};
use crate::agenda::Agenda;

/// How long before an agenda's start time a session still keeps to it.
const EARLY_WINDOW: Duration = Duration::hours(3);
/// How long after it.
const LATE_WINDOW: Duration = Duration::hours(1);

/// When a session of `agenda` begun at `now` is planned to start: the agenda's
/// start time today (in the zone of `offset`) when that is within three hours
/// before or one hour after `now` and the agenda is not dated another day, so a
/// late start shows as drift; otherwise `now`, so a rehearsal at another hour
/// gets a plan that begins when it does.
pub fn planned_start(agenda: &Agenda, now: DateTime<Utc>, offset: FixedOffset) -> DateTime<Utc> {
    let today = now.with_timezone(&offset).date_naive();
    let Some(start) = agenda.start else {
        return now;
    };
    if agenda.date.is_some_and(|date| date != today) {
        return now;
    }
    let Some(planned) = today.and_time(start).and_local_timezone(offset).single() else {
        return now;
    };
    let planned = planned.with_timezone(&Utc);
    if planned - now <= EARLY_WINDOW && now - planned <= LATE_WINDOW {
        planned
    } else {
        now
    }
}

/// One segment's place in the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// When it began, or begins at this pace.
    pub starts: DateTime<Utc>,
    /// When it ended, or ends at this pace.
    pub ends: DateTime<Utc>,
}

impl Session {
    /// When each segment begins according to the agenda as written.
    pub fn planned_starts(&self) -> Vec<DateTime<Utc>> {
        let mut at = self.planned_start;
        self.agenda
            .segments
            .iter()
            .map(|segment| {
                let start = at;
                at += Duration::minutes(i64::from(segment.minutes));
                start
            })
            .collect()
    }

    /// Whether segment `index` was passed over: left behind without being
    /// started, or ended having counted less than a minute (`p`, then `n`).
    /// It is shown as skipped and counts no actual minutes.
    pub fn was_skipped(&self, index: SegmentIx, now: DateTime<Utc>) -> bool {
        let timing = &self.timings[index];
        match timing.state() {
            TimerState::NotStarted => index < self.current,
            TimerState::Done => timing.elapsed(now) < Duration::minutes(1),
            TimerState::Running | TimerState::Paused => false,
        }
    }

    /// When the agenda as written ends.
    pub fn planned_end(&self) -> DateTime<Utc> {
        self.planned_start + Duration::minutes(i64::from(self.agenda.total_minutes()))
    }

    /// What is left of segment `index` at `now`; negative once it runs over.
    pub fn remaining(&self, index: SegmentIx, now: DateTime<Utc>) -> Duration {
        let planned = Duration::minutes(i64::from(self.planned_minutes(index)));
        planned - self.timings[index].elapsed(now)
    }

    /// What is left of the segment on screen at `now`; negative once it runs over.
    pub fn current_remaining(&self, now: DateTime<Utc>) -> Duration {
        self.remaining(self.current, now)
    }

    /// The day as it stands at `now`: every segment's place, the one source of
    /// the times the run screen, the projector and the summary show.
    pub fn schedule(&self, now: DateTime<Utc>) -> Vec<Slot> {
        self.schedule_with(now, |index| self.planned_minutes(SegmentIx(index)))
    }

    /// The day at `now` if segment `index` were planned for `minutes(index)`:
    /// what has run keeps its actual times, a segment passed over takes no
    /// time, and the rest follow one another from the running segment's end
    /// (or from the planned start, before the day has begun).
    pub fn schedule_with(&self, now: DateTime<Utc>, minutes: impl Fn(usize) -> u32) -> Vec<Slot> {
        let mut cursor = self.planned_start;
        let mut slots = Vec::with_capacity(self.timings.len());
        for (index, timing) in self.timings.iter().enumerate() {
            let length = Duration::minutes(i64::from(minutes(index)));
            let left = (length - timing.elapsed(now)).max(Duration::zero());
            // Nothing still to run starts before now; the running segment
            // goes on from now, even ahead of the plan.
            let from = cursor.max(now);
            let (starts, ends) = match (timing.state(), timing.started) {
                _ if self.was_skipped(SegmentIx(index), now) => (cursor, cursor),
                (TimerState::Done, Some(started)) => (started, timing.ended.unwrap_or(started)),
                (_, Some(started)) if index <= self.current.0 => (started, now + left),
                (_, Some(started)) => (started, from + left),
                (_, None) => (from, from + left),
            };
            // A segment ahead that already ran (left by going back) takes no
            // more time from the day.
            if !(index > self.current.0 && timing.state() == TimerState::Done) {
                cursor = ends;
            }
            slots.push(Slot { starts, ends });
        }
        slots
    }

    /// When the seminar ends at this pace: when the last of its segments ends.
    pub fn projected_end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.schedule(now)
            .iter()
            .map(|slot| slot.ends)
            .max()
            .unwrap_or(self.planned_start)
    }

    /// Minutes the projected end lies after the planned end (negative when
    /// early), between the two as the clock shows them: whole minutes, the
    /// seconds dropped, so "11:55" and "11:58" are always 3 minutes apart.
    pub fn drift_minutes(&self, now: DateTime<Utc>) -> i64 {
        let on_the_clock = |time: DateTime<Utc>| time.timestamp().div_euclid(60);
        on_the_clock(self.projected_end(now)) - on_the_clock(self.planned_end())
    }
}
