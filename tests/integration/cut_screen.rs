//! What does not fit says so: groups out of sight above, below or to the side
//! are counted and pointed at, poll boxes are told apart by what differs, and
//! the private note shows whole where there is room. In both languages, at
//! 80×24 and 160×48.

use crate::common;

use common::board::{SAYINGS, add_card, draw, key, press, select_group, state_at, type_text};
use crossterm::event::KeyCode;
use samla::agenda::{Language, SegmentKind};
use samla::app::AppState;

fn agenda_of(language: Language, kind: SegmentKind) -> &'static str {
    match (language, kind) {
        (Language::Sv, SegmentKind::Vision) => "seminarium-3",
        (Language::Sv, _) => "seminarium-1",
        (Language::En, _) => "workshop-en",
    }
}

/// Six groups with two cards each in a segment of `kind`, group 3 selected.
fn six_groups(language: Language, kind: SegmentKind) -> AppState {
    let mut state = state_at(agenda_of(language, kind), 6, kind);
    for group in 1..=6 {
        select_group(&mut state, group);
        add_card(&mut state, SAYINGS[group % SAYINGS.len()]);
        add_card(&mut state, SAYINGS[(group + 3) % SAYINGS.len()]);
    }
    select_group(&mut state, 3);
    state
}

fn screen(state: &AppState, width: u16, height: u16) -> String {
    draw(state, width, height).backend().to_string()
}

fn snapshots(name: &str, state: &AppState, language: Language) {
    for (width, height) in [(80, 24), (160, 48)] {
        insta::assert_snapshot!(
            format!("{name}_{language:?}_{width}x{height}").to_lowercase(),
            screen(state, width, height)
        );
    }
}

#[test]
fn the_vision_board_says_how_many_groups_are_above_and_below() {
    for (language, above, below) in [
        (Language::Sv, "↑ 2 grupper ovanför", "↓ 2 grupper nedanför"),
        (Language::En, "↑ 1 group above", "↓ 3 groups below"),
    ] {
        let state = six_groups(language, SegmentKind::Vision);
        let small = screen(&state, 80, 24);
        assert!(small.contains(above), "{small}");
        assert!(small.contains(below), "{small}");
        let large = screen(&state, 160, 48);
        assert!(!large.contains(above) && !large.contains(below), "{large}");
        snapshots("vision_six_groups", &state, language);
    }
}

#[test]
fn the_group_round_says_how_many_groups_are_to_either_side() {
    for (language, right, left) in [
        (Language::Sv, "3 grupper ▶", "◀ 3 grupper"),
        (Language::En, "3 groups ▶", "◀ 3 groups"),
    ] {
        let mut state = six_groups(language, SegmentKind::GroupDiscussion);
        select_group(&mut state, 1);
        let first = screen(&state, 80, 24);
        assert!(first.contains(right), "{first}");
        assert!(!first.contains('◀'), "{first}");
        select_group(&mut state, 6);
        let last = screen(&state, 80, 24);
        assert!(last.contains(left), "{last}");
        assert!(!last.contains('▶'), "{last}");
        select_group(&mut state, 3);
        snapshots("group_round_six_groups", &state, language);
    }
}

#[test]
fn poll_boxes_cut_alike_are_told_apart_by_what_differs() {
    for language in [Language::Sv, Language::En] {
        let mut state = state_at("seminarium-1", 4, SegmentKind::Poll);
        state.speak(language);
        let small = screen(&state, 80, 24);
        assert!(
            small.contains("4b. …förebygga skolnärvaroproblem"),
            "{small}"
        );
        assert!(small.contains("4c. …främja skolnärvaro"), "{small}");
        let large = screen(&state, 160, 48);
        assert!(
            large.contains("främja skolnärvaro") && large.contains("förebygga skolnärvaroproblem"),
            "{large}"
        );
        snapshots("poll_statements", &state, language);
    }
}

#[test]
fn a_long_private_note_shows_whole_on_a_large_screen() {
    let note = "Fråga Malin om statistiken från elevhälsan innan samtalet, och be \
                grupperna lyfta exemplet från Tyresö i återkopplingen efteråt";
    for language in [Language::Sv, Language::En] {
        let mut state = six_groups(language, SegmentKind::GroupDiscussion);
        press(&mut state, key(KeyCode::Char('f')));
        type_text(&mut state, note);
        press(&mut state, key(KeyCode::Esc));
        let large = screen(&state, 220, 60);
        assert!(large.contains("efteråt"), "the end of the note: {large}");
        let small = screen(&state, 80, 24);
        assert!(small.contains("Fråga Malin"), "{small}");
        snapshots("private_note", &state, language);
    }
}
