//! The Markdown summary and the workbook of a 10,000-card session and of a
//! survey of 5,000 forms. Run with `cargo bench --bench export`.

mod common;

use common::{add_card, one_pm, seminar_3, stockholm};
use samla::export::{Summary, markdown, xlsx};
use samla::session::{CardAction, Session, SessionAction};

fn main() {
    divan::main();
}

/// Seminarium 3 with 12 groups and 10,000 cards of ~300 characters spread over
/// its segments, every third tagged.
fn ten_thousand_cards() -> Session {
    let mut session = seminar_3();
    let segments = session.agenda.segments.len();
    for n in 0..10_000 {
        let id = add_card(&mut session, n % segments, n % 12, n);
        if n % 3 == 0 {
            session.apply(SessionAction::Card(CardAction::CycleTag { id }), one_pm());
        }
    }
    session
}

/// The summary of `session` at one o'clock, the facilitator's `report` or not.
fn summary(session: &Session, report: bool) -> Summary<'_> {
    Summary {
        session,
        as_of: one_pm(),
        offset: stockholm(),
        private: false,
        names: false,
        report,
        intro: None,
        removed: &[],
    }
}

#[divan::bench]
fn markdown_of_10_000_cards(bencher: divan::Bencher) {
    let session = ten_thousand_cards();
    assert_eq!(session.cards.len(), 10_000);
    let summary = summary(&session, false);
    bencher.bench_local(|| divan::black_box(markdown(&summary)));
}

/// The mixed follow-up survey (docs/examples/blandad-enkat.ron)
/// answered by 5,000 forms, as a municipality-wide web form's export would
/// bring in: ratings in two themes, yes/no, a breakdown, several choices and
/// a free text on every other form.
fn five_thousand_forms() -> Session {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/examples/blandad-enkat.ron"
    );
    let text = std::fs::read_to_string(path).expect("the mixed survey");
    let agenda = samla::agenda::parse_agenda(path, text.as_bytes()).expect("valid");
    let mut session = Session::new(agenda, vec!["Alla".to_owned()], one_pm());
    let poll = &session.agenda.segments[0];
    let (questions, scale) = (
        poll.statements.clone(),
        poll.scale_or_default(session.agenda.language),
    );
    let lines = [
        "sk 4 3 4 j a ac | Mer tid för samverkan kring de elever som är borta mest",
        "so 2 2 1 n b b",
        "sk 3 3 2 x b abc | Ett gemensamt forum",
        "hs 1 2 3 j - c",
    ];
    for n in 0..5_000 {
        let respondent =
            samla::session::parse_line(lines[n % 4], &questions, &scale, session.sectors())
                .expect("a valid line");
        let add = samla::session::PollAction::AddRespondent {
            segment: samla::session::SegmentIx(0),
            respondent,
        };
        session.apply(SessionAction::Poll(add), one_pm());
    }
    session
}

#[divan::bench]
fn markdown_of_a_mixed_survey_of_5_000_forms(bencher: divan::Bencher) {
    let session = five_thousand_forms();
    let summary = summary(&session, true);
    bencher.bench_local(|| divan::black_box(markdown(&summary)));
}

#[divan::bench]
fn workbook_of_10_000_cards(bencher: divan::Bencher) {
    let session = ten_thousand_cards();
    let summary = summary(&session, false);
    bencher.bench_local(|| divan::black_box(xlsx(&summary)));
}

#[divan::bench]
fn workbook_report_of_a_mixed_survey_of_5_000_forms(bencher: divan::Bencher) {
    let session = five_thousand_forms();
    let summary = summary(&session, true);
    bencher.bench_local(|| divan::black_box(xlsx(&summary)));
}
