//! The CSV for analysis, read back with the csv crate's reader: one row per
//! card, every text exactly as typed, a byte-order mark first.

use crate::common;

use common::fixture::{HOSTILE, seminar_3, summary};
use samla::export::csv;

fn rows() -> (Vec<u8>, Vec<csv::StringRecord>) {
    let session = seminar_3();
    let bytes = csv(&summary(&session)).expect("CSV");
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a BOM first")
        .to_vec();
    let mut reader = csv::Reader::from_reader(body.as_slice());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
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
            "comment"
        ]
    );
    let records = reader
        .records()
        .map(|record| record.expect("a row"))
        .collect();
    (bytes, records)
}

#[test]
fn the_csv_matches_its_golden_file() {
    let (bytes, _) = rows();
    insta::assert_snapshot!("seminar_3_cards_csv", String::from_utf8_lossy(&bytes));
}

#[test]
fn one_row_per_card_with_its_text_exactly() {
    let (_, records) = rows();
    assert_eq!(records.len(), seminar_3().cards.len());
    let texts: Vec<&str> = records.iter().map(|record| &record[9]).collect();
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
fn rows_carry_segment_kind_group_horizon_tag_and_quote() {
    let (_, records) = rows();
    let row = records
        .iter()
        .find(|record| {
            &record[9] == "Gemensam rutin för skola och socialtjänst" && &record[5] == "Grupp 2"
        })
        .expect("the row");
    assert_eq!(
        &row[0],
        "Samverkan och samordnat stöd vid närvaroproblem i förskola och skola"
    );
    assert_eq!(&row[1], "2026-03-12");
    assert_eq!(&row[2], "Handlingsplan");
    assert_eq!(&row[3], "Handlingsplan");
    assert_eq!(&row[6], "Vad kan vi göra inom ett år?");
    assert_eq!(&row[7], "Organisation");
    assert_eq!(&row[8], "0");
    assert!(row[10].starts_with("2026-03-12 14:"), "{}", &row[10]);
    let quote = records
        .iter()
        .find(|record| record[9].starts_with("”Det är relationen"))
        .expect("the quote");
    assert_eq!((&quote[5], &quote[8]), ("Helgrupp", "1"));
    let vision = records
        .iter()
        .find(|record| &record[3] == "Visionsövning")
        .expect("a vision row");
    assert!(vision[4].contains("Vilka styrkor ser vi i vår samverkan i dag?"));
}
