//! Saving the large session (12 groups × 40 cards of ~300 characters): to RON
//! text, and to disk atomically with both fsyncs. Run with `cargo bench --bench store`.

use chrono::{DateTime, TimeZone, Utc};
use samla::agenda::load_bundled;
use samla::session::{CardAction, Session, SessionAction};
use samla::store::{SessionFile, VERSION, write_atomic};

fn main() {
    divan::main();
}

fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

fn large_session() -> SessionFile {
    let agenda = load_bundled("seminarium-3")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=12).map(|n| format!("Grupp {n}")).collect();
    let mut session = Session::new(agenda, groups, one_pm());
    let sentence =
        "Vi vill att elevhälsan, socialtjänsten och vården möts tidigt när närvaron sviktar. ";
    for group in 0..12 {
        for n in 0..40 {
            let add = CardAction::Add {
                segment: 3,
                group: Some(group),
                text: format!("Kort {n}: {}", sentence.repeat(4)),
            };
            session.apply(SessionAction::Card(add), one_pm());
        }
    }
    SessionFile {
        version: VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: one_pm(),
        language: samla::agenda::Language::Sv,
        session,
        draft: None,
    }
}

/// The session as RON text.
#[divan::bench]
fn to_text(bencher: divan::Bencher) {
    let file = large_session();
    bencher.bench_local(|| divan::black_box(file.to_text()));
}

/// Text, temporary file, fsync, backup link, rename, folder fsync: one save.
#[divan::bench(sample_count = 50)]
fn save_atomically(bencher: divan::Bencher) {
    let file = large_session();
    let folder = tempfile::tempdir_in(env!("CARGO_MANIFEST_DIR")).expect("a folder on disk");
    let path = folder.path().join("large.ron");
    bencher.bench_local(|| {
        write_atomic(&path, file.to_text().as_bytes()).expect("saved");
    });
}
