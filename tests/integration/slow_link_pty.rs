//! Keys as a slow link delivers them: Esc and the next key in one write,
//! which a terminal reads as Alt+key. In the real binary in a pseudo-terminal,
//! they are the two keys, so two cards never run together.

use samla::session::Lane;

use crate::common::pty::{PtyApp, status_line_drawn, wait_for_file};

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
    app.send(b"\x1b");
    let file = wait_for_file(home.path(), "three cards", |file| {
        file.session.cards.len() == 3
    });
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
    assert!(app.quit().success());
}
