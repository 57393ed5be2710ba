//! samla.exe, the build facilitators on Windows download, run under wine:
//! the command line answers as on Linux, the documents are the same bytes,
//! the room takes a phone's card, the lock holds across processes, a save
//! waits out a program that reads the file, and a card typed in a terminal
//! survives quitting and resuming.
//!
//! wine's console draws the run screen with stray fragments of escape
//! sequences, so what the run screen did is read from the session file,
//! not from the screen.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Command;

use crate::common::pty::{PATIENCE, PtyApp, session_files, wait_for_file};
use crate::common::wine::{Windows, windows, windows_path};
use crate::common::{Run, room::Device};

/// The same command by the Linux build, for comparison.
fn native(home: &Path, args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SAMLA_HOME", home)
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .output()
        .expect("samla runs")
        .into()
}

#[test]
fn the_command_line_answers_as_on_linux() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let version = windows.run(home.path(), &["--version"]);
    assert_eq!(version.code, Some(0), "{}", version.stderr);
    let named = format!("samla {} (", env!("CARGO_PKG_VERSION"));
    assert!(version.stdout.starts_with(&named), "{}", version.stdout);
    assert_eq!(version.stdout, native(home.path(), &["--version"]).stdout);

    let agendas = windows.run(home.path(), &["agendas"]);
    assert_eq!(agendas.code, Some(0), "{}", agendas.stderr);
    assert_eq!(agendas.stdout, native(home.path(), &["agendas"]).stdout);

    let good = "agendas/seminarium-3.ron";
    let valid = windows.run(home.path(), &["validate", good]);
    assert_eq!(valid.code, Some(0), "{}", valid.stderr);
    assert_eq!(
        valid.stdout,
        native(home.path(), &["validate", good]).stdout
    );

    let bad = "tests/fixtures/invalid/01-missing-comma.ron";
    let invalid = windows.run(home.path(), &["validate", bad]);
    assert_eq!(invalid.code, Some(1), "{}", invalid.stdout);
    assert!(
        invalid.stderr.starts_with(&format!("{bad}:")),
        "{}",
        invalid.stderr
    );
    assert_eq!(
        invalid.stderr,
        native(home.path(), &["validate", bad]).stderr
    );
}

#[test]
fn export_writes_the_same_documents_as_on_linux_to_a_windows_path() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let session = "tests/fixtures/sessions/version-5-follow-up.ron";
    for format in ["md", "html", "eml", "xlsx"] {
        let on_windows = home.path().join(format!("windows.{format}"));
        let on_linux = home.path().join(format!("linux.{format}"));
        let to = ["--to", "Maria Berg <maria@kommun.se>"];
        let mut args = vec!["export", session, "--format", format];
        if format == "eml" {
            args.extend(to);
        }
        let target = windows_path(&on_windows);
        let run = windows.run(home.path(), &[&args[..], &["-o", &target]].concat());
        assert_eq!(run.code, Some(0), "{format}: {}", run.stderr);
        let linux = on_linux.to_str().expect("a path");
        let run = native(home.path(), &[&args[..], &["-o", linux]].concat());
        assert_eq!(run.code, Some(0), "{format}: {}", run.stderr);
        let windows_bytes = std::fs::read(&on_windows).expect("samla.exe wrote it");
        let linux_bytes = std::fs::read(&on_linux).expect("samla wrote it");
        if format == "eml" {
            // A message has an id and a boundary of its own; its parts are the same.
            let read = |bytes: &[u8]| {
                let message = mail_parser::MessageParser::default()
                    .parse(bytes)
                    .expect("a MIME message");
                (
                    message.subject().map(str::to_owned),
                    message.body_text(0).map(|text| text.into_owned()),
                    message.body_html(0).map(|html| html.into_owned()),
                )
            };
            assert_eq!(read(&windows_bytes), read(&linux_bytes));
            assert!(read(&windows_bytes).1.is_some_and(|text| !text.is_empty()));
        } else if format == "xlsx" {
            // A workbook is dated by its session, so its parts are the same
            // to the byte; the zip around them says which system made it.
            let parts = crate::common::workbook::parts;
            let (windows_parts, linux_parts) = (parts(&windows_bytes), parts(&linux_bytes));
            assert!(windows_parts.contains_key("xl/worksheets/sheet1.xml"));
            assert!(windows_parts == linux_parts, "the workbooks' parts differ");
        } else {
            assert_eq!(
                String::from_utf8_lossy(&windows_bytes),
                String::from_utf8_lossy(&linux_bytes),
                "{format}"
            );
        }
    }
}

#[test]
fn doctor_checks_the_folder_and_names_the_windows_firewall() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let run = windows.run(
        home.path(),
        &["doctor", "--bind", "127.0.0.1", "--port", "0"],
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("Data folder: Z:\\"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Windows Firewall asks"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_room_takes_a_phones_card_into_the_session_file() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let args = [
        "run",
        "seminarium-3",
        "--groups",
        "2",
        "--room",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
    ];
    let mut app = windows.pty(home.path(), &args);
    let file = wait_for_file(home.path(), "the room's door", |file| file.room.is_some());
    let door = file.room.expect("the door");
    // Esc closes the join screen; `n` goes on to the first group work.
    app.send(b"\x1b");
    let mut current = file.session.current;
    while !file_at(home.path())
        .session
        .current_segment()
        .kind
        .is_writing()
    {
        app.send(b"n");
        let moved = wait_for_file(home.path(), "the next segment", |file| {
            file.session.current != current
        });
        current = moved.session.current;
    }
    assert!(door.url.starts_with("http://127.0.0.1:"), "{}", door.url);
    let mut phone = Device::new(&door.url);
    let (joined, _) = phone.join(&door.code);
    assert_eq!(joined, 303, "the code lets the phone in");
    let text = "Elevhälsan och socialtjänsten ses varje månad";
    let (status, _) = phone.post_card(1, text, None);
    assert_eq!(status, 303, "the card is taken");
    wait_for_card(home.path(), "the phone's card", text);
    app.kill9();
}

#[test]
fn the_lock_refuses_a_second_run_of_the_same_session() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let mut app = start_run(windows, home.path());
    let id = session_id(home.path());
    let second = windows.run(home.path(), &["resume", &id]);
    assert_eq!(second.code, Some(1), "{}{}", second.stdout, second.stderr);
    // In the agenda's language, naming the Windows process that holds it.
    let held = format!("sessionen {id} är redan öppen i en annan samla (process ");
    assert!(second.stderr.contains(&held), "{}", second.stderr);
    app.kill9();
}

/// `samla.exe run seminarium-3 --groups 2` in a terminal, once its session
/// is on disk.
fn start_run(windows: &Windows, home: &Path) -> PtyApp {
    let app = windows.pty(home, &["run", "seminarium-3", "--groups", "2"]);
    wait_for_file(home, "the session", |_| true);
    app
}

/// The session file once a card reads `text`.
fn wait_for_card(home: &Path, what: &str, text: &str) -> samla::store::SessionFile {
    wait_for_file(home, what, |file| {
        file.session.cards.iter().any(|card| card.text == text)
    })
}

fn file_at(home: &Path) -> samla::store::SessionFile {
    wait_for_file(home, "the session", |_| true)
}

fn session_id(home: &Path) -> String {
    let files = session_files(home);
    let file = files.first().expect("a session file");
    file.file_stem()
        .expect("a name")
        .to_string_lossy()
        .into_owned()
}

/// Types a card in the group column: `a`, the text, Esc.
fn type_card(app: &mut PtyApp, text: &str) {
    app.send(b"a");
    app.send(text.as_bytes());
    app.send(b"\x1b");
}

#[test]
fn a_save_waits_out_a_windows_program_that_reads_the_file() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let mut app = start_run(windows, home.path());
    let path = session_files(home.path()).remove(0);
    let mut reader = windows.hold(&path);
    let mut said = BufReader::new(reader.stdout.take().expect("its output"));
    let mut line = String::new();
    said.read_line(&mut line).expect("hold.exe speaks");
    assert_eq!(line.trim(), "holding");

    let text = "Skrivet medan ett annat program läser filen";
    type_card(&mut app, text);
    // The screen says it cannot save, keeps the card and tries again.
    let deadline = std::time::Instant::now() + PATIENCE;
    while !String::from_utf8_lossy(&app.output()).contains("KAN INTE SPARA") {
        assert!(
            std::time::Instant::now() < deadline,
            "no word of the failed save"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let before = std::fs::read_to_string(&path).expect("the session file");
    assert!(!before.contains(text), "saved through the reader's hold?");
    reader
        .stdin
        .take()
        .expect("its input")
        .write_all(b"\n")
        .expect("the reader lets go");
    line.clear();
    said.read_line(&mut line).expect("hold.exe speaks");
    assert_eq!(line.trim(), "released");
    assert!(reader.wait().expect("hold.exe ends").success());
    wait_for_card(home.path(), "the card after the reader let go", text);
    app.kill9();
}

#[test]
fn a_card_typed_in_wines_console_survives_quitting_and_resuming() {
    let Some(windows) = windows() else { return };
    let home = tempfile::tempdir().expect("a temporary folder");
    let mut app = start_run(windows, home.path());
    let text = "Kort skrivet i terminalen";
    type_card(&mut app, text);
    wait_for_card(home.path(), "the typed card", text);
    app.send(b"\x11");
    assert!(app.wait_exit(PATIENCE).expect("samla.exe quits").success());

    let id = session_id(home.path());
    let mut resumed = windows.pty(home.path(), &["resume", &id]);
    let more = "Ett kort till efter resume";
    type_card(&mut resumed, more);
    let file = wait_for_card(home.path(), "both cards", more);
    assert!(file.session.cards.iter().any(|card| card.text == text));
    resumed.send(b"\x11");
    assert!(
        resumed
            .wait_exit(PATIENCE)
            .expect("samla.exe quits")
            .success()
    );
}
