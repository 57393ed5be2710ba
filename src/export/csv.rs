//! The cards as CSV rows for analysis: one card a row, RFC 4180 quoting (by the
//! csv crate), UTF-8 with a byte-order mark so spreadsheet programs read å, ä, ö.

use chrono::NaiveDate;

use super::blocks::{Cell, Value};
use super::summary::Summary;
use crate::agenda::{Language, SegmentKind};
use crate::i18n::kind_label;
use crate::session::SegmentIx;
use crate::session::{ActionItem, ItemStatus};

/// The byte-order mark spreadsheet programs look for to read UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// How a CSV is written so that it opens where it is double-clicked: Swedish
/// spreadsheet programs split at `;` (the comma is their decimal sign), and
/// English ones at `,`. Each has its headings and words in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// `;` between fields, Swedish headings and words.
    Sv,
    /// `,` between fields, English headings and words.
    En,
}

/// How many columns a card's row has.
pub const COLUMNS: usize = 21;

impl CsvDialect {
    /// The dialect of a session in `language`.
    pub fn of(language: Language) -> Self {
        match language {
            Language::Sv => CsvDialect::Sv,
            Language::En => CsvDialect::En,
        }
    }

    /// What separates the fields.
    pub fn delimiter(self) -> u8 {
        match self {
            CsvDialect::Sv => b';',
            CsvDialect::En => b',',
        }
    }

    /// The columns' headings: what the card is in, then the card.
    pub fn headings(self) -> [&'static str; COLUMNS] {
        match self {
            CsvDialect::Sv => [
                "seminarium",
                "datum",
                "pass",
                "typ",
                "frågor",
                "grupp",
                "kolumn",
                "rad",
                "etikett",
                "citat",
                "text",
                "skapad",
                "prioriterad",
                "prickar",
                "ansvarig",
                "samordnare",
                "klart senast",
                "följs upp",
                "status",
                "kommentar",
                "från mobil",
            ],
            CsvDialect::En => [
                "seminar",
                "date",
                "segment",
                "kind",
                "questions",
                "group",
                "column",
                "row",
                "tag",
                "quote",
                "text",
                "created",
                "priority",
                "dots",
                "owner",
                "coordinator",
                "due",
                "follow_up",
                "status",
                "comment",
                "from_phone",
            ],
        }
    }

    /// A follow-up item's status in a cell.
    fn status(self, status: ItemStatus) -> &'static str {
        match (self, status) {
            (CsvDialect::Sv, ItemStatus::Done) => "klar",
            (CsvDialect::Sv, ItemStatus::UnderWay) => "pågår",
            (CsvDialect::Sv, ItemStatus::NotStarted) => "inte påbörjad",
            (CsvDialect::En, ItemStatus::Done) => "done",
            (CsvDialect::En, ItemStatus::UnderWay) => "under_way",
            (CsvDialect::En, ItemStatus::NotStarted) => "not_started",
        }
    }

    /// The language of its words (a segment's kind).
    fn language(self) -> Language {
        match self {
            CsvDialect::Sv => Language::Sv,
            CsvDialect::En => Language::En,
        }
    }
}

/// What starts a formula in a spreadsheet program (OWASP's list).
const FORMULA_START: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A field as plain text that a spreadsheet shows and never runs: a field
/// that would start a formula gets a leading `'`, as OWASP recommends for
/// CSV injection; spreadsheet programs hide it and show the text.
fn spreadsheet_safe(field: &str) -> String {
    let plain = super::escape::plain(field);
    if field.starts_with(FORMULA_START) || plain.starts_with(FORMULA_START) {
        format!("'{plain}")
    } else {
        plain
    }
}

/// Every card of the session as a CSV row in `dialect`, in board order per
/// segment and group.
pub fn csv(summary: &Summary, dialect: CsvDialect) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    writer.write_record(dialect.headings())?;
    for row in card_rows(summary, dialect) {
        writer.write_record(row.map(|cell| spreadsheet_safe(&cell.shown)))?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

/// Every card of the session as a row of `dialect`'s columns, in board
/// order per segment and group: a spreadsheet's rows, for the CSV and the
/// workbook alike.
pub(super) fn card_rows(summary: &Summary, dialect: CsvDialect) -> Vec<[Cell; COLUMNS]> {
    let session = summary.session;
    let agenda = &session.agenda;
    let day = summary.date();
    let mut rows = Vec::new();
    for (index, segment) in agenda.segments.iter().enumerate() {
        for lane in summary.lanes(SegmentIx(index)) {
            for card in session.cards_in(SegmentIx(index), lane) {
                let created = card.created.with_timezone(&summary.offset).naive_local();
                // An action plan's fields, as the summary's table shows them.
                let item = (segment.kind == SegmentKind::ActionPlan)
                    .then(|| ActionItem::parse(&card.text, day))
                    .filter(ActionItem::has_fields);
                let field = |pick: fn(&ActionItem) -> Option<String>| {
                    Cell::from(item.as_ref().and_then(pick).unwrap_or_default())
                };
                let date =
                    |pick: fn(&ActionItem) -> Option<NaiveDate>| match item.as_ref().and_then(pick)
                    {
                        Some(date) => Cell::new(date.to_string(), Value::Date(date)),
                        None => Cell::from(String::new()),
                    };
                let text = |text: &str| Cell::from(text.to_owned());
                let flag = |on: bool| Cell::new(if on { "1" } else { "0" }, Value::Flag(on));
                rows.push([
                    text(&agenda.title),
                    Cell::new(day.to_string(), Value::Date(day)),
                    text(&segment.title),
                    text(kind_label(segment.kind, dialect.language())),
                    text(&segment.questions.join("\n")),
                    Cell::from(summary.group_name(SegmentIx(index), card.group)),
                    text(card.horizon.as_deref().unwrap_or_default()),
                    text(card.row.as_deref().unwrap_or_default()),
                    text(card.tag.as_deref().unwrap_or_default()),
                    flag(card.quote),
                    text(&card.text),
                    Cell::new(
                        created.format("%Y-%m-%d %H:%M:%S").to_string(),
                        Value::DateTime(created),
                    ),
                    flag(card.priority),
                    Cell::count(card.dot_count()),
                    field(|item| item.owner.clone()),
                    field(|item| item.coordinator.clone()),
                    date(|item| item.due),
                    date(|item| item.follow_up),
                    text(card.status().map_or("", |status| dialect.status(status))),
                    text(card.comment().unwrap_or_default()),
                    flag(card.from_room.is_some()),
                ]);
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn a_field_that_would_run_as_a_formula_is_shown_as_text() {
        let link = "=HYPERLINK(\"http://evil.example\",\"click\")";
        assert_eq!(spreadsheet_safe(link), format!("'{link}"));
        for start in ["+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(spreadsheet_safe(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(
            spreadsheet_safe("Vanlig text - med streck"),
            "Vanlig text - med streck"
        );
        assert_eq!(spreadsheet_safe("rad\r\nrad\x1b"), "rad\nrad");
    }
}
