//! The workshop's board shapes on the run screen and the projector,
//! headless: cards written alone, a board of the exercise's own columns with
//! its name, a matrix per group in a group set of its own, priorities, and the
//! action plan's editor; snapshots at 80×24 and 160×48.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samla::app::{self, AppState};
use samla::session::Lane;

use crate::common::board::{add_card, draw, key, one_pm, press, select_group, state_at, type_text};

/// The nulägesanalys workshop, three municipality groups, at segment `id`.
fn workshop_at(id: &str) -> AppState {
    let mut state = state_at("nulagesanalys", 3, samla::agenda::SegmentKind::Welcome);
    while state.session().current_segment().id.as_deref() != Some(id) {
        press(&mut state, key(KeyCode::Char('n')));
    }
    state
}

fn alt(digit: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(digit), KeyModifiers::ALT)
}

/// Cards written alone: one lane, the room's, whichever group was selected.
fn individual() -> AppState {
    let mut state = workshop_at("enskilt");
    select_group(&mut state, 2);
    add_card(&mut state, "Mentorerna ringer hem första frånvarodagen.");
    add_card(&mut state, "Elevhälsan finns nära.");
    state
}

/// The current-state analysis: Styrkor / Hinder, a card in each, the
/// second group's hinder selected.
fn columns() -> AppState {
    let mut state = workshop_at("nulage");
    select_group(&mut state, 1);
    add_card(&mut state, "Tydlig rutin för frånvaroanmälan");
    press(&mut state, alt('2'));
    type_text(&mut state, "Sekretessen stoppar samtalen");
    press(&mut state, key(KeyCode::Esc));
    select_group(&mut state, 2);
    press(&mut state, key(KeyCode::Tab));
    add_card(&mut state, "Långa köer till BUP");
    state
}

/// The matrix of the mixed groups: cards in three cells of group 1, two
/// of them its priorities, and group 2's one card, in the cell still selected.
fn matrix() -> AppState {
    let mut state = workshop_at("analys");
    select_group(&mut state, 1);
    add_card(&mut state, "Rutinerna skiljer sig mellan skolorna");
    press(&mut state, key(KeyCode::Char('*')));
    // Organisation × Skola is the fifth cell, row by row.
    press(&mut state, alt('5'));
    type_text(&mut state, "Ingen äger frågan om närvaro");
    press(&mut state, key(KeyCode::Esc));
    press(&mut state, key(KeyCode::Char('*')));
    press(&mut state, key(KeyCode::Char('t')));
    press(&mut state, alt('9'));
    type_text(&mut state, "Frånvaro ses som elevens problem");
    press(&mut state, key(KeyCode::Esc));
    select_group(&mut state, 2);
    add_card(&mut state, "Vårdnadshavare når inte fram");
    select_group(&mut state, 1);
    state
}

/// The action plan's editor open on a card with its owner and dates.
fn plan_editor() -> AppState {
    let mut state = workshop_at("handlingsplan");
    select_group(&mut state, 3);
    press(&mut state, key(KeyCode::Char('a')));
    type_text(
        &mut state,
        "Gemensam rutin för första frånvarodagen @Rektorerna !31/3",
    );
    state
}

/// A scene's name and how to reach it.
type Scene = (&'static str, fn() -> AppState);

/// Where a card sits: its group, matrix row and column, priority and tag.
type Placed<'a> = (
    Lane,
    Option<&'a str>,
    Option<&'a str>,
    bool,
    Option<&'a str>,
);

fn room(state: &AppState, width: u16, height: u16) -> Terminal<TestBackend> {
    let file = app::snapshot(state, "test", one_pm());
    let shown = crate::common::board::Projector {
        board: true,
        qr: true,
    };
    crate::common::board::draw_present(&file, one_pm(), (width, height), shown)
}

#[test]
fn snapshots_of_each_new_board_shape_at_two_sizes() {
    let scenes: [Scene; 4] = [
        ("individual", individual),
        ("columns", columns),
        ("matrix", matrix),
        ("plan_editor", plan_editor),
    ];
    for (name, scene) in scenes {
        let state = scene();
        for (width, height) in [(80, 24), (160, 48)] {
            let screen = draw(&state, width, height).backend().to_string();
            insta::assert_snapshot!(format!("workshop_{name}_{width}x{height}"), screen);
        }
    }
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = room(&matrix(), width, height).backend().to_string();
        insta::assert_snapshot!(format!("workshop_matrix_room_{width}x{height}"), screen);
    }
}

#[test]
fn the_exercise_s_name_stands_above_its_title_and_its_own_columns_head_the_board() {
    let screen = draw(&columns(), 160, 48).backend().to_string();
    assert!(screen.contains("Nulägesanalys"), "{screen}");
    assert!(!screen.contains("Gruppsamtal"), "{screen}");
    for column in ["Styrkor", "Hinder"] {
        assert!(screen.contains(column), "{screen}");
    }
}

#[test]
fn each_card_of_the_matrix_sits_in_its_cell_and_a_group_marks_its_priorities() {
    let state = matrix();
    let current = state.session().current;
    let placed: Vec<Placed> = state
        .session()
        .cards
        .iter()
        .filter(|card| card.segment == current)
        .map(|card| {
            (
                card.group,
                card.row.as_deref(),
                card.horizon.as_deref(),
                card.priority,
                card.tag.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        placed,
        [
            (
                Lane::Group(0),
                Some("Regelverk"),
                Some("Elev och familj"),
                true,
                None
            ),
            (
                Lane::Group(0),
                Some("Organisation"),
                Some("Skola"),
                true,
                Some("Främja")
            ),
            (
                Lane::Group(0),
                Some("Synsätt"),
                Some("Kommun och region"),
                false,
                None
            ),
            (
                Lane::Group(1),
                Some("Synsätt"),
                Some("Kommun och region"),
                false,
                None
            ),
        ]
    );
    // The mixed groups are this segment's: four of them, with their own names.
    assert_eq!(state.session().group_count_in(current), 4);
    let screen = draw(&state, 160, 48).backend().to_string();
    assert!(screen.contains("Blandad grupp 1"), "{screen}");
    assert!(screen.contains("Vårt fokus: övergångar"), "{screen}");
}
