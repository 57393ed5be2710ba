//! The projector with the room open, as the room sees it through a day:
//! snapshots at three projector sizes in both languages, and the QR code in
//! a place of its own, never over text.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use samla::agenda::{Language, load_bundled};
use samla::app::{Action, AppState};
use samla::room::{Door, RoomAction};
use samla::session::{Answer, CardAction, Lane, Session, SessionAction};
use samla::store::SessionFile;
use samla::ui::Theme;

use crate::common::board::{key, one_pm, press};

const SIZES: [(u16, u16); 3] = [(200, 60), (160, 45), (120, 35)];

fn door() -> Door {
    Door {
        url: "http://192.168.1.23:8765".into(),
        code: "K7M2QX".into(),
    }
}

/// Seminar 1 for five named municipalities with the room open, in the
/// screen's `language`.
fn opened(language: Language) -> AppState {
    let agenda = load_bundled("seminarium-1")
        .expect("bundled")
        .expect("valid");
    let groups = ["Norrtälje", "Vallentuna", "Täby", "Österåker", "Vaxholm"];
    let session = Session::new(
        agenda,
        groups.iter().map(|name| (*name).to_owned()).collect(),
        one_pm(),
    );
    let mut state = AppState::new(session, language, Theme::new(false), true, one_pm());
    let _ = state.update(Action::RoomOpened(Ok(door())), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    state
}

fn session_action(state: &mut AppState, action: SessionAction) {
    let _ = state.update(Action::Session(action), one_pm());
}

/// Started, and moved on to segment `index` (Seminar 1: 0 the survey, 2 a
/// group discussion, 3 a plenary, 4 the break, 8 the closing).
fn at_segment(language: Language, index: usize) -> AppState {
    let mut state = opened(language);
    session_action(&mut state, SessionAction::ToggleTimer);
    for _ in 0..index {
        session_action(&mut state, SessionAction::Next);
    }
    state
}

fn add_card(state: &mut AppState, lane: Lane, text: &str) {
    let segment = state.session().current;
    session_action(
        state,
        SessionAction::Card(CardAction::Add {
            segment,
            group: lane,
            text: text.to_owned(),
        }),
    );
}

/// A moment of the day as the projector shows it.
struct Scene {
    name: &'static str,
    file: SessionFile,
    at: DateTime<Utc>,
    board: bool,
}

fn scene(name: &'static str, state: &AppState, minutes: i64, board: bool) -> Scene {
    Scene {
        name,
        file: samla::app::snapshot(state, "seminarium-1", one_pm()),
        at: one_pm() + Duration::minutes(minutes),
        board,
    }
}

fn scenes(language: Language) -> Vec<Scene> {
    let before = opened(language);
    let group = at_segment(language, 2);
    let mut board = at_segment(language, 2);
    for (group, text) in [
        (0, "Tidiga signaler när eleven börjar utebli"),
        (2, "Samverkan mellan skola och socialtjänst"),
        (4, "En gemensam rutin för frånvaroanmälan"),
    ] {
        add_card(&mut board, Lane::Group(group), text);
    }
    let mut plenary = at_segment(language, 3);
    for text in [
        "Vi behöver en gemensam bild av närvaron",
        "Elevhälsan med tidigt",
        "Följ upp om en månad",
    ] {
        add_card(&mut plenary, Lane::Plenary, text);
    }
    let on_break = at_segment(language, 4);
    let mut results = at_segment(language, 0);
    for device in 0..4u32 {
        let answer = RoomAction::Answer {
            device,
            segment: Some(0),
            sector: None,
            answers: vec![Answer::Value(4); 6],
            other: Default::default(),
        };
        let _ = results.update(Action::FromRoom(u64::from(device), answer), one_pm());
    }
    press(&mut results, key(KeyCode::Char('o')));
    let mut after = at_segment(language, 8);
    session_action(&mut after, SessionAction::Next);
    assert!(after.session().is_over());
    let mut after = scene("after_the_end", &after, 200, false);
    // The run screen quit: its last save closed the room.
    after.file.room = None;
    vec![
        scene("before_the_start", &before, 0, false),
        scene("group_segment", &group, 12, false),
        scene("board", &board, 14, true),
        scene("plenary", &plenary, 30, true),
        scene("break", &on_break, 50, true),
        scene("results", &results, 8, false),
        after,
    ]
}

fn draw(scene: &Scene, width: u16, height: u16, qr: bool) -> Terminal<TestBackend> {
    let shown = crate::common::board::Projector {
        board: scene.board,
        qr,
    };
    crate::common::board::draw_present(&scene.file, scene.at, (width, height), shown)
}

#[test]
fn snapshots_of_the_projector_through_the_day_with_the_room_open() {
    for language in [Language::Sv, Language::En] {
        for scene in scenes(language) {
            for (width, height) in SIZES {
                let name = format!("present_room_{}_{language:?}_{width}x{height}", scene.name)
                    .to_lowercase();
                let screen = draw(&scene, width, height, true).backend().to_string();
                insta::assert_snapshot!(name, screen);
            }
        }
    }
}

/// The smallest rectangle around the QR code's cells (half blocks in black
/// and white), if one is drawn.
fn qr_area(terminal: &Terminal<TestBackend>) -> Option<ratatui::layout::Rect> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let cells: Vec<(u16, u16)> = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|(x, y)| is_qr(&buffer[(*x, *y)]))
        .collect();
    let left = cells.iter().map(|(x, _)| *x).min()?;
    let top = cells.iter().map(|(_, y)| *y).min()?;
    let right = cells.iter().map(|(x, _)| *x).max()?;
    let bottom = cells.iter().map(|(_, y)| *y).max()?;
    Some(ratatui::layout::Rect::new(
        left,
        top,
        right - left + 1,
        bottom - top + 1,
    ))
}

fn is_qr(cell: &ratatui::buffer::Cell) -> bool {
    cell.symbol() == "▀"
        && [Color::Black, Color::White].contains(&cell.fg)
        && [Color::Black, Color::White].contains(&cell.bg)
}

#[test]
fn the_qr_code_never_covers_a_cell_of_text() {
    for language in [Language::Sv, Language::En] {
        for scene in scenes(language) {
            for (width, height) in SIZES.into_iter().chain([(80, 24)]) {
                let terminal = draw(&scene, width, height, true);
                let Some(qr) = qr_area(&terminal) else {
                    continue;
                };
                let buffer = terminal.backend().buffer();
                // Every cell in the code's rectangle is the code's: nothing
                // drawn before it was covered, nothing after it went over it
                // (the code is drawn before the text around it).
                for y in qr.top()..qr.bottom() {
                    for x in qr.left()..qr.right() {
                        assert!(
                            is_qr(&buffer[(x, y)]),
                            "{} at {width}×{height}: ({x}, {y}) in the code is {:?}\n{}",
                            scene.name,
                            buffer[(x, y)].symbol(),
                            terminal.backend()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_way_in_is_large_before_the_start_small_after_and_gone_when_the_room_closes() {
    let scenes = scenes(Language::Sv);
    let named = |name: &str| {
        scenes
            .iter()
            .find(|scene| scene.name == name)
            .expect("a scene")
    };
    let slide = qr_area(&draw(named("before_the_start"), 200, 60, true)).expect("a QR code");
    let corner = qr_area(&draw(named("group_segment"), 200, 60, true)).expect("a QR code");
    assert_eq!(
        slide.width,
        2 * corner.width,
        "the join slide's code is large"
    );
    assert!(
        corner.right() >= 198 && corner.bottom() >= 50,
        "small in the lower right corner: {corner:?}"
    );
    let before = draw(named("before_the_start"), 200, 60, true)
        .backend()
        .to_string();
    for step in [
        "Skanna QR-koden",
        "http://192.168.1.23:8765",
        "Börjar snart",
    ] {
        assert!(before.contains(step), "{before}");
    }
    // Hidden with `w`, the address and the code stay in the footer.
    let hidden = draw(named("group_segment"), 200, 60, false);
    assert_eq!(qr_area(&hidden), None);
    let footer = hidden.backend().to_string();
    let footer = footer.lines().last().expect("a footer");
    assert!(
        footer.contains("rummet 192.168.1.23:8765 · kod K7M2QX"),
        "{footer}"
    );
    // After the run screen quit, no dead address and no code.
    let after = draw(named("after_the_end"), 200, 60, true);
    assert_eq!(qr_area(&after), None);
    let after = after.backend().to_string();
    assert!(after.contains("Rummet är stängt"), "{after}");
    assert!(!after.contains("K7M2QX"), "{after}");
}

#[test]
fn a_break_and_a_plenary_show_no_empty_group_columns() {
    let scenes = scenes(Language::Sv);
    for name in ["break", "plenary"] {
        let scene = scenes
            .iter()
            .find(|scene| scene.name == name)
            .expect("a scene");
        let screen = draw(scene, 160, 45, true).backend().to_string();
        assert!(!screen.contains("Norrtälje (0)"), "{name}:\n{screen}");
        assert!(!screen.contains("Vaxholm (0)"), "{name}:\n{screen}");
    }
    let on_break = draw(&scenes[4], 160, 45, true).backend().to_string();
    assert!(on_break.contains("Paus till 13:50"), "{on_break}");
    let plenary = draw(&scenes[3], 160, 45, true).backend().to_string();
    assert!(plenary.contains("Helgrupp (3)"), "{plenary}");
    assert!(plenary.contains("Följ upp om en månad"), "{plenary}");
}

#[test]
fn w_shows_and_hides_the_qr_code_on_the_projector() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    use samla::app::{PresentKey, present_key};
    assert_eq!(
        present_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE)),
        Some(PresentKey::ToggleQr)
    );
}
