//! What goes into a session's document, and how its times are shown.

use chrono::{DateTime, FixedOffset, Utc};

use crate::i18n::{Words, words};
use crate::session::SegmentIx;
use crate::session::{Lane, Session};

/// What to put in a summary, and how to show its times.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a> {
    /// The session summed up.
    pub session: &'a Session,
    /// When it was last changed: "now" for segments still running.
    pub as_of: DateTime<Utc>,
    /// The offset of the local time the seminar ran in.
    pub offset: FixedOffset,
    /// Whether the facilitator's private notes are included.
    pub private: bool,
    /// Whether members' names are included (otherwise only counts).
    pub names: bool,
    /// The facilitator's report rather than the participants' summary: with
    /// the time log and the survey's raw distributions.
    pub report: bool,
    /// An opening that replaces the agenda's.
    pub intro: Option<&'a str>,
    /// Cards their devices removed from the room's page: listed in the
    /// report (kept, and the note-taker can bring them back), never in the
    /// participants' summary.
    pub removed: &'a [crate::session::Card],
}

impl Summary<'_> {
    fn words(&self) -> &'static Words {
        words(self.session.agenda.language)
    }

    /// The name of `group` among segment `segment`'s groups, or of the whole room.
    pub fn group_name(&self, segment: SegmentIx, group: Lane) -> String {
        let words = self.words();
        self.session
            .group_name_in(segment, group, words.group, words.whole_room)
    }

    /// Every group of segment `segment` (its group set's), then the whole room.
    pub(super) fn lanes(&self, segment: SegmentIx) -> impl Iterator<Item = Lane> {
        Lane::all(self.session.group_count_in(segment))
    }
}
