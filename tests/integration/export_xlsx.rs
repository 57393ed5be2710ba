//! The workbook, read back with calamine (the reader Rust's data tools use)
//! and its sheets' XML with a real zip and XML parser: the cards as the CSV
//! has them with dates as dates, each survey's tables with numbers equal to
//! the summary's, the report's forms and time log, and a series' cards and
//! trends; headings frozen and filtered.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use crate::common;
use common::fixture::{saved_at, seminar_3, summary};
use samla::export::{CsvDialect, Summary, csv, markdown, series_xlsx, xlsx};
use samla::session::{SegmentIx, Session};

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine reads")
}

/// The sheet `name` as rows of cells.
fn sheet(book: &mut Book, name: &str) -> Vec<Vec<Data>> {
    let range = book
        .worksheet_range(name)
        .unwrap_or_else(|error| panic!("a sheet {name}: {error}"));
    // Rows from A1, so that a row's index is the sheet's.
    let width = range.end().map_or(0, |(_, column)| column as usize + 1);
    let mut rows = vec![vec![Data::Empty; width]; range.start().map_or(0, |(row, _)| row as usize)];
    rows.extend(range.rows().map(|row| {
        let mut full = vec![Data::Empty; range.start().map_or(0, |(_, c)| c as usize)];
        full.extend(row.iter().cloned());
        full
    }));
    rows
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(text) => text.clone(),
        Data::Empty => String::new(),
        other => panic!("a text, not {other:?}"),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(number) => *number,
        Data::Int(number) => *number as f64,
        other => panic!("a number, not {other:?}"),
    }
}

/// The row whose first cell is `first`, at or after row `from`.
fn row_of<'a>(rows: &'a [Vec<Data>], first: &str, from: usize) -> (usize, &'a Vec<Data>) {
    rows.iter()
        .enumerate()
        .skip(from)
        .find(|(_, row)| {
            row.first()
                .is_some_and(|cell| *cell == Data::String(first.to_owned()))
        })
        .unwrap_or_else(|| panic!("a row {first}: {rows:?}"))
}

/// The column headed `head` in `heads`.
fn column(heads: &[Data], head: &str) -> usize {
    heads
        .iter()
        .position(|cell| *cell == Data::String(head.to_owned()))
        .unwrap_or_else(|| panic!("a column {head}: {heads:?}"))
}

/// A part of the workbook, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let parts = common::workbook::parts(bytes);
    String::from_utf8(parts.get(name).expect("the part").clone()).expect("UTF-8 XML")
}

#[test]
fn the_cards_sheet_holds_every_card_as_the_csv_does_with_dates_and_flags_as_values() {
    let session = seminar_3();
    let bytes = xlsx(&summary(&session)).expect("a workbook");
    let mut book = open(bytes);
    assert_eq!(book.sheet_names()[0], "Kort");
    let rows = sheet(&mut book, "Kort");
    let heads: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(heads, CsvDialect::Sv.headings());
    // The CSV's rows, read with its own dialect, are the sheet's in the same order.
    let written = csv(&summary(&session), CsvDialect::Sv).expect("CSV");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&written[3..]);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len() - 1, records.len());
    assert!(records.len() > 10, "seminar 3 has many cards");
    let at = |head: &str| column(&rows[0], head);
    for (row, record) in rows[1..].iter().zip(&records) {
        for (index, head) in heads.iter().enumerate() {
            let cell = &row[index];
            let expected = &record[index];
            match head.as_str() {
                "datum" | "klart senast" | "följs upp" if !expected.is_empty() => {
                    let date = cell.as_date().unwrap_or_else(|| panic!("{head}: {cell:?}"));
                    assert_eq!(date.to_string(), expected);
                }
                "skapad" => {
                    let at = cell.as_datetime().expect("a date and time");
                    assert_eq!(at.format("%Y-%m-%d %H:%M:%S").to_string(), expected);
                }
                "citat" | "prioriterad" | "från mobil" => {
                    assert_eq!(*cell, Data::Bool(expected == "1"), "{head}");
                }
                "prickar" => assert_eq!(number(cell).to_string(), expected),
                _ => assert_eq!(text(cell), expected.trim_start_matches('\''), "{head}"),
            }
        }
    }
    // A card's text stays whole, its lines too.
    let texts: Vec<String> = rows[1..].iter().map(|row| text(&row[at("text")])).collect();
    for card in &session.cards {
        assert!(texts.contains(&card.text), "{}", card.text);
    }
}

#[test]
fn a_sheet_of_rows_has_its_headings_frozen_a_filter_and_fitted_columns() {
    let session = seminar_3();
    let bytes = xlsx(&summary(&session)).expect("a workbook");
    let cards = session.cards.len();
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    let document = roxmltree::Document::parse(&xml).expect("XML");
    let named = |name: &str| {
        document
            .descendants()
            .find(|node| node.tag_name().name() == name)
            .unwrap_or_else(|| panic!("a <{name}>: {xml}"))
    };
    let pane = named("pane");
    assert_eq!(
        (pane.attribute("ySplit"), pane.attribute("state")),
        (Some("1"), Some("frozen"))
    );
    assert_eq!(
        named("autoFilter").attribute("ref"),
        Some(format!("A1:U{}", cards + 1).as_str())
    );
    let widths: Vec<f64> = document
        .descendants()
        .filter(|node| node.tag_name().name() == "col")
        .map(|col| {
            col.attribute("width")
                .and_then(|width| width.parse().ok())
                .expect("a width")
        })
        .collect();
    assert!(!widths.is_empty(), "fitted columns: {xml}");
    // The text column is as wide as the widest it may be, and no wider.
    assert!(widths.iter().all(|width| *width <= 60.0), "{widths:?}");
    // The same session gives the same bytes: the workbook is dated by the session.
    assert_eq!(bytes, xlsx(&summary(&session)).expect("a workbook"));
    assert!(part(&bytes, "docProps/core.xml").contains("2026-03-12T"));
}

/// The mixed survey with one healthcare form only, whose column the
/// participants' tables hide.
fn few_from_healthcare() -> Session {
    let lines: Vec<&str> = common::survey::lines()
        .into_iter()
        .filter(|line| !line.starts_with("hs"))
        .chain(["hs 1 2 3 j - c | Ett gemensamt forum"])
        .collect();
    common::survey::answered_with(&lines)
}

#[test]
fn a_surveys_sheet_has_its_scale_and_tables_with_numbers_equal_to_the_summarys() {
    let session = few_from_healthcare();
    let at = |summary: Summary| {
        let mut book = open(xlsx(&summary).expect("a workbook"));
        assert_eq!(book.sheet_names()[..2], ["Kort", "Uppföljningsenkät"]);
        sheet(&mut book, "Uppföljningsenkät")
    };
    let rows = at(summary(&session));
    let text_of_summary = markdown(&summary(&session));
    // The scale: each value a number beside its meaning.
    let (scale, _) = row_of(&rows, "Värde", 0);
    let meanings: Vec<(f64, String)> = rows[scale + 1..scale + 5]
        .iter()
        .map(|row| (number(&row[0]), text(&row[1])))
        .collect();
    assert_eq!(
        meanings,
        [
            (1.0, "Inte alls".to_owned()),
            (2.0, "I liten grad".to_owned()),
            (3.0, "I ganska hög grad".to_owned()),
            (4.0, "I hög grad".to_owned()),
        ]
    );
    // Each statement's mean is the session's, and shown as the summary shows it.
    let results = session.statement_results(SegmentIx(0));
    let (heads, _) = row_of(&rows, "Påstående", 0);
    let mean_column = column(&rows[heads], "Medel");
    for (statement, result) in session.agenda.segments[0].statements.iter().zip(&results) {
        if !statement.kind.is_rating() {
            continue;
        }
        let (_, row) = row_of(&rows, &statement.text, heads);
        let mean = number(&row[mean_column]);
        assert_eq!(Some(mean), result.mean, "{}", statement.text);
        assert_eq!(number(&row[mean_column - 1]), f64::from(result.n));
        let shown = samla::i18n::decimal(mean, samla::agenda::Language::Sv);
        assert!(
            text_of_summary.contains(&format!("| {} | {} | {shown} |", statement.text, result.n)),
            "{shown}: {text_of_summary}"
        );
    }
    // A choice's shares are its counts over n, as numbers.
    let (question, _) = row_of(&rows, "Hur når ni varandra?", 0);
    let (n_row, n) = row_of(&rows, "n", question);
    let n = number(&n[1]);
    for row in &rows[question + 2..n_row] {
        assert_eq!(number(&row[2]), number(&row[1]) / n, "{row:?}");
    }
    // The participants' tables hide the one healthcare form; the report's show it.
    let (samsyn, _) = row_of(&rows, "Samsyn", 0);
    let healthcare = column(&rows[samsyn + 1], "Hälso- och sjukvård");
    let (_, lower) = row_of(&rows, "I lägre grad (1–2), antal", samsyn);
    assert_eq!(text(&lower[healthcare]), "< 3");
    let report = at(Summary {
        report: true,
        ..summary(&session)
    });
    let (samsyn, _) = row_of(&report, "Samsyn", 0);
    let (_, lower) = row_of(&report, "I lägre grad (1–2), antal", samsyn);
    assert_eq!(number(&lower[healthcare]), 1.0);
    let (_, share) = row_of(&report, "I lägre grad (1–2), %", samsyn);
    assert_eq!(number(&share[healthcare]), 1.0, "one of one");
}

#[test]
fn the_report_has_every_form_one_a_row_and_the_time_log() {
    let session = crate::bundled_fidelity::theme_day();
    let report = Summary {
        report: true,
        ..summary(&session)
    };
    let mut book = open(xlsx(&report).expect("a workbook"));
    let names = book.sheet_names();
    let forms_name = names
        .iter()
        .find(|name| name.ends_with("– formulär"))
        .unwrap_or_else(|| panic!("a sheet of forms: {names:?}"))
        .clone();
    assert_eq!(names.last().map(String::as_str), Some("Tidslogg"));
    let forms = sheet(&mut book, &forms_name);
    let poll = common::fixture::segment_of(&session, samla::agenda::SegmentKind::Poll);
    let answers = session.poll(poll).expect("answers");
    assert_eq!(forms.len() - 1, answers.respondents.len());
    let heads = &forms[0];
    assert_eq!(
        heads[..3],
        ["Nr", "Lämnat via", "Sektor"].map(|head| Data::String(head.to_owned()))
    );
    let segment = &session.agenda.segments[poll.0];
    for (row, respondent) in forms[1..].iter().zip(&answers.respondents) {
        assert_eq!(text(&row[1]), "papper");
        let mut cells = row[3..].iter();
        for (position, (question, answer)) in segment
            .statements
            .iter()
            .zip(&respondent.answers)
            .enumerate()
        {
            let cell = cells.next().expect("a cell per question");
            let labels = samla::i18n::option_labels(question, session.agenda.language);
            match answer {
                samla::session::Answer::Value(value) => assert_eq!(number(cell), f64::from(*value)),
                samla::session::Answer::Choice(option) => {
                    assert_eq!(text(cell), labels[usize::from(*option)]);
                }
                samla::session::Answer::Text(written) => assert_eq!(&text(cell), written),
                samla::session::Answer::Missing => assert_eq!(*cell, Data::Empty),
                other => assert!(!text(cell).is_empty(), "{other:?}"),
            }
            if question.other_option().is_some() {
                let beside = cells.next().expect("the text beside Annat");
                let written = respondent.other.get(&position).cloned().unwrap_or_default();
                assert_eq!(text(beside), written);
            }
        }
    }
    let written: Vec<String> = forms[1..]
        .iter()
        .flat_map(|row| row.iter().map(|cell| cell.to_string()))
        .collect();
    assert!(written.contains(&"Fritidsgården".to_owned()), "{written:?}");
    // The time log: starts as times of day, minutes as numbers.
    let log = sheet(&mut book, "Tidslogg");
    assert_eq!(
        log[0],
        ["Pass", "Planerad start", "Start", "Planerat", "Faktiskt"]
            .map(|head| Data::String(head.to_owned()))
    );
    let first = &session.agenda.segments[0];
    assert_eq!(text(&log[1][0]), first.title);
    let starts = session.planned_starts();
    assert_eq!(
        log[1][1].as_time(),
        Some(starts[0].with_timezone(&report.offset).time())
    );
    assert_eq!(number(&log[1][3]), f64::from(first.minutes));
    let planned: f64 = session
        .agenda
        .segments
        .iter()
        .map(|segment| f64::from(segment.minutes))
        .sum();
    let (_, total) = row_of(&log, "Totalt", 1);
    assert_eq!(number(&total[3]), planned);
}

#[test]
fn the_participants_workbook_has_no_forms_nor_time_log() {
    let session = crate::bundled_fidelity::theme_day();
    let book = open(xlsx(&summary(&session)).expect("a workbook"));
    let names = book.sheet_names();
    assert!(
        !names
            .iter()
            .any(|name| name.contains("formulär") || name == "Tidslogg"),
        "{names:?}"
    );
    assert_eq!(names.len(), 2, "the cards and the survey: {names:?}");
}

#[test]
fn a_series_workbook_has_every_sessions_cards_surveys_and_the_trends_with_their_dates() {
    let sessions = common::survey::trust_measured_three_times();
    let mut third = seminar_3();
    third.agenda.title = "Tredje".to_owned();
    let all: Vec<&Session> = sessions.iter().chain([&third]).collect();
    let bytes = series_xlsx(&samla::export::SeriesSummary {
        name: "Sandviken",
        groups: &sessions[0].groups,
        sessions: &all,
        as_of: saved_at(),
        offset: chrono::FixedOffset::east_opt(3600).expect("an offset"),
        names: false,
    })
    .expect("a workbook");
    let mut book = open(bytes);
    let names = book.sheet_names();
    assert_eq!(names[0], "Kort");
    assert_eq!(names.last().map(String::as_str), Some("Frågorna över tid"));
    assert!(names.contains(&"1. Enkät".to_owned()) && names.contains(&"3. Enkät".to_owned()));
    let cards = sheet(&mut book, "Kort");
    assert_eq!(
        cards.len() - 1,
        third.cards.len(),
        "only the third has cards"
    );
    assert!(cards[1..].iter().all(|row| text(&row[0]) == "Tredje"));
    let trends = sheet(&mut book, "Frågorna över tid");
    assert_eq!(
        trends[0],
        [
            "Påstående",
            "Mätning",
            "Datum",
            "n",
            "Medel",
            "i högre grad"
        ]
        .map(|head| Data::String(head.to_owned()))
    );
    let trust: Vec<(NaiveDate, f64, f64)> = trends[1..]
        .iter()
        .filter(|row| text(&row[0]) == "Vi har tillit till varandras kompetens")
        .map(|row| {
            (
                row[2].as_date().expect("a date"),
                number(&row[4]),
                number(&row[5]),
            )
        })
        .collect();
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    assert_eq!(
        trust,
        [
            (date(2023, 9, 14), 3.2, 0.2),
            (date(2024, 9, 12), 3.8, 0.8),
            (date(2025, 6, 5), 4.1, 1.0),
        ]
    );
}
