//! `samla doctor`, the real binary on the real things it checks: a terminal
//! that answers where its cursor is (a pseudo-terminal, answered as the
//! terminal emulator would), a data folder, a port, agendas on disk.

use std::path::Path;
use std::time::Instant;

use crate::common::pty::{PATIENCE, PtyApp};
use crate::common::small_disk::SmallDisk;
use crate::common::{Run, samla_in};

fn doctor(home: &Path, args: &[&str]) -> Run {
    let mut all = vec!["doctor"];
    all.extend_from_slice(args);
    samla_in(Path::new(env!("CARGO_MANIFEST_DIR")), home, &all)
}

/// The line of a finding that starts with `heading` (after its verdict).
fn line<'a>(run: &'a Run, heading: &str) -> &'a str {
    run.stdout
        .lines()
        .find(|line| line.get(6..).is_some_and(|rest| rest.starts_with(heading)))
        .unwrap_or_else(|| panic!("no {heading} line in\n{}", run.stdout))
}

fn write_own_agenda(home: &Path, name: &str, text: &str) {
    let folder = home.join("agendas");
    std::fs::create_dir_all(&folder).expect("the agendas folder");
    std::fs::write(folder.join(name), text).expect("an agenda");
}

#[test]
fn a_good_machine_passes_with_the_folder_the_port_and_the_agendas_checked() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let (_, good) = samla::agenda::bundled_source("seminarium-1").expect("a bundled agenda");
    write_own_agenda(home.path(), "mitt.ron", good);
    let run = doctor(home.path(), &["--bind", "127.0.0.1", "--port", "0"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        line(&run, "Terminal:").starts_with("note"),
        "{}",
        run.stdout
    );
    let folder = line(&run, "Data folder:");
    assert!(
        folder.starts_with("ok") && folder.contains(" free"),
        "{folder}"
    );
    assert!(
        line(&run, "Own agendas:").contains("all 1 in"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("hotspot"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("Firewall"),
        "the firewall hint is Windows' own"
    );
    assert!(run.stdout.contains("Nothing stands in the seminar's way"));
    let leftovers: Vec<_> = std::fs::read_dir(home.path())
        .expect("the data folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name())
        .filter(|name| name.to_string_lossy().starts_with(".samla-doctor"))
        .collect();
    assert!(leftovers.is_empty(), "the probe file stayed: {leftovers:?}");
}

#[test]
fn an_invalid_own_agenda_fails_with_where_and_what() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let bad = std::fs::read_to_string("tests/fixtures/invalid/01-missing-comma.ron")
        .expect("the fixture");
    write_own_agenda(home.path(), "trasig.ron", &bad);
    let run = doctor(home.path(), &["--bind", "127.0.0.1", "--port", "0"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let agenda = line(&run, "Own agenda:");
    assert!(agenda.starts_with("fail"), "{agenda}");
    assert!(agenda.contains("trasig.ron:"), "{agenda}");
    assert!(
        run.stdout.contains("One thing needs fixing"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_data_folder_that_takes_no_files_fails() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let file = home.path().join("en-fil");
    std::fs::write(&file, "not a folder").expect("a file");
    let run = doctor(&file, &["--bind", "127.0.0.1", "--port", "0"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let folder = line(&run, "Data folder:");
    assert!(
        folder.starts_with("fail") && folder.contains("takes no files"),
        "{folder}"
    );
}

#[test]
fn a_nearly_full_disk_fails_with_its_free_space() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let Some(_disk) = SmallDisk::mount(home.path()) else {
        return;
    };
    let run = doctor(home.path(), &["--bind", "127.0.0.1", "--port", "0"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let folder = line(&run, "Data folder:");
    assert!(
        folder.starts_with("fail") && folder.contains("only 4 MB is free"),
        "{folder}"
    );
}

#[test]
fn a_taken_port_fails_and_a_loopback_room_is_a_note() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("its address").port().to_string();
    let run = doctor(home.path(), &["--bind", "127.0.0.1", "--port", &port]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let room = line(&run, "Room:");
    assert!(room.starts_with("fail"), "{room}");
    assert!(
        room.contains(&format!("127.0.0.1:{port}")) && room.contains("already in use"),
        "{room}"
    );
    let run = doctor(home.path(), &["--bind", "127.0.0.1", "--port", "0"]);
    let room = line(&run, "Room:");
    assert!(
        room.starts_with("note") && room.contains("on no network"),
        "{room}"
    );
}

/// Answers samla's questions for the cursor's place as the terminal would:
/// where the emulator has it, `shift` columns further on the `n`th question.
fn answer_cursor_questions(app: &mut PtyApp, questions: usize, shifted: usize, shift: u16) {
    for asked in 1..=questions {
        let deadline = Instant::now() + PATIENCE;
        while count(&app.output(), b"\x1b[6n") < asked {
            assert!(Instant::now() < deadline, "samla asked {} times", asked - 1);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let (row, column) = app.cursor();
        let column = if asked == shifted {
            column + shift
        } else {
            column
        };
        app.send(format!("\x1b[{};{}R", row + 1, column + 1).as_bytes());
    }
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|window| *window == needle)
        .count()
}

/// What `samla doctor` did in a terminal of `cols`×`rows`.
struct InTerminal {
    success: bool,
    /// The screen at the end.
    screen: String,
    /// Everything written, its white space made single spaces.
    words: String,
}

/// Runs `samla doctor` in a `cols`×`rows` terminal that answers `answers`
/// questions for the cursor's place (the `shifted`th `shift` columns on),
/// until it ends and its last words have arrived.
fn doctor_in_terminal(
    cols: u16,
    rows: u16,
    answers: usize,
    shifted: usize,
    shift: u16,
) -> InTerminal {
    let home = tempfile::tempdir().expect("a temporary folder");
    let mut app = PtyApp::spawn(
        &["doctor", "--bind", "127.0.0.1", "--port", "0"],
        home.path(),
        cols,
        rows,
    );
    answer_cursor_questions(&mut app, answers, shifted, shift);
    let status = app.wait_exit(PATIENCE).expect("doctor ends");
    // What samla wrote last may still be on its way from the terminal.
    let deadline = Instant::now() + PATIENCE;
    let words = loop {
        let words = String::from_utf8_lossy(&app.output())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if words.contains(" seminar") || Instant::now() > deadline {
            break words;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    InTerminal {
        success: status.success(),
        screen: app.screen(),
        words,
    }
}

#[test]
fn in_a_terminal_the_size_colours_and_character_widths_are_checked() {
    let run = doctor_in_terminal(120, 40, 2, 0, 0);
    let words = &run.words;
    assert!(run.success, "{words}");
    assert!(
        words.contains("ok Terminal: 120 × 40 characters"),
        "{words}"
    );
    assert!(words.contains("ok Colours: 256, plenty"), "{words}");
    assert!(
        words.contains("ok Characters: å, ä, ö and box-drawing"),
        "{words}"
    );
    assert!(
        !run.screen.contains("åäöÅÄÖ"),
        "the sample was wiped:\n{}",
        run.screen
    );
}

#[test]
fn a_terminal_that_draws_box_characters_double_width_fails() {
    // Six box-drawing characters, each a column too wide, as a terminal set
    // to draw "ambiguous" characters double width does.
    let run = doctor_in_terminal(120, 40, 2, 2, 6);
    assert!(!run.success, "{}", run.words);
    assert!(
        run.words.contains("took 18 columns where samla counts 12"),
        "{}",
        run.words
    );
}

#[test]
fn a_terminal_too_small_to_draw_in_fails_and_one_that_never_answers_is_a_note() {
    let run = doctor_in_terminal(60, 11, 0, 0, 0);
    let words = &run.words;
    assert!(!run.success, "{words}");
    assert!(words.contains("60 × 11 characters is too small"), "{words}");
    assert!(
        words.contains("did not say where its cursor was"),
        "{words}"
    );
}
