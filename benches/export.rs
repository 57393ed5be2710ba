//! The Markdown summary of a 10,000-card session. Run with `cargo bench --bench export`.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use samla::agenda::load_bundled;
use samla::export::{Summary, markdown};
use samla::session::{CardAction, Session, SessionAction};

fn main() {
    divan::main();
}

fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// Seminarium 3 with 12 groups and 10,000 cards of ~300 characters spread over
/// its segments, every third tagged.
fn ten_thousand_cards() -> Session {
    let agenda = load_bundled("seminarium-3")
        .expect("bundled")
        .expect("valid");
    let segments = agenda.segments.len();
    let groups = (1..=12).map(|n| format!("Grupp {n}")).collect();
    let mut session = Session::new(agenda, groups, one_pm());
    let sentence =
        "Vi vill att elevhälsan, socialtjänsten och vården möts tidigt när närvaron sviktar. ";
    for n in 0..10_000 {
        let id = session.next_card_id;
        let add = CardAction::Add {
            segment: n % segments,
            group: Some(n % 12),
            text: format!("Kort {n}: {}", sentence.repeat(4)),
        };
        session.apply(SessionAction::Card(add), one_pm());
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
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        private: false,
        names: false,
    };
    bencher.bench_local(|| divan::black_box(markdown(&summary)));
}
