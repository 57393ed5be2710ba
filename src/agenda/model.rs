//! The planned seminar as written in an agenda file.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::defaults;

/// A seminar plan: what happens, in which order, for how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// The seminar's title, shown on every screen and export.
    pub title: String,
    /// The series the seminar belongs to, e.g. "Att främja skolnärvaro".
    #[serde(default)]
    pub series: Option<String>,
    /// The seminar's number within its series (1, 2, 3 …).
    #[serde(default)]
    pub number: Option<u32>,
    /// Language of the agenda's text and of the app's own words.
    #[serde(default)]
    pub language: Language,
    /// The day the seminar is held, "YYYY-MM-DD".
    #[serde(default, with = "calendar_date")]
    pub date: Option<NaiveDate>,
    /// Planned start time, "HH:MM"; the planned clock times follow from it.
    #[serde(default, with = "clock_time")]
    pub start: Option<NaiveTime>,
    /// Where the seminar is held.
    #[serde(default)]
    pub place: Option<String>,
    /// Seminar, workshop or meeting: the word the summary uses for the event.
    #[serde(default)]
    pub event: Event,
    /// The event's own word, in place of the kind's: "erfarenhetsutbyte",
    /// "temadag", "uppföljningsmöte".
    #[serde(default)]
    pub event_name: Option<EventName>,
    /// Who leads the day (processledare), named in the summary.
    #[serde(default)]
    pub facilitator: Option<String>,
    /// How participants reach the facilitator afterwards (an e-mail address,
    /// a phone number), beside the name in the summary.
    #[serde(default)]
    pub contact: Option<String>,
    /// The summary's opening, in the agenda's language; plain text.
    #[serde(default)]
    pub intro: Option<String>,
    /// The expert(s) who act as sounding boards.
    #[serde(default)]
    pub experts: Vec<String>,
    /// What participants do before the seminar.
    #[serde(default)]
    pub preparation: Vec<String>,
    /// Whether the summary sent after the day repeats the preparation (a
    /// summary made before the day always has it).
    #[serde(default)]
    pub preparation_in_summary: bool,
    /// How many groups the room is split into.
    #[serde(default)]
    pub groups: Option<u32>,
    /// Names of the groups; when given, their number is the group count.
    #[serde(default)]
    pub group_names: Vec<String>,
    /// Other ways the room is split, for the segments that name them: mixed
    /// groups, one-sector groups, pairs.
    #[serde(default)]
    pub group_sets: Vec<GroupSet>,
    /// The sectors participants come from, when not the built-in four
    /// (skola, socialtjänst, hälso- och sjukvård, annan).
    #[serde(default)]
    pub sectors: Vec<super::SectorDef>,
    /// Sectors every group should have someone from, e.g. `[Halsovard]` when
    /// healthcare must be in every group; the run screen warns when one lacks it.
    #[serde(default)]
    pub sectors_in_every_group: Vec<super::Sector>,
    /// Tags a card can carry; the ROS categories when left out.
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// Minutes before a segment's end at which its countdown turns amber.
    #[serde(default = "defaults::warning_minutes")]
    pub warning_minutes: u32,
    /// The fewest respondents a poll's breakdown shows in the participants'
    /// summary: a sector with fewer is "< N", so a lone participant's
    /// answers cannot be read off the table. The report shows every count.
    #[serde(default = "defaults::min_cell")]
    pub min_cell: u32,
    /// The segments in the order they run.
    pub segments: Vec<Segment>,
    /// Whether this is the last event of its series: there is no next time,
    /// so the assignment is what participants take home.
    #[serde(default)]
    pub last_in_series: bool,
    /// The assignment participants take home until next time.
    #[serde(default)]
    pub assignment: Option<String>,
    /// Work to do before the next session: what to collect, who does it, by when.
    #[serde(default)]
    pub between: Vec<Task>,
}

/// A piece of work between two sessions of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// What is to be done, e.g. "Samla in frånvarostatistiken per skola".
    pub what: String,
    /// Who does it: a role or a name.
    #[serde(default)]
    pub who: Option<String>,
    /// By when, "YYYY-MM-DD".
    #[serde(default, with = "calendar_date")]
    pub by: Option<NaiveDate>,
}

/// A way of splitting the room other than the day's groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSet {
    /// How segments name it (lowercase letters, digits, hyphens).
    pub id: String,
    /// What it is called in the summary, e.g. "Blandade grupper".
    #[serde(default)]
    pub name: Option<String>,
    /// Its groups, each with its own questions if it has any.
    #[serde(default)]
    pub groups: Vec<SetGroup>,
    /// How many groups, numbered, where they have no names.
    #[serde(default)]
    pub count: Option<u32>,
}

/// One group of a group set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetGroup {
    /// Its name, e.g. a municipality's.
    pub name: String,
    /// Questions for this group alone, after the segment's own.
    #[serde(default)]
    pub questions: Vec<String>,
}

impl GroupSet {
    /// The names of its groups: those it gives, else "Grupp 1" … "Grupp N".
    pub fn names(&self, language: Language) -> Vec<String> {
        if !self.groups.is_empty() {
            return self.groups.iter().map(|group| group.name.clone()).collect();
        }
        let word = match language {
            Language::Sv => "Grupp",
            Language::En => "Group",
        };
        (1..=self.count.unwrap_or(1))
            .map(|number| format!("{word} {number}"))
            .collect()
    }
}

/// What kind of event an agenda is, so the summary names it rightly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Event {
    /// A seminar of a series ("Seminarium 3").
    #[default]
    Seminar,
    /// A development workshop.
    Workshop,
    /// A meeting.
    Meeting,
    /// A dialogue meeting between school, social services and healthcare.
    Dialogue,
}

/// An event's own word in the forms running text and headings need, in the
/// agenda's language and lower case: `(singular: "temadag", plural:
/// "temadagar", definite: "temadagen", definite_plural: "temadagarna")`.
/// English derives the definite forms ("the theme day").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventName {
    /// "temadag", "theme day".
    pub singular: String,
    /// "temadagar", "theme days".
    pub plural: String,
    /// "temadagen"; needed in Swedish.
    #[serde(default)]
    pub definite: Option<String>,
    /// "temadagarna"; needed in Swedish.
    #[serde(default)]
    pub definite_plural: Option<String>,
}

impl EventName {
    fn of(singular: &str, plural: &str, definite: &str, definite_plural: &str) -> EventName {
        EventName {
            singular: singular.to_owned(),
            plural: plural.to_owned(),
            definite: Some(definite.to_owned()),
            definite_plural: Some(definite_plural.to_owned()),
        }
    }
}

impl Event {
    /// The kind's own word in `language`.
    pub fn name(self, language: Language) -> EventName {
        let of = EventName::of;
        match (language, self) {
            (Language::Sv, Event::Seminar) => {
                of("seminarium", "seminarier", "seminariet", "seminarierna")
            }
            (Language::Sv, Event::Workshop) => {
                of("workshop", "workshoppar", "workshoppen", "workshopparna")
            }
            (Language::Sv, Event::Meeting) => of("möte", "möten", "mötet", "mötena"),
            (Language::Sv, Event::Dialogue) => {
                of("dialogmöte", "dialogmöten", "dialogmötet", "dialogmötena")
            }
            (Language::En, Event::Seminar) => {
                of("seminar", "seminars", "the seminar", "the seminars")
            }
            (Language::En, Event::Workshop) => {
                of("workshop", "workshops", "the workshop", "the workshops")
            }
            (Language::En, Event::Meeting) => {
                of("meeting", "meetings", "the meeting", "the meetings")
            }
            (Language::En, Event::Dialogue) => of(
                "dialogue meeting",
                "dialogue meetings",
                "the dialogue meeting",
                "the dialogue meetings",
            ),
        }
    }
}

/// The language an agenda is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Swedish.
    #[default]
    Sv,
    /// English.
    En,
}

/// One timed part of the seminar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// A stable name for the segment (lowercase letters, digits, hyphens).
    #[serde(default)]
    pub id: Option<String>,
    /// What kind of activity this is.
    pub kind: SegmentKind,
    /// The heading shown on screen.
    pub title: String,
    /// Planned length in minutes.
    pub minutes: u32,
    /// A fixed segment is never shortened when the schedule is rebalanced.
    #[serde(default)]
    pub fixed: bool,
    /// The shortest a rebalanced schedule may make this segment.
    #[serde(default)]
    pub min_minutes: Option<u32>,
    /// Overrides the agenda's warning time for this segment.
    #[serde(default)]
    pub warning_minutes: Option<u32>,
    /// What the room is asked to do.
    #[serde(default)]
    pub instruction: Option<String>,
    /// Who gives the lecture (or speaks in the segment), named in the summary.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Questions the groups discuss.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Columns of an action-plan exercise; the three standard horizons when left out.
    #[serde(default)]
    pub horizons: Option<Vec<String>>,
    /// Headings of a vision exercise; strengths, needs and vision when left out.
    #[serde(default)]
    pub headings: Option<Vec<String>>,
    /// The exercise's name, shown above the title in place of the kind's
    /// ("Nulägesanalys" rather than "Gruppsamtal").
    #[serde(default)]
    pub exercise: Option<String>,
    /// Columns the cards of a segment where people write sit in (Styrkor /
    /// Hinder, the steps of a process); in a vision or an action plan they
    /// take the place of its headings or horizons.
    #[serde(default)]
    pub columns: Option<Vec<String>>,
    /// Rows across the columns, making the board a matrix per group (ROS ×
    /// level); only with columns.
    #[serde(default)]
    pub rows: Option<Vec<String>>,
    /// The tags this segment's cards carry, in place of the agenda's.
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// The group set (by its id) the segment's groups come from; the day's
    /// groups when left out.
    #[serde(default)]
    pub group_set: Option<String>,
    /// In a follow-up, the id of the action plan's segment (or an earlier
    /// follow-up's) whose items it brings in from the series' last session
    /// that had one.
    #[serde(default)]
    pub follows: Option<String>,
    /// Work to do before the next session that this segment gives.
    #[serde(default)]
    pub between: Vec<Task>,
    /// Dot voting: how many cards each group marks as its priorities.
    #[serde(default)]
    pub priorities: Option<u32>,
    /// Dot voting across the room: how many dots each participant gives,
    /// one a card, to any group's cards; the room's ranking follows.
    #[serde(default)]
    pub dots: Option<u32>,
    /// Statements rated in a poll.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// The rating scale of a poll; 1–5 with "vet ej" when left out.
    #[serde(default)]
    pub scale: Option<Scale>,
    /// The sectors a poll's results are broken down by (the rest count in the
    /// totals); by every sector that answered when left out.
    #[serde(default)]
    pub breakdown: Vec<super::Sector>,
    /// Whether a poll asks the respondent's sector and breaks its results
    /// down by it; `by_sector: false` for a survey that does neither.
    #[serde(default = "defaults::yes")]
    pub by_sector: bool,
    /// Where each theme's index counts as "to a higher degree"; a theme left
    /// out splits halfway up its scale (at 3.5 on 1–5).
    #[serde(default)]
    pub splits: Vec<ThemeSplit>,
}

/// Where a theme of a poll splits its respondents into lower and higher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSplit {
    /// The theme, as its statements name it.
    pub theme: String,
    /// The lowest index that counts as higher; `None` for a theme whose
    /// answers split into no two halves (its means only).
    pub higher_from: Option<f64>,
}

/// The kinds of activity a seminar is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentKind {
    /// Welcome and introduction.
    Welcome,
    /// A lecture, live or recorded.
    Lecture,
    /// Small groups discussing questions.
    GroupDiscussion,
    /// Each participant thinks and writes alone first; the cards are the
    /// room's, with no group and no name.
    Individual,
    /// Two and two in conversation; the cards are the room's, as with
    /// individual reflection.
    Pairs,
    /// The whole room in conversation, typically with the expert.
    Plenary,
    /// A break.
    Break,
    /// The vision exercise: strengths, needs, a vision.
    Vision,
    /// The action-plan exercise: what to do now, within a year, longer term.
    ActionPlan,
    /// Participants rate statements.
    Poll,
    /// An earlier session's action plan brought in, each item marked done,
    /// under way or not started, with a comment.
    FollowUp,
    /// Closing, with the assignment for next time.
    Closing,
}

impl SegmentKind {
    /// Whether people write cards in segments of this kind: groups, pairs,
    /// each alone, the whole room, the exercises.
    pub fn is_writing(self) -> bool {
        matches!(
            self,
            SegmentKind::GroupDiscussion
                | SegmentKind::Individual
                | SegmentKind::Pairs
                | SegmentKind::Plenary
                | SegmentKind::Vision
                | SegmentKind::ActionPlan
                | SegmentKind::FollowUp
        )
    }

    /// Whether its cards belong to no group: each alone, or two and two.
    pub fn is_personal(self) -> bool {
        matches!(self, SegmentKind::Individual | SegmentKind::Pairs)
    }
}

/// A statement participants rate in a poll, or a question of another kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The statement as read to the room.
    pub text: String,
    /// The words it shares with the statements beside it that have the same
    /// stem ("4. Jag har förväntningar på att seminarieserien kan öka:"),
    /// shown once above them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stem: Option<String>,
    /// The theme it belongs to, for indices across statements.
    #[serde(default)]
    pub theme: Option<String>,
    /// What it asks for: a value on the poll's scale unless it says.
    #[serde(default, skip_serializing_if = "QuestionKind::is_rating")]
    pub kind: QuestionKind,
    /// Whether "vet ej" is an allowed answer: as the scale says for a
    /// rating, not for the other kinds, unless it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<bool>,
    /// Whether the poll's theme tables are broken down by its answers too,
    /// as they are by sector: a municipality, a role, steering group against
    /// project group. Only for a question with one answer of a few.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub breakdown: bool,
    /// Whether a choice's last option asks for a text of its own ("Annat,
    /// ange vad"): written after `|` on paper, in a line beside it on the
    /// phone, listed under the option's count in the summary.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
}

/// What a poll's question asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// A value on the poll's scale.
    #[default]
    Rating,
    /// Yes or no.
    YesNo,
    /// One of the options listed.
    OneOf(Vec<String>),
    /// Any of the options listed, or none.
    AnyOf(Vec<String>),
    /// One of the roster's role categories, as the series counts them.
    Role,
    /// A few words of free text.
    Text,
}

impl QuestionKind {
    /// Whether it is a value on the scale.
    pub fn is_rating(&self) -> bool {
        *self == QuestionKind::Rating
    }

    /// How many options it offers to choose from; `None` for a rating or
    /// free text.
    pub fn options(&self) -> Option<usize> {
        match self {
            QuestionKind::YesNo => Some(2),
            QuestionKind::OneOf(options) | QuestionKind::AnyOf(options) => Some(options.len()),
            QuestionKind::Role => Some(super::Role::ALL.len()),
            QuestionKind::Rating | QuestionKind::Text => None,
        }
    }

    /// Whether it has one answer out of a few, so that it can break a table down.
    pub fn is_single_choice(&self) -> bool {
        matches!(
            self,
            QuestionKind::YesNo | QuestionKind::OneOf(_) | QuestionKind::Role
        )
    }
}

/// The stem `statements[index]` opens: its own, where the statement before
/// it has another (or none), so that a stem is shown once above its run.
pub fn stem_opened_at(statements: &[Statement], index: usize) -> Option<&str> {
    let stem = statements.get(index)?.stem.as_deref()?;
    let before = index
        .checked_sub(1)
        .and_then(|before| statements[before].stem.as_deref());
    (before != Some(stem)).then_some(stem)
}

impl Statement {
    /// The option that asks for a text of its own: a choice's last, where
    /// `other` says so.
    pub fn other_option(&self) -> Option<u8> {
        match &self.kind {
            QuestionKind::OneOf(options) | QuestionKind::AnyOf(options) if self.other => {
                u8::try_from(options.len().checked_sub(1)?).ok()
            }
            _ => None,
        }
    }

    /// Whether "vet ej" is an allowed answer, on `scale`.
    pub fn allows_dont_know(&self, scale: &Scale) -> bool {
        match (&self.kind, self.dont_know) {
            (QuestionKind::Text, _) => false,
            (_, Some(allowed)) => allowed,
            (QuestionKind::Rating, None) => scale.dont_know,
            (_, None) => false,
        }
    }

    /// How many answers a show of hands counts, "vet ej" not included: a
    /// slot per value of `scale` or per option; none for free text.
    pub fn slots(&self, scale: &Scale) -> usize {
        match &self.kind {
            QuestionKind::Rating => scale.steps(),
            kind => kind.options().unwrap_or(0),
        }
    }
}

/// The rating scale of a poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest value.
    pub min: u8,
    /// Highest value.
    pub max: u8,
    /// Label of the lowest value, e.g. "Stämmer inte alls".
    #[serde(default)]
    pub min_label: Option<String>,
    /// Label of the highest value, e.g. "Stämmer helt".
    #[serde(default)]
    pub max_label: Option<String>,
    /// A label for every step from the lowest, e.g. "Inte alls", "I liten
    /// grad", "I ganska hög grad", "I hög grad"; in place of the end labels.
    #[serde(default)]
    pub labels: Vec<String>,
    /// Whether "vet ej" (don't know) is an allowed answer.
    #[serde(default = "defaults::yes")]
    pub dont_know: bool,
}

impl Scale {
    /// How many values it has.
    pub fn steps(&self) -> usize {
        usize::from(self.max.saturating_sub(self.min)) + 1
    }

    /// The label of `value`: its own, or at the ends the end's.
    pub fn label(&self, value: u8) -> Option<&str> {
        let own = value
            .checked_sub(self.min)
            .and_then(|step| self.labels.get(usize::from(step)));
        let end = match value {
            v if v == self.min => self.min_label.as_ref(),
            v if v == self.max => self.max_label.as_ref(),
            _ => None,
        };
        own.or(end).map(String::as_str)
    }

    /// Halfway up, rounded up to the next half: 3.5 on 1–5, 3 on 1–4, 5.5
    /// on 0–10, so that the middle value of an odd scale counts as lower.
    pub fn halfway(&self) -> f64 {
        (f64::from(self.min) + f64::from(self.max)) / 2.0 + 0.5
    }
}

impl Segment {
    /// Where `theme`'s index counts as higher, on `scale`; `None` when the
    /// agenda says the theme has no split.
    pub fn split_of(&self, theme: &str, scale: &Scale) -> Option<f64> {
        match self.splits.iter().find(|split| split.theme == theme) {
            Some(split) => split.higher_from,
            None => Some(scale.halfway()),
        }
    }
}

impl Agenda {
    /// The word for the event in `language`: the agenda's own where it is
    /// written in that language, else its kind's.
    pub fn event_name(&self, language: Language) -> EventName {
        match &self.event_name {
            Some(own) if language == self.language => own.clone(),
            _ => self.event.name(language),
        }
    }

    /// The planned length of the whole seminar.
    pub fn total_minutes(&self) -> u32 {
        self.segments.iter().map(|segment| segment.minutes).sum()
    }

    /// The tags cards can carry, falling back to the ROS categories.
    pub fn tag_set(&self) -> Vec<String> {
        self.tags
            .clone()
            .unwrap_or_else(|| defaults::tags(self.language))
    }

    /// Every task between sessions: the agenda's, then its segments' in order.
    pub fn tasks(&self) -> Vec<Task> {
        let mut tasks = self.between.clone();
        for segment in &self.segments {
            tasks.extend(segment.between.iter().cloned());
        }
        tasks
    }

    /// The group set with `id`.
    pub fn group_set(&self, id: &str) -> Option<&GroupSet> {
        self.group_sets.iter().find(|set| set.id == id)
    }

    /// How many groups the agenda asks for, if it says.
    pub fn group_count(&self) -> Option<u32> {
        match self.group_names.len() {
            0 => self.groups,
            named => u32::try_from(named).ok(),
        }
    }
}

impl Segment {
    /// The horizons of an action-plan segment, falling back to the standard three.
    pub fn horizon_set(&self, language: Language) -> Vec<String> {
        self.horizons
            .clone()
            .unwrap_or_else(|| defaults::horizons(language))
    }

    /// The headings of a vision segment, falling back to the standard three.
    pub fn heading_set(&self, language: Language) -> Vec<String> {
        self.headings
            .clone()
            .unwrap_or_else(|| defaults::vision_headings(language))
    }

    /// The columns its cards sit in: those it declares, else the vision's
    /// headings or the action plan's horizons; `None` for a plain shelf.
    pub fn column_set(&self, language: Language) -> Option<Vec<String>> {
        if let Some(columns) = &self.columns {
            return Some(columns.clone());
        }
        match self.kind {
            SegmentKind::ActionPlan => Some(self.horizon_set(language)),
            SegmentKind::Vision => Some(self.heading_set(language)),
            _ => None,
        }
    }

    /// The rows of a matrix: the rows it declares, where it has columns.
    pub fn matrix_rows(&self, language: Language) -> Option<Vec<String>> {
        self.column_set(language)?;
        self.rows.clone()
    }

    /// Whether people write cards in it: the kinds the board is for.
    pub fn is_writing(&self) -> bool {
        self.kind.is_writing()
    }

    /// The scale of a poll segment, falling back to 1–5 with "vet ej".
    pub fn scale_or_default(&self, language: Language) -> Scale {
        self.scale
            .clone()
            .unwrap_or_else(|| defaults::scale(language))
    }
}

/// Reads and writes optional dates and times as text in a fixed format, so that a
/// wrong value is reported with what the format expects.
macro_rules! text_format {
    ($module:ident, $type:ident, $format:literal, $tag:path) => {
        mod $module {
            use chrono::$type;
            use serde::{Deserialize, Deserializer, Serializer, de::Error};

            pub fn serialize<S: Serializer>(
                value: &Option<$type>,
                out: S,
            ) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => out.serialize_some(&value.format($format).to_string()),
                    None => out.serialize_none(),
                }
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(
                input: D,
            ) -> Result<Option<$type>, D::Error> {
                let Some(text) = Option::<String>::deserialize(input)? else {
                    return Ok(None);
                };
                <$type>::parse_from_str(&text, $format)
                    .map(Some)
                    .map_err(|_| {
                        // Tagged so the parser's error becomes a value the
                        // message catalogue words (see `Syntax::from_tagged`).
                        D::Error::custom(format!("{}{text}", $tag))
                    })
            }
        }
    };
}

text_format!(
    clock_time,
    NaiveTime,
    "%H:%M",
    crate::agenda::diagnostic::CLOCK_TIME_TAG
);
text_format!(
    calendar_date,
    NaiveDate,
    "%Y-%m-%d",
    crate::agenda::diagnostic::DATE_TAG
);
