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
