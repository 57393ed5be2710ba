//! How the current segment's countdown stands: the rule behind its colour on
//! every screen and behind the bell.

use chrono::{DateTime, Duration, Utc};

use super::{Session, TimerState};

/// How the countdown should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Not counting: not started, done, or paused with time to spare.
    Idle,
    /// Counting, with time to spare.
    Running,
    /// Within the warning time before the end.
    Warning,
    /// At or past the end.
    Overrun,
}

/// The tone of the current segment's countdown at `now`. A paused timer keeps
/// its warning or overrun colour, so the room still sees how it stands.
fn tone(session: &Session, now: DateTime<Utc>) -> Tone {
    let timing = session.current_timing();
    if matches!(timing.state(), TimerState::NotStarted | TimerState::Done) {
        return Tone::Idle;
    }
    let segment = session.current_segment();
    let warning_minutes = segment
        .warning_minutes
        .unwrap_or(session.agenda.warning_minutes);
    let remaining = session.current_remaining(now);
    if countdown_seconds(remaining) <= 0 {
        Tone::Overrun
    } else if remaining <= Duration::minutes(i64::from(warning_minutes)) {
        Tone::Warning
    } else if timing.state() == TimerState::Paused {
        Tone::Idle
    } else {
        Tone::Running
    }
}

/// The whole seconds a countdown shows for `remaining`.
pub fn countdown_seconds(remaining: Duration) -> i64 {
    let millis = remaining.num_milliseconds();
    millis.div_euclid(1000) + i64::from(millis.rem_euclid(1000) > 0)
}

impl Session {
    /// The tone of the current segment's countdown at `now`.
    pub fn tone(&self, now: DateTime<Utc>) -> Tone {
        tone(self, now)
    }
}
