//! The run screen in a real pseudo-terminal: keys in, screen out, and the
//! terminal restored however samla ends.

use crate::common;

use std::time::Duration;

use common::pty::{PtyApp, is_cooked};

fn start(args: &[&str], cols: u16, rows: u16) -> (PtyApp, tempfile::TempDir) {
    let home = tempfile::tempdir().expect("temp dir");
    let app = PtyApp::spawn(args, home.path(), cols, rows);
    (app, home)
}

/// The rows of the big countdown at 80×24 (below the segment, above the state line).
fn countdown_rows(screen: &str) -> String {
    screen
        .lines()
        .skip(13)
        .take(8)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_default_agenda_runs_and_space_starts_the_countdown() {
    let (mut app, _home) = start(&[], 80, 24);
    app.wait_for("the first segment, not started", |screen| {
        screen.contains("Inte startad – tryck Mellanslag") && screen.contains("Förmätning")
    });
    app.send(b" ");
    let running = app.wait_for_text("0 / 5 min");
    app.wait_for("the countdown to move in the first minute", |screen| {
        countdown_rows(screen) != countdown_rows(&running) && screen.contains("0 / 5 min")
    });
    assert!(app.quit().success());
}

#[test]
fn a_small_terminal_shows_the_countdown_as_text_counting_down() {
    let (mut app, _home) = start(&["run", "seminarium-2"], 60, 13);
    app.wait_for_text("15:00");
    app.send(b" ");
    app.wait_for_text("14:5");
    assert!(app.quit().success());
}

#[test]
fn n_moves_on_plus_adds_a_minute_and_help_shows_every_key() {
    let (mut app, _home) = start(&["run", "seminarium-1"], 120, 30);
    app.wait_for_text("Förmätning");
    app.send(b" ");
    app.wait_for_text("0 / 5 min");
    app.send(b"nn");
    // Each wait is for everything the test then relies on: a screen read at
    // the first sign of a change may still be half drawn.
    app.wait_for("the group discussion", |screen| {
        [
            "Vad blev jag nyfiken på?",
            "Inledande gruppsamtal om föreläsningen",
            "0 / 30 min",
        ]
        .iter()
        .all(|text| screen.contains(text))
    });
    app.send(b"+");
    app.wait_for_text("0 / 31 min");
    app.send(b"?");
    app.wait_for("every key in the help", |screen| {
        ["Tangenter", "Mellanslag", "n / p", "+ / -", "Ctrl+Q", "1–9"]
            .iter()
            .all(|key| screen.contains(key))
    });
    app.send(b"x");
    app.wait_for("the help to close", |screen| !screen.contains("Tangenter"));
    app.send(b"3");
    app.wait_for_text("Grupp 3");
    assert!(app.quit().success());
}

#[test]
fn english_with_lang_and_groups_from_the_command_line() {
    let (mut app, _home) = start(
        &[
            "run",
            "seminarium-3",
            "--lang",
            "en",
            "--group",
            "Norr",
            "--group",
            "Söder",
        ],
        100,
        30,
    );
    app.wait_for_text("Not started – press Space");
    app.send(b"2");
    app.wait_for_text("Söder");
    assert!(app.quit().success());
}

#[test]
fn ctrl_q_restores_the_terminal_and_exits_0() {
    let (mut app, _home) = start(&[], 80, 24);
    app.wait_for_text("Förmätning");
    assert_eq!(
        app.modes(),
        (true, true, true),
        "alternate screen, hidden cursor, bracketed paste"
    );
    assert!(!is_cooked(&app.stty()), "raw mode while running");
    let status = app.quit();
    assert!(status.success(), "{status:?}");
    assert_eq!(app.wait_for_restored_terminal(), (false, false, false));
    assert!(is_cooked(&app.stty()), "{}", app.stty());
}

#[test]
fn ctrl_c_does_not_end_the_seminar_by_accident() {
    let (mut app, _home) = start(&[], 80, 24);
    app.wait_for_text("Förmätning");
    app.send(b"\x03");
    app.wait_for_text("Ctrl+Q avslutar");
    assert!(app.wait_exit(Duration::from_millis(300)).is_none());
    assert!(app.quit().success());
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for signal in ["TERM", "HUP", "INT"] {
        let (mut app, _home) = start(&[], 80, 24);
        app.wait_for_text("Förmätning");
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &app.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = app
            .wait_exit(common::pty::PATIENCE)
            .expect("samla exits on the signal");
        assert!(status.success(), "SIG{signal}: {status:?}");
        assert_eq!(
            app.wait_for_restored_terminal(),
            (false, false, false),
            "SIG{signal}"
        );
        assert!(is_cooked(&app.stty()), "SIG{signal}: {}", app.stty());
    }
}

#[test]
fn a_panic_restores_the_terminal_and_shows_its_message() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app =
        PtyApp::spawn_with_env(&[], home.path(), 80, 24, &[("SAMLA_TEST_PANIC_KEY", "1")]);
    app.wait_for_text("Förmätning");
    app.send(b"!");
    let status = app.wait_exit(common::pty::PATIENCE).expect("samla exits");
    assert!(!status.success());
    assert_eq!(app.wait_for_restored_terminal(), (false, false, false));
    assert!(is_cooked(&app.stty()), "{}", app.stty());
    app.wait_for_text("panic asked for by SAMLA_TEST_PANIC_KEY");
}

#[test]
fn closing_the_terminal_makes_samla_exit_within_two_seconds() {
    let (mut app, _home) = start(&[], 80, 24);
    app.wait_for_text("Förmätning");
    app.send(b" ");
    app.wait_for_text("0 / 5 min");
    app.close_terminal(b"?");
    assert!(
        app.wait_exit(Duration::from_secs(2)).is_some(),
        "samla is still running"
    );
}

#[test]
fn an_unknown_agenda_is_a_one_line_error_without_touching_the_terminal() {
    let (mut app, _home) = start(&["run", "seminarium-9"], 80, 24);
    let status = app.wait_exit(common::pty::PATIENCE).expect("exits");
    assert_eq!(status.exit_code(), 1);
    app.wait_for_text("samla: seminarium-9: no such agenda – did you mean seminarium-");
    assert_eq!(app.wait_for_restored_terminal(), (false, false, false));
}
