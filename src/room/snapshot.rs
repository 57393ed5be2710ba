//! What the room's pages may show, as the event loop last published it: the
//! current segment and its cards, nothing else of the session. No private
//! notes, no members' names, no paths.

use chrono::{DateTime, Utc};

use crate::agenda::Language;
use crate::session::SegmentIx;
use crate::session::{CardId, Lane};

/// What the room's pages show of the session at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// Whether the room is open.
    pub open: bool,
    /// The agenda's language: the pages speak it.
    pub language: Language,
    /// The agenda's title.
    pub title: String,
    /// What the page says once the day is over: "Seminariet är avslutat",
    /// in the event's own word.
    pub over: String,
    /// The current segment's groups' names, in order.
    pub groups: Vec<String>,
    /// The id of the current segment's own group set, when it splits the
    /// room another way than the day's groups; a phone picks its group anew.
    pub group_set: Option<String>,
    /// The questions each group of that set discusses beside the segment's.
    pub group_questions: Vec<Vec<String>>,
    /// The current segment (0-based).
    pub segment: SegmentIx,
    /// Its kind, as the screen names it.
    pub kind: String,
    /// Its heading.
    pub heading: String,
    /// What the room is asked to do.
    pub instruction: Option<String>,
    /// The questions the groups discuss.
    pub questions: Vec<String>,
    /// The columns a card goes in, if the segment has them.
    pub columns: Vec<String>,
    /// The rows across them, if the segment is a matrix.
    pub rows: Vec<String>,
    /// Whether the segment takes cards from the room.
    pub posting: bool,
    /// Whether people write alone or in pairs: each device on a page of its
    /// own, its cards anonymous and the room's.
    pub personal: bool,
    /// While the room may mark its priorities: how many each group marks.
    pub voting: Option<u32>,
    /// While the room votes across its groups: how many dots each device gives.
    pub dots: Option<u32>,
    /// How many each device has given, as the session counts them.
    pub dots_given: std::collections::BTreeMap<u32, u32>,
    /// Its countdown.
    pub countdown: Countdown,
    /// The segment's cards that the room may see, in board order.
    pub cards: Vec<SnapshotCard>,
    /// The wall is open: every group's cards to every device.
    pub wall: bool,
    /// The survey, when the segment is a poll.
    pub poll: Option<SnapshotPoll>,
}

/// A poll's results as the room sees them: per question the count of each
/// value from the lowest (or of each option), how many said "vet ej", and n.
pub type PollResults = Vec<(Vec<u32>, u32, u32)>;

/// A poll as the room's page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotPoll {
    /// The questions, in order.
    pub statements: Vec<SnapshotQuestion>,
    /// The scale.
    pub scale: crate::agenda::Scale,
    /// Closed to the room's page.
    pub closed: bool,
    /// The results, when the facilitator shows them: per statement the
    /// count of each value from the lowest, then "vet ej".
    pub results: Option<PollResults>,
    /// What each device answered, so that it can see and change its own.
    pub answers: std::collections::BTreeMap<u32, crate::session::Respondent>,
    /// How many have answered, on phones and on paper.
    pub respondents: usize,
    /// The sectors a respondent picks from, in order; none where the poll
    /// asks no sector (`breakdown: []`).
    pub sectors: Vec<SnapshotSector>,
}

/// A question as the survey asks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotQuestion {
    /// The question or statement.
    pub text: String,
    /// The stem shown above it: the words the statements from it on share,
    /// given on the first of them only.
    pub stem: Option<String>,
    /// What it asks for.
    pub kind: crate::agenda::QuestionKind,
    /// Its options' names in the agenda's language; none for a rating or text.
    pub options: Vec<String>,
    /// Whether "vet ej" is an allowed answer.
    pub dont_know: bool,
    /// Whether the results are broken down by it: asked first, after the sector.
    pub breakdown: bool,
    /// The option that asks for a text of its own ("Annat, ange vad").
    pub other: Option<u8>,
}

/// A sector as the survey offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotSector {
    /// The sector.
    pub sector: crate::agenda::Sector,
    /// The code its choice posts, the same as on paper lines.
    pub code: String,
    /// Its name in the agenda's language.
    pub label: String,
}

/// Where the current segment's countdown stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Countdown {
    /// Not started: its planned length.
    #[default]
    NotStarted,
    /// Running: when it reaches zero.
    Running { ends: DateTime<Utc> },
    /// Paused with this many seconds left (negative when over).
    Paused { seconds: i64 },
    /// The last segment has ended: the day is over.
    Over,
}

/// A card as the room's pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotCard {
    /// The card's id.
    pub id: CardId,
    /// Its group's lane, or the room's where people write alone or in pairs
    /// (the note-taker's cards for the whole room are not shown).
    pub lane: Lane,
    /// Its text.
    pub text: String,
    /// Its column, if the segment has columns.
    pub column: Option<String>,
    /// Its row, if the segment is a matrix.
    pub row: Option<String>,
    /// Its tag, if it has one.
    pub tag: Option<String>,
    /// The device that posted it, if one did.
    pub device: Option<u32>,
    /// Marked as one of its group's priorities.
    pub priority: bool,
    /// The devices that gave it a dot, so that each sees its own.
    pub dotted_by: std::collections::BTreeSet<u32>,
    /// Its text's revision, which an edit form names.
    pub revision: u32,
}

/// The number an address gives `lane`: a group's from 1, the room's 0.
pub fn lane_number(lane: Lane) -> usize {
    match lane {
        Lane::Plenary => 0,
        Lane::Group(group) => group + 1,
    }
}

impl Snapshot {
    /// How many dots `device` has left to give, while the room votes.
    pub fn dots_left(&self, device: u32) -> Option<u32> {
        let given = self.dots_given.get(&device).copied().unwrap_or(0);
        self.dots.map(|dots| dots.saturating_sub(given))
    }

    /// The cards of `lane`.
    pub fn cards_of(&self, lane: Lane) -> impl Iterator<Item = &SnapshotCard> {
        self.cards.iter().filter(move |card| card.lane == lane)
    }

    /// The lane an address's number names: 1, 2, … a group, and where people
    /// write alone or in pairs only 0, the room's page of one's own.
    pub fn lane_of(&self, number: usize) -> Option<Lane> {
        match number {
            0 => self.personal.then_some(Lane::Plenary),
            _ if self.personal => None,
            number if number <= self.groups.len() => Some(Lane::Group(number - 1)),
            _ => None,
        }
    }

    /// The questions `lane` discusses: the segment's, then its group's own.
    pub fn questions_for(&self, lane: Lane) -> Vec<&str> {
        let own = lane
            .group()
            .and_then(|group| self.group_questions.get(group))
            .map(Vec::as_slice)
            .unwrap_or_default();
        self.questions
            .iter()
            .chain(own)
            .map(String::as_str)
            .collect()
    }

    /// The address of group `number`'s page: with the group set it is in,
    /// so that a page of another set's group is never taken for this one's.
    /// `then` is what follows the number: "" for the page, "/cards" for its form.
    pub fn group_address(&self, number: usize, then: &str) -> String {
        match &self.group_set {
            Some(set) => format!("/g/{number}{then}?set={set}"),
            None => format!("/g/{number}{then}"),
        }
    }

    /// The card with `id`, if the room may see it.
    pub fn card(&self, id: CardId) -> Option<&SnapshotCard> {
        self.cards.iter().find(|card| card.id == id)
    }

    /// What a live page reloads for: the segment, whether it takes cards,
    /// the room's opening, the wall and the marking of priorities; a new card
    /// of another group is none of these.
    pub fn stage(&self) -> (usize, bool, bool, bool, bool) {
        (
            self.segment.0,
            self.posting,
            self.open,
            self.wall,
            self.voting.is_some() || self.dots.is_some(),
        )
    }
}
