//! The Markdown summary of a 10,000-card session. Run with `cargo bench --bench export`.

mod common;

use common::{add_card, one_pm, seminar_3, stockholm};
use samla::export::{Summary, markdown};
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

#[divan::bench]
fn markdown_of_10_000_cards(bencher: divan::Bencher) {
    let session = ten_thousand_cards();
    assert_eq!(session.cards.len(), 10_000);
    let summary = Summary {
        session: &session,
        as_of: one_pm(),
        offset: stockholm(),
        private: false,
        names: false,
        report: false,
        intro: None,
    };
    bencher.bench_local(|| divan::black_box(markdown(&summary)));
}
