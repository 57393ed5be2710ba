//! The schedule as it stands: planned clock times, what is left, projected end, drift.

use chrono::{DateTime, Duration, Utc};

use super::{Session, TimerState};

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

    /// When the agenda as written ends.
    pub fn planned_end(&self) -> DateTime<Utc> {
        self.planned_start + Duration::minutes(i64::from(self.agenda.total_minutes()))
    }

    /// What is left of segment `index` at `now`; negative once it runs over.
    pub fn remaining(&self, index: usize, now: DateTime<Utc>) -> Duration {
        let planned = Duration::minutes(i64::from(self.planned_minutes(index)));
        planned - self.timings[index].elapsed(now)
    }

    /// When the seminar ends at this pace: now, plus what is left of the current
    /// segment, plus the planned minutes of the rest (less what they have already run).
    pub fn projected_end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let left: Duration = (self.current..self.timings.len())
            .filter(|&index| self.timings[index].state() != TimerState::Done)
            .map(|index| self.remaining(index, now).max(Duration::zero()))
            .sum();
        now + left
    }

    /// Minutes the projected end lies after the planned end (negative when early).
    pub fn drift_minutes(&self, now: DateTime<Utc>) -> i64 {
        let seconds = (self.projected_end(now) - self.planned_end()).num_seconds();
        (seconds as f64 / 60.0).round() as i64
    }
}
