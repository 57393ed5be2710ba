//! The Swedish UI through every error path it has, on the command line and on
//! the run screen: no English word in what a Swedish facilitator reads.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::board::{draw, key, notice, press, state_at, type_text};
use common::fixture::seminar_3;
use crossterm::event::KeyCode;
use samla::agenda::{Language, SegmentKind};
use samla::app::{Action, BoardAction};
use samla::i18n::{Notice, Say};
use samla::store::{DataDir, SessionFile, VERSION, write_atomic};

/// Words of English that no Swedish sentence of samla's contains.
const ENGLISH: [&str; 29] = [
    "the", "is", "not", "no", "cannot", "expected", "file", "folder", "found", "such", "already",
    "open", "another", "lists", "missing", "unknown", "answers", "answer", "invalid", "could",
    "with", "this", "that", "of", "to", "and", "or", "from", "run",
];

/// The English words in `text`, leaving out what is not prose: commands in
/// backticks, paths, ids in quotes.
fn english_in(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut in_code = false;
    for part in text.split('`') {
        if !in_code {
            prose.push_str(part);
            prose.push(' ');
        }
        in_code = !in_code;
    }
    prose
        .split_whitespace()
        .filter(|chunk| !chunk.contains('/') && !chunk.contains('"'))
        .flat_map(|chunk| chunk.split(|c: char| !c.is_alphabetic()))
        .map(str::to_lowercase)
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect()
}

/// Runs `samla ARGS` with a Swedish locale and `SAMLA_HOME` at `home`.
fn swedish(home: &Path, args: &[&str]) -> common::Run {
    Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SAMLA_HOME", home)
        .env("NO_COLOR", "1")
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the samla binary runs")
        .into()
}

fn assert_swedish(what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what}: nothing was said");
    let english = english_in(text);
    assert!(english.is_empty(), "{what}: English {english:?} in\n{text}");
}

fn fails_in_swedish(home: &Path, args: &[&str]) {
    let run = swedish(home, args);
    assert_ne!(run.code, Some(0), "{args:?} succeeded: {}", run.stdout);
    assert_swedish(&format!("{args:?}"), &run.stderr);
}

fn save(home: &Path, id: &str) {
    let file = SessionFile {
        version: VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: common::fixture::saved_at(),
        language: Language::Sv,
        session: seminar_3().into(),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    let folder = home.join("sessions");
    samla::store::create_private_dir(&folder).expect("a sessions folder");
    write_atomic(&folder.join(format!("{id}.ron")), file.to_text().as_bytes()).expect("saved");
}

#[test]
fn the_detector_sees_english_and_lets_swedish_commands_and_paths_be() {
    assert_eq!(english_in("no such agenda"), ["no", "such"]);
    assert!(english_in("ingen session; `samla sessions` visar dem i /tmp/the/file").is_empty());
}

#[test]
fn the_command_line_says_every_failure_in_swedish() {
    let home = tempfile::tempdir().expect("temp dir");
    let home = home.path();
    // Nothing saved yet.
    for args in [
        vec!["resume"],
        vec!["export"],
        vec!["present"],
        vec!["poll", "import", "svar.txt"],
        vec!["resume", "finns-inte"],
        vec!["series", "Ingen serie"],
        vec!["export", "--series", "Ingen serie"],
        vec!["run", "seminarum-3"],
        vec!["run", "seminarium-3", "--series", "!!!"],
    ] {
        fails_in_swedish(home, &args);
    }
    // Without a terminal, the run screen cannot start.
    fails_in_swedish(home, &["run", "seminarium-3"]);
    // A saved session, then what can go wrong with it.
    save(home, "s");
    let answers = home.join("svar.txt");
    std::fs::write(&answers, "sk4554\nxx 4 5 4 4 4 4\nsk 4 6 4 4 4 4\n").expect("written");
    let answers = answers.to_str().expect("a path");
    fails_in_swedish(home, &["poll", "import", "s", answers]);
    let folder_missing = home.join("finns-inte").join("ut.md");
    fails_in_swedish(
        home,
        &[
            "export",
            "s",
            "-o",
            folder_missing.to_str().expect("a path"),
        ],
    );
    fails_in_swedish(home, &["export", "s", "--open", "-o", "-"]);
    // Another samla holds the session.
    let data = DataDir::locate(Some(home.into())).expect("a data folder");
    let lock = data
        .lock_session(&home.join("sessions").join("s.ron"))
        .expect("locked");
    fails_in_swedish(home, &["resume", "s"]);
    drop(lock);
    // A damaged session file, and one from a newer samla.
    let damaged = home.join("sessions").join("trasig.ron");
    std::fs::write(&damaged, "(version: 4, agenda_id: ").expect("written");
    fails_in_swedish(home, &["resume", "trasig"]);
    std::fs::write(&damaged, "(version: 999)").expect("written");
    fails_in_swedish(home, &["export", "trasig"]);
    // SAMLA_HOME naming a file.
    let not_a_folder = home.join("svar.txt");
    fails_in_swedish(&not_a_folder, &["sessions"]);
}

#[test]
fn every_broken_agenda_in_the_corpus_is_reported_in_swedish() {
    let home = tempfile::tempdir().expect("temp dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .expect("the corpus")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 30);
    for file in files {
        let run = swedish(home.path(), &["validate", file.to_str().expect("a path")]);
        assert_eq!(run.code, Some(1), "{}", file.display());
        assert_swedish(&file.display().to_string(), &run.stderr);
    }
}

#[test]
fn what_succeeds_is_said_in_swedish_too() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s");
    for args in [
        vec!["sessions"],
        vec!["agendas"],
        vec!["validate", "agendas/seminarium-3.ron"],
    ] {
        let run = swedish(home.path(), &args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert_swedish(&format!("{args:?}"), &run.stdout);
    }
}

#[test]
fn the_run_screen_says_every_failure_in_swedish() {
    // Bad respondent lines.
    let mut poll = state_at("seminarium-1", 4, SegmentKind::Poll);
    press(&mut poll, key(KeyCode::Char('i')));
    for line in ["4 5 4 4 4 4", "xx 4 5 4 4 4 4", "sk45", "sk 4 9 4 4 4 4"] {
        type_text(&mut poll, &format!("{line}\n"));
        let said = notice(&poll).expect("a notice");
        assert_swedish(line, &said);
        for _ in 0..line.len() {
            press(&mut poll, key(KeyCode::Backspace));
        }
    }
    // i and v outside a poll, a card key without a card, h without columns.
    let mut discussion = state_at("seminarium-1", 4, SegmentKind::GroupDiscussion);
    for action in [
        Action::Board(BoardAction::OpenPollLine),
        Action::Board(BoardAction::CycleTag),
        Action::Board(BoardAction::NextColumn),
        Action::ProposeRebalance,
        Action::QuitHint,
    ] {
        let _ = discussion.update(action.clone(), common::board::one_pm());
        let said = notice(&discussion).expect("a notice");
        assert_swedish(&format!("{action:?}"), &said);
    }
    // A summary that could not be written, and a disk that refuses the session.
    let failed = Notice::ExportFailed(std::io::ErrorKind::PermissionDenied);
    assert_swedish("export failed", &failed.text(Language::Sv));
    for kind in [
        std::io::ErrorKind::StorageFull,
        std::io::ErrorKind::ReadOnlyFilesystem,
        std::io::ErrorKind::PermissionDenied,
        std::io::ErrorKind::NotFound,
        std::io::ErrorKind::Other,
    ] {
        let _ = discussion.update(Action::SaveFailed(kind, 3), common::board::one_pm());
        let screen = draw(&discussion, 120, 30).backend().to_string();
        let header = screen.lines().next().unwrap_or_default().replace('│', " ");
        assert_swedish(&format!("{kind:?}"), &header);
        assert!(header.contains("3 inlägg från rummet väntar"), "{header}");
        let _ = discussion.update(Action::Quit, common::board::one_pm());
        let asked = draw(&discussion, 120, 30).backend().to_string();
        assert!(asked.contains("Sessionen är inte sparad"), "{asked}");
        let _ = discussion.update(Action::Dismiss, common::board::one_pm());
    }
    // The last words of a run whose disk refused it.
    let copy = Say::EmergencyCopy {
        path: "/data/sessions/s.ron".into(),
        kind: std::io::ErrorKind::StorageFull,
        copy: "/home/maria/samla-emergency-s.ron".into(),
    };
    assert_swedish("emergency copy", &copy.text(Language::Sv));
}

#[test]
fn samla_doctor_says_every_finding_in_swedish() {
    use samla::i18n::{Finding, Hint, Verdict, doctor_heading, doctor_verdict, verdict_word};
    use std::io::ErrorKind;
    let path = std::path::PathBuf::from("/hem/maria/samla");
    let findings = [
        Finding::NotATerminal,
        Finding::Size {
            columns: 30,
            rows: 10,
            verdict: Verdict::Problem,
        },
        Finding::Size {
            columns: 80,
            rows: 24,
            verdict: Verdict::Note,
        },
        Finding::Size {
            columns: 120,
            rows: 40,
            verdict: Verdict::Ok,
        },
        Finding::Colours {
            count: 8,
            off: false,
        },
        Finding::Colours {
            count: 256,
            off: false,
        },
        Finding::Colours {
            count: u16::MAX,
            off: false,
        },
        Finding::Colours {
            count: 256,
            off: true,
        },
        Finding::Widths {
            expected: 12,
            measured: 12,
        },
        Finding::Widths {
            expected: 12,
            measured: 18,
        },
        Finding::WidthsUnknown,
        Finding::NoDataFolder,
        Finding::DataFolder {
            path: path.clone(),
            free: Some(4_000_000),
            verdict: Verdict::Problem,
        },
        Finding::DataFolder {
            path: path.clone(),
            free: Some(40_000_000_000),
            verdict: Verdict::Ok,
        },
        Finding::DataFolder {
            path: path.clone(),
            free: None,
            verdict: Verdict::Ok,
        },
        Finding::DataFolderRefused {
            path: path.clone(),
            kind: ErrorKind::PermissionDenied,
        },
        Finding::ClipboardSystem,
        Finding::ClipboardTerminal,
        Finding::Room {
            url: "http://192.168.1.23:8765".into(),
            others: vec!["http://10.0.0.5:8765".into()],
            usual: true,
        },
        Finding::Room {
            url: "http://192.168.1.23:41234".into(),
            others: Vec::new(),
            usual: false,
        },
        Finding::RoomNoNetwork { port: 8765 },
        Finding::RoomRefused {
            address: "0.0.0.0:80".into(),
            kind: ErrorKind::AddrInUse,
        },
        Finding::Agendas {
            count: 0,
            folder: path.clone(),
        },
        Finding::Agendas {
            count: 3,
            folder: path.clone(),
        },
    ];
    for finding in &findings {
        assert_swedish(&format!("{finding:?}"), &finding.text(Language::Sv));
        assert_swedish("verdict", verdict_word(finding.verdict(), Language::Sv));
    }
    for hint in [Hint::Network, Hint::Firewall] {
        assert_swedish(&format!("{hint:?}"), hint.text(Language::Sv));
    }
    assert_swedish("heading", doctor_heading(Language::Sv));
    for (problems, notes) in [(0, 0), (0, 2), (1, 0), (3, 1)] {
        assert_swedish("verdict", &doctor_verdict(problems, notes, Language::Sv));
    }
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(home.path().join("agendas")).expect("agendas");
    std::fs::write(home.path().join("agendas/trasig.ron"), "(title: \"x\"").expect("an agenda");
    let run = swedish(
        home.path(),
        &["doctor", "--bind", "127.0.0.1", "--port", "0"],
    );
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_swedish("samla doctor", &run.stdout);
}
