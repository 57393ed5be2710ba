//! Saving the large session (12 groups × 40 cards of ~300 characters): to RON
//! text, and to disk atomically with both fsyncs. Run with `cargo bench --bench store`.

mod common;

use common::{add_card, one_pm, seminar_3};
use samla::store::{SessionFile, VERSION, write_atomic};

fn main() {
    divan::main();
}

fn large_session() -> SessionFile {
    let mut session = seminar_3();
    for group in 0..12 {
        for n in 0..40 {
            add_card(&mut session, 3, group, n);
        }
    }
    SessionFile {
        version: VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: one_pm(),
        language: samla::agenda::Language::Sv,
        session: session.into(),
        draft: None,
        room: None,
        devices: Default::default(),
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
