//! The projector headless: snapshots of its states at 80×24 and 200×60 in
//! both languages, every size from 1×1 to 300×80 without a panic, and no
//! private note ever.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::agenda::{Language, SegmentKind, load_bundled};
use samla::app::{self, Action, AppState, present_view};
use samla::session::{CardAction, Session, SessionAction};
use samla::store::SessionFile;
use samla::ui::{self, Theme};

fn one_pm() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 12, 12, 0, 0)
        .single()
        .expect("a valid time")
}

fn stockholm() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("an offset")
}

fn session(agenda: &str, language: Language) -> AppState {
    let mut agenda = load_bundled(agenda).expect("bundled").expect("valid");
    // The projector of the timed segments; the surveys have tests of their own.
    agenda
        .segments
        .retain(|segment| segment.kind != SegmentKind::Poll);
    let word = if language == Language::Sv {
        "Grupp"
    } else {
        "Group"
    };
    let groups = (1..=4).map(|n| format!("{word} {n}")).collect();
    AppState::new(
        Session::new(agenda, groups, one_pm()),
        language,
        Theme::new(false),
        true,
        one_pm(),
    )
}

fn act(state: &mut AppState, minute: i64, action: SessionAction) {
    let _ = state.update(
        Action::Session(action),
        one_pm() + Duration::minutes(minute),
    );
}

/// A state, the minute it is shown at, and whether the board is on.
struct Scene {
    name: &'static str,
    state: AppState,
    at: Duration,
    board: bool,
}

fn scenes(language: Language) -> Vec<Scene> {
    let agenda = if language == Language::Sv {
        "seminarium-1"
    } else {
        "workshop-en"
    };
    let running = || {
        let mut state = session(agenda, language);
        act(&mut state, 0, SessionAction::ToggleTimer);
        act(&mut state, 10, SessionAction::Next);
        state
    };
    let mut paused = running();
    act(&mut paused, 15, SessionAction::ToggleTimer);
    let mut on_break = session(agenda, language);
    act(&mut on_break, 0, SessionAction::ToggleTimer);
    let break_index = on_break
        .session()
        .agenda
        .segments
        .iter()
        .position(|segment| segment.kind == SegmentKind::Break)
        .expect("a break");
    for _ in 0..break_index {
        act(&mut on_break, 5, SessionAction::Next);
    }
    let mut with_cards = running();
    for (group, text) in [
        (Some(0), "Tidiga signaler 🙂"),
        (Some(2), "Samverkan | skola"),
        (None, "Hela rummet"),
    ] {
        let _ = with_cards.update(
            Action::Session(SessionAction::Card(CardAction::Add {
                segment: samla::session::SegmentIx(1),
                group: group.into(),
                text: text.to_owned(),
            })),
            one_pm(),
        );
    }
    let _ = with_cards.update(
        Action::Session(SessionAction::Card(CardAction::SetPrivateNote {
            segment: samla::session::SegmentIx(1),
            text: "HEMLIGT".to_owned(),
        })),
        one_pm(),
    );
    let mut plan = session("seminarium-3", language);
    act(&mut plan, 0, SessionAction::ToggleTimer);
    for _ in 0..3 {
        act(&mut plan, 0, SessionAction::Next);
    }
    vec![
        Scene {
            name: "not_started",
            state: session(agenda, language),
            at: Duration::minutes(1),
            board: false,
        },
        Scene {
            name: "running",
            state: running(),
            at: Duration::seconds(12 * 60 + 17),
            board: false,
        },
        Scene {
            name: "warning",
            state: running(),
            at: Duration::seconds(34 * 60 + 30),
            board: false,
        },
        Scene {
            name: "overrun",
            state: running(),
            at: Duration::seconds(48 * 60 + 5),
            board: false,
        },
        Scene {
            name: "paused",
            state: paused,
            at: Duration::minutes(20),
            board: false,
        },
        Scene {
            name: "break",
            state: on_break,
            at: Duration::minutes(30),
            board: false,
        },
        Scene {
            name: "action_plan",
            state: plan,
            at: Duration::minutes(12),
            board: false,
        },
        Scene {
            name: "board",
            state: with_cards,
            at: Duration::minutes(14),
            board: true,
        },
    ]
}

fn draw(scene: &Scene, width: u16, height: u16) -> Terminal<TestBackend> {
    let file: SessionFile = app::snapshot(&scene.state, "test", one_pm());
    let shown = crate::common::board::Projector {
        board: scene.board,
        qr: true,
    };
    crate::common::board::draw_present(&file, one_pm() + scene.at, (width, height), shown)
}

#[test]
fn snapshots_of_the_projector_in_both_languages_and_two_sizes() {
    for language in [Language::Sv, Language::En] {
        for scene in scenes(language) {
            for (width, height) in [(80, 24), (200, 60)] {
                let name =
                    format!("present_{}_{language:?}_{width}x{height}", scene.name).to_lowercase();
                insta::assert_snapshot!(name, draw(&scene, width, height).backend().to_string());
            }
        }
    }
}

#[test]
fn a_private_note_never_reaches_the_room() {
    for scene in scenes(Language::Sv) {
        for (width, height) in [(80, 24), (200, 60), (300, 80)] {
            let screen = draw(&scene, width, height).backend().to_string();
            assert!(!screen.contains("HEMLIGT"), "{}", scene.name);
        }
    }
}

#[test]
fn every_size_draws_without_a_panic() {
    for scene in scenes(Language::En) {
        for width in [1, 2, 5, 20, 39, 40, 41, 80, 120, 200, 300] {
            for height in [1, 2, 5, 11, 12, 13, 24, 40, 60, 80] {
                draw(&scene, width, height);
            }
        }
    }
}

#[test]
fn keys_b_toggles_the_board_and_esc_ctrl_q_leave_but_q_does_not() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use samla::app::{PresentKey, present_key};
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    assert_eq!(
        present_key(plain(KeyCode::Char('b'))),
        Some(PresentKey::ToggleBoard)
    );
    // `q` marks a quote on the run screen: here it means nothing, not "quit".
    assert_eq!(present_key(plain(KeyCode::Char('q'))), None);
    assert_eq!(present_key(plain(KeyCode::Esc)), Some(PresentKey::Back));
    for key in [
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL),
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    ] {
        assert_eq!(present_key(key), Some(PresentKey::Quit));
    }
    assert_eq!(
        present_key(plain(KeyCode::Char(' '))),
        None,
        "the room cannot start timers"
    );
}

#[test]
fn no_color_draws_the_projector_without_a_colour() {
    for scene in scenes(Language::Sv) {
        let file = app::snapshot(&scene.state, "test", one_pm());
        let cache = samla::ui::DrawCache::default();
        let view = ui::PresentView {
            board: scene.board,
            ..present_view(
                &file,
                Theme::new(true),
                one_pm() + scene.at,
                stockholm(),
                &cache,
            )
        };
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a terminal");
        terminal
            .draw(|frame| ui::render_present(frame, &view))
            .expect("drawn");
        let coloured = terminal.backend().buffer().content.iter().any(|cell| {
            cell.fg != ratatui::style::Color::Reset || cell.bg != ratatui::style::Color::Reset
        });
        assert!(!coloured, "{} has colour", scene.name);
    }
}

#[test]
fn when_the_day_is_over_the_room_sees_that_and_no_frozen_countdown() {
    let mut over = session("seminarium-1", Language::Sv);
    act(&mut over, 0, SessionAction::ToggleTimer);
    let segments = over.session().agenda.segments.len();
    for minute in 1..=segments as i64 {
        act(&mut over, minute * 10, SessionAction::Next);
    }
    assert!(over.session().is_over());
    let scene = Scene {
        name: "over",
        state: over,
        at: Duration::minutes(200),
        board: false,
    };
    let screen = draw(&scene, 100, 30).backend().to_string();
    assert!(screen.contains("Seminariet är avslutat"), "{screen}");
    assert!(screen.contains("Slutade 14:"), "{screen}");
    assert!(!screen.contains('█'), "a countdown is drawn:\n{screen}");
    assert!(
        !screen.contains("x skriver"),
        "the room has no keys:\n{screen}"
    );
}

#[test]
fn question_mark_shows_the_projectors_own_keys_and_no_others() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use samla::app::{PresentKey, present_key};
    assert_eq!(
        present_key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE)),
        Some(PresentKey::ToggleHelp)
    );
    for (language, own, runs) in [
        (Language::Sv, "lämna projektorvyn", "Mellanslag"),
        (Language::En, "leave the projector", "Space"),
    ] {
        let state = session("seminarium-1", language);
        let now = one_pm();
        let file = app::snapshot(&state, "seminarium-1", now);
        let cache = samla::ui::DrawCache::default();
        let view = ui::PresentView {
            help: true,
            ..present_view(&file, Theme::new(false), now, stockholm(), &cache)
        };
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        terminal
            .draw(|frame| ui::render_present(frame, &view))
            .expect("drawn");
        let screen = terminal.backend().to_string();
        assert!(screen.contains(own), "{screen}");
        assert!(
            !screen.contains(runs),
            "the run screen's keys do not work here:\n{screen}"
        );
    }
}
