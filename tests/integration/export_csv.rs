//! The CSV for analysis, read back with the csv crate's reader in the
//! dialect it is written in: one row per card, every text exactly as typed,
//! a byte-order mark first; `;` and Swedish headings for a Swedish session,
//! `,` and English ones for an English one, either as asked.

use crate::common;

use common::fixture::{HOSTILE, seminar_3, summary};
use samla::export::{CsvDialect, Document, Format, csv, render};

/// Seminarium 3's cards in `dialect`: the bytes, the headings and the rows,
/// read with that dialect's separator.
fn rows(dialect: CsvDialect) -> (Vec<u8>, Vec<String>, Vec<csv::StringRecord>) {
    let session = seminar_3();
    let bytes = csv(&summary(&session), dialect).expect("CSV");
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a BOM first")
        .to_vec();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter())
        .from_reader(body.as_slice());
    let headings = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .map(|record| record.expect("a row"))
        .collect();
    (bytes, headings, records)
}

/// The cell under `heading` in `record`.
fn cell<'a>(headings: &[String], record: &'a csv::StringRecord, heading: &str) -> &'a str {
    let at = headings
        .iter()
        .position(|known| known == heading)
        .unwrap_or_else(|| panic!("a column {heading}"));
    &record[at]
}

#[test]
fn the_csv_matches_its_golden_file() {
    let (bytes, _, _) = rows(CsvDialect::Sv);
    insta::assert_snapshot!("seminar_3_cards_csv", String::from_utf8_lossy(&bytes));
}

#[test]
fn a_swedish_session_writes_semicolons_and_swedish_headings_an_english_one_commas() {
    let (bytes, swedish, records) = rows(CsvDialect::Sv);
    assert!(String::from_utf8_lossy(&bytes).starts_with("\u{feff}seminarium;datum;pass;"));
    assert_eq!(
        swedish,
        [
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
        ]
    );
    let (_, english, english_records) = rows(CsvDialect::En);
    assert_eq!(
        english,
        [
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
        ]
    );
    assert_eq!(records.len(), english_records.len());
    // The same cards, the kind of segment in the dialect's words.
    let kinds = |headings: &[String], records: &[csv::StringRecord], heading: &str| {
        records
            .iter()
            .map(|record| cell(headings, record, heading).to_owned())
            .collect::<Vec<_>>()
    };
    assert!(kinds(&swedish, &records, "typ").contains(&"Visionsövning".to_owned()));
    assert!(kinds(&english, &english_records, "kind").contains(&"Vision exercise".to_owned()));
    // The session's language picks the dialect when none is asked for.
    let session = seminar_3();
    let asked =
        |format| render(Document::Session(&summary(&session)), format, &[]).expect("rendered");
    assert_eq!(asked(Format::Csv(None)), bytes);
    assert_ne!(asked(Format::Csv(Some(CsvDialect::En))), bytes);
}

#[test]
fn one_row_per_card_with_its_text_exactly() {
    let (_, headings, records) = rows(CsvDialect::Sv);
    assert_eq!(records.len(), seminar_3().cards.len());
    let texts: Vec<&str> = records
        .iter()
        .map(|record| cell(&headings, record, "text"))
        .collect();
    for hostile in HOSTILE {
        // A text that a spreadsheet would run as a formula shows after a `'`.
        let shown = if hostile.starts_with(['=', '+', '-', '@']) {
            format!("'{hostile}")
        } else {
            hostile.to_owned()
        };
        assert!(texts.contains(&shown.as_str()), "{shown:?}");
    }
    assert!(texts.contains(&"Samlokaliserat stöd\nmed vården | på sikt"));
    assert!(texts.contains(&"Ännu ett direkt-kort: 漢字 och e\u{301}"));
}

#[test]
fn rows_carry_segment_kind_group_column_tag_and_quote() {
    let (_, headings, records) = rows(CsvDialect::En);
    let at = |record, heading| cell(&headings, record, heading);
    let row = records
        .iter()
        .find(|record| {
            at(record, "text") == "Gemensam rutin för skola och socialtjänst"
                && at(record, "group") == "Grupp 2"
        })
        .expect("the row");
    assert_eq!(
        at(row, "seminar"),
        "Samverkan och samordnat stöd vid närvaroproblem i förskola och skola"
    );
    assert_eq!(at(row, "date"), "2026-03-12");
    assert_eq!(at(row, "segment"), "Handlingsplan");
    assert_eq!(at(row, "kind"), "Action plan");
    assert_eq!(at(row, "column"), "Vad kan vi göra inom ett år?");
    assert_eq!(at(row, "tag"), "Organisation");
    assert_eq!(at(row, "quote"), "0");
    assert_eq!(at(row, "dots"), "0");
    assert_eq!(at(row, "from_phone"), "0");
    assert!(at(row, "created").starts_with("2026-03-12 14:"));
    let quote = records
        .iter()
        .find(|record| at(record, "text").starts_with("”Det är relationen"))
        .expect("the quote");
    assert_eq!((at(quote, "group"), at(quote, "quote")), ("Helgrupp", "1"));
    let vision = records
        .iter()
        .find(|record| at(record, "kind") == "Vision exercise")
        .expect("a vision row");
    assert!(at(vision, "questions").contains("Vilka styrkor ser vi i vår samverkan i dag?"));
}
