//! What happened in a seminar: timings as timestamps, groups and cards. Pure data
//! and pure rules, no input or output.

mod action_item;
mod blank;
mod cards;
mod check;
mod dots;
mod follow_up;
mod lane;
pub mod personal;
mod poll;
mod rebalance;
mod roster;
mod schedule;
mod segment_ix;
mod timing;
mod tone;

pub use action_item::ActionItem;
pub use blank::is_blank;
pub use cards::{Applied, Card, CardAction, CardId, Cell, PRIORITY_MARK, Refused, Removed};
pub use check::{Inconsistency, Mismatch};
pub use dots::Ranked;
pub use follow_up::EarlierMean;
pub use follow_up::{Brought, FollowUp, ItemStatus};
pub use lane::Lane;
pub use poll::{
    Answer, Cohort, Level, LineProblem, NONE_CHOSEN, PollAction, PollAnswers, Respondent,
    StatementResult, ThemeTable, index, level, option_key, option_letter, parse_answer, parse_line,
    themes,
};
pub use rebalance::{MinutesChange, Proposal, default_minimum, propose_rebalance};
pub use roster::{Member, MemberId, Roster, RosterAction, count_by_sector};
pub use schedule::{Slot, planned_start};
pub use segment_ix::SegmentIx;
pub use timing::{Pause, SegmentTiming, TimerState};
pub use tone::{Tone, countdown_seconds};

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::agenda::{Agenda, Segment};

/// Where a session stands, as `samla sessions` tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    /// Never started and holding nothing: a bare `samla` that was left.
    Empty,
    /// Open in a `samla run` or `samla resume` right now.
    Running,
    /// Under way, not open anywhere.
    Unfinished,
    /// The last segment has ended.
    Finished,
}

/// Longest a segment can be made with `+`.
const MAX_SEGMENT_MINUTES: u32 = 600;

/// How early the day may begin and still keep the agenda's times: a few
/// minutes early is on time, more than this moves the plan.
const EARLY_START_KEPT: chrono::Duration = chrono::Duration::minutes(15);

/// One run of an agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The agenda as it was when the session began.
    pub agenda: Agenda,
    /// The groups' names, in order.
    pub groups: Vec<String>,
    /// When the plan says the first segment begins.
    pub planned_start: DateTime<Utc>,
    /// The segment on screen.
    pub current: SegmentIx,
    /// One timing per agenda segment.
    pub timings: Vec<SegmentTiming>,
    /// Every card of every segment, in the order they were written.
    #[serde(default)]
    pub cards: Vec<Card>,
    /// The id the next card gets.
    #[serde(default)]
    pub next_card_id: CardId,
    /// The facilitator's private notes, by segment (0-based); left out of exports
    /// unless asked for.
    #[serde(default)]
    pub private_notes: BTreeMap<SegmentIx, String>,
    /// The series the session belongs to, if any.
    #[serde(default)]
    pub series: Option<String>,
    /// Who is in which group (from the series, edited here).
    #[serde(default)]
    pub roster: Roster,
    /// The members present today.
    #[serde(default)]
    pub present: BTreeSet<MemberId>,
    /// The answers of each poll segment, by segment (0-based).
    #[serde(default)]
    pub polls: BTreeMap<SegmentIx, PollAnswers>,
    /// The groups of the agenda's group sets by set id, as renamed during
    /// the day; a set not here has the agenda's names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set_groups: BTreeMap<String, Vec<String>>,
    /// The work the series' session before this one gave to do until now,
    /// shown at the start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub since_last: Vec<crate::agenda::Task>,
    /// The means of the rating statements the series' earlier sessions
    /// asked, so that the room sees a statement asked again as a trend.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_means: Vec<EarlierMean>,
}

/// Text typed into the editor and not saved yet, so it survives a crash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// What the text is for.
    pub target: DraftTarget,
    /// The text as it stands.
    pub text: String,
}

/// What an open editor's text becomes when saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftTarget {
    /// A new card of `group` (a group or the whole room) in `segment`, in
    /// its column `column` (0-based) when the segment has columns.
    NewCard {
        segment: SegmentIx,
        group: Lane,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        column: Option<usize>,
    },
    /// An existing card.
    Card(CardId),
    /// The facilitator's private note of a segment.
    PrivateNote(SegmentIx),
    /// A new member of a group.
    NewMember(usize),
    /// A member's name.
    MemberName(MemberId),
    /// A respondent line of the poll in a segment, not yet entered.
    PollLine(SegmentIx),
    /// A group's name (0-based).
    GroupName(usize),
    /// The comment on an item of a follow-up.
    Comment(CardId),
}

/// What the facilitator does to the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionAction {
    /// Start, pause or resume the current segment.
    ToggleTimer,
    /// End the current segment and move on.
    Next,
    /// Go back to the previous segment.
    Previous,
    /// One minute more for the current segment.
    AddMinute,
    /// One minute less for the current segment.
    RemoveMinute,
    /// Apply a rebalanced plan.
    Rebalance(Proposal),
    /// A change to the cards or notes.
    Card(CardAction),
    /// A group's new name (0-based), among the current segment's groups;
    /// blank keeps the old one.
    RenameGroup { group: usize, name: String },
    /// A change to the roster or today's attendance.
    Roster(RosterAction),
    /// Answers to a poll.
    Poll(PollAction),
}

impl Session {
    /// A session of `agenda` that has not started, planned to begin at `planned_start`.
    pub fn new(agenda: Agenda, groups: Vec<String>, planned_start: DateTime<Utc>) -> Self {
        let timings = vec![SegmentTiming::default(); agenda.segments.len()];
        Self {
            agenda,
            groups,
            planned_start,
            current: SegmentIx(0),
            timings,
            cards: Vec::new(),
            next_card_id: CardId(1),
            private_notes: BTreeMap::new(),
            series: None,
            roster: Roster::default(),
            present: BTreeSet::new(),
            polls: BTreeMap::new(),
            set_groups: BTreeMap::new(),
            since_last: Vec::new(),
            earlier_means: Vec::new(),
        }
    }

    /// The segment on screen.
    pub fn current_segment(&self) -> &Segment {
        &self.agenda.segments[self.current]
    }

    /// The timing of the segment on screen.
    pub fn current_timing(&self) -> &SegmentTiming {
        &self.timings[self.current]
    }

    /// Planned minutes of segment `index`, with what was added or taken away.
    pub fn planned_minutes(&self, index: SegmentIx) -> u32 {
        self.timings[index].planned_minutes(self.agenda.segments[index].minutes)
    }

    /// The name of `lane`: the group's, "`group_word` N" past the named ones,
    /// or `whole_room`.
    pub fn group_name(&self, lane: Lane, group_word: &str, whole_room: &str) -> String {
        Self::name_among(&self.groups, lane, group_word, whole_room)
    }

    /// The name of `lane` among the groups of segment `segment`.
    pub fn group_name_in(
        &self,
        segment: SegmentIx,
        lane: Lane,
        group_word: &str,
        whole_room: &str,
    ) -> String {
        Self::name_among(&self.groups_in(segment), lane, group_word, whole_room)
    }

    fn name_among(groups: &[String], lane: Lane, group_word: &str, whole_room: &str) -> String {
        match lane {
            Lane::Group(index) => groups
                .get(index)
                .cloned()
                .unwrap_or_else(|| format!("{group_word} {}", index + 1)),
            Lane::Plenary => whole_room.to_owned(),
        }
    }

    /// The group set segment `segment` works in, if it names one the agenda has.
    pub fn set_of(&self, segment: SegmentIx) -> Option<&crate::agenda::GroupSet> {
        let id = self.agenda.segments.get(segment.0)?.group_set.as_deref()?;
        self.agenda.group_set(id)
    }

    /// The groups of segment `segment`: its group set's (as renamed today),
    /// else the day's; borrowed wherever they are kept.
    pub fn groups_in(&self, segment: SegmentIx) -> std::borrow::Cow<'_, [String]> {
        match self.set_of(segment) {
            Some(set) => match self.set_groups.get(&set.id) {
                Some(renamed) => std::borrow::Cow::Borrowed(renamed),
                None => std::borrow::Cow::Owned(set.names(self.agenda.language)),
            },
            None => std::borrow::Cow::Borrowed(&self.groups),
        }
    }

    /// How many groups segment `segment` has.
    pub fn group_count_in(&self, segment: SegmentIx) -> usize {
        self.groups_in(segment).len()
    }

    /// The questions `lane` discusses in segment `segment`: the segment's,
    /// then its group's own in the segment's group set.
    pub fn questions_for(&self, segment: SegmentIx, lane: Lane) -> Vec<String> {
        let Some(planned) = self.agenda.segments.get(segment.0) else {
            return Vec::new();
        };
        let mut questions = planned.questions.clone();
        if let (Some(set), Some(group)) = (self.set_of(segment), lane.group())
            && let Some(own) = set.groups.get(group)
        {
            questions.extend(own.questions.iter().cloned());
        }
        questions
    }

    /// When the day ran, from the first segment's start to the last one's
    /// end, once it is over.
    pub fn ran(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if !self.is_over() {
            return None;
        }
        let started = self.timings.iter().find_map(|timing| timing.started)?;
        let ended = self.timings.iter().rev().find_map(|timing| timing.ended)?;
        Some((started, ended))
    }

    /// Takes the groups `names` asked for on continuing: the names replace
    /// the old ones, more groups are added empty, and a group past them is
    /// dropped only when nothing refers to it (no card, no member). Returns how
    /// many groups there are now.
    pub fn regroup(&mut self, names: &[String]) -> usize {
        let in_use = |session: &Session, group: usize| {
            session
                .cards
                .iter()
                .any(|card| card.group == Lane::Group(group))
                || session.roster.of_group(group).next().is_some()
        };
        let mut keep = names.len().max(1);
        while keep < self.groups.len() && (keep..self.groups.len()).any(|g| in_use(self, g)) {
            keep += 1;
        }
        let mut groups = names.to_vec();
        groups.extend(
            self.groups
                .iter()
                .skip(groups.len())
                .take(keep.saturating_sub(names.len()))
                .cloned(),
        );
        groups.truncate(keep.max(1));
        self.groups = groups;
        self.groups.len()
    }

    /// Whether any segment's timer has started.
    pub fn has_begun(&self) -> bool {
        self.timings.iter().any(|timing| timing.started.is_some())
    }

    /// The day begun well before the agenda's time (a rehearsal, or a room
    /// ready early) moves the plan to the actual start, so it does not read as
    /// hours early all day.
    fn follow_an_early_start(&mut self, now: DateTime<Utc>) {
        let early = self.planned_starts()[self.current] - now;
        if early > EARLY_START_KEPT {
            self.planned_start -= early;
        }
    }

    /// Whether the last segment has ended.
    pub fn is_over(&self) -> bool {
        self.timings.last().map(SegmentTiming::state) == Some(TimerState::Done)
    }

    /// Applies what the facilitator (or a device in the room) did at `now`;
    /// says what it did.
    pub fn apply(&mut self, action: SessionAction, now: DateTime<Utc>) -> Applied {
        match action {
            SessionAction::Card(change) => self.apply_card(change, now),
            SessionAction::Poll(change) => {
                // A new form always adds; other changes may come to nothing.
                let adds = matches!(change, PollAction::AddRespondent { .. });
                let segment = change.segment();
                let before = (!adds).then(|| (self.polls.get(&segment).cloned(), self.cards.len()));
                self.apply_poll(change, now);
                Applied::changed(before.is_none_or(|(poll, cards)| {
                    self.polls.get(&segment) != poll.as_ref() || self.cards.len() != cards
                }))
            }
            SessionAction::Roster(change) => {
                let before = (self.roster.clone(), self.present.clone());
                self.apply_roster(change);
                Applied::changed((&self.roster, &self.present) != (&before.0, &before.1))
            }
            SessionAction::RenameGroup { group, name } => {
                let before = (self.groups.clone(), self.set_groups.clone());
                self.rename_group(group, &name);
                Applied::changed((&self.groups, &self.set_groups) != (&before.0, &before.1))
            }
            schedule => {
                let before = (self.current, self.timings.clone(), self.planned_start);
                self.apply_schedule(schedule, now);
                Applied::changed(
                    (self.current, &self.timings, self.planned_start)
                        != (before.0, &before.1, before.2),
                )
            }
        }
    }

    fn rename_group(&mut self, group: usize, name: &str) {
        let name = name.trim();
        let groups = match self.set_of(self.current).map(|set| set.id.clone()) {
            Some(id) => {
                let names = self.groups_in(self.current).into_owned();
                self.set_groups.entry(id).or_insert(names)
            }
            None => &mut self.groups,
        };
        if let Some(old) = groups.get_mut(group).filter(|_| !is_blank(name)) {
            name.clone_into(old);
        }
    }

    /// The timer, the segment on screen and the plan's minutes.
    fn apply_schedule(&mut self, action: SessionAction, now: DateTime<Utc>) {
        match action {
            SessionAction::ToggleTimer => {
                if !self.has_begun() {
                    self.follow_an_early_start(now);
                }
                self.timings[self.current].toggle(now);
            }
            SessionAction::Next => self.next(now),
            SessionAction::Previous => self.previous(now),
            SessionAction::AddMinute => self.adjust_current(1),
            SessionAction::RemoveMinute => self.adjust_current(-1),
            SessionAction::Rebalance(proposal) => {
                for change in proposal.changes {
                    let timing = &mut self.timings[change.segment];
                    let agenda_minutes = self.agenda.segments[change.segment].minutes;
                    timing.added_minutes =
                        i32::try_from(i64::from(change.after) - i64::from(agenda_minutes))
                            .unwrap_or_default();
                }
            }
            SessionAction::Card(_)
            | SessionAction::Poll(_)
            | SessionAction::Roster(_)
            | SessionAction::RenameGroup { .. } => {}
        }
    }

    /// Ends the current segment; once the seminar is under way, the next one
    /// starts at the same moment, so the actual times follow each other.
    fn next(&mut self, now: DateTime<Utc>) {
        let under_way = self.current_timing().state() != TimerState::NotStarted;
        self.timings[self.current].end(now);
        if self.current.0 + 1 < self.timings.len() {
            self.current = self.current.next();
            if under_way {
                self.timings[self.current].run(now);
            }
        }
    }

    /// Goes back one segment (e.g. after `n` by mistake): the segment left keeps
    /// what it counted, paused; the previous one continues where it ended.
    fn previous(&mut self, now: DateTime<Utc>) {
        if self.current == SegmentIx(0) {
            return;
        }
        let was_running = self.current_timing().state() == TimerState::Running;
        self.timings[self.current].pause(now);
        self.current = self.current.previous().unwrap_or_default();
        let previous = &mut self.timings[self.current];
        previous.reopen();
        if was_running {
            previous.run(now);
        }
    }

    fn adjust_current(&mut self, minutes: i32) {
        let planned = self.planned_minutes(self.current);
        let allowed = match minutes.signum() {
            1 => planned < MAX_SEGMENT_MINUTES,
            -1 => planned > 1,
            _ => false,
        };
        if allowed {
            self.timings[self.current].added_minutes += minutes;
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod card_tests;

#[cfg(test)]
mod roster_tests;

#[cfg(test)]
mod poll_tests;

#[cfg(test)]
mod question_tests;
