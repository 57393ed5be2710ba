//! A mixed follow-up survey (docs/examples/blandad-enkat.ron): a 1–4
//! scale in two themes, yes/no with "vet ej", one choice that breaks the
//! tables down, several choices and free text; thirty forms built so that
//! every table's counts can be worked out by hand.

use chrono::{DateTime, TimeZone, Utc};
use samla::agenda::parse_agenda;
use samla::session::{PollAction, Session, SessionAction, parse_line};

/// The agenda, as a file.
pub const AGENDA: &str = "docs/examples/blandad-enkat.ron";

/// The thirty forms, as a note-taker types them: per kind of form, how many
/// and the line. Samsyn splits at 3 (halfway up 1–4):
/// - 10 × school, steering group: samsyn 3,5 higher, tillit 4 higher, yes,
///   phone and meetings, a wish;
/// - 8 × social services, project group: samsyn 2 lower, tillit 1 lower,
///   no, e-mail;
/// - 7 × school, project group: samsyn 3 higher, tillit 2 lower, "vet ej",
///   all three;
/// - 3 × healthcare, no group given: samsyn 1,5 lower, tillit 3 higher,
///   yes, meetings, another wish;
/// - 2 × social services, steering group: samsyn 4 higher, tillit 4
///   higher, no, no channel.
pub const FORMS: [(usize, &str); 5] = [
    (10, "sk 4 3 4 j a ac | Mer tid för samverkan"),
    (8, "so 2 2 1 n b b"),
    (7, "sk 3 3 2 x b abc"),
    (3, "hs 1 2 3 j - c | Ett gemensamt forum"),
    (2, "so 4 4 4 n a -"),
];

/// Every form's line, in the order typed.
pub fn lines() -> Vec<&'static str> {
    FORMS
        .iter()
        .flat_map(|(count, line)| std::iter::repeat_n(*line, *count))
        .collect()
}

/// 13:00 in Stockholm on the day of the survey.
pub fn day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 2, 10, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// The session with the thirty forms entered.
pub fn answered() -> Session {
    answered_with(&lines())
}

/// The session with the forms `lines` entered.
pub fn answered_with(lines: &[&str]) -> Session {
    let text = std::fs::read_to_string(AGENDA).expect("the agenda");
    let agenda = parse_agenda(AGENDA, text.as_bytes()).expect("valid");
    let mut session = Session::new(agenda, vec!["Alla".to_owned()], day());
    let poll = &session.agenda.segments[0];
    let (questions, scale) = (
        poll.statements.clone(),
        poll.scale_or_default(session.agenda.language),
    );
    for line in lines {
        let respondent =
            parse_line(line, &questions, &scale, session.sectors()).expect("a valid line");
        session.apply(
            SessionAction::Poll(PollAction::AddRespondent {
                segment: samla::session::SegmentIx(0),
                respondent,
            }),
            day(),
        );
    }
    session
}

/// A survey of the trust and the shared view that Sandviken measured three
/// times over two years.
const TRUST_SURVEY: &str = r#"Agenda(
    title: "Samverkansenkät",
    event: Meeting,
    segments: [
        (kind: Poll, title: "Enkät", minutes: 15, statements: [
            (text: "Vi har tillit till varandras kompetens", theme: "Tillit"),
            (text: "Vi har en gemensam bild av elevernas behov", theme: "Samsyn"),
        ]),
    ],
)"#;

/// A session of the trust survey held on `date`, with one form per pair of
/// answers (trust, shared view).
fn trust_session(date: (i32, u32, u32), answers: &[(u8, u8)]) -> Session {
    use chrono::TimeZone;
    let agenda = samla::agenda::parse_agenda("enkat.ron", TRUST_SURVEY.as_bytes()).expect("valid");
    let start = chrono::Utc
        .with_ymd_and_hms(date.0, date.1, date.2, 8, 0, 0)
        .single()
        .expect("a time");
    let mut session = Session::new(agenda, vec!["Alla".to_owned()], start);
    let scale = session.agenda.segments[0].scale_or_default(session.agenda.language);
    let questions = session.agenda.segments[0].statements.clone();
    for (trust, shared) in answers {
        let line = format!("- {trust} {shared}");
        let respondent = samla::session::parse_line(&line, &questions, &scale, session.sectors())
            .expect("valid");
        let add = samla::session::PollAction::AddRespondent {
            segment: samla::session::SegmentIx(0),
            respondent,
        };
        session.apply(samla::session::SessionAction::Poll(add), start);
    }
    session
}

/// The trust survey three times over two years, ten forms each, built to
/// give the trust's means 3,2, 3,8 and 4,1.
pub fn trust_measured_three_times() -> [Session; 3] {
    let first: Vec<(u8, u8)> = [3, 3, 3, 3, 3, 3, 3, 3, 4, 4].map(|t| (t, 3)).to_vec();
    let second: Vec<(u8, u8)> = [4, 4, 4, 4, 4, 4, 4, 4, 3, 3].map(|t| (t, 4)).to_vec();
    let third: Vec<(u8, u8)> = [4, 4, 4, 4, 4, 4, 4, 4, 4, 5].map(|t| (t, 4)).to_vec();
    [
        trust_session((2023, 9, 14), &first),
        trust_session((2024, 9, 12), &second),
        trust_session((2025, 6, 5), &third),
    ]
}
