//! What can be wrong in an agenda file, as values: the message catalogue
//! words them in the UI language (`src/i18n/diagnostics.rs`).

use super::model::SegmentKind;

/// How a clock time that does not parse reaches the parser's error.
pub const CLOCK_TIME_TAG: &str = "samla-clock-time:";
/// How a date that does not parse reaches the parser's error.
pub const DATE_TAG: &str = "samla-date:";

/// A rule of the agenda format that an agenda breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// The agenda has no title.
    EmptyTitle,
    /// `number: 0`.
    NumberZero,
    /// `groups` out of range.
    Groups { groups: u32, max: u32 },
    /// `groups` and `group_names` disagree.
    GroupsAndNames { groups: u32, named: usize },
    /// The agenda's warning time is too long.
    AgendaWarning { minutes: u32, max: u32 },
    /// No segments.
    NoSegments,
    /// The segments add up to more than a day.
    TooLong { total: u32, max: u32 },
    /// A segment has no title.
    EmptySegmentTitle,
    /// A segment of no minutes.
    ZeroMinutes,
    /// A segment longer than allowed.
    TooManyMinutes { minutes: u32, max: u32 },
    /// `min_minutes` outside 1 to the segment's minutes.
    Minimum { minimum: u32, minutes: u32 },
    /// A segment's warning past its length.
    SegmentWarning { warning: u32, minutes: u32 },
    /// An id with other characters than a-z, 0-9 and -.
    BadId { field: &'static str, id: String },
    /// An id used by two segments.
    IdTwice { id: String },
    /// A field of another kind of segment.
    OnlyFor {
        field: &'static str,
        owner: SegmentKind,
        kind: SegmentKind,
    },
    /// A field of the segments where people write cards, in another kind.
    OnlyForWriting {
        field: &'static str,
        kind: SegmentKind,
    },
    /// `columns` beside the vision's `headings` or the action plan's `horizons`.
    ColumnsTwice { other: &'static str },
    /// `rows` without columns to cross.
    RowsWithoutColumns,
    /// `priorities` outside 1 to the most a group can mark.
    Priorities { priorities: u32, max: u32 },
    /// `dots` outside 1 to the most a participant can give.
    Dots { dots: u32, max: u32 },
    /// A text field that is blank.
    Blank { field: &'static str },
    /// `group_set` names no set of the agenda's `group_sets`.
    UnknownGroupSet { id: String },
    /// A group set with both `groups` and `count`, or neither.
    GroupSetShape { id: String },
    /// A sector's code (its id when it has none) that is not all letters.
    SectorCode { code: String },
    /// `breakdown` or `sectors_in_every_group` names a sector the agenda lacks.
    UnknownSector { field: &'static str, id: String },
    /// A scale with labels, but not one for every step.
    ScaleLabels { steps: usize, labels: usize },
    /// A split for a theme no statement has.
    UnknownTheme { theme: String },
    /// A split outside the scale: above its lowest value, up to its highest.
    SplitOutside {
        higher_from: String,
        min: u8,
        max: u8,
    },
    /// A poll without statements.
    NoStatements,
    /// A follow-up that names no action plan to follow.
    NoFollows,
    /// A statement without text.
    EmptyStatement { number: usize },
    /// A choice with fewer than two options, or more than letters for them.
    QuestionOptions { number: usize, options: usize },
    /// A choice's option that is blank or given twice.
    BadOption { number: usize, option: String },
    /// `breakdown` on a question without one answer of a few.
    BreakdownNotChoice { number: usize },
    /// A theme on a question that is not a rating: an index is a mean.
    ThemeNotRating { number: usize },
    /// `other` on a question without options of its own to choose from.
    OtherNotChoice { number: usize },
    /// A scale that does not run upwards, or is too wide.
    Scale { min: u8, max: u8 },
    /// A list with too few items.
    ListEmpty { field: &'static str, min: usize },
    /// A list with too many items.
    ListTooLong {
        field: &'static str,
        items: usize,
        max: usize,
    },
    /// A blank item in a list.
    EmptyItem { field: &'static str, number: usize },
    /// The same item twice in a list.
    ItemTwice { field: &'static str, item: String },
    /// A Swedish agenda's `event_name` without its definite forms.
    EventNameDefinite,
}

impl Rule {
    /// The field the rule is about, as the file writes it; `None` where it
    /// is about the whole segment or agenda.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            Rule::EmptyTitle | Rule::EmptySegmentTitle => "title",
            Rule::NumberZero => "number",
            Rule::EventNameDefinite => "event_name",
            Rule::Groups { .. } => "groups",
            Rule::GroupsAndNames { .. } => "group_names",
            Rule::AgendaWarning { .. } | Rule::SegmentWarning { .. } => "warning_minutes",
            Rule::NoSegments | Rule::TooLong { .. } => "segments",
            Rule::ZeroMinutes | Rule::TooManyMinutes { .. } => "minutes",
            Rule::Minimum { .. } => "min_minutes",
            Rule::IdTwice { .. } => "id",
            Rule::EmptyStatement { .. }
            | Rule::QuestionOptions { .. }
            | Rule::BadOption { .. }
            | Rule::BreakdownNotChoice { .. }
            | Rule::ThemeNotRating { .. }
            | Rule::OtherNotChoice { .. } => "statements",
            Rule::Scale { .. } | Rule::ScaleLabels { .. } => "scale",
            Rule::UnknownTheme { .. } | Rule::SplitOutside { .. } => "splits",
            Rule::ColumnsTwice { .. } => "columns",
            Rule::RowsWithoutColumns => "rows",
            Rule::Priorities { .. } => "priorities",
            Rule::Dots { .. } => "dots",
            Rule::UnknownGroupSet { .. } => "group_set",
            Rule::GroupSetShape { .. } => "group_sets",
            Rule::SectorCode { .. } => "sectors",
            Rule::OnlyFor { field, .. }
            | Rule::OnlyForWriting { field, .. }
            | Rule::ListEmpty { field, .. }
            | Rule::ListTooLong { field, .. }
            | Rule::EmptyItem { field, .. }
            | Rule::ItemTwice { field, .. }
            | Rule::UnknownSector { field, .. }
            | Rule::BadId { field, .. }
            | Rule::Blank { field } => field,
            Rule::NoStatements | Rule::NoFollows => return None,
        })
    }
}

/// Why the text is no well-formed agenda (or session file) at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// The file is empty.
    Empty,
    /// Not UTF-8.
    NotText,
    /// The text ends too early.
    EndsEarly,
    /// A comma is missing.
    Comma,
    /// Text expected.
    Text,
    /// A text is not closed.
    TextEnd,
    /// A whole number expected.
    Integer,
    /// `true` or `false` expected.
    Boolean,
    /// A list expected.
    List,
    /// A list is not closed.
    ListEnd,
    /// A group of fields expected.
    Fields,
    /// A group of fields is not closed.
    FieldsEnd,
    /// A colon is missing after a field name.
    Colon,
    /// A field name expected.
    FieldName,
    /// A number out of range.
    OutOfRange,
    /// A comment is never closed.
    Comment,
    /// `(` expected to start a named thing.
    Named(String),
    /// A character that belongs nowhere.
    Unexpected(char),
    /// Text after the end.
    Trailing,
    /// Brackets nested too deeply.
    Nesting { limit: usize },
    /// A field the format does not have.
    UnknownField {
        found: String,
        expected: Vec<String>,
    },
    /// A required field is missing.
    MissingField {
        field: String,
        outer: Option<String>,
    },
    /// A field given twice.
    FieldTwice(String),
    /// A value the format does not have.
    UnknownValue {
        found: String,
        expected: Vec<String>,
    },
    /// A value of the wrong type.
    WrongType { found: String, expected: String },
    /// A named group of fields under another name.
    WrongName { found: String, expected: String },
    /// Text that is no clock time `HH:MM`.
    ClockTime(String),
    /// Text that is no date `YYYY-MM-DD`.
    Date(String),
    /// Anything else the parser says, in its own (English) words.
    Other(String),
}

impl Syntax {
    /// What the agenda model's own check said through the parser.
    pub fn from_tagged(message: &str) -> Syntax {
        if let Some(text) = message.strip_prefix(CLOCK_TIME_TAG) {
            Syntax::ClockTime(text.to_owned())
        } else if let Some(text) = message.strip_prefix(DATE_TAG) {
            Syntax::Date(text.to_owned())
        } else {
            Syntax::Other(message.to_owned())
        }
    }
}
