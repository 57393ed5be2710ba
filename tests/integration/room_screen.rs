//! The room on the screens, headless: the join screen, the status line and
//! the board with cards from phones on the run screen, the corner of the
//! projector; snapshots in both languages at two sizes, and the QR codes
//! drawn there read back with a real QR decoder.

use chrono::Duration;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use samla::agenda::{Language, SegmentKind};
use samla::app::{self, Action, AppState};
use samla::room::{Door, RoomAction};
use samla::session::Lane;
use samla::ui::Theme;

use crate::common::board::{draw, key, one_pm, press, select_group, state_at};

fn door() -> Door {
    Door {
        url: "http://192.168.1.23:8765".into(),
        code: "K7M2QX".into(),
    }
}

/// The action plan with its room open, a card posted from a phone in group 1,
/// another in group 2 that the facilitator took down, and one typed on screen.
fn action_plan_with_room_cards(agenda: &str) -> AppState {
    let mut state = state_at(agenda, 3, SegmentKind::ActionPlan);
    let _ = state.update(Action::RoomOpened(Ok(door())), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    let current = state.session().current;
    let columns = state.session().columns(current).expect("columns");
    let texts = ["Gemensam rutin för frånvaroanmälan", "Olämpligt kort"];
    for (group, text) in texts.into_iter().enumerate() {
        let post = RoomAction::Post {
            device: 1,
            segment: Some(current.0),
            lane: samla::session::Lane::Group(group),
            text: text.into(),
            column: Some(columns[1].clone()),
            row: None,
        };
        let _ = state.update(Action::FromRoom(group as u64, post), one_pm());
    }
    let taken_down = samla::session::CardId(state.session().next_card_id.0 - 1);
    state.select(Lane::Group(1), Some(taken_down));
    press(&mut state, key(KeyCode::Char('d')));
    select_group(&mut state, 1);
    press(&mut state, key(KeyCode::Char('a')));
    for letter in "Skrivet av antecknaren".chars() {
        press(&mut state, key(KeyCode::Char(letter)));
    }
    press(&mut state, key(KeyCode::Esc));
    state
}

fn agenda_of(language: Language) -> &'static str {
    match language {
        Language::Sv => "seminarium-3",
        Language::En => "workshop-en",
    }
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::Sv => "sv",
        Language::En => "en",
    }
}

#[test]
fn snapshots_of_the_join_screen_and_the_board_with_room_cards() {
    for language in [Language::Sv, Language::En] {
        let mut state = action_plan_with_room_cards(agenda_of(language));
        let lang = language_name(language);
        for (width, height) in [(80, 24), (160, 48)] {
            let board = draw(&state, width, height).backend().to_string();
            insta::assert_snapshot!(format!("room_board_{lang}_{width}x{height}"), board);
        }
        press(&mut state, key(KeyCode::Char('w')));
        for (width, height) in [(80, 24), (160, 48)] {
            let join = draw(&state, width, height).backend().to_string();
            insta::assert_snapshot!(format!("room_join_{lang}_{width}x{height}"), join);
        }
    }
}

#[test]
fn the_status_line_shows_the_way_in_while_the_room_is_open() {
    let mut state = action_plan_with_room_cards("seminarium-3");
    let status = |state: &AppState| {
        let screen = draw(state, 160, 48).backend().to_string();
        screen.lines().last().unwrap_or_default().to_owned()
    };
    assert!(status(&state).contains("rummet 192.168.1.23:8765 · kod K7M2QX"));
    let narrow = draw(&state, 80, 24).backend().to_string();
    assert!(
        narrow
            .lines()
            .last()
            .unwrap_or_default()
            .contains("kod K7M2QX")
    );
    press(&mut state, key(KeyCode::Char('w')));
    press(&mut state, key(KeyCode::Char('w')));
    assert!(state.door().is_none());
    assert!(!status(&state).contains("K7M2QX"));
}

#[test]
fn the_board_marks_room_cards_and_the_hidden_one() {
    let state = action_plan_with_room_cards("seminarium-3");
    let screen = draw(&state, 160, 48).backend().to_string();
    assert!(screen.contains("☏ Gemensam rutin"), "{screen}");
    assert!(
        screen.contains("☏ Olämpligt kort"),
        "the note-taker still sees it"
    );
    assert!(screen.contains("· dold"));
    assert!(screen.contains("• Skrivet av antecknaren"));
    let hidden = state
        .session()
        .cards
        .iter()
        .find(|card| card.text == "Olämpligt kort")
        .expect("the card");
    assert!(hidden.hidden && hidden.group == Lane::Group(1));
}

/// The projector of `state` as `samla present` draws it from the saved file.
fn present(state: &AppState, width: u16, height: u16, board: bool) -> Terminal<TestBackend> {
    let now = one_pm() + Duration::minutes(5);
    let file = app::snapshot(state, "seminarium-3", now);
    assert_eq!(
        file.room.as_ref(),
        state.door(),
        "the file carries the door"
    );
    let shown = crate::common::board::Projector { board, qr: true };
    crate::common::board::draw_present(&file, now, (width, height), shown)
}

#[test]
fn snapshots_of_the_projector_with_the_way_in_in_its_corner() {
    for language in [Language::Sv, Language::En] {
        let state = action_plan_with_room_cards(agenda_of(language));
        let lang = language_name(language);
        for (width, height) in [(80, 24), (160, 48)] {
            let screen = present(&state, width, height, false).backend().to_string();
            insta::assert_snapshot!(format!("room_present_{lang}_{width}x{height}"), screen);
        }
        let board = present(&state, 160, 48, true).backend().to_string();
        assert!(board.contains("Gemensam rutin"));
        assert!(
            !board.contains("Olämpligt"),
            "a hidden card never reaches the room"
        );
        assert!(
            !board.contains("☏"),
            "the projector does not mark who typed"
        );
    }
}

/// The QR code drawn in `terminal`: its half blocks back to modules, four
/// pixels a module, read by a real QR decoder.
fn scanned(terminal: &Terminal<TestBackend>) -> Option<String> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let is_qr = |x: u16, y: u16| {
        let cell = &buffer[(x, y)];
        cell.symbol() == "▀"
            && [Color::Black, Color::White].contains(&cell.fg)
            && [Color::Black, Color::White].contains(&cell.bg)
    };
    let cells: Vec<(u16, u16)> = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|(x, y)| is_qr(*x, *y))
        .collect();
    let left = cells.iter().map(|(x, _)| *x).min()?;
    let top = cells.iter().map(|(_, y)| *y).min()?;
    let right = cells.iter().map(|(x, _)| *x).max()?;
    let bottom = cells.iter().map(|(_, y)| *y).max()?;
    let scale = 4;
    let (modules_wide, modules_high) = (
        usize::from(right - left + 1),
        usize::from(bottom - top + 1) * 2,
    );
    let dark = |x: usize, y: usize| {
        let cell = &buffer[(left + (x as u16), top + (y / 2) as u16)];
        let colour = if y.is_multiple_of(2) {
            cell.fg
        } else {
            cell.bg
        };
        colour == Color::Black
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(
        modules_wide * scale,
        modules_high * scale,
        |x, y| if dark(x / scale, y / scale) { 0 } else { 255 },
    );
    let grids = image.detect_grids();
    let (_, content) = grids.first()?.decode().ok()?;
    Some(content)
}

#[test]
fn the_qr_codes_on_the_join_screen_and_the_projector_scan_as_the_join_link() {
    let mut state = action_plan_with_room_cards("seminarium-3");
    press(&mut state, key(KeyCode::Char('w')));
    let link = door().join_link();
    assert_eq!(link, "HTTP://192.168.1.23:8765/J/K7M2QX");
    assert_eq!(
        scanned(&draw(&state, 80, 24)).as_deref(),
        Some(link.as_str())
    );
    assert_eq!(
        scanned(&present(&state, 160, 48, false)).as_deref(),
        Some(link.as_str())
    );
}

#[test]
fn the_projector_shows_a_polls_results_as_bars_only_once_they_are_shown() {
    let mut state = state_at("seminarium-1", 2, SegmentKind::Poll);
    let _ = state.update(Action::RoomOpened(Ok(door())), one_pm());
    let _ = state.update(Action::Dismiss, one_pm());
    for device in 0..4u32 {
        let answer = RoomAction::Answer {
            device,
            segment: Some(state.session().current.0),
            sector: None,
            answers: vec![samla::session::Answer::Value(4); 6],
            other: Default::default(),
        };
        let _ = state.update(Action::FromRoom(u64::from(device), answer), one_pm());
    }
    let hidden = present(&state, 160, 48, false).backend().to_string();
    assert!(!hidden.contains("4 svar"), "{hidden}");
    assert!(hidden.contains("4a. Mina kunskaper"));
    press(&mut state, key(KeyCode::Char('o')));
    let shown = present(&state, 160, 48, false).backend().to_string();
    assert!(shown.contains("4 svar"), "{shown}");
    assert!(shown.contains("medelvärde 4,0"));
    assert!(!shown.contains("i / v"), "no keys on the projector");
    insta::assert_snapshot!("room_present_poll_results_sv_160x48", shown);
}

#[test]
fn a_mixed_survey_shows_choices_by_name_a_trend_and_free_text_only_to_the_facilitator() {
    let mut session = crate::common::survey::answered();
    // Measured twice before in the series; 2,63… now (see the forms).
    let trust = "Vi litar på varandras bedömningar";
    for (month, mean) in [(3, 3.2), (9, 2.1)] {
        session.earlier_means.push(samla::session::EarlierMean {
            statement: trust.to_owned(),
            date: chrono::NaiveDate::from_ymd_opt(2026, month, 1).expect("a date"),
            n: 28,
            mean,
        });
    }
    let mut state = AppState::new(session, Language::Sv, Theme::new(false), true, one_pm());
    press(&mut state, key(KeyCode::Char('o')));
    let room = present(&state, 160, 48, false).backend().to_string();
    // On 1–4, 3,2 is ⅔ up (▆), 2,1 a third (▄), 2,6 just over half (▅).
    assert!(room.contains("3,2 → 2,1 → 2,6 ▆▄▅"), "{room}");
    assert!(
        room.contains("a Styrgrupp") && room.contains("c Möten"),
        "{room}"
    );
    assert!(
        !room.contains("Mer tid"),
        "free text stays off the projector"
    );
    insta::assert_snapshot!("room_present_mixed_survey_sv_160x48", room);
    let screen = draw(&state, 160, 48).backend().to_string();
    assert!(screen.contains("• Mer tid för samverkan"), "{screen}");
    insta::assert_snapshot!("run_screen_mixed_survey_sv_160x48", screen);
}
