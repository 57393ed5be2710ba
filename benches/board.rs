//! The board under load: a frame with 12 groups × 40 cards of ~300 characters
//! at 200×50, a keystroke into a card with 300 cards on the board, and a
//! 100 KB paste. Run with `cargo bench --bench board`.

mod common;

use chrono::Duration;
use common::{add_card, one_pm, seminar_3_at, stockholm};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::SegmentKind;
use samla::app::{self, Action, AppState, BoardAction, EditorAction};
use samla::ui::{self, Theme};

fn main() {
    divan::main();
}

/// Seminarium 3 at its first segment of `kind`, 12 groups with `per_group`
/// cards each, the last group selected.
fn session_with_cards(kind: SegmentKind, per_group: usize) -> AppState {
    state_of(seminar_session(kind, per_group))
}

/// Seminarium 3 at its first segment of `kind`, running, with `per_group`
/// cards in each of 12 groups.
fn seminar_session(kind: SegmentKind, per_group: usize) -> samla::session::Session {
    let (mut session, segment) = seminar_3_at(kind);
    session.timings[segment].run(one_pm());
    for group in 0..12 {
        for n in 0..per_group {
            add_card(&mut session, segment, group, group * per_group + n);
        }
    }
    session
}

/// The run screen on `session`, group 12 selected.
fn state_of(session: samla::session::Session) -> AppState {
    let language = session.agenda.language;
    let mut state = AppState::new(session, language, Theme::new(false), true, one_pm());
    let _ = state.update(
        Action::Board(BoardAction::SelectGroup(samla::session::Lane::Group(11))),
        one_pm(),
    );
    state
}

fn frame(terminal: &mut Terminal<TestBackend>, state: &AppState, second: i64) {
    let now = one_pm() + Duration::seconds(second);
    terminal
        .draw(|frame| ui::render(frame, &state.view(now, stockholm())))
        .expect("drawn");
}

/// One frame of a board with 480 cards of ~300 characters, 200×50.
#[divan::bench(args = [SegmentKind::Plenary, SegmentKind::ActionPlan, SegmentKind::Vision])]
fn board_frame_12_groups_40_cards(bencher: divan::Bencher, kind: SegmentKind) {
    let state = session_with_cards(kind, 40);
    assert_eq!(state.session().cards.len(), 480);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a terminal");
    let mut second = 0;
    bencher.bench_local(|| {
        second += 1;
        frame(&mut terminal, &state, second % 600);
    });
}

/// A key typed into an open card, the snapshot handed to the saving thread, and
/// the frame that shows it, with 300 cards (12 groups × 25) on the board.
#[divan::bench]
fn keystroke_into_a_card_with_300_cards(bencher: divan::Bencher) {
    let mut state = session_with_cards(SegmentKind::Plenary, 25);
    assert_eq!(state.session().cards.len(), 300);
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a terminal");
    let key = KeyEvent::new(KeyCode::Char('ö'), KeyModifiers::NONE);
    bencher.bench_local(|| {
        let _ = state.update(Action::Editor(EditorAction::Input(key.into())), one_pm());
        divan::black_box(app::snapshot(&state, "seminarium-3", one_pm()));
        frame(&mut terminal, &state, 1);
    });
}

/// A key typed into an open card with 1,000 cards on the session (12 groups,
/// ~83 each), through `update`, and the snapshot the saver would be handed:
/// the keystroke path without the frame.
#[divan::bench]
fn keystroke_and_snapshot_with_1000_cards(bencher: divan::Bencher) {
    let mut session = seminar_session(SegmentKind::Plenary, 83);
    let current = session.current;
    for n in 0..(1000 - 12 * 83) {
        common::add_card(&mut session, current.0, 0, 2000 + n);
    }
    let mut state = state_of(session);
    assert_eq!(state.session().cards.len(), 1000);
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let key = KeyEvent::new(KeyCode::Char('ö'), KeyModifiers::NONE);
    bencher.bench_local(|| {
        let effects = state.update(Action::Editor(EditorAction::Input(key.into())), one_pm());
        let _ = divan::black_box(effects);
        divan::black_box(app::snapshot(&state, "seminarium-3", one_pm()));
    });
}

/// A 100 KB paste into an open card, and the frame that shows it.
#[divan::bench]
fn paste_100_kb(bencher: divan::Bencher) {
    let line = "Närvaro är allas ansvar – skola, socialtjänst och vård.\n";
    let text = line.repeat(100 * 1024 / line.len() + 1);
    bencher
        .with_inputs(|| {
            let mut state = session_with_cards(SegmentKind::Plenary, 25);
            let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
            let terminal = Terminal::new(TestBackend::new(200, 50)).expect("a terminal");
            (state, terminal)
        })
        .bench_local_values(|(mut state, mut terminal)| {
            let _ = state.update(Action::Paste(text.clone()), one_pm());
            frame(&mut terminal, &state, 1);
            (state, terminal)
        });
}

/// A key typed at the end of a card that already holds a 100 KB paste.
#[divan::bench]
fn keystroke_after_a_100_kb_paste(bencher: divan::Bencher) {
    let line = "Närvaro är allas ansvar – skola, socialtjänst och vård.\n";
    let mut state = session_with_cards(SegmentKind::Plenary, 25);
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let _ = state.update(
        Action::Paste(line.repeat(100 * 1024 / line.len() + 1)),
        one_pm(),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a terminal");
    let key = KeyEvent::new(KeyCode::Char('ö'), KeyModifiers::NONE);
    bencher.bench_local(|| {
        let _ = state.update(Action::Editor(EditorAction::Input(key.into())), one_pm());
        divan::black_box(app::snapshot(&state, "seminarium-3", one_pm()));
        frame(&mut terminal, &state, 1);
    });
}

/// A key typed into an open card while the room is open and phones have
/// posted 2,000 cards (200 devices × 10) into the action plan: `update`, the
/// saver's snapshot, the snapshot the room's pages read (built and compared
/// with the last one, as the loop does after every burst) and the frame.
#[divan::bench]
fn keystroke_with_the_room_open_and_2000_room_cards(bencher: divan::Bencher) {
    let mut state = session_with_cards(SegmentKind::ActionPlan, 0);
    let door = samla::room::Door {
        url: "http://127.0.0.1:8765".into(),
        code: "K7M2QX".into(),
    };
    let _ = state.update(Action::RoomOpened(Ok(door)), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    let segment = state.session().current;
    for request in 0..2000u64 {
        let post = samla::room::RoomAction::Post {
            device: (request / 10) as u32,
            segment: Some(segment.0),
            lane: samla::session::Lane::Group((request % 12) as usize),
            text: format!("Kort {request} från gruppens mobil, om rutiner för frånvaro"),
            column: None,
            row: None,
        };
        let _ = state.update(Action::FromRoom(request, post), one_pm());
    }
    assert_eq!(state.session().cards.len(), 2000);
    let _ = state.update(Action::Board(BoardAction::NewCard), one_pm());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a terminal");
    let key = KeyEvent::new(KeyCode::Char('ö'), KeyModifiers::NONE);
    let mut published = app::room_snapshot(&state, one_pm());
    bencher.bench_local(|| {
        let _ = state.update(Action::Editor(EditorAction::Input(key.into())), one_pm());
        divan::black_box(app::snapshot(&state, "seminarium-3", one_pm()));
        let snapshot = app::room_snapshot(&state, one_pm());
        if snapshot != published {
            published = snapshot;
        }
        frame(&mut terminal, &state, 1);
    });
}

/// A key typed into a respondent line of seminarium-1's opening survey while
/// the room is open and 300 phones have answered: `update`, the saver's
/// snapshot, the room's snapshot built and compared, and the frame.
#[divan::bench]
fn keystroke_into_a_poll_line_with_300_phone_answers(bencher: divan::Bencher) {
    let agenda = samla::agenda::load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let groups = (1..=4).map(|n| format!("Grupp {n}")).collect();
    let session = samla::session::Session::new(agenda, groups, one_pm());
    let mut state = AppState::new(
        session,
        samla::agenda::Language::Sv,
        Theme::new(false),
        true,
        one_pm(),
    );
    let door = samla::room::Door {
        url: "http://127.0.0.1:8765".into(),
        code: "K7M2QX".into(),
    };
    let _ = state.update(Action::RoomOpened(Ok(door)), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    for device in 0..300u32 {
        let value = (device % 5 + 1) as u8;
        let answer = samla::room::RoomAction::Answer {
            device,
            segment: Some(0),
            sector: Some(samla::agenda::Sector::SKOLA),
            answers: vec![samla::session::Answer::Value(value); 6],
            other: Default::default(),
        };
        let _ = state.update(Action::FromRoom(u64::from(device), answer), one_pm());
    }
    let _ = state.update(Action::Board(BoardAction::RevealPoll), one_pm());
    assert_eq!(
        state
            .session()
            .poll(samla::session::SegmentIx(0))
            .map(|poll| poll.respondents.len()),
        Some(300)
    );
    let _ = state.update(Action::Board(BoardAction::OpenPollLine), one_pm());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a terminal");
    let key = KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE);
    let mut published = app::room_snapshot(&state, one_pm());
    bencher.bench_local(|| {
        let _ = state.update(Action::Editor(EditorAction::Input(key.into())), one_pm());
        divan::black_box(app::snapshot(&state, "seminarium-1", one_pm()));
        let snapshot = app::room_snapshot(&state, one_pm());
        if snapshot != published {
            published = snapshot;
        }
        frame(&mut terminal, &state, 1);
    });
}
