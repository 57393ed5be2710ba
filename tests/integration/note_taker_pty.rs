//! The note-taker's keys in the real binary in a pseudo-terminal: Esc and the
//! next key in one write, as a slow link delivers them (a terminal reads it as
//! Alt+key), are the two keys, so two cards never run together; and a card
//! goes into any column of a board for two keys beyond its text.

use samla::session::Lane;

use samla::store::SessionFile;

use crate::common::pty::{PATIENCE, PtyApp, session_files, status_line_drawn, wait_for_file};

#[test]
fn esc_and_the_next_key_in_one_write_are_two_keys() {
    let home = tempfile::tempdir().expect("a data folder");
    let mut app = PtyApp::spawn(
        &["run", "seminarium-3", "--groups", "3"],
        home.path(),
        120,
        40,
    );
    app.wait_for("the run screen", status_line_drawn);
    app.send(b"2a");
    app.wait_for_text("Nytt kort");
    app.send("Första kortet".as_bytes());
    app.wait_for_text("Första kortet");
    // The card's end and the next card's start, as one read: Esc then `a`.
    app.send(b"\x1ba");
    app.wait_for_text("Nytt kort");
    app.send("Andra kortet".as_bytes());
    app.wait_for_text("Andra kortet");
    // Esc and `3` (select group 3) in one read, then a third card there.
    app.send(b"\x1b3");
    app.wait_for("group 3 selected", |screen| {
        screen
            .lines()
            .last()
            .is_some_and(|line| line.contains("Grupp 3"))
    });
    app.send(b"a");
    app.wait_for_text("Nytt kort");
    app.send("Tredje".as_bytes());
    app.wait_for_text("Tredje");
    // The card's end and Ctrl+Q in one read: the card is saved, then samla quits.
    app.send(b"\x1b\x11");
    assert!(app.wait_exit(PATIENCE).expect("samla exits").success());
    let file = SessionFile::load(&session_files(home.path())[0]).expect("parses");
    assert!(file.draft.is_none(), "no draft left: {:?}", file.draft);
    let cards: Vec<(&str, Lane)> = file
        .session
        .cards
        .iter()
        .map(|card| (card.text.as_str(), card.group))
        .collect();
    assert_eq!(
        cards,
        [
            ("Första kortet", Lane::Group(1)),
            ("Andra kortet", Lane::Group(1)),
            ("Tredje", Lane::Group(2)),
        ]
    );
}

/// What a note-taker sends for one card into column `column` (1-based) of
/// the selected group: Alt+digit, the text, Esc. Returns the keys sent
/// beyond the text.
fn card_in_column(app: &mut PtyApp, home: &std::path::Path, column: u8, text: &str) -> usize {
    let before = wait_for_file(home, "the session", |_| true)
        .session
        .cards
        .len();
    // The keys beyond the text, one entry a key (Alt+digit is one chord).
    let alt_digit = [0x1b, b'0' + column];
    let keys: [&[u8]; 2] = [&alt_digit, b"\x1b"];
    app.send(keys[0]);
    app.wait_for_text("Nytt kort");
    app.send(text.as_bytes());
    app.wait_for_text(text);
    app.send(keys[1]);
    wait_for_file(home, "the card", |file| {
        file.session.cards.len() == before + 1
    });
    keys.len()
}

#[test]
fn a_card_lands_in_any_column_for_two_keys_beyond_its_text() {
    let home = tempfile::tempdir().expect("a data folder");
    let mut app = PtyApp::spawn(
        &["run", "seminarium-3", "--groups", "3"],
        home.path(),
        160,
        48,
    );
    app.wait_for("the run screen", status_line_drawn);
    app.send(b"n");
    wait_for_file(home.path(), "the vision", |file| {
        file.session.current == samla::session::SegmentIx(1)
    });
    app.send(b"2");
    let mut keys = card_in_column(&mut app, home.path(), 3, "Alla barn går till skolan");
    app.send(b"nn");
    wait_for_file(home.path(), "the action plan", |file| {
        file.session.current == samla::session::SegmentIx(3)
    });
    for (column, text) in [
        (1, "Kartlägg frånvaron"),
        (2, "Närvaroteam"),
        (3, "Gemensam rutin"),
    ] {
        keys += card_in_column(&mut app, home.path(), column, text);
    }
    assert!(keys <= 2 * 4, "{keys} keys beyond the text for 4 cards");
    let file = wait_for_file(home.path(), "four cards", |file| {
        file.session.cards.len() == 4
    });
    let session = &file.session;
    for (segment, column, text) in [
        (1, 2, "Alla barn går till skolan"),
        (3, 0, "Kartlägg frånvaron"),
        (3, 1, "Närvaroteam"),
        (3, 2, "Gemensam rutin"),
    ] {
        let card = session
            .cards
            .iter()
            .find(|card| card.text == text)
            .unwrap_or_else(|| panic!("{text}"));
        let columns = session
            .columns(samla::session::SegmentIx(segment))
            .expect("columns");
        assert_eq!(
            card.horizon.as_deref(),
            Some(columns[column].as_str()),
            "{text}"
        );
        assert_eq!(
            (card.segment.0, card.group),
            (segment, Lane::Group(1)),
            "{text}"
        );
    }
    assert!(app.quit().success());
}
