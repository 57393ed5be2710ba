//! Session files from the outside: a restart with running and paused timers
//! (fake clock), the draft, damaged and too-new files, `samla sessions` and the
//! errors of `samla resume`, the saving thread's retries.

use crate::common;
use samla::session::Lane;

use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, TimeZone, Utc};
use samla::agenda::{Language, load_bundled};
use samla::app::{self, Action, AppState, BoardAction, Mode};
use samla::clock::{Clock, FakeClock};
use samla::session::{CardAction, Session, SessionAction, TimerState};
use samla::store::{Saver, SessionFile, SessionFileError, backup_path, write_atomic};
use samla::ui::Theme;

fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

fn state(clock: &FakeClock) -> AppState {
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let groups = vec!["Grupp 1".to_owned(), "Grupp 2".to_owned()];
    let session = Session::new(agenda, groups, one_pm());
    AppState::new(session, Language::Sv, Theme::new(true), true, clock.now())
}

/// The state written to a file and read back, as after a restart at `now`.
fn restarted(state: &AppState, now: DateTime<Utc>) -> AppState {
    let text = app::snapshot(state, "seminarium-1", now).to_text();
    let file = SessionFile::parse("test.ron", &text).expect("parses");
    let mut back = AppState::new(file.session, file.language, Theme::new(true), true, now);
    if let Some(draft) = &file.draft {
        back.restore_draft(draft);
    }
    back
}

#[test]
fn a_running_timer_kept_running_while_samla_was_down() {
    let clock = FakeClock::at(one_pm());
    let mut before = state(&clock);
    let _ = before.update(Action::Session(SessionAction::ToggleTimer), clock.now());
    // The opening survey runs for 5 minutes: 1 before the save, 2 while down.
    clock.advance(Duration::minutes(1));
    let saved_at = clock.now();
    clock.advance(Duration::minutes(2));
    let after = restarted(&before, saved_at);
    assert_eq!(
        after.session().current_timing().state(),
        TimerState::Running
    );
    assert_eq!(
        after.session().current_remaining(clock.now()),
        Duration::minutes(2)
    );
}

#[test]
fn a_paused_timer_is_still_paused_with_the_same_time_left() {
    let clock = FakeClock::at(one_pm());
    let mut before = state(&clock);
    let _ = before.update(Action::Session(SessionAction::ToggleTimer), clock.now());
    clock.advance(Duration::minutes(2));
    let _ = before.update(Action::Session(SessionAction::ToggleTimer), clock.now());
    let saved_at = clock.now();
    clock.advance(Duration::hours(1));
    let after = restarted(&before, saved_at);
    assert_eq!(after.session().current_timing().state(), TimerState::Paused);
    assert_eq!(
        after.session().current_remaining(clock.now()),
        Duration::minutes(3)
    );
}

#[test]
fn the_segment_the_cards_and_the_open_draft_come_back() {
    let clock = FakeClock::at(one_pm());
    let mut before = state(&clock);
    let _ = before.update(Action::Session(SessionAction::ToggleTimer), clock.now());
    let _ = before.update(Action::Session(SessionAction::Next), clock.now());
    let _ = before.update(
        Action::Session(SessionAction::Card(CardAction::Add {
            segment: samla::session::SegmentIx(1),
            group: Lane::Group(1),
            text: "å ä ö 🙂 漢字 e\u{301}".to_owned(),
        })),
        clock.now(),
    );
    let _ = before.update(Action::Board(BoardAction::NewCard), clock.now());
    let _ = before.update(Action::Paste("halvfärdigt kort".to_owned()), clock.now());
    let after = restarted(&before, clock.now());
    assert_eq!(after.session(), before.session());
    assert_eq!(after.session().current, samla::session::SegmentIx(1));
    assert!(matches!(after.mode(), Mode::Editor(_)));
    assert_eq!(after.draft(), before.draft());
}

#[test]
fn a_truncated_file_says_where_it_breaks() {
    let clock = FakeClock::at(one_pm());
    let text = app::snapshot(&state(&clock), "seminarium-1", one_pm()).to_text();
    let cut = &text[..text.len() / 2];
    let error = SessionFile::parse("s.ron", cut).expect_err("damaged");
    let message = error.to_string();
    assert!(message.starts_with("s.ron:"), "{message}");
    assert!(
        matches!(error, SessionFileError::Syntax { line, .. } if line > 1),
        "{message}"
    );
}

#[test]
fn a_file_from_a_newer_samla_is_refused() {
    let clock = FakeClock::at(one_pm());
    let text = app::snapshot(&state(&clock), "seminarium-1", one_pm())
        .to_text()
        .replacen("version: 7", "version: 99", 1);
    let error = SessionFile::parse("s.ron", &text).expect_err("too new");
    assert!(error.to_string().contains("newer samla"), "{error}");
}

/// A saved session in `home`, written twice so it has a `.bak`.
fn saved_session(home: &Path, name: &str, cards: usize) -> std::path::PathBuf {
    let clock = FakeClock::at(one_pm());
    let mut state = state(&clock);
    for n in 0..cards {
        let _ = state.update(
            Action::Session(SessionAction::Card(CardAction::Add {
                segment: samla::session::SegmentIx(0),
                group: Lane::Plenary,
                text: format!("kort {n}"),
            })),
            one_pm(),
        );
    }
    let folder = home.join("sessions");
    std::fs::create_dir_all(&folder).expect("folder");
    let path = folder.join(format!("{name}.ron"));
    let text = app::snapshot(&state, "seminarium-1", one_pm()).to_text();
    write_atomic(&path, text.as_bytes()).expect("written");
    write_atomic(&path, text.as_bytes()).expect("written again");
    path
}

#[test]
fn sessions_lists_id_agenda_times_cards_and_state_also_as_json() {
    let home = tempfile::tempdir().expect("temp dir");
    saved_session(home.path(), "2026-03-12-seminarium-1", 3);
    let run = common::samla_in(home.path(), home.path(), &["sessions"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let row = run.stdout.lines().nth(1).expect("a row");
    assert!(row.starts_with("2026-03-12-seminarium-1"), "{row}");
    assert!(row.contains(" unfinished "), "{row}");
    assert!(row.contains("Skolnärvaro"), "{row}");
    let json = common::samla_in(home.path(), home.path(), &["sessions", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(list[0]["id"], "2026-03-12-seminarium-1");
    assert_eq!(list[0]["cards"], 3);
    assert_eq!(list[0]["finished"], false);
    assert_eq!(list[0]["agenda_id"], "seminarium-1");
}

#[test]
fn resume_explains_what_is_missing() {
    let home = tempfile::tempdir().expect("temp dir");
    let none = common::samla_in(home.path(), home.path(), &["resume"]);
    assert_eq!(none.code, Some(1));
    assert!(
        none.stderr.contains("no unfinished session"),
        "{}",
        none.stderr
    );
    let unknown = common::samla_in(home.path(), home.path(), &["resume", "nope"]);
    assert_eq!(unknown.code, Some(1));
    assert!(
        unknown.stderr.contains("no session \"nope\""),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_damaged_session_points_at_the_backup_which_still_reads() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = saved_session(home.path(), "2026-03-12-seminarium-1", 2);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, &text[..text.len() - 40]).expect("damage it");
    let run = common::samla_in(
        home.path(),
        home.path(),
        &["resume", "2026-03-12-seminarium-1"],
    );
    assert_eq!(run.code, Some(1));
    let first_line = run.stderr.lines().next().expect("a message");
    assert!(
        first_line.contains("2026-03-12-seminarium-1.ron:"),
        "{first_line}"
    );
    assert!(first_line.contains("--backup"), "{first_line}");
    let backup = SessionFile::load(&backup_path(&path)).expect("the backup reads");
    assert_eq!(backup.session.cards.len(), 2);
}

#[test]
fn the_saving_thread_retries_until_the_folder_accepts() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("later");
    let path = folder.join("s.ron");
    let saver = Saver::start(path.clone());
    let clock = FakeClock::at(one_pm());
    saver.save(app::snapshot(&state(&clock), "seminarium-1", one_pm()));
    let patience = Instant::now() + StdDuration::from_secs(10);
    while saver.problem().is_none() {
        assert!(Instant::now() < patience, "no problem reported");
        std::thread::sleep(StdDuration::from_millis(10));
    }
    std::fs::create_dir(&folder).expect("the folder appears");
    while saver.problem().is_some() || saver.is_behind() {
        assert!(Instant::now() < patience, "not retried");
        std::thread::sleep(StdDuration::from_millis(10));
    }
    assert!(saver.finish().is_ok());
    SessionFile::load(&path).expect("written");
}

#[test]
fn what_cannot_be_written_comes_back_from_finish() {
    let home = tempfile::tempdir().expect("temp dir");
    let saver = Saver::start(home.path().join("missing").join("s.ron"));
    let clock = FakeClock::at(one_pm());
    let snapshot = app::snapshot(&state(&clock), "seminarium-1", one_pm());
    saver.save(snapshot.clone());
    let unsaved = saver.finish().expect_err("nowhere to write");
    assert_eq!(*unsaved.snapshot, snapshot);
    assert_eq!(unsaved.problem, std::io::ErrorKind::NotFound);
}

#[test]
fn sessions_named_reads_only_the_files_with_that_prefix() {
    let home = tempfile::tempdir().expect("temp dir");
    saved_session(home.path(), "2026-03-12-seminarium-1", 1);
    saved_session(home.path(), "2026-03-12-seminarium-1-2", 2);
    std::fs::write(
        home.path().join("sessions/2026-03-11-seminarium-1.ron"),
        "trasig",
    )
    .expect("a damaged file of another day");
    let data = samla::store::DataDir::locate(Some(home.path().into())).expect("a data dir");
    let named = data.sessions_named("2026-03-12-seminarium-1");
    let ids: Vec<String> = named
        .into_iter()
        .map(|found| found.expect("the damaged file is not read").id)
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(
        ids.iter()
            .all(|id| id.starts_with("2026-03-12-seminarium-1"))
    );
    assert_eq!(
        data.sessions().len(),
        3,
        "all of them, the damaged one as an error"
    );
}

#[test]
fn a_file_of_the_version_before_the_workshops_loads_and_is_written_back_new() {
    // Written by samla before version 2, with a tagged quote in the vision.
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/version-1.ron");
    let file = SessionFile::load(&fixture).expect("a version-1 file loads");
    let card = &file.session.cards[0];
    assert_eq!(card.text, "Elevhälsan når ut tidigt");
    assert_eq!((card.tag.as_deref(), card.quote), (Some("Regelverk"), true));
    assert_eq!(card.horizon.as_deref(), Some("Styrkor i dag"));
    assert!(!card.priority && card.row.is_none() && card.status().is_none());
    assert_eq!(
        file.session.agenda.title,
        load_bundled("seminarium-3").unwrap().unwrap().title
    );
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("again.ron");
    write_atomic(&path, file.to_text().as_bytes()).expect("saved");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("version: 7,"), "{text}");
    assert_eq!(
        SessionFile::load(&path).expect("reads back").session,
        file.session
    );
}

#[test]
fn a_series_file_of_the_version_before_own_sectors_loads_and_is_written_back_new() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("serie.ron");
    let old = r#"(version: 1, name: "Närvaro", groups: ["Norr"], roster: (members: [(id: 0, name: "Åsa", group: 0, sector: Halsovard)], next_id: 1), sessions: [])"#;
    write_atomic(&path, old.as_bytes()).expect("written");
    let series = samla::store::SeriesFile::load(&path).expect("a version-1 series loads");
    assert_eq!(series.version, samla::store::SERIES_VERSION);
    assert_eq!(
        series.roster.members[0].sector,
        samla::agenda::Sector::HALSOVARD
    );
    assert!(series.roster.sectors.is_empty());
}

#[test]
fn a_file_of_the_version_before_question_kinds_loads_with_its_ratings() {
    // As samla wrote it before version 4: one typed form of the opening survey.
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/version-3.ron");
    let file = SessionFile::load(&fixture).expect("a version-3 file loads");
    let poll = file.session.polls.values().next().expect("the survey");
    use samla::session::Answer::{DontKnow, Missing, Value};
    assert_eq!(
        poll.respondents[0].answers,
        [Value(4), Value(5), DontKnow, Missing, Value(3), Value(2)]
    );
    assert!(
        file.session
            .agenda
            .segments
            .iter()
            .flat_map(|s| &s.statements)
            .all(|s| s.kind.is_rating()),
        "every statement of a version-3 file is rated"
    );
    assert!(file.to_text().contains("version: 7,"));
}

#[test]
fn a_session_at_every_limit_the_room_and_the_import_allow_is_read_back_by_every_command() {
    use samla::room::limits::{CARDS_PER_DEVICE, ROOM_BYTES, TEXT_MAX_CHARS};
    use samla::session::{Answer, PollAction, Respondent};
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let mut session = Session::new(agenda, vec!["Grupp 1".to_owned()], one_pm());
    // The phones' text at its most, in the longest cards the box takes of
    // the letters with most bytes to it, which RON writes as they are.
    let card = "€".repeat(TEXT_MAX_CHARS);
    let discussion = (0..session.agenda.segments.len())
        .find(|&index| session.agenda.segments[index].kind.is_writing())
        .expect("a segment where groups write");
    for number in 0..ROOM_BYTES / card.len() {
        let device = u32::try_from(number / CARDS_PER_DEVICE).expect("few devices");
        let applied = session.apply(
            SessionAction::Card(CardAction::Post {
                segment: samla::session::SegmentIx(discussion),
                group: Lane::Group(0),
                text: card.clone(),
                column: None,
                row: None,
                device,
            }),
            one_pm(),
        );
        assert!(applied.added.is_some());
    }
    // An import at its most: as many forms as one import takes, their text
    // as much as the largest answers file holds, all of it in quotes and
    // line breaks that RON writes escaped.
    let statements = session.agenda.segments[0].statements.len();
    let forms = samla::cli::MAX_IMPORT_FORMS;
    let per_form = (samla::input_file::MAX_INPUT_BYTES as usize / forms).min(TEXT_MAX_CHARS);
    let text = "\"\n".repeat(per_form / 2);
    for _ in 0..forms {
        let mut answers = vec![Answer::Missing; statements];
        answers[0] = Answer::Text(text.clone());
        session.apply(
            SessionAction::Poll(PollAction::AddRespondent {
                segment: samla::session::SegmentIx(0),
                respondent: Respondent {
                    sector: None,
                    answers,
                    other: Default::default(),
                    from_room: None,
                },
            }),
            one_pm(),
        );
    }
    let home = common::fixture::saved_home(session);
    let path = common::pty::session_files(home.path()).remove(0);
    let size = std::fs::metadata(&path).expect("written").len();
    assert!(
        size * 2 < samla::input_file::MAX_KEPT_BYTES,
        "{size} bytes: what samla writes, it reads back with room to spare"
    );
    assert!(SessionFile::load(&path).is_ok());
    for args in [&["sessions"][..], &["export", "--format", "md", "-o", "-"]] {
        let run = common::samla_in(home.path(), home.path(), args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_follow_up_of_version_5_keeps_each_items_status_comment_and_origin_in_its_follow_up_record() {
    // As samla wrote it before version 6: the follow-up's fields on the card.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions/version-5-follow-up.ron");
    let file = SessionFile::load(&fixture).expect("a version-5 file loads");
    let first = crate::common::workshop::nulagesanalys();
    let expected = crate::common::workshop::uppfoljning(&first);
    assert_eq!(
        *file.session, expected,
        "the same session as samla makes it now"
    );
    let done = &file.session.cards[0];
    assert_eq!(done.status(), Some(samla::session::ItemStatus::Done));
    assert_eq!(done.comment(), Some("Klart på alla skolor i januari"));
    assert_eq!(done.brought().map(|brought| brought.card.0), Some(15));
    // Written back as version 6: the fields in the record, none on the card.
    let text = file.to_text();
    assert!(text.contains("version: 7,"), "{text}");
    assert!(text.contains("follow_up: Some(("), "{text}");
    let on_the_card = text
        .lines()
        .any(|line| line.starts_with("        status:") || line.starts_with("        brought:"));
    assert!(!on_the_card, "{text}");
    let again = SessionFile::parse("again.ron", &text).expect("reads back");
    assert_eq!(again.session, file.session);
}

#[test]
fn a_save_that_keeps_the_sessions_text_writes_the_same_bytes_as_one_that_writes_it_anew() {
    use samla::session::{Draft, DraftTarget, SegmentIx};
    use std::sync::Arc;
    let mut file = SessionFile {
        version: samla::store::VERSION,
        agenda_id: "seminarium-3".to_owned(),
        saved: one_pm(),
        language: Language::Sv,
        session: Arc::new(common::fixture::seminar_3()),
        draft: None,
        room: None,
        devices: Default::default(),
    };
    let mut kept = None;
    assert_eq!(
        file.to_text_keeping(&mut kept),
        file.to_text(),
        "the first save"
    );
    // Typing: only the draft changes, and the session's text is kept.
    for text in ["N", "När", "Närvaro \"är\"\nallas\tansvar 🙂"] {
        file.draft = Some(Draft {
            target: DraftTarget::NewCard {
                segment: SegmentIx(1),
                group: Lane::Group(0),
                column: None,
            },
            text: text.to_owned(),
        });
        file.saved += chrono::Duration::milliseconds(750);
        assert_eq!(file.to_text_keeping(&mut kept), file.to_text());
    }
    // A change to the session is written anew: it is another session now.
    Arc::make_mut(&mut file.session).apply(
        SessionAction::Card(CardAction::Add {
            segment: SegmentIx(1),
            group: Lane::Group(2),
            text: "Ett nytt kort".to_owned(),
        }),
        one_pm(),
    );
    let text = file.to_text_keeping(&mut kept);
    assert_eq!(text, file.to_text());
    assert!(text.contains("Ett nytt kort"));
    file.room = Some(samla::room::Door {
        url: "http://127.0.0.1:8765".to_owned(),
        code: "K7M2QX".to_owned(),
    });
    assert_eq!(file.to_text_keeping(&mut kept), file.to_text());
}
