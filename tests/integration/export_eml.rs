//! The e-mail draft read back with a real MIME parser (mail-parser): headers,
//! the two alternative parts, and the same bytes every time.

use crate::common;

use chrono::FixedOffset;
use common::fixture::{saved_at, seminar_3};
use mail_parser::{MessageParser, MimeHeaders};
use samla::export::{Summary, eml, html, markdown, parse_recipients};
use samla::session::Session;

fn summary(session: &Session) -> Summary<'_> {
    Summary {
        session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        private: false,
        names: false,
        report: false,
        intro: None,
        removed: &[],
    }
}

fn draft(to: &[&str]) -> Vec<u8> {
    let to: Vec<_> = to
        .iter()
        .flat_map(|a| parse_recipients(a).expect("an address"))
        .collect();
    eml(&summary(&seminar_3()), &to).expect("an e-mail")
}

/// The facilitator's report of `session` as an e-mail draft.
fn report_eml(session: &samla::session::Session) -> Vec<u8> {
    let report = Summary {
        report: true,
        ..summary(session)
    };
    eml(&report, &[]).expect("an e-mail")
}

#[test]
fn the_draft_matches_its_golden_file_and_is_the_same_every_time() {
    let bytes = draft(&["deltagare@kommun.se"]);
    assert_eq!(bytes, draft(&["deltagare@kommun.se"]));
    insta::assert_snapshot!("seminar_3_summary_eml", String::from_utf8_lossy(&bytes));
    let session = seminar_3();
    let report = report_eml(&session);
    insta::assert_snapshot!("seminar_3_report_eml", String::from_utf8_lossy(&report));
}

#[test]
fn the_report_cannot_be_taken_for_the_summary() {
    let session = seminar_3();
    let report = report_eml(&session);
    let message = MessageParser::default().parse(&report).expect("parses");
    assert_eq!(
        message.subject(),
        Some(
            "Processledarens rapport: Seminarium 3: Samverkan och samordnat stöd vid närvaroproblem i förskola och skola"
        )
    );
    let text = message.body_text(0).expect("a text part");
    assert!(
        text.starts_with("Internt: processledarens rapport."),
        "the first line says it is internal: {text}"
    );
    let html = message.body_html(0).expect("an HTML part");
    assert!(
        html.contains("<strong>Internt: processledarens rapport."),
        "{html}"
    );
    let mut english = session.clone();
    english.agenda.language = samla::agenda::Language::En;
    let report = report_eml(&english);
    let message = MessageParser::default().parse(&report).expect("parses");
    assert!(
        message
            .subject()
            .is_some_and(|subject| subject.starts_with("Facilitator's report: Seminar 3: ")),
        "{:?}",
        message.subject()
    );
}

#[test]
fn headers_say_draft_utf8_subject_date_and_recipients() {
    let bytes = draft(&["deltagare@kommun.se", "rektor@skola.se"]);
    let raw = String::from_utf8_lossy(&bytes);
    let subject_line = raw
        .lines()
        .find(|line| line.starts_with("Subject:"))
        .expect("a subject");
    assert!(
        subject_line.contains("=?utf-8?"),
        "RFC 2047: {subject_line}"
    );
    let message = MessageParser::default().parse(&bytes).expect("parses");
    assert_eq!(
        message.subject(),
        Some("Seminarium 3: Samverkan och samordnat stöd vid närvaroproblem i förskola och skola")
    );
    let to: Vec<&str> = message
        .to()
        .expect("To")
        .iter()
        .filter_map(|address| address.address())
        .collect();
    assert_eq!(to, ["deltagare@kommun.se", "rektor@skola.se"]);
    assert_eq!(
        message.date().map(|date| date.to_timestamp()),
        Some(saved_at().timestamp())
    );
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert!(message.header_raw("MIME-Version").is_some());
}

#[test]
fn the_parts_are_plain_text_and_the_html_alternatives() {
    let bytes = draft(&[]);
    let message = MessageParser::default().parse(&bytes).expect("parses");
    let root = message.root_part();
    let content_type = root.content_type().expect("a content type");
    assert_eq!(content_type.ctype(), "multipart");
    assert_eq!(content_type.subtype(), Some("alternative"));
    let session = seminar_3();
    assert_eq!(message.text_body_count(), 1);
    assert_eq!(message.html_body_count(), 1);
    let text = message
        .body_text(0)
        .expect("a text part")
        .replace("\r\n", "\n");
    // Plain text, not Markdown source: no escapes, no pipe tables, no #s.
    for escape in [
        "\\|", "\\#", "\\*", "\\-", "\\.", "\\[", "\\<", "\\`", "\\_",
    ] {
        assert!(!text.contains(escape), "{escape} in the text part:\n{text}");
    }
    for line in text.lines() {
        assert!(
            !line.starts_with('|') && !line.starts_with('#') && !line.starts_with("**"),
            "Markdown in the text part: {line}"
        );
    }
    // Every card, literally, each of its lines.
    for card in &session.cards {
        for line in card.text.lines() {
            assert!(text.contains(line.trim()), "{line:?} missing:\n{text}");
        }
    }
    assert!(
        text.contains(
            "Samverkan och samordnat stöd vid närvaroproblem i förskola och skola\n====="
        )
    );
    assert!(
        !markdown(&summary(&session)).contains("\n====="),
        "the two parts differ"
    );
    assert_eq!(
        message
            .body_html(0)
            .expect("an HTML part")
            .replace("\r\n", "\n"),
        html(&summary(&session))
    );
    assert!(message.to().is_none(), "no recipients when none are given");
}

#[test]
fn a_display_name_with_a_comma_list_gives_exactly_the_addresses_meant() {
    let bytes = draft(&["Evil <a@b.se>, c@d.se", "\"Berg, Maria\" <maria@kommun.se>"]);
    let message = MessageParser::default().parse(&bytes).expect("parses");
    let to: Vec<(Option<&str>, Option<&str>)> = message
        .to()
        .expect("a To header")
        .iter()
        .map(|addr| (addr.name(), addr.address()))
        .collect();
    assert_eq!(
        to,
        [
            (Some("Evil"), Some("a@b.se")),
            (None, Some("c@d.se")),
            (Some("Berg, Maria"), Some("maria@kommun.se")),
        ]
    );
}

#[test]
fn in_the_text_part_tables_of_one_shape_are_all_tables() {
    for report in [false, true] {
        let session = crate::common::fixture::seminar_3_as_sent();
        let bytes = eml(
            &Summary {
                report,
                ..summary(&session)
            },
            &[],
        )
        .expect("an e-mail");
        let message = MessageParser::default().parse(&bytes).expect("parses");
        let text = message.body_text(0).expect("a text part");
        // Every theme's table, short statements or long, has its head ruled
        // off; none falls back to a list of "head: cell" pairs.
        for theme in [
            "ÖKAD KUNSKAP",
            "ÖKAD FÖRMÅGA ATT UTVECKLA SAMVERKANSARBETE",
            "ÖKAD SAMSYN",
        ] {
            let after = &text[text
                .find(theme)
                .unwrap_or_else(|| panic!("{theme}: {text}"))..];
            let rule = after.lines().nth(3).unwrap_or_default();
            assert!(
                rule.starts_with("-----")
                    && !after.lines().nth(4).unwrap_or_default().starts_with("- "),
                "{theme} is no table (report: {report}):\n{after}"
            );
        }
        let statements = &text[text.find("Påstående").expect("the statements' table")..];
        assert!(
            statements
                .lines()
                .nth(1)
                .unwrap_or_default()
                .starts_with("-----")
        );
        assert!(
            statements
                .lines()
                .take_while(|line| !line.is_empty())
                .all(|line| line.chars().count() <= 78),
            "wider than a mail window:\n{statements}"
        );
    }
}
