//! Where "now" comes from. Wall-clock UTC timestamps, not `Instant`: `Instant`
//! stops while a laptop sleeps, and a break timer must be right after the lid opens.

use std::sync::Mutex;

use chrono::{DateTime, Duration, FixedOffset, Local, Offset, TimeZone, Utc};

/// A source of the current time.
pub trait Clock {
    /// The current wall-clock time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system's wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The local zone's offset at `now` (it changes with daylight saving time).
pub fn local_offset(now: DateTime<Utc>) -> FixedOffset {
    Local.offset_from_utc_datetime(&now.naive_utc()).fix()
}

/// A clock that only moves when told to, for tests of every timer rule.
#[derive(Debug)]
pub struct FakeClock {
    now: Mutex<DateTime<Utc>>,
}

impl FakeClock {
    /// A clock standing still at `start`.
    pub fn at(start: DateTime<Utc>) -> Self {
        Self {
            now: Mutex::new(start),
        }
    }

    /// Moves the clock by `step` (backwards when negative, like a wall-clock jump).
    pub fn advance(&self, step: Duration) {
        let mut now = self
            .now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += step;
    }

    /// Sets the clock to `time`.
    pub fn set(&self, time: DateTime<Utc>) {
        *self
            .now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = time;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .now
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fake_clock_moves_only_when_told() {
        let start = Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0).unwrap();
        let clock = FakeClock::at(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::seconds(90));
        assert_eq!(clock.now(), start + Duration::seconds(90));
        clock.advance(Duration::minutes(-5));
        assert_eq!(clock.now(), start - Duration::seconds(210));
        clock.set(start);
        assert_eq!(clock.now(), start);
    }

    #[test]
    fn system_clock_reads_utc_now() {
        let before = Utc::now();
        let read = SystemClock.now();
        assert!(read >= before && read <= Utc::now());
    }
}
