//! `samla run` and `samla present` side by side on one data folder, each in a
//! real pseudo-terminal: what the facilitator does shows in the projector.

use crate::common;

use common::pty::PtyApp;

/// The rows of the present view below the title at 100×30: the big countdown.
fn digits(screen: &str) -> String {
    screen
        .lines()
        .skip(2)
        .take(20)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_room_sees_the_timer_the_segment_the_minutes_and_the_cards_but_no_private_note() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut run = PtyApp::spawn(
        &["run", "seminarium-1", "--groups", "3"],
        home.path(),
        120,
        35,
    );
    run.wait_for_text("Förmätning");
    let mut present = PtyApp::spawn(&["present"], home.path(), 100, 30);
    // The room reads no instruction meant for the facilitator.
    let before = present.wait_for("the projector before the start", |screen| {
        screen.contains("Börjar snart") && screen.contains("Nästa: ")
    });
    assert!(!before.contains("Mellanslag"), "{before}");

    run.send(b" ");
    // Time left, as the room reads a countdown.
    let started = present.wait_for_text("5 min kvar");
    present.wait_for("the countdown to move", |screen| {
        digits(screen) != digits(&started)
    });

    run.send(b"nn");
    present.wait_for_text("Inledande gruppsamtal om föreläsningen");
    present.wait_for_text("Vad blev jag nyfiken på?");
    run.send(b"+");
    present.wait_for_text("31 min kvar");

    run.send(b"2a");
    run.wait_for_text("Nytt kort");
    run.send("Kort till rummet 🙂".as_bytes());
    run.wait_for_text("Kort till rummet");
    run.send(b"\x1b");
    // A key right behind Esc would read as Alt+key; wait as a person would.
    run.wait_for("the editor to close", |screen| {
        !screen.contains("Nytt kort")
    });
    run.send(b"f");
    run.wait_for_text("Privat anteckning");
    run.send("Hemligt för rummet".as_bytes());
    run.wait_for_text("Hemligt för rummet");
    run.send(b"\x1b");
    run.wait_for("the editor to close", |screen| {
        !screen.contains("Esc sparar")
    });

    present.send(b"b");
    let board = present.wait_for("the card on the room's board", |screen| {
        screen.contains("Kort till rummet 🙂") && screen.contains("Grupp 2 (1)")
    });
    assert!(
        !board.contains("Hemligt"),
        "a private note reached the room:\n{board}"
    );

    let lock = std::fs::read_dir(home.path().join("sessions"))
        .expect("sessions")
        .map(|entry| entry.expect("an entry").path())
        .find(|path| path.extension().is_some_and(|ext| ext == "lock"))
        .expect("the run screen's lock");
    assert_eq!(
        std::fs::read_to_string(lock).expect("the lock").trim(),
        run.pid().to_string(),
        "present never takes the lock"
    );
    // `q` is the run screen's quote mark: here it leaves nothing. `?` shows
    // the view's keys, Esc closes them, and Ctrl+Q leaves.
    present.send(b"q?");
    present.wait_for_text("lämna projektorvyn");
    present.send(b"\x1b");
    present.wait_for("the help to close", |screen| {
        !screen.contains("lämna projektorvyn")
    });
    // Still there: `b` hides the board it showed.
    present.send(b"b");
    present.wait_for("the board to go", |screen| !screen.contains("Grupp 2 (1)"));
    present.send(b"\x11");
    assert!(
        present
            .wait_exit(common::pty::PATIENCE)
            .expect("present exits")
            .success()
    );
    assert!(run.quit().success());
}

#[test]
fn present_without_a_running_session_says_what_to_do() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = common::samla_in(home.path(), home.path(), &["present"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("no session is running"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_projector_shows_the_way_in_until_the_run_screen_quits_and_then_that_the_room_closed() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut run = PtyApp::spawn(
        &[
            "run",
            "seminarium-3",
            "--groups",
            "2",
            "--room",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
        ],
        home.path(),
        120,
        35,
    );
    run.wait_for_text("Rummet är öppet");
    let mut present = PtyApp::spawn(&["present"], home.path(), 120, 35);
    // Before the start: the join slide, the steps beside a large code.
    present.wait_for("the join slide", |screen| {
        screen.contains("Skanna QR-koden") && screen.contains("Börjar snart")
    });
    run.send(b"\x1b");
    run.wait_for("the join screen to close", |screen| {
        !screen.contains("Rummet är öppet")
    });
    run.send(b" ");
    // Started: the code in its corner, the address and the code beneath it.
    let started = present.wait_for("the code in its corner", |screen| {
        screen.contains("min kvar") && screen.contains("kod ")
    });
    assert!(!started.contains("Skanna QR-koden"), "{started}");
    // `w` hides the code; the address and the code stay on the last line.
    present.send(b"w");
    present.wait_for("the way in on the last line", |screen| {
        screen
            .lines()
            .last()
            .is_some_and(|line| line.contains("rummet 127.0.0.1:") && line.contains("kod "))
    });
    assert!(run.quit().success());
    let closed = present.wait_for_text("Rummet är stängt");
    assert!(!closed.contains("127.0.0.1"), "{closed}");
    present.send(b"\x11");
    assert!(
        present
            .wait_exit(common::pty::PATIENCE)
            .expect("present exits")
            .success()
    );
}
