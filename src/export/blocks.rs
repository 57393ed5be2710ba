//! The document's blocks: a summary as its readers meet it, before any
//! format. `letter` builds them from a session; Markdown, the page, the
//! e-mail's text part render them.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::session::Card;

/// A whole summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    /// The language it is written in, for its quotation marks.
    pub language: crate::agenda::Language,
    /// The first line of a report: that it is internal, and why.
    pub internal: Option<String>,
    pub title: String,
    /// The series and the event's number in it.
    pub subtitle: Option<String>,
    /// The opening a person would write.
    pub lead: Vec<Inline>,
    /// Date, place, facilitator, expert, groups, who was here.
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

/// A piece of running text: plain, or the title of the event, which each
/// format marks as a title. A format puts a space between two pieces.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Plain(String),
    Title(String),
}

/// A part of the summary under its own heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section is made of. Every text is plain: each format escapes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph; it may hold line breaks.
    Text(String),
    /// A line in a lesser voice: an instruction, an explanation.
    Aside(String),
    /// A list of plain items under a label: the questions.
    List { label: String, items: Vec<String> },
    /// A heading inside the section: a group, a theme.
    Heading(String),
    /// A heading under that: a column of a board.
    Subheading(String),
    /// Cards, one item each.
    Cards(Vec<CardItem>),
    /// A table; the columns after the first are numbers when `numeric`.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Cell>>,
        numeric: bool,
    },
    /// The table before it drawn, on the page and its print; the other
    /// formats keep the table alone.
    Chart(super::chart::Chart),
}

/// One card as a list item.
#[derive(Debug, Clone, PartialEq)]
pub struct CardItem {
    pub text: String,
    pub tag: Option<String>,
    pub quote: bool,
    /// One of its group's priorities.
    pub priority: bool,
    /// Where it came from, where it is listed away from its segment.
    pub from: Option<String>,
}

impl CardItem {
    pub(super) fn of(card: &Card) -> Self {
        Self {
            text: card.text.clone(),
            tag: card.tag.clone(),
            quote: card.quote,
            priority: card.priority,
            from: None,
        }
    }
}

/// One text as it is, several numbered "1) … 2) …" (`close` after each
/// number) so each stays apart in one table cell.
pub fn numbered(texts: &[String], close: &str) -> String {
    match texts.len() {
        0 | 1 => texts.concat(),
        _ => texts
            .iter()
            .enumerate()
            .map(|(n, text)| format!("{}{close} {text}", n + 1))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A table's cell: the text every document shows, and the value a workbook
/// keeps, so a spreadsheet can count with what the summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub shown: String,
    pub value: Value,
}

/// What a cell holds beyond its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Only the text shown.
    Text,
    Count(u32),
    /// A share from 0 to 1.
    Share(f64),
    Mean(f64),
    Minutes(i64),
    Time(NaiveTime),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// Yes or no.
    Flag(bool),
}

impl Cell {
    pub fn new(shown: impl Into<String>, value: Value) -> Self {
        Self {
            shown: shown.into(),
            value,
        }
    }

    pub fn count(count: u32) -> Self {
        Self::new(count.to_string(), Value::Count(count))
    }
}

impl From<String> for Cell {
    fn from(shown: String) -> Self {
        Self::new(shown, Value::Text)
    }
}

/// Rows of text cells.
pub fn texts(rows: Vec<Vec<String>>) -> Vec<Vec<Cell>> {
    rows.into_iter()
        .map(|row| row.into_iter().map(Cell::from).collect())
        .collect()
}
