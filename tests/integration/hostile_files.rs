//! What hostile or careless files and arguments do to samla's commands: damaged
//! session and series files, devices and pipes where files belong, text that
//! would drive a terminal or a spreadsheet, and addresses that are not.

use crate::common;
use samla::session::Lane;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::FixedOffset;
use common::fixture::{saved_at, seminar_3};
use common::samla_in;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use samla::export::{CsvDialect, Summary, csv, eml, html, markdown};
use samla::session::{CardAction, Session, SessionAction};
use samla::store::{SessionFile, VERSION, write_atomic};

/// Saves `session` as a session file in `home`'s data folder.
fn save(home: &Path, id: &str, session: Session) -> PathBuf {
    let file = SessionFile {
        version: VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: saved_at(),
        language: samla::agenda::Language::Sv,
        session: session.into(),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    let folder = home.join("sessions");
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join(format!("{id}.ron"));
    write_atomic(&path, file.to_text().as_bytes()).expect("saved");
    path
}

fn summary(session: &Session) -> Summary<'_> {
    Summary {
        session,
        as_of: saved_at(),
        offset: FixedOffset::east_opt(3600).expect("an offset"),
        private: true,
        names: true,
        report: false,
        intro: None,
        removed: &[],
    }
}

/// Whether `text` holds a control character other than newline, tab and the
/// CR of a CR LF.
fn has_stray_control(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let fine = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        if !fine {
            return Some(c);
        }
    }
    None
}

/// Escape sequences in every piece of text an export shows.
fn hostile_session() -> Session {
    let mut session = seminar_3();
    let agenda = &mut session.agenda;
    agenda.title = "Titel\r\n# Falsk rubrik\x1b]0;pwned\x07".to_owned();
    agenda.experts = vec!["Expert\x1b]52;c;cHduZWQ=\x07\x1b[2J".to_owned()];
    agenda.place = Some("Plats\0\u{9b}31m".to_owned());
    agenda.segments[1].title = "Vision\x1b[31m".to_owned();
    agenda.segments[1].questions = vec!["Fråga\x07?".to_owned()];
    session.groups[0] = "Grupp\x1b[1m 1".to_owned();
    let at = saved_at();
    session.apply(
        SessionAction::Card(CardAction::Add {
            segment: samla::session::SegmentIx(1),
            group: Lane::Group(0),
            text: "Kort\x1b]8;;http://evil.example\x07länk\x1b]8;;\x07\rslut\u{85}".to_owned(),
        }),
        at,
    );
    session.apply(
        SessionAction::Card(CardAction::SetPrivateNote {
            segment: samla::session::SegmentIx(1),
            text: "Notering\x1b[2J".to_owned(),
        }),
        at,
    );
    session
}

#[test]
fn exports_contain_no_control_characters_but_newline_and_tab() {
    let session = hostile_session();
    let summary = summary(&session);
    let documents = [
        ("md", markdown(&summary)),
        ("html", html(&summary)),
        (
            "eml",
            String::from_utf8(eml(&summary, &[]).expect("e-mail")).expect("utf-8"),
        ),
        (
            "csv",
            String::from_utf8(csv(&summary, CsvDialect::Sv).expect("csv")).expect("utf-8"),
        ),
    ];
    for (format, text) in documents {
        assert_eq!(has_stray_control(&text), None, "{format}: {text:?}");
        let shown = if format == "eml" {
            let message = mail_parser::MessageParser::default()
                .parse(text.as_bytes())
                .expect("parses");
            message.body_text(0).expect("a text part").into_owned()
        } else {
            text.clone()
        };
        assert!(shown.contains("länk"), "{format}");
        assert_eq!(has_stray_control(&shown), None, "{format} decoded");
    }
}

#[test]
fn a_title_with_cr_lf_stays_one_heading() {
    let session = hostile_session();
    let text = markdown(&summary(&session));
    let mut headings = Vec::new();
    let mut inside = None;
    for event in Parser::new(&text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => inside = Some((level, String::new())),
            Event::Text(part) => {
                if let Some((_, heading)) = inside.as_mut() {
                    heading.push_str(&part);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(inside.take()),
            _ => {}
        }
    }
    let top: Vec<_> = headings
        .iter()
        .filter(|(level, _)| *level == HeadingLevel::H1)
        .collect();
    assert_eq!(top.len(), 1, "{headings:?}");
    assert_eq!(top[0].1, "Titel # Falsk rubrik]0;pwned");
}

#[test]
fn csv_fields_that_would_run_as_formulas_are_shown_as_text() {
    let mut session = seminar_3();
    session.groups[0] = "@SUM(1+1)".to_owned();
    let formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    session.apply(
        SessionAction::Card(CardAction::Add {
            segment: samla::session::SegmentIx(1),
            group: Lane::Group(0),
            text: formula.to_owned(),
        }),
        saved_at(),
    );
    let bytes = csv(&summary(&session), CsvDialect::En).expect("csv");
    let mut reader = ::csv::Reader::from_reader(&bytes[3..]);
    let row = reader
        .records()
        .map(|record| record.expect("a record"))
        .find(|record| record[10].contains("HYPERLINK"))
        .expect("the card's row");
    assert_eq!(&row[10], format!("'{formula}"));
    assert_eq!(&row[5], "'@SUM(1+1)");
}

/// Runs `samla ARGS`, killing it if it has not ended within the patience.
fn bounded(home: &Path, args: &[&str]) -> common::Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(args)
        .env("SAMLA_HOME", home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("samla starts");
    let deadline = Instant::now() + common::pty::PATIENCE;
    while child.try_wait().expect("status").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("samla {args:?} did not end: it waits on what it reads");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output").into()
}

/// Makes a FIFO at `path` with mkfifo.
fn make_fifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

/// Makes a character device like /dev/zero (1, 5) or /dev/null (1, 3) at
/// `path`; `None` where this user may not (then, outside CI, the check is
/// skipped and says so).
fn make_device(path: &Path, minor: &str) -> Option<()> {
    let made = Command::new("mknod")
        .arg(path)
        .args(["c", "1", minor])
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        assert!(
            std::env::var_os("CI").is_none(),
            "mknod failed; CI runs as root and must test devices"
        );
        eprintln!("skipped: mknod needs root; devices are tested in CI");
    }
    made.then_some(())
}

#[test]
fn a_fifo_or_a_device_named_as_input_is_refused_at_once() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s", seminar_3());
    let fifo = home.path().join("answers.fifo");
    make_fifo(&fifo);
    let mut inputs = vec![fifo];
    let zero = home.path().join("zero");
    if make_device(&zero, "5").is_some() {
        inputs.push(zero);
    }
    for input in &inputs {
        let input = input.to_str().expect("a path");
        for args in [
            // The session's agenda is Swedish; English is asked for here.
            vec!["poll", "import", "s", input, "--lang", "en"],
            vec!["validate", input],
            vec!["export", input],
        ] {
            let run = bounded(home.path(), &args);
            assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
            assert!(
                run.stderr.contains("not a regular file"),
                "{args:?}: {}",
                run.stderr
            );
        }
    }
}

#[test]
fn export_to_a_fifo_streams_into_it_and_leaves_it_a_fifo() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s", seminar_3());
    let fifo = home.path().join("out.fifo");
    make_fifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .expect("open the fifo")
                .read_to_string(&mut text)
                .expect("read it");
            text
        })
    };
    let run = bounded(
        home.path(),
        &["export", "s", "-o", fifo.to_str().expect("a path")],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let streamed = reader.join().expect("the reader");
    assert!(streamed.starts_with("# Samverkan"), "{streamed}");
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    assert!(!home.path().join("out.fifo.bak").exists());
}

#[test]
fn export_to_a_device_writes_through_it_and_leaves_it_a_device() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s", seminar_3());
    let null = home.path().join("null");
    if make_device(&null, "3").is_none() {
        return;
    }
    let run = bounded(
        home.path(),
        &["export", "s", "-o", null.to_str().expect("a path")],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&null)
        .expect("still there")
        .file_type();
    assert!(kind.is_char_device(), "the device was replaced: {kind:?}");
    let litter: Vec<_> = std::fs::read_dir(home.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .filter(|name| name.to_string_lossy().contains("null."))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

#[test]
fn export_to_dev_stdout_writes_to_the_pipe() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s", seminar_3());
    let run = bounded(home.path(), &["export", "s", "-o", "/dev/stdout"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with("# Samverkan"), "{}", run.stdout);
}

#[test]
fn export_through_a_link_writes_its_target_and_repeated_leaves_no_bak() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s", seminar_3());
    let target = home.path().join("sammanfattning.md");
    let link = home.path().join("länk.md");
    std::os::unix::fs::symlink(&target, &link).expect("a link");
    for _ in 0..2 {
        let run = samla_in(
            home.path(),
            home.path(),
            &["export", "s", "-o", link.to_str().expect("a path")],
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .expect("target")
            .starts_with("# Samverkan")
    );
    let names: Vec<String> = std::fs::read_dir(home.path())
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        !names.iter().any(|name| name.ends_with(".bak")),
        "{names:?}"
    );
}

#[test]
fn a_session_file_pointing_past_its_segments_is_refused_naming_the_field() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = save(home.path(), "trasig", seminar_3());
    let text = std::fs::read_to_string(&path).expect("read");
    let at = text.find("current: ").expect("the current segment");
    let end = at + text[at..].find(',').expect("its comma");
    let broken = format!("{}current: 99999{}", &text[..at], &text[end..]);
    std::fs::write(&path, broken).expect("write");
    for args in [
        &["resume", "trasig"][..],
        &["present", "trasig"],
        &["export", "trasig"],
    ] {
        let run = samla_in(home.path(), home.path(), args);
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("session.current") && run.stderr.contains("damaged"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    let listed = samla_in(home.path(), home.path(), &["sessions"]);
    assert!(
        listed.stderr.contains("session.current"),
        "{}",
        listed.stderr
    );
}

#[test]
fn resume_names_a_damaged_latest_session_and_its_backup() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = save(home.path(), "2026-03-12-seminarium-3", seminar_3());
    // A second save keeps the first as the .bak; then the file is cut short.
    write_atomic(&path, std::fs::read(&path).expect("read").as_slice()).expect("saved");
    let text = std::fs::read_to_string(&path).expect("read");
    let half = (0..=text.len() / 2)
        .rev()
        .find(|at| text.is_char_boundary(*at))
        .unwrap_or(0);
    std::fs::write(&path, &text[..half]).expect("cut");
    let run = samla_in(home.path(), home.path(), &["resume"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("damaged"), "{}", run.stderr);
    assert!(run.stderr.contains("--backup"), "{}", run.stderr);
}

#[test]
fn a_series_file_from_a_newer_samla_or_damaged_is_refused_as_a_series() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("series");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(
        folder.join("ny.ron"),
        "(version: 999, name: \"Ny\", groups: [\"Grupp 1\"])",
    )
    .expect("write");
    std::fs::write(
        folder.join("trasig.ron"),
        "(version: 1, name: \"Trasig\", gro",
    )
    .expect("write");
    let newer = samla_in(home.path(), home.path(), &["series", "Ny"]);
    assert_eq!(newer.code, Some(1));
    assert!(newer.stderr.contains("newer samla"), "{}", newer.stderr);
    assert!(
        newer.stderr.contains("series format 999"),
        "{}",
        newer.stderr
    );
    let damaged = samla_in(home.path(), home.path(), &["series", "Trasig"]);
    assert_eq!(damaged.code, Some(1));
    assert!(
        damaged.stderr.contains("the series file is damaged"),
        "{}",
        damaged.stderr
    );
    let untouched = std::fs::read_to_string(folder.join("ny.ron")).expect("read");
    assert!(untouched.contains("999"));
}

#[test]
fn samla_home_naming_a_file_says_which() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("inte-en-mapp");
    std::fs::write(&file, "").expect("write");
    let run = samla_in(home.path(), &file, &["sessions"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(file.to_str().expect("a path")) && run.stderr.contains("not a folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn to_addresses_that_are_not_addresses_are_usage_errors() {
    let home = tempfile::tempdir().expect("temp dir");
    save(home.path(), "s", seminar_3());
    for wrong in ["", "not-an-address", "a@b.se\r\nBcc: c@d.se"] {
        let run = samla_in(
            home.path(),
            home.path(),
            &["export", "s", "--format", "eml", "--to", wrong],
        );
        assert_eq!(run.code, Some(2), "{wrong:?}: {}", run.stderr);
        assert!(run.stderr.contains("--to"), "{}", run.stderr);
    }
    let run = samla_in(
        home.path(),
        home.path(),
        &[
            "export",
            "s",
            "--format",
            "eml",
            "-o",
            "-",
            "--to",
            "Evil <a@b.se>, c@d.se",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("To: \"Evil\" <a@b.se>, <c@d.se>"),
        "{}",
        run.stdout
    );
}

#[test]
fn titles_and_file_names_reach_the_terminal_without_escape_sequences() {
    let home = tempfile::tempdir().expect("temp dir");
    let agendas = home.path().join("agendas");
    std::fs::create_dir(&agendas).expect("folder");
    let (_, bundled) = samla::agenda::BUNDLED
        .iter()
        .find(|(id, _)| *id == "workshop-en")
        .expect("bundled");
    let hostile = bundled.replacen("title: \"", "title: \"\\u{1b}]0;pwned\\u{7}\\u{1b}[2J", 1);
    std::fs::write(agendas.join("fientlig.ron"), hostile).expect("write");
    std::fs::write(agendas.join("trasig\x1b[2J.ron"), "(title: ").expect("write");
    let mut session = seminar_3();
    session.agenda.title = "Session\x1b]0;pwned\x07".to_owned();
    save(home.path(), "fientlig", session);
    for args in [
        &["agendas"][..],
        &["sessions"],
        &["validate", "agendas/trasig\x1b[2J.ron"],
    ] {
        let run = samla_in(home.path(), home.path(), args);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert_eq!(has_stray_control(text), None, "{args:?} {stream}: {text:?}");
        }
        assert!(
            run.stdout.contains("pwned") || run.stderr.contains("trasig[2J"),
            "{args:?}: {run_out:?}",
            run_out = (&run.stdout, &run.stderr)
        );
    }
}

#[test]
fn a_session_file_nested_too_deeply_says_so_in_plain_words() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("sessions");
    std::fs::create_dir(&folder).expect("folder");
    let deep = format!("(version: 1, x: {}{})", "[".repeat(200), "]".repeat(200));
    std::fs::write(folder.join("djup.ron"), deep).expect("write");
    let run = samla_in(home.path(), home.path(), &["export", "djup"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("nested too deeply"), "{}", run.stderr);
    assert!(!run.stderr.contains("ron::"), "{}", run.stderr);
}

#[test]
fn hand_edited_files_get_words_not_panics_far_dates_empty_files_and_linked_locks() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = save(home.path(), "2026-03-12-seminarium-3", seminar_3());
    let text = std::fs::read_to_string(&path).expect("saved");
    let year = saved_at().format("%Y-").to_string();
    // A planned start at the end of chrono's years: refused with the field.
    let far = text.replacen(
        &format!("planned_start: \"{year}"),
        "planned_start: \"+262142-",
        1,
    );
    assert_ne!(far, text, "the planned start is in the file");
    std::fs::write(&path, &far).expect("written");
    let id = "2026-03-12-seminarium-3";
    for command in [&["resume", id][..], &["export", id], &["sessions"]] {
        let run = samla_in(home.path(), home.path(), command);
        assert_ne!(run.code, Some(101), "{command:?} panicked: {}", run.stderr);
        if command[0] != "sessions" {
            assert!(
                run.stderr
                    .contains("session.planned_start: the year 262142 is no time for a seminar"),
                "{command:?}: {}",
                run.stderr
            );
        }
    }
    // An empty file is called empty.
    std::fs::write(&path, "").expect("emptied");
    let run = samla_in(home.path(), home.path(), &["export", id]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("the session file is empty"),
        "{}",
        run.stderr
    );
    // A lock file that is a symbolic link is never followed.
    #[cfg(unix)]
    {
        write_atomic(&path, text.as_bytes()).expect("saved again");
        let precious = home.path().join("anteckningar.txt");
        std::fs::write(&precious, "mina egna anteckningar").expect("written");
        std::os::unix::fs::symlink(&precious, path.with_extension("lock")).expect("a link");
        let run = samla_in(home.path(), home.path(), &["resume"]);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert!(run.stderr.contains("symbolisk länk"), "{}", run.stderr);
        assert_eq!(
            std::fs::read_to_string(&precious).expect("left alone"),
            "mina egna anteckningar"
        );
    }
}
