//! When the run screen hands its state to the saver. Structural changes (a new
//! card, a segment change) are written at once; typing is written at most once
//! per [`TYPING_WINDOW`], and always within it of the last keystroke, so a
//! burst of keys costs a few writes instead of one per key, and `kill -9`
//! loses at most the last three quarters of a second (the brief's bound is
//! a second; the rest is the write's own time).

use chrono::{DateTime, Duration, Utc};

/// The shortest time between two saves of typed text.
pub const TYPING_WINDOW: Duration = Duration::milliseconds(750);

/// What one action left unsaved, and so how soon it must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unsaved {
    /// Nothing that is saved: the selection, the help, a cursor.
    Nothing,
    /// The text of the open editor.
    Draft,
    /// The session itself, or whether an editor is open.
    Structure,
}

impl Unsaved {
    /// What a change to the session comes to: the structure, or nothing.
    pub fn of(applied: crate::session::Applied) -> Self {
        if applied.changed {
            Self::Structure
        } else {
            Self::Nothing
        }
    }
}

/// The saves asked for so far.
#[derive(Debug, Clone, Copy, Default)]
pub struct SaveSchedule {
    /// When the state was last handed to the saver.
    last: Option<DateTime<Utc>>,
    /// Typing since then, not yet handed over.
    waiting: bool,
}

impl SaveSchedule {
    /// Whether `change` at `now` is to be saved now; typing within the window
    /// of the last save waits for [`SaveSchedule::due`].
    pub fn should_save(&mut self, change: Unsaved, now: DateTime<Utc>) -> bool {
        let save = match change {
            Unsaved::Nothing => self.waiting && self.window_over(now),
            Unsaved::Draft => self.window_over(now),
            Unsaved::Structure => true,
        };
        if save {
            self.last = Some(now);
            self.waiting = false;
        } else if change == Unsaved::Draft {
            self.waiting = true;
        }
        save
    }

    /// How long until typing that waits is to be saved, if any waits.
    pub fn due(&self, now: DateTime<Utc>) -> Option<Duration> {
        let last = self.last?;
        self.waiting
            .then(|| (last + TYPING_WINDOW - now).max(Duration::zero()))
    }

    fn window_over(&self, now: DateTime<Utc>) -> bool {
        self.last.is_none_or(|last| now - last >= TYPING_WINDOW)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(millis: i64) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(1_773_316_800_000 + millis)
            .single()
            .expect("a valid time")
    }

    #[test]
    fn typing_is_saved_once_a_window_and_the_rest_when_it_is_over() {
        let mut saves = SaveSchedule::default();
        assert!(saves.should_save(Unsaved::Draft, at(0)));
        for millis in (10..750).step_by(10) {
            assert!(!saves.should_save(Unsaved::Draft, at(millis)), "{millis}");
        }
        assert_eq!(saves.due(at(100)), Some(Duration::milliseconds(650)));
        assert!(!saves.should_save(Unsaved::Nothing, at(749)));
        assert!(saves.should_save(Unsaved::Nothing, at(750)));
        assert_eq!(saves.due(at(760)), None);
        assert!(!saves.should_save(Unsaved::Nothing, at(900)));
    }

    #[test]
    fn structure_is_saved_at_once_and_nothing_is_never_saved() {
        let mut saves = SaveSchedule::default();
        assert!(!saves.should_save(Unsaved::Nothing, at(0)));
        assert!(saves.should_save(Unsaved::Structure, at(1)));
        assert!(saves.should_save(Unsaved::Structure, at(2)));
        assert!(!saves.should_save(Unsaved::Draft, at(3)));
        assert!(saves.should_save(Unsaved::Structure, at(4)));
        assert_eq!(saves.due(at(5)), None);
    }
}
