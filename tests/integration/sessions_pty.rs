//! Never losing a note, with the real binary in a pseudo-terminal: `kill -9`
//! while typing, resume, the lock, a data folder that refuses, a panic, and the
//! offer to go on with today's session.

use crate::common;

use std::path::Path;
use std::time::Duration;

use common::pty::{PtyApp, session_files, status_line_drawn, wait_for_file};
use samla::store::{SessionFile, backup_path};

/// The only session file, read with the real parser.
fn the_session(home: &Path) -> SessionFile {
    let files = session_files(home);
    assert_eq!(files.len(), 1, "{files:?}");
    SessionFile::load(&files[0]).expect("the session file parses")
}

/// A small deterministic generator, so a failing round can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn kill_9_while_typing_20_times_loses_at_most_the_last_second() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut dice = Dice(0x5eed_2026);
    let mut typed = String::new();
    for round in 0..20 {
        let args: &[&str] = if round == 0 {
            &["run", "seminarium-1"]
        } else {
            &["resume"]
        };
        let mut app = PtyApp::spawn(args, home.path(), 100, 30);
        app.wait_for_text("Förmätning");
        if round == 0 {
            app.send(b"a");
        }
        app.wait_for_text("Nytt kort");
        let word = format!("ord{round}åö ");
        let checked = round % 5 == 4;
        if checked {
            // Typed, and on disk once the typing window is over: this text
            // must survive the kill.
            app.send(word.as_bytes());
            typed.push_str(&word);
            app.wait_for_text(word.trim_end());
            common::pty::wait_for_file(home.path(), "the typed word on disk", |file| {
                file.draft
                    .as_ref()
                    .is_some_and(|draft| draft.text.contains(&typed))
            });
        } else {
            // Killed at a random moment while keys still arrive.
            for c in word.chars() {
                app.send(c.to_string().as_bytes());
                std::thread::sleep(Duration::from_millis(dice.roll(40)));
            }
        }
        app.kill9();
        let file = the_session(home.path());
        let draft = file.draft.expect("the open card is kept as a draft");
        if checked {
            assert!(
                draft.text.contains(&typed),
                "round {round}: {draft:?} lacks {typed:?}"
            );
        }
        let backup = backup_path(&session_files(home.path())[0]);
        if backup.exists() {
            SessionFile::load(&backup).expect("the backup parses too");
        }
        typed = draft.text;
    }
    let mut app = PtyApp::spawn(&["resume"], home.path(), 100, 30);
    app.wait_for_text("ord19åö");
    app.send(b"\x1b");
    app.wait_for("the editor to close", |screen| {
        !screen.contains("Nytt kort")
    });
    assert!(app.quit().success());
    let file = the_session(home.path());
    assert!(file.draft.is_none());
    assert!(
        file.session.cards[0].text.contains("ord9åö"),
        "{:?}",
        file.session.cards
    );
}

#[test]
fn a_second_samla_on_the_same_session_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = PtyApp::spawn(&["run", "seminarium-2"], home.path(), 100, 30);
    first.wait_for_text("Att utreda närvaroproblem i skolan");
    let deadline = std::time::Instant::now() + common::pty::PATIENCE;
    while session_files(home.path()).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let path = session_files(home.path())[0].clone();
    let id = path
        .file_stem()
        .expect("a stem")
        .to_string_lossy()
        .into_owned();
    let second = common::samla_in(home.path(), home.path(), &["resume", &id]);
    assert_eq!(second.code, Some(1));
    assert!(
        second.stderr.contains("redan öppen i en annan samla"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains(&first.pid().to_string()),
        "{}",
        second.stderr
    );
    assert!(first.quit().success());
}

#[test]
fn a_data_folder_that_refuses_shows_a_warning_and_the_notes_are_saved_once_it_accepts() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 100, 30);
    app.wait_for_text("Förmätning");
    // The folder is taken away only after the first save has landed in it.
    wait_for_file(home.path(), "the first save", |_| true);
    let sessions = home.path().join("sessions");
    let aside = home.path().join("sessions-aside");
    // A file where the folder was: no file can be made in it, even as root.
    std::fs::rename(&sessions, &aside).expect("move the folder away");
    std::fs::write(&sessions, "").expect("a file in its place");
    app.send(b"a");
    app.send("Viktigt: å ä ö".as_bytes());
    app.send(b"\x1b");
    app.wait_for_text("KAN INTE SPARA");
    app.send(b"\x11");
    app.wait_for_text("Sessionen är inte sparad");
    app.send(b"n");
    app.wait_for("the question to close", |screen| {
        !screen.contains("inte sparad")
    });
    std::fs::remove_file(&sessions).expect("remove the file");
    std::fs::rename(&aside, &sessions).expect("the folder back");
    app.wait_for("the warning to go", |screen| {
        !screen.contains("KAN INTE SPARA")
    });
    assert!(app.quit().success());
    let file = the_session(home.path());
    assert_eq!(file.session.cards[0].text, "Viktigt: å ä ö");
}

#[test]
fn a_panic_saves_the_session_before_samla_exits() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::spawn_with_env(
        &["run", "seminarium-1"],
        home.path(),
        100,
        30,
        &[("SAMLA_TEST_PANIC_KEY", "1")],
    );
    app.wait_for_text("Förmätning");
    app.send(b"a");
    app.send(b"Sparad trots allt");
    app.send(b"\x1b");
    app.wait_for_text("Sparad trots allt");
    app.send(b"!");
    let status = app.wait_exit(common::pty::PATIENCE).expect("samla exits");
    assert!(!status.success());
    assert_eq!(
        the_session(home.path()).session.cards[0].text,
        "Sparad trots allt"
    );
}

#[cfg(unix)]
#[test]
fn session_files_are_owner_only_in_an_owner_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 100, 30);
    app.wait_for_text("Förmätning");
    app.send(b" ");
    app.wait_for_text("0 / 5 min");
    // The start on disk first, so that quitting writes again and keeps a backup.
    wait_for_file(home.path(), "the start on disk", |file| {
        file.session.has_begun()
    });
    assert!(app.quit().success());
    let path = &session_files(home.path())[0];
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(path), 0o600);
    assert_eq!(mode(&backup_path(path)), 0o600);
    assert_eq!(mode(&home.path().join("sessions")), 0o700);
}

#[test]
fn run_offers_to_go_on_with_todays_unfinished_session() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = PtyApp::spawn(
        &["run", "seminarium-1", "--groups", "3"],
        home.path(),
        100,
        30,
    );
    first.wait_for_text("Förmätning");
    first.send(b"a");
    first.send(b"Fortsatt kort");
    first.send(b"\x1b");
    first.wait_for_text("Fortsatt kort");
    assert!(first.quit().success());

    let mut again = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 100, 30);
    again.wait_for_text("Fortsätta den? [J/n]");
    again.send(b"\r");
    again.wait_for_text("Fortsatt kort");
    assert!(again.quit().success());
    assert_eq!(session_files(home.path()).len(), 1, "no second session");

    let mut fresh = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 100, 30);
    fresh.wait_for_text("Fortsätta den? [J/n]");
    fresh.send(b"n\r");
    let screen = fresh.wait_for("the new session's whole screen", |screen| {
        screen.contains("Förmätning") && status_line_drawn(screen)
    });
    assert!(!screen.contains("Fortsatt kort"), "{screen}");
    assert!(fresh.quit().success());
    assert_eq!(session_files(home.path()).len(), 2, "a new session");
}

#[test]
fn ctrl_q_while_typing_keeps_the_card_a_draft_says_so_and_resume_reopens_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 100, 30);
    app.wait_for_text("Förmätning");
    app.send(b"a");
    app.wait_for_text("Nytt kort");
    app.send("halvt skrivet".as_bytes());
    app.wait_for_text("halvt skrivet");
    assert!(app.quit().success());
    app.wait_for_text("finns kvar som utkast");
    let file = the_session(home.path());
    assert!(file.session.cards.is_empty(), "half-typed text is no card");
    assert_eq!(file.draft.expect("the draft").text, "halvt skrivet");
    let mut again = PtyApp::spawn(&["resume"], home.path(), 100, 30);
    again.wait_for("the card back in the editor", |screen| {
        screen.contains("Nytt kort") && screen.contains("halvt skrivet")
    });
    assert!(again.quit().success());
}

#[test]
fn the_continue_question_wraps_between_words_on_a_narrow_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 100, 30);
    first.wait_for_text("Förmätning");
    assert!(first.quit().success());
    let mut again = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 40, 20);
    let screen = again.wait_for_text("Fortsätta den? [J/n]");
    // Every word of the offer stands whole on one line.
    for word in [
        "påbörjad",
        "Skolnärvaro.",
        "översikt",
        "forskning",
        "närvaro",
    ] {
        assert!(
            screen.lines().any(|line| line.contains(word)),
            "{word} is split in\n{screen}"
        );
    }
    again.send(b"n\r");
    again.wait_for_text("Förmätning");
    assert!(again.quit().success());
}

#[test]
fn groups_asked_for_when_continuing_apply_and_are_said() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = PtyApp::spawn(&["run", "seminarium-1"], home.path(), 120, 30);
    first.wait_for_text("Förmätning");
    assert!(first.quit().success());
    let mut again = PtyApp::spawn(
        &["run", "seminarium-1", "--groups", "5"],
        home.path(),
        120,
        30,
    );
    again.wait_for_text("Fortsätta den? [J/n]");
    again.send(b"\r");
    again.wait_for_text("Nu 5 grupper");
    again.send(b"5");
    again.wait_for_text("Grupp 5");
    assert!(again.quit().success());
    assert_eq!(the_session(home.path()).session.groups.len(), 5);
}

/// Runs `agenda` in a fresh screen, adds the card `text` unless it is empty,
/// and quits.
fn run_with_card(home: &Path, agenda: &str, text: &str) {
    let mut app = PtyApp::spawn(&["run", agenda, "--groups", "2"], home, 100, 30);
    app.wait_for("the run screen", status_line_drawn);
    if !text.is_empty() {
        app.send(b"a");
        app.wait_for_text("Nytt kort");
        app.send(text.as_bytes());
        app.wait_for_text(text);
        app.send(b"\x1b");
        app.wait_for("the card saved", |screen| !screen.contains("Nytt kort"));
    }
    assert!(app.quit().success());
}

#[test]
fn resume_passes_over_an_empty_session_and_asks_when_two_hold_work() {
    let home = tempfile::tempdir().expect("temp dir");
    run_with_card(home.path(), "seminarium-3", "Kort i trean");
    // A bare start left behind, newer than the real one.
    run_with_card(home.path(), "seminarium-1", "");
    let mut resumed = PtyApp::spawn(&["resume"], home.path(), 100, 30);
    resumed.wait_for_text("Kort i trean");
    assert!(resumed.quit().success());

    // `samla sessions` tells the two apart.
    let listed = common::samla_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        home.path(),
        &["sessions"],
    );
    let rows: Vec<&str> = listed.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{}", listed.stdout);
    for row in rows {
        let state = if row.contains("seminarium-1") {
            "empty"
        } else {
            "unfinished"
        };
        assert!(row.contains(&format!(" {state} ")), "{}", listed.stdout);
    }

    run_with_card(home.path(), "seminarium-2", "Kort i tvåan");
    let swedish = [("LANG", "sv_SE.UTF-8")];
    let mut asked = PtyApp::spawn_with_env(&["resume"], home.path(), 100, 30, &swedish);
    let question = asked.wait_for_text("Vilken vill du fortsätta?");
    assert!(
        question.contains("Flera påbörjade sessioner finns"),
        "{question}"
    );
    assert!(
        question.contains("1) ") && question.contains("seminarium-2"),
        "the newest first: {question}"
    );
    assert!(
        question.contains("2) ") && question.contains("seminarium-3"),
        "{question}"
    );
    assert!(
        !question.contains("seminarium-1"),
        "the empty one is no choice: {question}"
    );
    asked.send(b"2\r");
    asked.wait_for_text("Kort i trean");
    assert!(asked.quit().success());
}
