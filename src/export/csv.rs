//! The cards as CSV rows for analysis: one card a row, RFC 4180 quoting (by the
//! csv crate), UTF-8 with a byte-order mark so spreadsheet programs read å, ä, ö.

use super::summary::Summary;
use crate::agenda::SegmentKind;
use crate::i18n::kind_label;
use crate::session::SegmentIx;
use crate::session::{ActionItem, ItemStatus};

/// The byte-order mark spreadsheet programs look for to read UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The column names, the same in every language so scripts can rely on them.
const HEADER: [&str; 18] = [
    "seminar",
    "date",
    "segment",
    "kind",
    "questions",
    "group",
    "horizon",
    "tag",
    "quote",
    "text",
    "created",
    "priority",
    "owner",
    "due",
    "follow_up",
    "row",
    "status",
    "comment",
];

/// A follow-up item's status as scripts read it, the same in every language.
fn status_word(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Done => "done",
        ItemStatus::UnderWay => "under_way",
        ItemStatus::NotStarted => "not_started",
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

/// Every card of the session as a CSV row, in board order per segment and group.
pub fn csv(summary: &Summary) -> Result<Vec<u8>, csv::Error> {
    let session = summary.session;
    let agenda = &session.agenda;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    writer.write_record(HEADER)?;
    let day = summary.date();
    let date = day.to_string();
    for (index, segment) in agenda.segments.iter().enumerate() {
        for lane in summary.lanes(SegmentIx(index)) {
            for card in session.cards_in(SegmentIx(index), lane) {
                let group = summary.group_name(SegmentIx(index), card.group);
                let created = card
                    .created
                    .with_timezone(&summary.offset)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string();
                // An action plan's fields, as the summary's table shows them.
                let item = (segment.kind == SegmentKind::ActionPlan)
                    .then(|| ActionItem::parse(&card.text, day))
                    .filter(ActionItem::has_fields);
                let field = |pick: fn(&ActionItem) -> Option<String>| {
                    item.as_ref().and_then(pick).unwrap_or_default()
                };
                let record = [
                    agenda.title.as_str(),
                    &date,
                    &segment.title,
                    kind_label(segment.kind, agenda.language),
                    &segment.questions.join("\n"),
                    &group,
                    card.horizon.as_deref().unwrap_or_default(),
                    card.tag.as_deref().unwrap_or_default(),
                    if card.quote { "1" } else { "0" },
                    &card.text,
                    &created,
                    if card.priority { "1" } else { "0" },
                    &field(|item| item.owner.clone()),
                    &field(|item| item.due.map(|date| date.to_string())),
                    &field(|item| item.follow_up.map(|date| date.to_string())),
                    card.row.as_deref().unwrap_or_default(),
                    card.status().map_or("", status_word),
                    card.comment().unwrap_or_default(),
                ];
                writer.write_record(record.map(spreadsheet_safe))?;
            }
        }
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
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
