//! One segment's timer, kept as wall-clock timestamps: when it started, when it
//! was paused, when it ended. Everything shown is computed from these and "now",
//! so a countdown is right after a restart, a laptop sleep or an hour of pauses.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// What happened to one segment's timer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentTiming {
    /// When the segment was first started.
    pub started: Option<DateTime<Utc>>,
    /// Every pause, in order; the last may still be open.
    pub pauses: Vec<Pause>,
    /// When the segment ended.
    pub ended: Option<DateTime<Utc>>,
    /// Minutes added (or, when negative, taken away) with `+` and `-` or a rebalance.
    pub added_minutes: i32,
}

/// An interval during which a segment's timer stood still.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// When the pause began.
    pub from: DateTime<Utc>,
    /// When the timer ran again; `None` while paused.
    pub until: Option<DateTime<Utc>>,
}

/// The state of a segment's timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerState {
    /// Never started.
    NotStarted,
    /// Counting down.
    Running,
    /// Started, and standing still now.
    Paused,
    /// Ended.
    Done,
}

impl SegmentTiming {
    /// The timer's state, derived from its timestamps.
    pub fn state(&self) -> TimerState {
        match (self.started, self.ended) {
            (None, _) => TimerState::NotStarted,
            (Some(_), Some(_)) => TimerState::Done,
            (Some(_), None) if self.open_pause().is_some() => TimerState::Paused,
            (Some(_), None) => TimerState::Running,
        }
    }

    fn open_pause(&self) -> Option<&Pause> {
        self.pauses.last().filter(|pause| pause.until.is_none())
    }

    /// Starts the timer, or lets it run again if paused or ended.
    pub fn run(&mut self, now: DateTime<Utc>) {
        match self.state() {
            TimerState::NotStarted => self.started = Some(now),
            TimerState::Paused => self.close_pause(now),
            TimerState::Done => {
                self.reopen();
                self.close_pause(now);
            }
            TimerState::Running => {}
        }
    }

    /// Stops the timer from counting, keeping what it has counted.
    pub fn pause(&mut self, now: DateTime<Utc>) {
        if self.state() == TimerState::Running {
            self.pauses.push(Pause {
                from: now,
                until: None,
            });
        }
    }

    /// Space: start, pause or resume.
    pub fn toggle(&mut self, now: DateTime<Utc>) {
        match self.state() {
            TimerState::Running => self.pause(now),
            TimerState::NotStarted | TimerState::Paused => self.run(now),
            TimerState::Done => {}
        }
    }

    /// Records the segment's actual end; a pause still open ends with it.
    pub fn end(&mut self, now: DateTime<Utc>) {
        if matches!(self.state(), TimerState::Running | TimerState::Paused) {
            self.close_pause(now);
            self.ended = Some(now);
        }
    }

    /// Makes an ended segment current again, paused: the time since it ended
    /// becomes a pause, so it is not counted as time spent on it.
    pub fn reopen(&mut self) {
        if let Some(ended) = self.ended.take() {
            self.pauses.push(Pause {
                from: ended,
                until: None,
            });
        }
    }

    fn close_pause(&mut self, now: DateTime<Utc>) {
        if let Some(pause) = self.pauses.last_mut().filter(|pause| pause.until.is_none()) {
            pause.until = Some(now.max(pause.from));
        }
    }

    /// Time the timer has counted: from start to end (or now), less the pauses.
    /// Never negative, even if the wall clock is set back.
    pub fn elapsed(&self, now: DateTime<Utc>) -> Duration {
        let Some(started) = self.started else {
            return Duration::zero();
        };
        let until = self.ended.unwrap_or(now);
        let paused: Duration = self
            .pauses
            .iter()
            .map(|pause| {
                let end = pause.until.unwrap_or(until).min(until);
                (end - pause.from).max(Duration::zero())
            })
            .sum();
        (until - started - paused).max(Duration::zero())
    }

    /// The planned length: the agenda's minutes with what was added, at least one minute.
    pub fn planned_minutes(&self, agenda_minutes: u32) -> u32 {
        let minutes = i64::from(agenda_minutes) + i64::from(self.added_minutes);
        u32::try_from(minutes.max(1)).unwrap_or(u32::MAX)
    }
}
