//! A 40-card report-back typed into the action plan of the real binary in a
//! pseudo-terminal: five groups, eight cards each over the three horizons,
//! with realistic sentences. Counts the keys the note-taker presses beyond
//! the text, now (Alt+column, the text, Esc) and as they were before the
//! selected column (`a`, the text, Esc, then `h` for each column past the
//! first), checks that every card landed where it belongs, and gives the
//! seconds each takes at a note-taker's pace. Run with
//! `cargo bench --bench report_back`.

#[allow(dead_code)] // the benchmark uses a part of the test helper
#[path = "../tests/integration/common/pty.rs"]
mod pty;

use std::time::Instant;

/// A fast note-taker: 300 keystrokes a minute.
const KEYS_PER_SECOND: f64 = 5.0;

const SAYINGS: [&str; 8] = [
    "Gemensam rutin för att följa upp frånvaro från första dagen",
    "Elevhälsan och socialtjänsten träffas varje månad",
    "Kartlägg orsakerna innan insatserna väljs",
    "Vårdnadshavare får veta mer, och tidigare",
    "Närvaroteam på varje skola",
    "En kontaktperson per familj",
    "Utbildning för alla mentorer",
    "Följ upp handlingsplanen i maj",
];

fn main() {
    let home = tempfile::tempdir().expect("a data folder");
    let mut app = pty::PtyApp::spawn(
        &["run", "seminarium-3", "--groups", "5"],
        home.path(),
        200,
        50,
    );
    app.wait_for("the run screen", pty::status_line_drawn);
    app.send(b"nnn");
    pty::wait_for_file(home.path(), "the action plan", |file| {
        file.session.current == samla::session::SegmentIx(3)
    });
    let mut text_keys = 0;
    let mut keys_now = 0;
    let mut keys_before = 0;
    let mut cards = Vec::new();
    let started = Instant::now();
    for group in 1..=5u8 {
        app.send(&[b'0' + group]);
        keys_now += 1;
        keys_before += 1;
        for (n, saying) in SAYINGS.iter().enumerate() {
            let column = [1u8, 1, 1, 2, 2, 2, 3, 3][n];
            let text = format!("{saying} ({group}.{n})");
            let before = cards.len();
            app.send(&[0x1b, b'0' + column]);
            app.wait_for_text("Nytt kort");
            app.send(text.as_bytes());
            app.wait_for_text(&format!("({group}.{n})"));
            app.send(b"\x1b");
            cards.push((text.clone(), group, column));
            pty::wait_for_file(home.path(), "the card", |file| {
                file.session.cards.len() == before + 1
            });
            text_keys += text.chars().count();
            keys_now += 2;
            keys_before += 2 + usize::from(column - 1);
        }
    }
    let elapsed = started.elapsed();
    let file = pty::wait_for_file(home.path(), "40 cards", |file| {
        file.session.cards.len() == 40
    });
    let columns = file
        .session
        .columns(samla::session::SegmentIx(3))
        .expect("the horizons");
    for (text, group, column) in &cards {
        let card = file
            .session
            .cards
            .iter()
            .find(|card| &card.text == text)
            .expect("every card is in the file");
        assert_eq!(
            card.group,
            samla::session::Lane::Group(usize::from(group - 1))
        );
        assert_eq!(
            card.horizon.as_deref(),
            Some(columns[usize::from(column - 1)].as_str())
        );
    }
    assert!(app.quit().success());
    let seconds = |keys: usize| (keys + text_keys) as f64 / KEYS_PER_SECOND;
    println!("A 40-card report-back into the action plan (5 groups × 8 cards over 3 columns):");
    println!("  text                   {text_keys} characters");
    println!("  keys beyond the text   now {keys_now}, before {keys_before}");
    println!(
        "  at {KEYS_PER_SECOND} keys a second  now {:.0} s, before {:.0} s ({:.0} s saved)",
        seconds(keys_now),
        seconds(keys_before),
        seconds(keys_before) - seconds(keys_now)
    );
    println!(
        "  typed by this script   {:.1} s, every card in its group and column",
        elapsed.as_secs_f64()
    );
}
