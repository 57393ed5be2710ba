//! The roster screen's keys through the real key map: add, name, sector, role,
//! move, attendance, remove after y; and its picture.

use crate::common;

use common::board::{draw, key, press, state_at, type_text};
use crossterm::event::KeyCode;
use samla::agenda::{Role, Sector, SegmentKind};
use samla::app::{AppState, Mode};

fn char_key(c: char) -> crossterm::event::KeyEvent {
    key(KeyCode::Char(c))
}

fn add(state: &mut AppState, name: &str) {
    press(state, char_key('a'));
    type_text(state, name);
    press(state, key(KeyCode::Esc));
}

#[test]
fn the_roster_keys_change_members_and_attendance() {
    let mut state = state_at("seminarium-3", 3, SegmentKind::Vision);
    press(&mut state, char_key('g'));
    assert!(matches!(state.mode(), Mode::Roster(None)));
    add(&mut state, "Anna Åberg");
    assert!(
        matches!(state.mode(), Mode::Roster(Some(0))),
        "back on the roster, on Anna"
    );
    for c in ['s', 's', 'r', 'm', ' '] {
        press(&mut state, char_key(c));
    }
    let anna = state.session().roster.member(0).expect("Anna").clone();
    assert_eq!(
        (anna.sector, anna.role, anna.group),
        (Sector::HALSOVARD, Some(Role::Ledning), 1)
    );
    assert!(state.session().present.contains(&0));
    press(&mut state, key(KeyCode::Enter));
    type_text(&mut state, " Öst");
    press(&mut state, key(KeyCode::Esc));
    assert_eq!(
        state.session().roster.member(0).expect("Anna").name,
        "Anna Åberg Öst"
    );
    add(&mut state, "Bo");
    press(&mut state, char_key('d'));
    press(&mut state, char_key('n'));
    assert!(state.session().roster.member(1).is_some(), "kept without y");
    press(&mut state, char_key('d'));
    press(&mut state, char_key('y'));
    assert!(state.session().roster.member(1).is_none());
    assert!(
        matches!(state.mode(), Mode::Roster(_)),
        "still on the roster"
    );
    press(&mut state, key(KeyCode::Esc));
    assert!(matches!(state.mode(), Mode::Normal));
}

#[test]
fn the_roster_and_the_warning_line_on_screen() {
    let mut state = state_at("seminarium-3", 3, SegmentKind::Vision);
    press(&mut state, char_key('g'));
    add(&mut state, "Anna Åberg");
    press(&mut state, char_key(' '));
    add(&mut state, "Bo Berg");
    press(&mut state, char_key('s'));
    let roster = draw(&state, 100, 30).backend().to_string();
    insta::assert_snapshot!("roster_100x30", roster);
    assert!(roster.contains("[x] Anna Åberg  Skola"), "{roster}");
    assert!(roster.contains("[ ] Bo Berg  Socialtjänst"), "{roster}");
    press(&mut state, key(KeyCode::Esc));
    let screen = draw(&state, 100, 30).backend().to_string();
    let people = screen
        .lines()
        .rev()
        .nth(1)
        .expect("the line above the status line");
    assert!(people.contains("Närvaro i dag 1: skola 1"), "{people}");
    assert!(
        people.contains("⚠ Grupp 1 saknar socialtjänst, hälso- och sjukvård"),
        "{people}"
    );
}
